import { parseArgs } from 'node:util';
import { AccessError } from '../../store/access-error.js';
import { ACCOUNT_ROLES, type AccountRole } from '../../store/access-store.js';
import { openServerStore } from '../../store/open-server-store.js';
import type { CliCommand } from '../cli-command.js';
import { readSecret } from '../read-secret.js';
import { storeLocation } from '../store-location.js';
import { UsageError } from '../usage-error.js';

/** `hcc user add <id> --role R [--db PATH]`: an officer account; the password comes from standard input only. */
export const userCommand: CliCommand = {
  usage: `  hcc user add <id> --role officer|supervisor|admin [--db PATH]
                                                   add a sign-in account; the password (12 characters
                                                   or more) is read from standard input, never echoed
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { role: { type: 'string' }, db: { type: 'string' } },
    });
    const [action, id, ...extra] = positionals;
    if (action !== 'add') throw new UsageError('hcc user takes the action "add"');
    if (id === undefined || extra.length > 0) throw new UsageError('hcc user add takes one account id');
    const role = ACCOUNT_ROLES.find((r) => r === values.role);
    if (role === undefined) throw new UsageError(`--role must be one of ${ACCOUNT_ROLES.join(', ')}`);
    const password = await readSecret(io, `Password for ${id}: `);
    const { store, access } = await openServerStore({ now: new Date(), location: storeLocation(values.db, process.env) });
    try {
      await access.addAccount({ id, role: role satisfies AccountRole, password, now: new Date() });
    } catch (error) {
      if (!(error instanceof AccessError)) throw error;
      io.stderr.write(`hcc: ${error.message}\n`);
      return 1;
    } finally {
      await store.close();
    }
    io.stderr.write(`hcc user: account ${id} (${role}) added\n`);
    return 0;
  },
};
