import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHccConfig } from '../../src/cli/read-hcc-config.js';
import { FIXTURES } from '../support/fixtures.js';

const base = JSON.parse(readFileSync(`${FIXTURES}hcc.config.json`, 'utf8')) as Record<string, unknown>;
function configFile(extra: Record<string, unknown>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hcc-config-')), 'hcc.config.json');
  writeFileSync(path, JSON.stringify({ ...base, ...extra }));
  return path;
}

describe('readHccConfig', () => {
  it('approval is officer by default, or auto, or { twoPerson: true }', async () => {
    expect((await readHccConfig(undefined)).approval).toBe('officer');
    expect((await readHccConfig(configFile({}))).approval).toBe('officer');
    expect((await readHccConfig(configFile({ approval: 'auto' }))).approval).toBe('auto');
    expect((await readHccConfig(configFile({ approval: { twoPerson: true } }))).approval).toEqual({ twoPerson: true });
    await expect(readHccConfig(configFile({ approval: 'nobody' }))).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('hands the smtp object on untouched for delivery to check, and still refuses unknown keys', async () => {
    const smtp = { host: 'smtp.example.gc.ca', port: 587, anything: { nested: true } };
    expect((await readHccConfig(configFile({ smtp }))).smtp).toEqual(smtp);
    await expect(readHccConfig(configFile({ smtpp: {} }))).rejects.toMatchObject({ code: 'USAGE' });
  });
});
