import { Worker } from 'node:worker_threads';
import { readCompiledEmailHtml } from '../email/compiled-email-html.js';
import type { EmailHtml } from '../email/email-templates.js';
import { siblingModule, workerEntry } from './worker-entry.js';

/** What the MJML thread answers: the HTML, or the code of what went wrong (never a message). */
export type EmailHtmlAnswer = { readonly ok: true; readonly html: EmailHtml } | { readonly ok: false; readonly code: string };

/**
 * The email templates' HTML: from `compiledFile` when it was made from these same templates (no
 * MJML at all), else from MJML run in a thread that ends once it has answered, so that neither
 * the caller nor the render workers hold MJML (about 60 MB a thread). A thread that dies without
 * answering is `WORKER_START_FAILED`.
 */
export async function compileEmailHtmlApart(emailTemplatesDir: string, compiledFile?: string): Promise<EmailHtmlAnswer> {
  const kept = compiledFile === undefined ? undefined : await readCompiledEmailHtml(emailTemplatesDir, compiledFile);
  if (kept !== undefined) return { ok: true, html: kept };
  return new Promise((resolve) => {
    const { entry, eval: evaluate } = workerEntry(siblingModule('email-html-worker', import.meta.url));
    const worker = new Worker(entry, { eval: evaluate, workerData: { emailTemplatesDir }, stdout: false, stderr: false });
    let answered = false;
    worker.once('message', (answer: EmailHtmlAnswer) => {
      answered = true;
      resolve(answer);
    });
    worker.once('error', () => { if (!answered) resolve({ ok: false, code: 'WORKER_START_FAILED' }); });
    worker.once('exit', () => { if (!answered) resolve({ ok: false, code: 'WORKER_START_FAILED' }); });
  });
}
