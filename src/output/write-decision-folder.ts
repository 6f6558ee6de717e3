import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { OutputError } from './output-error.js';

/** What goes into a decision's folder: its files by name, and the manifest written beside them as JSON. */
export interface DecisionFolderContent {
  readonly decisionId: string;
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
  readonly manifest: unknown;
}

const STAGING = '.staging-';
const RETIRED = '.retired-';

/** Removes what an interrupted run left behind: staging and retired folders, never a finished one. */
export async function removeLeftovers(outDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((n) => n.startsWith(STAGING) || n.startsWith(RETIRED)).map((n) => rm(join(outDir, n), { recursive: true, force: true })),
  );
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Creates `dir` and its missing parents, one level at a time. Not `mkdir({ recursive: true })`:
 * where mkdir answers ENOENT under a parent that exists (/proc), Node's recursive mode retries
 * forever at full CPU; here each missing level is tried once and the error comes back.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    try {
      await mkdir(current);
      break;
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') break;
      if (errnoOf(error) !== 'ENOENT' || dirname(current) === current) throw error;
      missing.push(current);
    }
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') throw error;
    }
  }
}

/**
 * Makes sure decisions can be written under `outDir` before any is rendered: creates it if need
 * be, then creates and removes a staging folder in it, which is what every write does first (a
 * real write, so a file in the way, a read-only mount or a full quota shows too). Then
 * removes the leftovers of an interrupted run. Throws `OutputError` `OUTPUT_UNWRITABLE` with the
 * errno code when `outDir` is a file, is under a file such as /dev/null, or cannot be written.
 */
export async function prepareOutputFolder(outDir: string): Promise<void> {
  try {
    await makeFolder(outDir);
    await rm(await mkdtemp(join(outDir, `${STAGING}probe-`)), { recursive: true, force: true });
  } catch (error) {
    throw new OutputError('OUTPUT_UNWRITABLE', error);
  }
  await removeLeftovers(outDir);
}

async function moveIntoPlace(outDir: string, staging: string, target: string, decisionId: string): Promise<void> {
  try {
    await rename(staging, target);
  } catch (error) {
    const code = errnoOf(error);
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    const retired = `${join(outDir, RETIRED)}${decisionId}-${String(process.pid)}`;
    await rename(target, retired);
    await rename(staging, target);
    await rm(retired, { recursive: true, force: true });
  }
}

/**
 * Writes `outDir/<decisionId>/` all at once: the files go to a staging folder that is renamed into
 * place, so a reader or a crash sees the old folder or the new one, never half of one. (Renames
 * are atomic; the files are not fsynced, since a lost render is simply run again.) Returns the
 * folder's path; throws `OutputError` `OUTPUT_WRITE_FAILED` with the errno code when any step fails.
 */
export async function writeDecisionFolder(outDir: string, rendered: DecisionFolderContent): Promise<string> {
  const target = join(outDir, rendered.decisionId);
  let staging: string | undefined;
  try {
    await makeFolder(outDir);
    staging = await mkdtemp(join(outDir, `${STAGING}${rendered.decisionId}-`));
    const folder = staging;
    await Promise.all(rendered.files.map((f) => writeFile(join(folder, f.path), f.bytes)));
    await writeFile(join(folder, 'manifest.json'), `${JSON.stringify(rendered.manifest, null, 2)}\n`);
    await moveIntoPlace(outDir, folder, target, rendered.decisionId);
  } catch (error) {
    if (staging !== undefined) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw new OutputError('OUTPUT_WRITE_FAILED', error);
  }
  return target;
}
