// `npm run bench`: letters per second for this typesetter against pdfmake and headless Chromium,
// then whole decisions per second through the built `hcc render`. The last line is one JSON object.
// Compiled by tsconfig.bench.json into node_modules/.cache/hcc-bench (never into dist/, which ships),
// so that it measures what tsc emits and no TypeScript loader sits in its memory.
// Options: --out DIR keeps each engine's PDF; --records N sizes the decisions batch (default
// 3000, 0 skips it); --rounds N sets the letters rounds (default 8); --decision-rounds N the
// rounds of the pool against one worker (default 3); --deliveries N the emails of the delivery
// benchmark (default 3000, 0 skips it; --only-delivery runs nothing else); --server-seconds N the
// load on each server route with 20 concurrent clients (default 10, 0 skips the server benchmark).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import type { LetterDocument } from '../../src/pdf/letter-document.js';
import { benchmarkDecisions } from './decisions-benchmark.js';
import { benchmarkDelivery } from './delivery-benchmark.js';
import { benchmarkLetters } from './letters-benchmark.js';
import { benchmarkServer, reportServer } from './server-benchmark.js';

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function wholeNumber(text: string | undefined, fallback: number, least: number): number {
  const value = Number(text ?? fallback);
  return Number.isInteger(value) && value >= least ? value : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = option(args, '--out');
  const batchRecords = wholeNumber(option(args, '--records'), 3_000, 0);
  const decisionRounds = wholeNumber(option(args, '--decision-rounds'), 3, 1);
  const rounds = wholeNumber(option(args, '--rounds'), 8, 1);
  const deliveries = wholeNumber(option(args, '--deliveries'), 3_000, 0);
  if (args.includes('--only-delivery')) {
    const delivery = await benchmarkDelivery(deliveries);
    console.log(JSON.stringify({ deliveryMessages: delivery.messages, deliveryPoolAloneMessagesPerSecond: Math.round(delivery.poolAloneMessagesPerSecond * 10) / 10, deliverySqliteMessagesPerSecond: Math.round(delivery.sqliteMessagesPerSecond * 10) / 10, deliveryPostgres2WorkersMessagesPerSecond: delivery.postgresMessagesPerSecond === null ? null : Math.round(delivery.postgresMessagesPerSecond * 10) / 10 }));
    return;
  }
  const serverSeconds = wholeNumber(option(args, '--server-seconds'), 10, 0);
  const fixture = join(packageRoot(), 'fixtures', 'documents', 'reference-letter-fr.json');
  const doc = JSON.parse(readFileSync(fixture, 'utf8')) as LetterDocument;

  const letters = await benchmarkLetters(doc, rounds, outDir);
  const decisions = batchRecords > 0 ? await benchmarkDecisions(batchRecords, decisionRounds) : undefined;
  const delivery = deliveries > 0 ? await benchmarkDelivery(deliveries) : undefined;
  const server = serverSeconds > 0 ? await benchmarkServer(serverSeconds) : undefined;
  if (server !== undefined) reportServer(server);

  const round = (value: number): number => Math.round(value * 10) / 10;
  const round2 = (value: number): number => Math.round(value * 100) / 100;
  const rangeOf = (summary: { min: number; max: number } | undefined): [number, number] | null =>
    summary === undefined ? null : [round(summary.min), round(summary.max)];
  console.log(
    JSON.stringify({
      lettersPerSecond: round(letters.ours.median),
      pdfmakeLettersPerSecond: round(letters.pdfmake.median),
      chromiumLettersPerSecond: letters.chromium === undefined ? null : round(letters.chromium.median),
      // Medians of the ratios taken within each round, with their ranges over the rounds.
      ratioVsPdfmake: round(letters.ratioVsPdfmake.median),
      ratioVsChromium: letters.ratioVsChromium === undefined ? null : round(letters.ratioVsChromium.median),
      ratioVsPdfmakeRange: rangeOf(letters.ratioVsPdfmake),
      ratioVsChromiumRange: rangeOf(letters.ratioVsChromium),
      letterRounds: letters.rounds,
      peakRssMb: letters.peakRssMb,
      decisionsPerSecond: decisions === undefined ? null : round(decisions.decisionsPerSecond),
      decisionsPerSecondOneWorker: decisions === undefined ? null : round(decisions.decisionsPerSecondOneWorker),
      // Two decimals: a bar of 1.7x is not met by 1.69x rounded up.
      poolRatio: decisions === undefined ? null : round2(decisions.poolRatio.median),
      poolRatioRange: decisions === undefined ? null : [round2(decisions.poolRatio.min), round2(decisions.poolRatio.max)],
      decisionsSteadyAfterRecords: decisions?.warmUpRecords ?? null,
      decisionsPerSecondWholeRun: decisions === undefined ? null : round(decisions.wholeRun.decisionsPerSecond),
      decisionsPerSecondOneWorkerWholeRun: decisions === undefined ? null : round(decisions.wholeRun.decisionsPerSecondOneWorker),
      poolRatioWholeRun: decisions === undefined ? null : round2(decisions.wholeRun.poolRatio.median),
      workers: decisions?.workers ?? null,
      batchRecords: decisions?.batchRecords ?? 0,
      peakRssMbTree: decisions?.peakRssMbTree ?? null,
      submitDecisionsPerSecond: decisions === undefined ? null : round(decisions.intake.submitDecisionsPerSecond),
      // hcc deliver --once to a loopback SMTP server that discards: SQLite, one process; PostgreSQL, two processes.
      deliveryMessages: delivery?.messages ?? 0,
      deliveryPoolAloneMessagesPerSecond: delivery === undefined ? null : round(delivery.poolAloneMessagesPerSecond),
      deliverySqliteMessagesPerSecond: delivery === undefined ? null : round(delivery.sqliteMessagesPerSecond),
      deliveryPostgres2WorkersMessagesPerSecond: delivery?.postgresMessagesPerSecond == null ? null : round(delivery.postgresMessagesPerSecond),
      // hcc serve, 20 concurrent clients on loopback: latencies in ms, the POST in decisions/s.
      serverConnections: server?.connections ?? null,
      decisionPageP50Ms: server?.decisionPage.p50 ?? null,
      decisionPageP95Ms: server?.decisionPage.p95 ?? null,
      decisionPageP99Ms: server?.decisionPage.p99 ?? null,
      documentFetchP50Ms: server?.documentFetch.p50 ?? null,
      documentFetchP95Ms: server?.documentFetch.p95 ?? null,
      documentFetchP99Ms: server?.documentFetch.p99 ?? null,
      apiPostDecisionsPerSecond: server?.postDecisionsPerSecond ?? null,
      apiPostP95Ms: server?.postLatency.p95 ?? null,
    }),
  );
}

await main();
