import { createHash } from 'node:crypto';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { EmailHtml } from './email-templates.js';

/**
 * MJML's output depends only on the template files and MJML itself, so it can be made once (at
 * build time) and kept in a file: `{ key, html }`, where `key` is the SHA-256 of MJML's version
 * and every file of the templates' folder, names and bytes (the templates include only from it).
 * A reader takes the HTML only when the key of the folder it was given is the same; an edited
 * template or another MJML simply misses, and the caller runs MJML as before.
 */
interface CompiledEmailHtmlFile {
  readonly key: string;
  readonly html: EmailHtml;
}

function mjmlVersion(): string {
  const version = (createRequire(import.meta.url)('mjml/package.json') as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

/** The key of the email templates in `emailTemplatesDir` (see above); rejects when the folder cannot be read. */
export async function emailTemplatesKey(emailTemplatesDir: string): Promise<string> {
  const entries = await readdir(emailTemplatesDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile()).map((e) => e.name).sort();
  const hash = createHash('sha256').update(`mjml ${mjmlVersion()}\n`);
  for (const name of names) {
    const bytes = await readFile(join(emailTemplatesDir, name));
    // Name and length first: no two different folders hash the same stream of bytes.
    hash.update(`${name}\0${String(bytes.length)}\0`).update(bytes);
  }
  return hash.digest('hex');
}

function isCompiledFile(value: unknown): value is CompiledEmailHtmlFile {
  if (typeof value !== 'object' || value === null) return false;
  const { key, html } = value as { key?: unknown; html?: unknown };
  if (typeof key !== 'string' || typeof html !== 'object' || html === null) return false;
  const { client, internal } = html as { client?: unknown; internal?: unknown };
  return typeof client === 'string' && typeof internal === 'string';
}

/**
 * The HTML kept in `file` when it was made from templates identical to those in
 * `emailTemplatesDir`; `undefined` when the file is missing, unreadable, malformed or made from
 * other templates.
 */
export async function readCompiledEmailHtml(emailTemplatesDir: string, file: string): Promise<EmailHtml | undefined> {
  let parsed: unknown;
  let key: string;
  try {
    [parsed, key] = await Promise.all([readFile(file, 'utf8').then((text) => JSON.parse(text) as unknown), emailTemplatesKey(emailTemplatesDir)]);
  } catch {
    return undefined;
  }
  return isCompiledFile(parsed) && parsed.key === key ? { client: parsed.html.client, internal: parsed.html.internal } : undefined;
}

/** Keeps `html`, made from the templates in `emailTemplatesDir`, in `file` (written whole, then renamed into place). */
export async function writeCompiledEmailHtml(emailTemplatesDir: string, html: EmailHtml, file: string): Promise<void> {
  const content: CompiledEmailHtmlFile = { key: await emailTemplatesKey(emailTemplatesDir), html };
  const staging = `${file}.${String(process.pid)}.tmp`;
  await writeFile(staging, `${JSON.stringify(content)}\n`);
  await rename(staging, file);
}
