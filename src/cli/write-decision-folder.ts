import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedDecision } from '../render/rendered-decision.js';

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

/**
 * Writes `outDir/<decisionId>/` all at once: the files go to a staging folder that is renamed into
 * place, so a reader or a crash sees the old folder or the new one, never half of one. (Renames
 * are atomic; the files are not fsynced, since a lost render is simply run again.)
 */
export async function writeDecisionFolder(outDir: string, rendered: RenderedDecision): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const target = join(outDir, rendered.decisionId);
  const staging = await mkdtemp(join(outDir, `${STAGING}${rendered.decisionId}-`));
  try {
    await Promise.all(rendered.files.map((f) => writeFile(join(staging, f.path), f.bytes)));
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(rendered.manifest, null, 2)}\n`);
    try {
      await rename(staging, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      const retired = `${join(outDir, RETIRED)}${rendered.decisionId}-${String(process.pid)}`;
      await rename(target, retired);
      await rename(staging, target);
      await rm(retired, { recursive: true, force: true });
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return target;
}
