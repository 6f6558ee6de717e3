// Run as a separate process by the determinism test: renders one fixture and prints its hash.
import { createHash } from 'node:crypto';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import { loadFixture } from './pdf-test-kit.js';

const name = process.argv[2] ?? 'short-letter';
const bytes = await typesetPdf(loadFixture(name));
process.stdout.write(createHash('sha256').update(bytes).digest('hex'));
