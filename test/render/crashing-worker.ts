// A render worker for the pool's tests: it dies on the record whose decision id is CRASH-ME, and
// renders every other record as the real worker does (which it starts first, so it is ready).
import { parentPort } from 'node:worker_threads';

await import('../../src/render/render-worker.js');
parentPort?.on('message', (batch: { jobs?: { record: { decisionId: string } }[] }) => {
  if (batch.jobs?.some((j) => j.record.decisionId === 'CRASH-ME')) process.exit(9);
});
