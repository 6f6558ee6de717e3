import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { decisionJsonSchema } from '../../src/decision/json-schema.js';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { contractBreaks } from '../support/contract-breaks.js';
import { loadFixtures } from '../support/fixtures.js';

/**
 * schemaVersion 1 as the project publishes it (hcc schema, after the contract fix of issue 7).
 * Upstream systems write records to this; a change to the schema may widen it, never narrow it.
 * Regenerate this file only to widen the contract, and review the diff like the contract it is.
 */
const PINNED = JSON.parse(readFileSync(new URL('./contract/decision-record-v1.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the published contract, schemaVersion 1', () => {
  it('is kept: the schema of today removes no field, requires no new field and narrows no enum or type', () => {
    expect(contractBreaks(PINNED, decisionJsonSchema())).toEqual([]);
  });

  const mutate = (edit: (schema: any) => void) => {
    const schema = structuredClone(decisionJsonSchema()) as any;
    edit(schema);
    return contractBreaks(PINNED, schema);
  };

  it.each<[string, (schema: any) => void, string]>([
    ['a new required field', (s) => { s.properties.principalApplicant.required.push('salutation2'); }, '/principalApplicant/salutation2: field became required'],
    ['a required TRP grounds (the regression of issue 7)', (s) => { s.properties.trp.items.required.push('grounds'); }, '/trp/items/grounds: field became required'],
    ['a removed field', (s) => { delete s.properties.correspondence.properties.postalAddress; }, '/correspondence/postalAddress: field removed'],
    ['a narrowed enum', (s) => { s.properties.outcome.enum = ['refused']; }, '/outcome: enum narrowed (no longer approved-in-principle)'],
    ['a narrowed type', (s) => { s.properties.decisionDate = { type: 'integer' }; }, '/decisionDate: type narrowed (no longer string)'],
    ['a union narrowed to one branch', (s) => { s.properties.reasons = { type: 'object' }; }, '/reasons/anyOf/0: branch removed'],
  ])('would fail on %s', (_name, edit, expected) => {
    expect(mutate(edit)).toContain(expected);
  });

  it('allows widening: a new optional field, a new enum value, a new branch', () => {
    expect(mutate((s) => { s.properties.newOptional = { type: 'string' }; s.properties.outcome.enum.push('withdrawn'); })).toEqual([]);
  });

  it('accepts the DOMAIN.md example as written to the contract (no TRP grounds, no risk assessment)', () => {
    const domain = loadFixtures('decisions').find((f) => f.name === 'domain-example-trp-without-grounds-fr.json');
    expect(domain).toBeDefined();
    const ajv = new Ajv2020({ strict: true, validateFormats: false });
    expect(ajv.validate(PINNED, domain?.record), JSON.stringify(ajv.errors)).toBe(true);
    const parsed = parseDecision(domain?.record);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.code)).toEqual([]);
  });
});
