import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The direction of the imports, checked from the code rather than remembered: the edges (cli,
 * and later a server) use render; render uses email and compose; those use plan; plan uses the
 * decision record. Base modules (the error class, the package root, i18n, text) serve every
 * layer and use none above them; the typesetter uses nothing of ours but the error class. And no
 * file imports itself back through a chain of others.
 */

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The folders (or root files) each part of `src/` may import from, besides itself. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'errors.ts': [],
  'package-root.ts': [],
  text: ['errors.ts'],
  i18n: ['errors.ts', 'package-root.ts'],
  pdf: ['errors.ts'],
  decision: ['errors.ts', 'i18n', 'text'],
  plan: ['errors.ts', 'decision', 'i18n'],
  compose: ['errors.ts', 'plan', 'decision', 'i18n', 'pdf', 'text'],
  email: ['errors.ts', 'compose', 'plan', 'decision', 'i18n', 'text'],
  render: ['errors.ts', 'package-root.ts', 'output', 'email', 'compose', 'plan', 'decision', 'i18n', 'pdf', 'text'],
  intake: ['errors.ts', 'decision', 'i18n', 'text'],
  output: ['errors.ts', 'text'],
  store: ['errors.ts', 'decision', 'plan', 'text'],
  deliver: ['errors.ts', 'text'],
  outbox: ['errors.ts', 'package-root.ts', 'render', 'store', 'deliver', 'intake', 'output', 'email', 'compose', 'plan', 'decision', 'i18n', 'text'],
  server: ['errors.ts', 'package-root.ts', 'outbox', 'render', 'store', 'deliver', 'intake', 'output', 'email', 'compose', 'plan', 'decision', 'i18n', 'pdf', 'text'],
  cli: ['errors.ts', 'package-root.ts', 'server', 'outbox', 'render', 'store', 'deliver', 'intake', 'output', 'email', 'compose', 'plan', 'decision', 'i18n', 'pdf', 'text'],
  'index.ts': ['*'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The part of `src/` a file belongs to: its top folder, or its own name at the root. */
const partOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

/** The files of ours a file imports (static and dynamic imports, type-only ones included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1] ?? '');
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts'))).filter((p) => p.startsWith(SRC) && p.endsWith('.ts'));
}

const FILES = sourceFiles(SRC);
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

describe('the layers of src/', () => {
  it('has a rule for every part of src/', () => {
    expect([...new Set(FILES.map(partOf))].filter((part) => !(part in ALLOWED))).toEqual([]);
  });

  it('imports only downward: each part uses only the parts its layer allows', () => {
    const violations = FILES.flatMap((file) => {
      const from = partOf(file);
      const allowed = ALLOWED[from] ?? [];
      if (allowed.includes('*')) return [];
      return (GRAPH.get(file) ?? [])
        .map(partOf)
        .filter((to) => to !== from && !allowed.includes(to))
        .map((to) => `${relative(SRC, file)} → ${to}`);
    });
    expect(violations).toEqual([]);
  });

  it('has no cycle of imports between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      state.set(file, 'open');
      for (const next of GRAPH.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(SRC, f)).join(' → '));
        else if (!state.has(next)) visit(next, [...path, next]);
      }
      state.set(file, 'done');
    };
    for (const file of FILES) if (!state.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });

  it('would catch an upward import and a cycle (the check itself is checked)', () => {
    const plan = FILES.find((f) => partOf(f) === 'plan');
    expect(plan).toBeDefined();
    expect(ALLOWED.plan).not.toContain('render');
    expect(ALLOWED.decision).not.toContain('plan');
    expect(ALLOWED.pdf).toEqual(['errors.ts']);
    // Every file was read: the graph is not empty and holds imports across parts.
    expect([...GRAPH.values()].flat().length).toBeGreaterThan(100);
  });
});
