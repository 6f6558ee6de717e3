import { parseArgs } from 'node:util';
import { AccessError } from '../../store/access-error.js';
import { openServerStore } from '../../store/open-server-store.js';
import type { CliCommand } from '../cli-command.js';
import { storeLocation } from '../store-location.js';
import { UsageError } from '../usage-error.js';

/** `hcc api-key create <name>`: prints the new key alone on standard output, the only time it is ever shown. */
export const apiKeyCommand: CliCommand = {
  usage: `  hcc api-key create <name> [--db PATH]           a key for POST /api/v1/decisions, printed once on
                                                   standard output (stored hashed)
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { db: { type: 'string' } } });
    const [action, name, ...extra] = positionals;
    if (action !== 'create') throw new UsageError('hcc api-key takes the action "create"');
    if (name === undefined || extra.length > 0) throw new UsageError('hcc api-key create takes one name');
    const { store, access } = await openServerStore({ now: new Date(), location: storeLocation(values.db, process.env) });
    try {
      const grant = await access.createApiKey(name, { now: new Date() });
      io.stdout.write(`${grant.key}\n`);
      io.stderr.write(`hcc api-key: key ${grant.id} created for ${name}; it is not shown again\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof AccessError)) throw error;
      io.stderr.write(`hcc: ${error.message}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
