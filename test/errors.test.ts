import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HCC_ERROR_CODES } from '../src/errors.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

describe('error codes and classes', () => {
  it('has no code in the closed list that nothing throws or reports', () => {
    const code = FILES.filter((f) => f.path !== 'errors.ts').map((f) => f.text).join('\n');
    expect(Object.keys(HCC_ERROR_CODES).filter((c) => !code.includes(`'${c}'`))).toEqual([]);
  });

  it('prints no code that is typed only into a message (a code on an `hcc:` line is a value, never literal text)', () => {
    const literal = FILES.flatMap((f) => [...f.text.matchAll(/`hcc: [^`]*?: ([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+):/g)].map((m) => `${f.path}: ${m[1] ?? ''}`));
    expect(literal).toEqual([]);
  });

  it('keeps one error class per file, each naming itself', () => {
    for (const { path, text } of FILES) {
      const classes = [...text.matchAll(/export class (\w+) extends HccError/g)].map((m) => m[1] ?? '');
      expect({ path, many: classes.length > 1 }).toEqual({ path, many: false });
      for (const name of classes) expect({ path, named: text.includes(`this.name = '${name}'`) }).toEqual({ path, named: true });
    }
  });
});
