// Delivery throughput probe: N pre-built ~60 kB messages (the project's builder, one synthetic PDF each) through
// createSmtpSender to a loopback SMTP server in another process, for several pool sizes, with and without
// PIPELINING. Not a test: run by hand, on an otherwise quiet machine.
//   npx tsx test/bench/smtp-throughput.ts [--messages 2000] [--connections 1,2,5,10] [--max-messages 1000] [--in-flight 64] [--sink discard|catcher]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMailCatcher } from '../../src/deliver/mail-catcher.js';
import { parseSmtpConfig, resolveSmtpConfig } from '../../src/deliver/smtp-config.js';
import { createSmtpSender } from '../../src/deliver/smtp-sender.js';
import { buildSampleEmail, type SampleEmail } from '../support/sample-emails.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '1,2,5,10' },
    'max-messages': { type: 'string', default: '1000' },
    'in-flight': { type: 'string', default: '64' },
    sink: { type: 'string', default: 'discard' },
  },
});
const total = Number(values.messages);
const poolSizes = values.connections.split(',').map(Number);
const maxMessages = Number(values['max-messages']);
const inFlight = Number(values['in-flight']);

interface Sink {
  readonly port: number;
  stop(): Promise<number>;
}

async function discardServer(pipelining: boolean): Promise<Sink> {
  const script = fileURLToPath(new URL('./discard-smtp-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(pipelining ? [] : ['--no-pipelining'])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  const { port } = JSON.parse(String(first.value)) as { port: number };
  return {
    port,
    async stop() {
      child.stdin.end();
      const last = await lines.next();
      return (JSON.parse(String(last.value)) as { received: number }).received;
    },
  };
}

async function catcherSink(): Promise<Sink> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-smtp-bench-'));
  const catcher = await startMailCatcher({ outDir: dir });
  return {
    port: catcher.port,
    async stop() {
      await catcher.close();
      const count = readdirSync(dir).filter((n) => n.endsWith('.eml')).length;
      rmSync(dir, { recursive: true, force: true });
      return count;
    },
  };
}

async function run(emails: readonly SampleEmail[], maxConnections: number, pipelining: boolean) {
  const sink = values.sink === 'catcher' ? await catcherSink() : await discardServer(pipelining);
  const config = parseSmtpConfig({ host: '127.0.0.1', port: sink.port, security: 'none', pool: { maxConnections, maxMessages } });
  const sender = createSmtpSender(resolveSmtpConfig(config, {}));
  const kinds = new Map<string, number>();
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // A bounded window of sends in flight, as a worker pulling from the outbox would keep.
  const workers = Array.from({ length: inFlight }, async () => {
    while (next < emails.length) {
      const email = emails[next];
      next += 1;
      if (email === undefined) break;
      const outcome = await sender.send({ raw: email.eml, envelope: { from: 'no-reply@example.gc.ca', to: ['client@example.test'] }, messageId: email.messageId, expectedSha256: email.sha256 });
      const key = outcome.kind === 'sent' ? 'sent' : outcome.code;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
  });
  await Promise.all(workers);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await sender.close();
  const received = await sink.stop();
  return { maxConnections, pipelining, seconds, perSecond: emails.length / seconds, cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / emails.length, outcomes: Object.fromEntries(kinds), received };
}

const buildStart = performance.now();
const emails: SampleEmail[] = [];
for (let n = 1; n <= total; n += 1) emails.push(await buildSampleEmail(n));
const meanKb = emails.reduce((sum, e) => sum + e.eml.length, 0) / emails.length / 1024;
console.log(`built ${total} messages, ${meanKb.toFixed(1)} kB each, in ${((performance.now() - buildStart) / 1000).toFixed(1)} s; sink: ${values.sink}; maxMessages ${maxMessages}; ${inFlight} sends in flight`);

// One unreported pass first, so JIT warm-up and the first child's start-up do not count against the first setting.
await run(emails.slice(0, Math.min(200, emails.length)), Math.max(...poolSizes), true);
const results = [];
for (const pipelining of values.sink === 'catcher' ? [true] : [true, false]) {
  for (const maxConnections of poolSizes) {
    const result = await run(emails, maxConnections, pipelining);
    results.push(result);
    console.log(
      `maxConnections ${String(maxConnections).padStart(2)}  pipelining ${pipelining ? 'on ' : 'off'}  ${result.perSecond.toFixed(0).padStart(5)} messages/s  (${result.seconds.toFixed(2)} s; sender CPU ${result.cpuMsPerMessage.toFixed(2)} ms/message; ${JSON.stringify(result.outcomes)}; server got ${result.received})`,
    );
  }
}
console.log(JSON.stringify({ messages: total, meanKb: Number(meanKb.toFixed(1)), results: results.map((r) => ({ maxConnections: r.maxConnections, pipelining: r.pipelining, perSecond: Number(r.perSecond.toFixed(1)), cpuMsPerMessage: Number(r.cpuMsPerMessage.toFixed(2)) })) }));
