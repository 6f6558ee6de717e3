import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { InputError } from './input-error.js';

const CHUNK = 64 * 1024;

/** The `kind` of a path that is not a regular file, for `INPUT_NOT_REGULAR_FILE`. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'fifo';
  if (info.isCharacterDevice()) return 'characterDevice';
  if (info.isBlockDevice()) return 'blockDevice';
  if (info.isSocket()) return 'socket';
  return 'other';
}

/** `INPUT_UNREADABLE` with the errno code (`ENOENT`, `EACCES`…) as the reason; `InputError`s pass through. */
export function unreadable(cause: unknown): InputError {
  if (cause instanceof InputError) return cause;
  const reason = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return new InputError('INPUT_UNREADABLE', { reason }, { cause });
}

function refuseIfNotFile(info: Stats): void {
  if (!info.isFile()) throw new InputError('INPUT_NOT_REGULAR_FILE', { kind: kindOf(info) });
}

/**
 * Opens `path` for reading if, and only if, it is a regular file (a symlink to one is fine).
 * The path is checked before it is opened, so a device is never opened; it is opened with
 * O_NONBLOCK, so a FIFO swapped in meanwhile cannot block; and the open descriptor is checked
 * again, which is what was actually opened. Throws `InputError`: `INPUT_NOT_REGULAR_FILE`
 * (`detail.kind`: fifo, characterDevice, blockDevice, socket, directory), `INPUT_UNREADABLE`.
 */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    refuseIfNotFile(await stat(path));
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw unreadable(error);
  }
  try {
    const info = await handle.stat();
    refuseIfNotFile(info);
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw unreadable(error);
  }
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them: a larger file is refused
 * with `INPUT_TOO_LARGE` before it is read when its size says so, and otherwise as soon as one
 * byte past the limit arrives (a file that grows, or a size the system does not report), so
 * memory stays bounded whatever the path names. Other errors as `openRegularFile`.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const { handle, size } = await openRegularFile(path);
  try {
    if (size > maxBytes) throw new InputError('INPUT_TOO_LARGE', { limit: maxBytes });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new InputError('INPUT_TOO_LARGE', { limit: maxBytes });
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw unreadable(error);
  } finally {
    await handle.close();
  }
}
