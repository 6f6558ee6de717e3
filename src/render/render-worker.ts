import { parentPort, workerData } from 'node:worker_threads';
import type { EmailHtml } from '../email/email-templates.js';
import { createRenderer } from './create-renderer.js';
import { loadPackageAssets } from './package-assets.js';
import { writeDecisionFolder } from '../output/write-decision-folder.js';
import { renderFailure, writtenDecision, type RenderBatch, type RenderBatchResult, type RenderWorkerData } from './render-messages.js';

// One worker thread of the render pool: its own renderer, built once, renders the batches it is sent.
const port = parentPort;
if (!port) throw new Error('render-worker runs as a worker thread');
const { config, emailHtml } = workerData as RenderWorkerData;
// The pool runs MJML once, in a thread of its own; a worker started before that finished waits for it here.
const html = emailHtml ?? (await new Promise<EmailHtml>((resolve) => port.once('message', (message: { emailHtml: EmailHtml }) => { resolve(message.emailHtml); })));
const renderer = await createRenderer({ ...loadPackageAssets(config), emailHtml: html });

port.on('message', (batch: RenderBatch) => {
  void (async () => {
    const results: RenderBatchResult['results'][number][] = [];
    for (const { record, outDir } of batch.jobs) {
      try {
        const rendered = await renderer.render(record);
        results.push(outDir === undefined ? { ok: true, rendered } : { ok: true, written: writtenDecision(rendered, writeDecisionFolder(outDir, rendered)) });
      } catch (error) {
        results.push(renderFailure(error));
      }
    }
    port.postMessage({ id: batch.id, results } satisfies RenderBatchResult);
  })();
});
port.postMessage({ ready: true });
