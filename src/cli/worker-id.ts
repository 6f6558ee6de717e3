import { hostname } from 'node:os';

/**
 * This process's worker id, `<host>.<pid>`, made into a code the store accepts (letters, digits,
 * `.`, `-`): unique among the workers running on the machines sharing a database.
 */
export function processWorkerId(host: string = hostname(), pid: number = process.pid): string {
  const safe = host.replace(/[^A-Za-z0-9.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 60);
  return `${safe === '' ? 'host' : safe}.${pid}`;
}
