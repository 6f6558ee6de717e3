import type { CliIo } from './cli-io.js';
import { UsageError } from './usage-error.js';

/** A password is at most 1024 characters; a pipe that keeps going is cut off well before memory suffers. */
const MAX_SECRET_BYTES = 4096;

/**
 * Reads a secret from standard input: the first line of a pipe, or a line typed at a terminal
 * with echo off (raw mode; nothing is written back but the prompt and a newline). Throws
 * UsageError when there is no input or it is too long.
 */
export async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  if (stdin === undefined) throw new UsageError('the password is read from standard input, and there is none');
  const terminal = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
  if (terminal) {
    io.stderr.write(prompt);
    stdin.setRawMode?.(true);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      // At a terminal in raw mode, Enter is CR and Ctrl-C / Ctrl-D arrive as bytes.
      if (terminal && (bytes.includes(3) || bytes.includes(4))) throw new UsageError('cancelled');
      chunks.push(bytes);
      size += bytes.length;
      if (size > MAX_SECRET_BYTES) throw new UsageError('the password on standard input is too long');
      if (bytes.includes(10) || bytes.includes(13)) break;
    }
  } finally {
    if (terminal) {
      stdin.setRawMode?.(false);
      io.stderr.write('\n');
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n|\r/, 1)[0] ?? '';
  if (line.length === 0) throw new UsageError('no password on standard input');
  return line;
}
