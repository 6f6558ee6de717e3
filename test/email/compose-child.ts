// Run as a separate process by the determinism test: composes every email of one fixture and prints their hashes.
import { createHash } from 'node:crypto';
import { composeEmailsOf } from './email-test-kit.js';

const name = process.argv[2] ?? 'refused-bilingual-en-first';
const emails = await composeEmailsOf(name);
process.stdout.write(JSON.stringify(emails.map((e) => createHash('sha256').update(e.eml).digest('hex'))));
