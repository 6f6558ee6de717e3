import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly record: unknown;
}

/** Every `.json` record in a fixtures subfolder, sorted by name. */
export function loadFixtures(folder: 'decisions' | 'invalid'): Fixture[] {
  const dir = `${FIXTURES}${folder}/`;
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ name, path: `${dir}${name}`, record: JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as unknown }));
}

/** A JSON file next to the fixture folders, such as `invalid.expected.json`; {} when absent. */
export function loadExpectations<T>(file: string): Record<string, T> {
  const path = `${FIXTURES}${file}`;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, T>) : {};
}
