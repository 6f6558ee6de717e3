// Run as a separate process by the determinism test: renders every valid fixture, prints each file's hash.
import { assertDecision } from '../../src/decision/parse-decision.js';
import { loadFixtures } from '../support/fixtures.js';
import { RENDERER } from '../support/render-kit.js';

const lines: string[] = [];
for (const fixture of loadFixtures('decisions')) {
  const rendered = await RENDERER.render(assertDecision(fixture.record));
  for (const file of rendered.files) lines.push(`${rendered.decisionId}/${file.path} ${file.sha256}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
