import { parentPort, workerData } from 'node:worker_threads';
import { compileEmailHtml } from '../email/email-templates.js';
import { HccError } from '../errors.js';
import type { EmailHtmlAnswer } from './compile-email-html-apart.js';

// A short-lived thread that runs MJML on the email templates and ends: the render workers get the
// HTML and never load MJML, and the memory MJML took goes back when this thread exits.
const port = parentPort;
if (!port) throw new Error('email-html-worker runs as a worker thread');
const { emailTemplatesDir } = workerData as { emailTemplatesDir: string };
let answer: EmailHtmlAnswer;
try {
  answer = { ok: true, html: await compileEmailHtml(emailTemplatesDir) };
} catch (error) {
  answer = { ok: false, code: error instanceof HccError ? error.code : 'INTERNAL' };
}
port.postMessage(answer);
