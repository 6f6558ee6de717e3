import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../decision/decision-schema.js';
import { HccError } from '../errors.js';
import type { CliIo } from './cli-io.js';
import { UsageError } from './usage-error.js';
import { COMMAND_MODULES } from './command-modules.js';
import { readEmailConfig } from './read-email-config.js';
import pkg from '../../package.json' with { type: 'json' };

export const USAGE = `hcc ${pkg.version}: correspondence after an H&C Stage 1 decision

Usage:
  hcc validate <path...> [--json] [--lang en|fr]   check decision records
  hcc plan <path...> [--json] [--lang en|fr]       the documents and follow-ups each decision requires
  hcc render <path...> --out DIR [--config FILE] [--workers N] [--lang en|fr]
                                                   every PDF and email of each decision, to DIR/<decisionId>/
  hcc schema                                       the JSON Schema of a decision record
  hcc mail-catcher --out DIR [--port 2525] [--host 127.0.0.1] [--allow-non-loopback]
                                                   receive mail without auth and write each message to DIR
                                                   as <sequence>-<Message-ID hash>.eml, until Ctrl-C
  hcc help | --help                                this text
  hcc --version                                    the version

A path is a .json file (one record), a .ndjson or .jsonl file (one record a line), or a
directory of such files. --lang chooses the language of error messages (default en).
--config FILE is JSON { "from": { "name", "address" }, "internalRecipients": { "cbsa-inland-enforcement",
"designated-decision-maker", "mifi" }, "cbsaRemovalsOffices": { office: address },
"approval"?: "officer" | "auto" | { "twoPerson": true }, "smtp"?: { … } }; without it, placeholder
addresses are used and an officer approves. The outbox commands find the store at --db PATH, else
HCC_DB, else HCC_DATABASE_URL (postgres://…), else ./hcc-data/hcc.sqlite; HCC_LOG=stderr|FILE
writes their JSON-lines log.

Exit codes: 0 all records valid, 1 some record invalid or unreadable, 2 usage error or an
--out folder that cannot be written.
`;

/** USAGE with each command module's lines before `hcc help`. */
async function fullUsage(): Promise<string> {
  const modules = await Promise.all(Object.values(COMMAND_MODULES).map((load) => load()));
  const marker = '  hcc help | --help';
  const at = USAGE.indexOf(marker);
  return USAGE.slice(0, at) + modules.map((m) => m.usage).join('') + USAGE.slice(at);
}

function languageOf(value: string | undefined): Language {
  if (value === undefined) return 'en';
  const found = LANGUAGES.find((l) => l === value);
  if (!found) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
  return found;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  const load = first === undefined ? undefined : Object.hasOwn(COMMAND_MODULES, first) ? COMMAND_MODULES[first] : undefined;
  if (load !== undefined) return (await load()).run(rest, io);
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-non-loopback': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...paths] = positionals;
  if (values.version) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (values.help || command === 'help') {
    io.stdout.write(await fullUsage());
    return 0;
  }
  const options = { json: values.json, language: languageOf(values.lang) };
  switch (command) {
    case 'validate':
    case 'plan':
      if (paths.length === 0) throw new UsageError(`hcc ${command} needs at least one file or directory`);
      // Each command is loaded when run: validate and plan then start without the renderer's fonts, PDF and MJML code.
      if (command === 'validate') return (await import('./commands/validate.js')).runValidate(paths, options, io);
      return (await import('./commands/plan.js')).runPlan(paths, options, io);
    case 'render': {
      if (paths.length === 0) throw new UsageError('hcc render needs at least one file or directory');
      if (!values.out) throw new UsageError('hcc render needs --out DIR');
      const workers = values.workers === undefined ? undefined : Number(values.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) throw new UsageError('--workers must be a whole number from 1 to 64');
      const email = await readEmailConfig(values.config);
      const { runRender } = await import('./commands/render.js');
      return runRender(paths, { ...options, out: values.out, email, ...(workers === undefined ? {} : { workers }) }, io);
    }
    case 'schema':
      if (paths.length > 0) throw new UsageError('hcc schema takes no arguments');
      return (await import('./commands/schema.js')).runSchema(io);
    case 'mail-catcher': {
      if (paths.length > 0) throw new UsageError('hcc mail-catcher takes no paths');
      if (!values.out) throw new UsageError('hcc mail-catcher needs --out DIR');
      const port = Number(values.port ?? 2525);
      if (!/^\d{1,5}$/.test(values.port ?? '2525') || port > 65_535) throw new UsageError('--port must be a whole number from 0 to 65535');
      const { runMailCatcher } = await import('./commands/mail-catcher.js');
      return runMailCatcher({ host: values.host ?? '127.0.0.1', port, out: values.out, allowNonLoopback: values['allow-non-loopback'] }, io);
    }
    case undefined:
      throw new UsageError('a command is required');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Runs one command line; returns the exit code. Never throws for bad input or usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    if (usage) {
      io.stderr.write(`hcc: ${error.message}\nRun "hcc help" for usage.\n`);
      return 2;
    }
    // Anything else is a bug: report its code, not a stack, and never the data it was handling.
    const code = error instanceof HccError ? error.code : 'INTERNAL';
    io.stderr.write(`hcc: internal error ${code}; please report it with the command line used.\n`);
    return 3;
  }
}
