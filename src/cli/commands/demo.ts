import { randomBytes } from 'node:crypto';
import { untilTerminated } from '../until-terminated.js';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startMailCatcher } from '../../deliver/mail-catcher.js';
import { resolveSmtpConfig } from '../../deliver/smtp-config.js';
import { createSmtpSender } from '../../deliver/smtp-sender.js';
import { OUTBOX_DELIVERY_LOG } from '../../outbox/delivery-log.js';
import { runDeliveryRound } from '../../outbox/delivery-round.js';
import type { DeliveryWorkerOptions } from '../../outbox/delivery-worker.js';
import { writePrintBatch } from '../../outbox/write-print-batch.js';
import { submitRecordBatch } from '../../outbox/submit-record-batch.js';
import { renderWithPool } from '../../outbox/submit-decision-record.js';
import { packageRoot } from '../../package-root.js';
import { createRenderPool } from '../../render/render-pool.js';
import { createServer } from '../../server/create-server.js';
import { openServerStore } from '../../store/open-server-store.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { wholeNumberOption } from '../command-options.js';
import { readHccConfig } from '../read-hcc-config.js';
import { UsageError } from '../usage-error.js';
import { followUpStep } from './deliver.js';
import { formatStatus } from './status.js';

const USAGE = `  hcc demo [--data DIR] [--port 8080] [--smtp-port 2525]
                                                   the whole system on one machine (what npm start runs): a new
                                                   SQLite store in DIR (default hcc-data/demo), the fixtures
                                                   submitted, one decision approved, delivered to the mail
                                                   catcher (DIR/mail) and printed (DIR/print), a demo officer,
                                                   the server, delivery every 5 s; until Ctrl-C
`;

const DEMO_OFFICER = 'demo-officer';
/** The demo approves this fixture's correspondence by itself, to show an item go all the way to the mail catcher. */
const SHOWN_DECISION = 'HC-2026-000101';

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { data: { type: 'string', default: join('hcc-data', 'demo') }, port: { type: 'string' }, 'smtp-port': { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError('hcc demo takes no arguments besides its options');
  const port = wholeNumberOption('--port', values.port, 8080, 0, 65_535);
  const smtpPort = wholeNumberOption('--smtp-port', values['smtp-port'], 2525, 0, 65_535);
  const root = packageRoot();
  const config = await readHccConfig(join(root, 'fixtures', 'hcc.config.json'));

  // A new store each start, so the demo always begins from the same fixtures.
  const dataDir = values.data;
  const mailDir = join(dataDir, 'mail');
  await rm(join(dataDir, 'hcc.sqlite'), { force: true });
  await rm(join(dataDir, 'hcc.sqlite-wal'), { force: true });
  await rm(join(dataDir, 'hcc.sqlite-shm'), { force: true });
  await rm(mailDir, { recursive: true, force: true });
  await rm(join(dataDir, 'print'), { recursive: true, force: true });
  await mkdir(mailDir, { recursive: true });
  const now = () => new Date();
  const stores = await openServerStore({ location: join(dataDir, 'hcc.sqlite'), now: now() });
  const { store, access } = stores;
  const pool = createRenderPool({ config: config.email });
  const catcher = await startMailCatcher({ host: '127.0.0.1', port: smtpPort, outDir: mailDir });
  const sender = createSmtpSender(resolveSmtpConfig(undefined, { HCC_SMTP_URL: `smtp://127.0.0.1:${String(catcher.port)}` }));
  let app: Awaited<ReturnType<typeof createServer>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    io.stderr.write(`hcc demo: submitting fixtures/decisions into ${join(dataDir, 'hcc.sqlite')}…\n`);
    let created = 0;
    for await (const outcome of submitRecordBatch({ store, pool }, [join(root, 'fixtures', 'decisions')], { now: now(), actor: 'hcc-demo', approval: 'officer' })) {
      if (outcome.status === 'created') created += 1;
    }
    io.stderr.write(`hcc demo: ${String(created)} decisions stored, each awaiting an officer's approval\n`);

    // One decision approved here (by a second, demo supervisor) and delivered, to show the chain end to end.
    const shown = await store.status(SHOWN_DECISION);
    await store.approve(SHOWN_DECISION, { by: 'demo-supervisor', sha256s: shown.items.map((i) => i.sha256), now: now() });
    const worker: DeliveryWorkerOptions = {
      store,
      sender,
      workerId: 'demo.1',
      clock: now,
      random: Math.random,
      leaseMs: 120_000,
      batchSize: 100,
      log: OUTBOX_DELIVERY_LOG,
    };
    const fireFollowUps = followUpStep(store, 'demo', config, io);
    const round = () => runDeliveryRound({ store, clock: now, actor: 'demo', log: OUTBOX_DELIVERY_LOG, workers: [worker], fireFollowUps });
    await round();
    const printed = await writePrintBatch({ store, outDir: join(dataDir, 'print'), now: now(), worker: 'demo.print', leaseMs: 120_000, limit: 1000, log: OUTBOX_DELIVERY_LOG });
    io.stdout.write(`\n${SHOWN_DECISION}, approved by demo-supervisor: its email delivered to the mail catcher, its letters in a print batch${printed.folder === undefined ? '' : ` (${printed.folder})`}:\n\n`);
    io.stdout.write(formatStatus(await store.status(SHOWN_DECISION)));
    const caught = (await readdir(mailDir)).filter((n) => n.endsWith('.eml'));
    io.stdout.write(`\n${String(caught.length)} messages in ${mailDir}/\n`);

    const password = randomBytes(12).toString('base64url');
    await access.addAccount({ id: DEMO_OFFICER, role: 'officer', password, now: now() });
    app = await createServer({ stores, render: renderWithPool(pool), approval: config.approval });
    await app.listen({ port, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : port)}/`;
    // Approvals made in the browser go out on the next round, every five seconds.
    let busy = false;
    timer = setInterval(() => {
      if (busy) return;
      busy = true;
      round()
        .catch((error: unknown) => io.stderr.write(`hcc demo: delivery round failed (${error instanceof Error && 'code' in error ? String(error.code) : 'INTERNAL'})\n`))
        .finally(() => (busy = false));
    }, 5_000);
    io.stdout.write(
      `\nThe officers' pages: ${url}\n` +
        `  sign in as ${DEMO_OFFICER} with the password ${password} (shown once; a new one each start)\n` +
        `Mail catcher: smtp://127.0.0.1:${String(catcher.port)}, messages in ${mailDir}/ (delivered every 5 s after approval)\n` +
        `API: hcc api-key create NAME --db ${join(dataDir, 'hcc.sqlite')}, then POST ${url}api/v1/decisions\n` +
        `Stop with Ctrl-C.\n`,
    );
    await untilTerminated();
    return 0;
  } finally {
    if (timer !== undefined) clearInterval(timer);
    await app?.close();
    await sender.close();
    await catcher.close();
    await pool.close();
    await store.close();
  }
}

/** `hcc demo`: `npm start`'s whole system on the embedded store. */
export const demoCommand: CliCommand = { usage: USAGE, run };
