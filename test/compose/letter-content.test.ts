import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeLetter } from '../../src/compose/compose-letter.js';
import { formatLongDate } from '../../src/compose/format-date.js';
import type { IssuedItemView } from '../../src/compose/letter-view.js';
import type { DecisionRecord, Language } from '../../src/decision/decision-schema.js';
import { listHousehold } from '../../src/decision/household.js';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { LANGUAGE_TAGS, TYPOGRAPHY } from '../../src/i18n/translator.js';
import { defaultTranslator, defaultLocaleResources } from '../../src/i18n/default-translators.js';
import { DOCUMENT_KINDS, type CorrespondencePlan, type PlannedDocument } from '../../src/plan/correspondence-plan.js';
import { planCorrespondence } from '../../src/plan/plan-correspondence.js';
import { planFollowUp } from '../../src/plan/plan-follow-up.js';
import { permitGrounds } from '../../src/decision/record-defaults.js';
import { formatCitation } from '../../src/i18n/legal-citation.js';
import type { Block, LetterDocument, TextRun } from '../../src/pdf/letter-document.js';
import { loadFixtures } from '../support/fixtures.js';
import { COMPOSE } from '../support/render-kit.js';



/** The printed text of runs, as the reader sees it. */
const line = (runs: readonly TextRun[]) => runs.map((r) => r.text).join('');

/** Every line of text a block prints, in reading order; table cells joined with " | ". */
function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [line(block.runs)];
    case 'list':
      return block.items.map((item) => line(item.runs));
    case 'table':
      return [...(block.header ? [block.header] : []), ...block.rows].map((row) => row.map(line).join(' | '));
    case 'address':
      return [...block.lines];
    case 'signature':
      return [...(block.closing ? [line(block.closing)] : []), block.signatory, ...block.lines];
    case 'section':
      return block.blocks.flatMap(blockLines);
    case 'spacer':
    case 'pageBreak':
      return [];
  }
}

/** Blocks with sections opened up. */
const allBlocks = (blocks: readonly Block[]): Block[] => blocks.flatMap((b) => (b.kind === 'section' ? allBlocks(b.blocks) : [b]));

const textOf = (blocks: readonly Block[]) => blocks.flatMap(blockLines).join('\n');

/** Each language version of a composed document with its text: one section per language when there are several. */
function versionsOf(letter: LetterDocument, document: PlannedDocument): { language: Language; text: string }[] {
  if (document.languages.length === 1) return [{ language: document.languages[0] ?? document.language, text: textOf(letter.blocks) }];
  const sections = letter.blocks.filter((b) => b.kind === 'section');
  expect(sections).toHaveLength(document.languages.length);
  return document.languages.map((language, i) => ({ language, text: textOf(sections[i]?.blocks ?? []) }));
}

const translators = { en: defaultTranslator('en'), fr: defaultTranslator('fr') };
const longDate = (date: string, language: Language) => formatLongDate(date, language, translators[language]);
const fullName = (p: { givenNames: string; familyName: string }) => (p.givenNames.trim() === '' ? p.familyName : `${p.givenNames} ${p.familyName}`);

