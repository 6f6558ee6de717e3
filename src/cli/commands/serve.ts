import { parseArgs } from 'node:util';
import { untilTerminated } from '../until-terminated.js';
import { renderWithPool } from '../../outbox/submit-decision-record.js';
import { createRenderPool } from '../../render/render-pool.js';
import { createServer } from '../../server/create-server.js';
import { parseServerSection } from '../../server/server-config.js';
import { openServerStore } from '../../store/open-server-store.js';
import { StoreConfigError } from '../../store/store-config-error.js';
import { StoreSchemaTooNewError } from '../../store/store-schema-too-new-error.js';
import { escapeForTerminal } from '../../text/escape-for-terminal.js';
import type { CliCommand } from '../cli-command.js';
import { readHccConfig } from '../read-hcc-config.js';
import { storeLocation } from '../outbox-session.js';
import { UsageError } from '../usage-error.js';

/** `hcc serve`: the officers' pages and the HTTP API on the store, until Ctrl-C. */
export const serveCommand: CliCommand = {
  usage: `  hcc serve [--port 8080] [--host 127.0.0.1] [--db PATH] [--config FILE] [--workers N]
                                                   the officers' pages and the HTTP API (/api/v1), on the
                                                   store (SQLite, or PostgreSQL by HCC_DATABASE_URL)
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, db: { type: 'string' }, config: { type: 'string' }, workers: { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError('hcc serve takes no arguments');
    const port = Number(values.port);
    if (!/^\d{1,5}$/.test(values.port) || port > 65_535) throw new UsageError('--port must be a whole number from 0 to 65535');
    const config = await readHccConfig(values.config);
    const parsed = parseServerSection(config.server);
    if (!parsed.ok) throw new UsageError(`--config does not match the configuration schema at: ${escapeForTerminal(parsed.where, { maxLength: Infinity })}`);
    const server = parsed.section;
    if (values.workers !== undefined && !/^(?:[1-9]|[1-5]\d|6[0-4])$/.test(values.workers)) throw new UsageError('--workers must be a whole number from 1 to 64');
    let stores;
    try {
      stores = await openServerStore({ now: new Date(), location: storeLocation(values.db, process.env) });
    } catch (error) {
      if (!(error instanceof StoreConfigError || error instanceof StoreSchemaTooNewError)) throw error;
      io.stderr.write(`hcc: ${error.code}: ${escapeForTerminal(error.message, { maxLength: 500 })}\n`);
      return 1;
    }
    const pool = createRenderPool({ config: config.email, ...(values.workers === undefined ? {} : { workers: Number(values.workers) }) });
    const app = await createServer({
      stores,
      render: renderWithPool(pool),
      approval: config.approval,
      secureCookies: server.secureCookies === true,
      trustProxy: server.trustProxy === true,
      session: { idleMs: (server.sessionIdleMinutes ?? 30) * 60_000, maxAgeMs: (server.sessionMaxHours ?? 12) * 3_600_000 },
      signInLimit: { max: server.signInAttemptsPerMinute ?? 5, windowMs: 60_000 },
      logger: true,
    });
    try {
      await app.listen({ port, host: values.host });
    } catch (error) {
      await pool.close();
      await stores.store.close();
      io.stderr.write(`hcc: cannot listen on ${escapeForTerminal(values.host)}:${port} (${error instanceof Error && 'code' in error ? String(error.code) : 'LISTEN_FAILED'})\n`);
      return 1;
    }
    const address = app.server.address();
    const shown = typeof address === 'object' && address !== null ? `${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}` : String(address);
    io.stderr.write(`hcc serve: listening on http://${shown}/ ; stop with Ctrl-C\n`);
    await untilTerminated();
    await app.close();
    await pool.close();
    await stores.store.close();
    io.stderr.write('hcc serve: stopped\n');
    return 0;
  },
};
