// Run as a separate process by the determinism test: renders every valid fixture, prints each file's hash.
import { join } from 'node:path';
import { createTemplateEngine } from '../../src/compose/template-engine.js';
import { assertDecision } from '../../src/decision/parse-decision.js';
import { FIXTURE_EMAIL_CONFIG } from '../support/email-config.js';
import { packageRoot } from '../../src/package-root.js';
import { renderDecision } from '../../src/render/render-decision.js';
import { loadFixtures } from '../support/fixtures.js';

const engine = createTemplateEngine(join(packageRoot(), 'templates'));
const lines: string[] = [];
for (const fixture of loadFixtures('decisions')) {
  const rendered = await renderDecision(assertDecision(fixture.record), { engine, email: FIXTURE_EMAIL_CONFIG });
  for (const file of rendered.files) lines.push(`${rendered.decisionId}/${file.path} ${file.sha256}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
