import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { planCorrespondence } from '../../src/plan/plan-correspondence.js';
import { FIXTURES, loadExpectations, loadFixtures } from '../support/fixtures.js';

interface ExpectedPlan {
  documents: { kind: string; recipient: string }[];
  followUps: { kind: string; dueOn?: string }[];
}

const valid = loadFixtures('decisions');
const invalid = loadFixtures('invalid');
const expectedPlans = loadExpectations<ExpectedPlan>('decisions.expected.json');
const expectedIssues = loadExpectations<{ path: string; code: string }[]>('invalid.expected.json');

describe('fixtures', () => {
  it('has at least 15 valid and 20 invalid scenarios, each with its expectations', () => {
    expect(valid.length).toBeGreaterThanOrEqual(15);
    expect(invalid.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(expectedPlans).sort()).toEqual(valid.map((f) => f.name));
    expect(Object.keys(expectedIssues).sort()).toEqual(invalid.map((f) => f.name));
  });

  it('holds only record files in the fixture folders', () => {
    for (const folder of ['decisions', 'invalid']) {
      expect(readdirSync(`${FIXTURES}${folder}`).filter((n) => !n.endsWith('.json'))).toEqual([]);
    }
  });

  it.each(valid.map((f) => [f.name, f.record] as const))('%s is valid and plans as expected', (name, record) => {
    const result = parseDecision(record);
    expect(result.ok ? [] : result.issues.map((i) => `${i.path} ${i.code}`)).toEqual([]);
    if (!result.ok) return;
    const plan = planCorrespondence(result.record);
    expect({
      documents: plan.documents.map((d) => ({ kind: d.kind, recipient: d.recipient })),
      followUps: plan.followUps.map((f) => ({ kind: f.kind, ...(f.kind === 'departure-confirmation' ? { dueOn: f.dueOn } : {}) })),
    }).toEqual(expectedPlans[name]);
  });

  it.each(invalid.map((f) => [f.name, f.record] as const))('%s fails with exactly its expected errors', (name, record) => {
    const result = parseDecision(record);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => ({ path: i.path, code: i.code }))).toEqual(expectedIssues[name]);
  });

  it('together reach every document kind, every plan rule and every error code', async () => {
    const { DOCUMENT_KINDS } = await import('../../src/plan/correspondence-plan.js');
    const { PLAN_RULES } = await import('../../src/plan/plan-rules.js');
    const { DECISION_ERROR_CODES } = await import('../../src/decision/error-codes.js');
    const plans = valid.flatMap((f) => {
      const r = parseDecision(f.record);
      return r.ok ? [planCorrespondence(r.record)] : [];
    });
    const kinds = new Set(plans.flatMap((p) => p.documents.map((d) => d.kind)));
    expect([...DOCUMENT_KINDS].filter((k) => !kinds.has(k))).toEqual([]);
    const rules = new Set(plans.flatMap((p) => p.documents.map((d) => d.rule)));
    expect(PLAN_RULES.map((r) => r.id).filter((id) => !rules.has(id))).toEqual([]);
    const codes = new Set(Object.values(expectedIssues).flat().map((e) => e.code));
    expect(DECISION_ERROR_CODES.filter((c) => !codes.has(c))).toEqual([]);
  });
});
