import { MailCatcherError } from '../../deliver/mail-catcher-error.js';
import { untilTerminated } from '../until-terminated.js';
import { startMailCatcher } from '../../deliver/mail-catcher.js';
import type { CliIo } from '../cli-io.js';

export interface MailCatcherCommandOptions {
  readonly host: string;
  readonly port: number;
  readonly out: string;
  readonly allowNonLoopback: boolean;
}

/**
 * `hcc mail-catcher`: receives mail on loopback and writes each message to `out` as an `.eml` file,
 * printing one line per message (sequence, size, Message-ID hash, file; never an address) until
 * `stop` resolves (by default SIGINT or SIGTERM). Exit 0 after a clean stop, 1 if it cannot listen
 * or write, 2 for a host that is not loopback without `--allow-non-loopback`.
 */
export async function runMailCatcher(options: MailCatcherCommandOptions, io: CliIo, stop: Promise<unknown> = untilTerminated()): Promise<number> {
  let catcher;
  try {
    catcher = await startMailCatcher({
      host: options.host,
      port: options.port,
      outDir: options.out,
      allowNonLoopback: options.allowNonLoopback,
      onMessage: (m) => {
        io.stdout.write(`${String(m.sequence).padStart(6, '0')}  ${m.size} bytes  message-id ${m.messageIdHash ?? '(none)'}  ${m.file}\n`);
      },
    });
  } catch (error) {
    if (!(error instanceof MailCatcherError)) throw error;
    io.stderr.write(`hcc: ${error.message}\n`);
    return error.code === 'MAIL_CATCHER_HOST_NOT_LOOPBACK' ? 2 : 1;
  }
  io.stderr.write(`hcc mail-catcher: listening on ${catcher.host}:${catcher.port}, writing to ${options.out}; stop with Ctrl-C\n`);
  await stop;
  await catcher.close();
  io.stderr.write(`hcc mail-catcher: stopped, ${catcher.received} messages written\n`);
  return 0;
}
