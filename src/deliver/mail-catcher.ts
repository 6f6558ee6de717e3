import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { MailCatcherError } from './mail-catcher-error.js';
import { isLoopbackHost } from './loopback-host.js';
import { hashMessageId, readMessageIdHeader } from './message-id.js';

/** Where and how the catcher listens. */
export interface MailCatcherOptions {
  /** Default 127.0.0.1. Anything but a loopback host needs `allowNonLoopback`. */
  readonly host?: string;
  /** Default 0: an ephemeral port, read it back from the handle. */
  readonly port?: number;
  /** Each message becomes `<sequence>-<hash>.eml` here; created if missing. */
  readonly outDir: string;
  /** Lets the catcher listen beyond this machine: it has no authentication, so only on a trusted network. */
  readonly allowNonLoopback?: boolean;
  /** Largest message taken, in bytes (default 50 MiB); a larger one gets 552. */
  readonly maxMessageBytes?: number;
  /** Called after each message is on disk. */
  readonly onMessage?: (message: CaughtMessage) => void;
}

/** One message written to disk. Carries no address and no name. */
export interface CaughtMessage {
  readonly sequence: number;
  readonly size: number;
  /** `hashMessageId` of the Message-ID header, or `undefined` when the message has none. */
  readonly messageIdHash: string | undefined;
  /** The file name inside `outDir`. */
  readonly file: string;
}

/** A running catcher. */
export interface MailCatcher {
  readonly host: string;
  readonly port: number;
  /** Messages written since start. */
  readonly received: number;
  /** Stops listening; sessions still open get a short grace period, then are cut. */
  close(): Promise<void>;
}

const FILE_PATTERN = /^(\d{6,})-([0-9a-f]{16}|no-message-id)\.eml$/;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** smtp-server's typings import node:net in a way our tsconfig (esModuleInterop off) cannot type; its listener is a net.Server. */
function listenerOf(server: SMTPServer): Server {
  return (server as unknown as { readonly server: Server }).server;
}

/** The sequence after the highest one already in `outDir`, so a restart never overwrites a file. */
async function nextSequence(outDir: string): Promise<number> {
  const names = await readdir(outDir);
  let highest = 0;
  for (const name of names) {
    const sequence = Number(FILE_PATTERN.exec(name)?.[1] ?? 0);
    if (sequence > highest) highest = sequence;
  }
  return highest + 1;
}

/**
 * Starts an SMTP server that takes every message without authentication and writes it, byte for
 * byte as received (after dot-unstuffing), to `outDir/<6-digit sequence>-<Message-ID hash>.eml`:
 * the same Message-ID twice gives two files with the same hash. A file appears whole or not at all
 * (written under a temporary name, then renamed). Names and logs carry no address and no name.
 * Throws `MailCatcherError`: `MAIL_CATCHER_HOST_NOT_LOOPBACK`, `MAIL_CATCHER_OUT_DIR`,
 * `MAIL_CATCHER_LISTEN_FAILED` (port in use, address not available).
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && options.allowNonLoopback !== true) {
    throw new MailCatcherError('MAIL_CATCHER_HOST_NOT_LOOPBACK', 'the mail catcher listens on loopback only unless non-loopback hosts are explicitly allowed');
  }
  const { outDir } = options;
  let sequence: number;
  try {
    await mkdir(outDir, { recursive: true });
    sequence = await nextSequence(outDir);
  } catch (cause) {
    throw new MailCatcherError('MAIL_CATCHER_OUT_DIR', `the output folder cannot be used (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause });
  }
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_BYTES;
  let received = 0;

  async function store(bytes: Buffer): Promise<CaughtMessage> {
    const own = sequence;
    sequence += 1;
    const messageId = readMessageIdHeader(bytes);
    const messageIdHash = messageId === undefined ? undefined : hashMessageId(messageId);
    const file = `${String(own).padStart(6, '0')}-${messageIdHash ?? 'no-message-id'}.eml`;
    // A dot-name that never matches a message; the sequence and pid keep concurrent writes apart.
    const temporary = join(outDir, `.${file}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, join(outDir, file));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    received += 1;
    return { sequence: own, size: bytes.length, messageIdHash, file };
  }

  const server = new SMTPServer({
    logger: false,
    name: 'hcc-mail-catcher.invalid',
    banner: 'hcc mail catcher',
    disableReverseLookup: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    maxAllowedUnauthenticatedCommands: false,
    size: maxBytes,
    rejectOversized: true,
    closeTimeout: 1000,
    onData(stream: SMTPServerDataStream, _session, callback: (err?: Error | null, message?: string) => void) {
      const chunks: Buffer[] = [];
      let answered = false;
      const answer = (error: Error | null, message?: string) => {
        if (answered) return;
        answered = true;
        callback(error, message);
      };
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.once('error', (error: Error) => {
        answer(error);
      });
      stream.once('end', () => {
        if (stream.sizeExceeded) {
          answer(Object.assign(new Error('message exceeds fixed maximum message size'), { responseCode: 552 }));
          return;
        }
        store(Buffer.concat(chunks)).then(
          (caught) => {
            answer(null, `Caught as ${caught.file}`);
            options.onMessage?.(caught);
          },
          () => {
            // The sender keeps the message and tries again; the disk error is for the operator's own checks.
            answer(Object.assign(new Error('could not store the message, try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  // A client that disconnects rudely must not bring the catcher down.
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    const fail = (cause: NodeJS.ErrnoException) => {
      reject(new MailCatcherError('MAIL_CATCHER_LISTEN_FAILED', `cannot listen on ${host}:${options.port ?? 0} (${cause.code ?? 'error'})`, { cause }));
    };
    listenerOf(server).once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      listenerOf(server).off('error', fail);
      resolve();
    });
  });
  const address = listenerOf(server).address();
  const port = address !== null && typeof address === 'object' ? address.port : (options.port ?? 0);

  return {
    host,
    port,
    get received() {
      return received;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