/** Text that must never reach a letter: an unset value, an object, a raw key or an uninterpolated variable. */
const NAMESPACES = Object.keys(defaultLocaleResources().en);
const LEAKS = [/undefined/, /\bnull\b/, /\[object/, /\{\{/, /\$t\(/, new RegExp(`(?:^|[^\\w-])(?:${NAMESPACES.join('|')}):[\\w.-]`)];

interface Case {
  readonly fixture: string;
  readonly record: DecisionRecord;
  readonly plan: CorrespondencePlan;
  readonly document: PlannedDocument;
  readonly letter: LetterDocument;
  readonly issued: readonly IssuedItemView[];
}

/** A stand-in for a PDF's SHA-256: the hash of the composed model, deterministic and 64 hex digits. */
const fingerprint = (letter: LetterDocument) => createHash('sha256').update(JSON.stringify(letter)).digest('hex');

function composeAll(fixture: string, record: DecisionRecord): Case[] {
  const plan = planCorrespondence(record);
  const issued: IssuedItemView[] = [];
  return plan.documents.map((document) => {
    const letter = composeLetter(COMPOSE, { record, plan, document, issued: [...issued] });
    const seen = [...issued];
    if (document.kind !== 'file-update') {
      issued.push({ kind: document.kind, recipient: document.recipient, copies: document.copies ?? [], channels: document.channels, languages: document.languages.join('+').toUpperCase(), sha256: fingerprint(letter) });
    }
    return { fixture, record, plan, document, letter, issued: seen };
  });
}

function parsed(record: unknown): DecisionRecord {
  const result = parseDecision(record);
  if (!result.ok) throw new Error(`fixture invalid: ${result.issues.map((i) => i.code).join(', ')}`);
  return result.record;
}

const CASES: Case[] = loadFixtures('decisions').flatMap((f) => composeAll(f.name, parsed(f.record)));
const casesOf = (kind: string) => CASES.filter((c) => c.document.kind === kind).map((c) => [`${c.fixture} → ${c.document.recipient}${c.document.uci ? ` ${c.document.uci}` : ''}`, c] as const);

function personOf(c: Case, uci: string) {
  const member = listHousehold(c.record).find((p) => p.uci === uci);
  if (!member) throw new Error(`no person ${uci}`);
  return { ...member, source: member.familyMember ?? c.record.principalApplicant };
}

describe('every composed document', () => {
  it('covers every document kind in the fixtures', () => {
    expect(new Set(CASES.map((c) => c.document.kind))).toEqual(new Set(DOCUMENT_KINDS));
  });

  it.each(CASES.map((c) => [`${c.fixture} → ${c.document.kind} (${c.document.recipient})`, c] as const))('%s: no unset value or raw key', (_name, c) => {
    const text = textOf(c.letter.blocks);
    for (const leak of LEAKS) expect({ leak: String(leak), match: leak.exec(text)?.[0] }).toEqual({ leak: String(leak), match: undefined });
    expect(c.letter.title).not.toMatch(/:title|undefined/);
  });

  it.each(CASES.map((c) => [`${c.fixture} → ${c.document.kind} (${c.document.recipient})`, c] as const))('%s: in its languages, first language first', (_name, c) => {
    expect(c.letter.lang).toBe(LANGUAGE_TAGS[c.document.language]);
    for (const { language, text } of versionsOf(c.letter, c.document)) {
      expect(text).toContain(longDate(c.record.decisionDate, language));
      expect(text).toContain(c.record.applicationNumber);
    }
  });
});

describe('refusal letter', () => {
  it.each(casesOf('refusal-letter'))('%s: names the 15-day limit for judicial review', (_name, c) => {
    for (const { language, text } of versionsOf(c.letter, c.document)) expect(text).toContain({ en: '15 days', fr: '15 jours' }[language]);
  });
});

describe('departure instructions', () => {
  it.each(casesOf('departure-instructions'))('%s: deadline in each language, addressed to everyone who must leave, no Certificate of Departure without a removal order', (_name, c) => {
    const deadline = c.record.departure?.deadline;
    expect(deadline).toBeDefined();
    expect(c.document.addressees).toEqual(c.document.persons);
    for (const { language, text } of versionsOf(c.letter, c.document)) {
      expect(text).toContain(longDate(deadline ?? '', language));
      // R240 belongs to removal orders; voluntary departure is confirmed in person or by proof sent to the office.
      expect(text).not.toContain({ en: 'Certificate of Departure', fr: 'attestation de départ' }[language]);
      expect(text).toContain(c.record.office.email);
      for (const uci of c.document.persons) {
        expect(text).toContain(uci);
        expect(text).toContain(fullName(personOf(c, uci).source));
      }
    }
  });

  it.each(casesOf('departure-instructions'))('%s: the steps are a numbered list in each language', (_name, c) => {
    const lists = allBlocks(c.letter.blocks).filter((b) => b.kind === 'list' && b.ordered);
    expect(lists).toHaveLength(c.document.languages.length);
  });
});

describe('CBSA no-status notice', () => {
  it.each(casesOf('cbsa-no-status-notice'))('%s: who, which decision, why, in the internal language', (_name, c) => {
    const [{ language, text }] = versionsOf(c.letter, c.document) as [{ language: Language; text: string }];
    expect(language).toBe(c.record.correspondence.internalLanguage ?? c.record.office.workingLanguage);
    const person = personOf(c, c.document.uci ?? '');
    expect(text).toContain(person.uci);
    expect(text).toContain(fullName(person.source));
    expect(text).toContain(longDate(person.source.dateOfBirth, language));
    expect(text).toContain(c.record.decisionId);
    expect(text).toContain({ en: 'Voluntary departure was found not to be appropriate', fr: 'départ volontaire ne convient pas' }[language]);
    expect(allBlocks(c.letter.blocks).some((b) => b.kind === 'table' && b.rowHeaders === true)).toBe(true);
  });

  // The follow-up on the departure deadline, planned and composed through the public API.
  const followUps = CASES.filter((c) => c.document.kind === 'file-update').flatMap((c) =>
    c.plan.followUps.flatMap((f) => (f.kind === 'departure-confirmation' ? [[`${c.fixture}: departure not confirmed`, c, f] as const] : [])),
  );
  it.each(followUps)('%s: a notice per person that says the departure was not confirmed by the deadline', (_name, c, followUp) => {
    const on = '2027-01-15';
    const plan = planFollowUp(c.record, { kind: 'departure-not-confirmed', persons: followUp.persons, on });
    expect(plan.documents.map((d) => d.kind)).toEqual([...followUp.persons.map(() => 'cbsa-no-status-notice'), 'file-update']);
    const [document] = plan.documents;
    if (!document) throw new Error('no notice');
    const text = textOf(composeLetter(COMPOSE, { record: c.record, plan, document }).blocks);
    const language = document.language;
    expect(text).toContain(longDate(followUp.dueOn, language));
    expect(text).toContain(longDate(on, language));
    expect(text).not.toContain({ en: 'not to be appropriate', fr: 'départ volontaire ne convient pas' }[language]);
    expect(text).toContain(document.uci);
  });
});

describe('CBSA removals notice', () => {
  it.each(casesOf('cbsa-removals-notice'))('%s: who, the removal order, and any permit', (_name, c) => {
    const [{ language, text }] = versionsOf(c.letter, c.document) as [{ language: Language; text: string }];
    const t = translators[language];
    const person = personOf(c, c.document.uci ?? '');
    const order = person.removalOrder;
    expect(order).toBeDefined();
    if (!order) return;
    expect(text).toContain(person.uci);
    expect(text).toContain(t(`letter:removalOrderType.${order.type}`));
    expect(text).toContain(longDate(order.enforceableOn, language));
    expect(text).toContain(order.cbsaOffice);
    const permit = c.record.trp?.find((p) => p.uci === person.uci);
    const permitWords = { en: 'temporary resident permit', fr: 'permis de séjour temporaire' }[language];
    if (permit) {
      expect(text).toContain(permitWords);
      expect(text).toContain(longDate(permit.validTo, language));
      expect(text).toContain({ en: 'has been recommended', fr: 'a été recommandé' }[language]);
    } else {
      expect(text).not.toContain(permitWords);
    }
  });
});

describe('TRP rationale', () => {
  it.each(casesOf('trp-rationale'))('%s: grounds, reasons, risk, validity, re-entry, conditions, fee or exemption', (_name, c) => {
    const [{ language, text }] = versionsOf(c.letter, c.document) as [{ language: Language; text: string }];
    const permit = c.record.trp?.find((p) => p.uci === c.document.uci);
    expect(permit).toBeDefined();
    if (!permit) return;
    const person = personOf(c, permit.uci);
    expect(text).toContain(fullName(person.source));
    expect(text).toContain(longDate(permit.validFrom, language));
    expect(text).toContain(longDate(permit.validTo, language));
    expect(text).toContain('receiptNumber' in permit.fee ? permit.fee.receiptNumber : formatCitation(permit.fee.exemption, language));
    expect(text).toContain(permit.riskAssessment?.trim() ?? translators[language]('trp-rationale:riskNone'));
    // The officer's text goes through the typography of the document's language (French spacing).
    expect(text).toContain(TYPOGRAPHY[language](permit.rationale.split(/\n\s*\n/)[0]?.trim() ?? 'missing rationale'));
    const t = translators[language];
    if (permitGrounds(c.record, permit) === 'a42-family-member') {
      expect(text).toContain(t('trp-rationale:reasonsHeading.a42'));
      expect(text).not.toContain(t('trp-rationale:reasonsHeading.compelling'));
      // The provision is cited in the letter's language: "paragraph 36(2)(a) of the Act", "alinéa 36(2)a) de la Loi".
      expect(text).toContain(formatCitation(person.familyMember?.inadmissibility ?? 'missing inadmissibility', language));
      expect(text).toContain(fullName(c.record.principalApplicant));
    }
    if (permit.conditions.length === 0) expect(text).toContain(translators[language]('trp-rationale:conditionsNone'));
    for (const condition of permit.conditions) expect(text).toContain(condition);
  });
});

describe('file update', () => {
  it.each(casesOf('file-update'))('%s: what was decided, who, every issued document with its SHA-256', (_name, c) => {
    const [{ language, text }] = versionsOf(c.letter, c.document) as [{ language: Language; text: string }];
    expect(text).toContain(c.record.officer.name);
    for (const person of listHousehold(c.record)) expect(text).toContain(person.uci);
    expect(c.issued).toHaveLength(c.plan.documents.length - 1);
    const hashes = text.match(/\b[0-9a-f]{64}\b/g) ?? [];
    expect(hashes).toEqual(c.issued.map((d) => d.sha256));
    for (const followUp of c.plan.followUps) {
      if (followUp.kind === 'departure-confirmation') expect(text).toContain(longDate(followUp.dueOn, language));
      else expect(text).toContain(followUp.persons.join(', '));
    }
  });

  it('says so when nothing else was issued', () => {
    const c = CASES.find((x) => x.document.kind === 'file-update');
    if (!c) throw new Error('no file update');
    const letter = composeLetter(COMPOSE, { record: c.record, plan: c.plan, document: c.document, issued: [] });
    expect(textOf(letter.blocks)).toContain(defaultTranslator(c.document.language)('file-update:issuedNone'));
  });
});

describe('CSQ request', () => {
  it.each(casesOf('csq-request'))('%s: MIFI in French, the client in their language', (_name, c) => {
    const versions = versionsOf(c.letter, c.document);
    if (c.document.recipient === 'mifi') {
      expect(c.document.languages).toEqual(['fr']);
      expect(c.letter.lang).toBe('fr-CA');
      expect(versions[0]?.text).toContain('certificat de sélection du Québec');
      expect(versions[0]?.text).toContain(c.record.principalApplicant.uci);
    } else {
      expect(c.document.languages[0]).toBe(c.record.correspondence.language);
      for (const { language, text } of versions) {
        expect(text).toContain('MIFI');
        expect(text).toContain('CSQ');
        expect(text).toContain({ en: 'approved in principle', fr: 'approuvée en principe' }[language]);
      }
    }
  });
});

describe('record text is data', () => {
  const fixture = loadFixtures('decisions').find((f) => f.name === 'refused-family-departure-together-en.json');
  const hostile = { familyName: "O'Brien & <Fils>", injected: '{{ 7*7 }}', nested: '$t(letter:yes) {{count}}', officer: 'Dr. "Sam" O\'Brien & <Fils>' };

  function hostileRecord(language: Language): DecisionRecord {
    const record = structuredClone(fixture?.record) as any;
    record.correspondence.language = language;
    record.correspondence.bilingual = true;
    record.principalApplicant.familyName = hostile.familyName;
    record.familyMembers[0].givenNames = hostile.injected;
    record.familyMembers[0].familyName = hostile.nested;
    record.officer.name = hostile.officer;
    record.reasons = { en: `Reasons with ${hostile.injected} & <b>not bold</b>.`, fr: `Motifs avec ${hostile.injected} & <b>pas gras</b>.` };
    return parsed(record);
  }

  it.each(['en', 'fr'] as const)('prints names and reasons exactly as written, never escaped or evaluated (%s first)', (language) => {
    const cases = composeAll('hostile', hostileRecord(language));
    expect(cases.map((c) => c.document.kind)).toEqual(['refusal-letter', 'departure-instructions', 'file-update']);
    for (const c of cases) {
      const text = textOf(c.letter.blocks);
      expect(text).toContain(hostile.familyName);
      expect(text).toContain(`${hostile.injected} ${hostile.nested}`);
      expect(text).toContain(hostile.officer);
      expect(text).not.toMatch(/&amp;|&lt;|&gt;|&#39;|&quot;|\b49\b|\bYes\b|\bOui\b/);
    }
    const refusal = textOf(cases[0]?.letter.blocks ?? []);
    expect(refusal).toContain(`Reasons with ${hostile.injected} & <b>not bold</b>.`);
    expect(refusal).toContain(`Motifs avec ${hostile.injected} & <b>pas gras</b>.`);
  });
});
