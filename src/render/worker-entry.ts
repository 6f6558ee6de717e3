/** How a worker module is started: a compiled module directly; a TypeScript source (under the tests) through tsx's loader. */
export function workerEntry(module: URL): { entry: URL | string; eval: boolean } {
  if (!module.pathname.endsWith('.ts')) return { entry: module, eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  return { entry: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); });`, eval: true };
}

/** A module beside this one, compiled or (under the tests) its TypeScript source. */
export function siblingModule(name: string, base: string): URL {
  return new URL(base.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, base);
}
