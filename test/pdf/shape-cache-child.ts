// Run as a separate process under a small heap by the shape-cache test: shapes many distinct
// long unbreakable texts, as a batch of letters full of long reference numbers would.
import { loadFontFaces } from '../../src/pdf/font-faces.js';
import { shapeText } from '../../src/pdf/shape-text.js';

const faces = await loadFontFaces();
const count = Number(process.argv[2] ?? '6000');
for (let index = 0; index < count; index += 1) {
  // 250 letters, no two texts alike.
  const text = `${String(index).padStart(6, '0')}${'abcdefghij'.repeat(25)}`.slice(0, 250);
  shapeText(faces.regular, text, 'test');
}
process.stdout.write('done');
