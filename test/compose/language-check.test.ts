import { describe, expect, it } from 'vitest';
import { composeLetter } from '../../src/compose/compose-letter.js';
import type { DecisionRecord, Language } from '../../src/decision/decision-schema.js';
import { listHousehold } from '../../src/decision/household.js';
import { assertDecision } from '../../src/decision/parse-decision.js';
import { reasonsIn } from '../../src/decision/record-defaults.js';
import { clientEmailRoutes } from '../../src/email/client-email-routes.js';
import { composeClientEmail } from '../../src/email/compose-client-email.js';
import { composeInternalEmail } from '../../src/email/compose-internal-email.js';
import { isInternalEmailRecipient } from '../../src/email/email-config.js';
import type { PlannedDocument } from '../../src/plan/correspondence-plan.js';
import { planCorrespondence } from '../../src/plan/plan-correspondence.js';
import type { Block, TextRun } from '../../src/pdf/letter-document.js';
import { COMPOSE, emailContext } from '../support/render-kit.js';
import { loadFixtures } from '../support/fixtures.js';

/**
 * A reviewer's checklist, run over every document and email of every fixture: the errors a reader
 * who knows the procedure and Canadian French found in earlier letters, as patterns that must
 * never match again.
 */


const line = (runs: readonly TextRun[]) => runs.map((r) => r.text).join('');
function linesOf(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [line(block.runs)];
    case 'list':
      return block.items.map((i) => line(i.runs));
    case 'table':
      return [...(block.header ? [block.header] : []), ...block.rows].map((row) => row.map(line).join(' | '));
    case 'address':
      return [...block.lines];
    case 'signature':
      return [...(block.closing ? [line(block.closing)] : []), block.signatory, ...block.lines];
    case 'section':
      return block.blocks.flatMap(linesOf);
    default:
      return [];
  }
}

interface Text {
  readonly where: string;
  readonly record: DecisionRecord;
  readonly document?: PlannedDocument;
  readonly language: Language;
  /** The text with no-break spaces read as spaces, so patterns need not know the typography. */
  readonly text: string;
}

const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

/** Every language version of every document and every email of the fixtures. */
async function allTexts(): Promise<Text[]> {
  const texts: Text[] = [];
  for (const fixture of loadFixtures('decisions')) {
    const record = assertDecision(fixture.record);
    const plan = planCorrespondence(record);
    for (const document of plan.documents) {
      const letter = composeLetter(COMPOSE, { record, plan, document });
      // A bilingual document holds one section per language, in the order of `languages`.
      const sections = letter.blocks.filter((b) => b.kind === 'section');
      const versions =
        document.languages.length === 1
          ? [{ language: document.language, blocks: letter.blocks }]
          : sections.map((b, i) => ({ language: document.languages[i] ?? document.language, blocks: b.blocks }));
      for (const v of versions) {
        texts.push({ where: `${fixture.name} ${document.kind}→${document.recipient} (${v.language})`, record, document, language: v.language, text: plain(v.blocks.flatMap(linesOf).join('\n')) });
      }
    }
    const pdf = (d: PlannedDocument) => ({ fileName: `${d.kind}.pdf`, title: d.kind, bytes: new TextEncoder().encode(d.kind) });
    const emails = [
      ...(await Promise.all(clientEmailRoutes(record, plan).map((r) => composeClientEmail(record, r, r.documents.map(pdf), emailContext())))),
      ...(await Promise.all(plan.documents.filter((d) => isInternalEmailRecipient(d.recipient)).map((d) => composeInternalEmail(record, d, pdf(d), emailContext())))),
    ];
    for (const email of emails) {
      // A bilingual email carries both languages; its French part follows the rule line.
      const [first, second] = email.text.split(/^-{72}$/m);
      const [l1, l2] = email.languages;
      if (l1 && first !== undefined) texts.push({ where: `${fixture.name} email ${email.label} (${l1})`, record, language: l1, text: plain(first) });
      if (l2 && second !== undefined) texts.push({ where: `${fixture.name} email ${email.label} (${l2})`, record, language: l2, text: plain(second) });
    }
  }
  return texts;
}

const TEXTS = await allTexts();
const french = TEXTS.filter((t) => t.language === 'fr');
const english = TEXTS.filter((t) => t.language === 'en');

/** Every match of `pattern` in the texts, with where it was found, for a readable failure. */
function findings(texts: readonly Text[], pattern: RegExp, skip: (t: Text) => boolean = () => false): string[] {
  return texts.filter((t) => !skip(t)).flatMap((t) => [...t.text.matchAll(pattern)].map((m) => `${t.where}: «${t.text.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\n/g, ' ')}»`));
}

/** Text the record supplies (reasons, rationales, names) is the officer's and the client's, printed as written. */
function withoutRecordText(t: Text): Text {
  const r = t.record;
  const own = [
    ...['en', 'fr'].flatMap((l) => reasonsIn(r, l as Language) ?? []),
    ...(r.trp ?? []).flatMap((p) => [p.rationale, p.riskAssessment ?? '', ...p.conditions]),
    r.officer.name,
    r.officer.title.en,
    r.officer.title.fr,
    r.correspondence.representative?.name ?? '',
  ].map(plain).filter((x) => x !== '');
  return { ...t, text: own.reduce((text, x) => text.split(x).join(' '), t.text) };
}

describe('language check over every fixture’s documents and emails', () => {
  it('has texts in both languages to check', () => {
    expect(french.length).toBeGreaterThan(40);
    expect(english.length).toBeGreaterThan(40);
  });

  it('French: no missing elision before a vowel (d’étudiant, qu’il, l’alinéa)', () => {
    expect(findings(french.map(withoutRecordText), /(?<![\p{L}’'-])(?:de|que|le|la|ne|je|se|me|jusque|lorsque|puisque) (?=[aeiouàâäéèêëîïôöùûüœæ])/giu)).toEqual([]);
  });

  it('English: "an" before a vowel sound, "a" before a consonant sound', () => {
    expect(findings(english.map(withoutRecordText), /\ba (?=[aeio]|u(?!s|n[ie]|re))/gi)).toEqual([]);
    expect(findings(english.map(withoutRecordText), /\ban (?=[bcdfgjklmnpqrstvwxz])/gi)).toEqual([]);
  });

  it('French agrees with a woman: no masculine form of her role, for the people a document is about', () => {
    const masculine: Record<string, RegExp> = {
      'principal-applicant': /demandeur principal(?! ou)/,
      spouse: /(?<!ou )\bépoux\b(?! ou)/,
      'common-law-partner': /(?<!ou )\bconjoint de fait\b/,
    };
    const problems = french.flatMap((t) => {
      const women = listHousehold(t.record).filter((p) => (p.familyMember ? p.familyMember.salutation : t.record.principalApplicant.salutation) === 'ms');
      const men = listHousehold(t.record).filter((p) => (p.familyMember ? p.familyMember.salutation : t.record.principalApplicant.salutation) !== 'ms');
      return women.flatMap((w) => {
        const role = w.familyMember?.relationship ?? 'principal-applicant';
        const pattern = masculine[role];
        // A man of the same role could rightly be named with the masculine form.
        if (!pattern || men.some((m) => (m.familyMember?.relationship ?? 'principal-applicant') === role)) return [];
        return pattern.test(t.text) ? [`${t.where}: masculine ${role} for a woman`] : [];
      });
    });
    expect(problems).toEqual([]);
    // A representative's client who is a woman is "votre cliente".
    expect(findings(french.filter((t) => t.record.principalApplicant.salutation === 'ms'), /votre client(?!e)/g)).toEqual([]);
  });

  it('French: the officer’s own voice never agrees in gender ("je ne suis pas convaincu")', () => {
    expect(findings(french.map(withoutRecordText), /je ne suis pas convaincue?\b|\bl’agent a conclu/gi)).toEqual([]);
  });

  it('never promises a Certificate of Departure to someone without a removal order', () => {
    const noOrder = (t: Text) => listHousehold(t.record).every((p) => !p.removalOrder);
    expect(findings(TEXTS.filter(noOrder), /Certificate of Departure|attestation de départ/gi)).toEqual([]);
    expect(findings(TEXTS.filter((t) => t.document?.kind === 'departure-instructions'), /Certificate of Departure|attestation de départ/gi)).toEqual([]);
  });

  it('never says a recommended permit "is issued" or that the CBSA "will" act', () => {
    expect(findings(TEXTS, /\bis issued\b|\best délivrée?\b|\bsont délivrés\b|\bCBSA will\b|\bASFC (?:communiquera|prendra)\b/gi)).toEqual([]);
  });

  it('never prints reasons in a language other than the letter’s', () => {
    const problems = TEXTS.filter((t) => t.document?.kind === 'refusal-letter').flatMap((t) => {
      const own = reasonsIn(t.record, t.language);
      const other = reasonsIn(t.record, t.language === 'en' ? 'fr' : 'en');
      const issues: string[] = [];
      if (own === undefined || !t.text.includes(plain(own).slice(0, 60))) issues.push(`${t.where}: its own reasons are missing`);
      if (other !== undefined && other !== own && t.text.includes(plain(other).slice(0, 60))) issues.push(`${t.where}: reasons in the other language`);
      return issues;
    });
    expect(problems).toEqual([]);
  });

  it('spells Quebec one way per language', () => {
    expect(findings(english, /Québec/g)).toEqual([]);
    expect(findings(french, /\bQuebec\b/g)).toEqual([]);
  });

  it('cites the law in each language’s form', () => {
    expect(findings(english, /\b(?:alinéa|paragraphe)\b|\d\)[a-z]\)/g)).toEqual([]);
    expect(findings(french, /\d\)\([a-z]\)|\bparagraph \d/g)).toEqual([]);
  });

  it('speaks to the addressee as "you": a letter to a person never names that person in the third person in its next steps', () => {
    const problems = TEXTS.filter((t) => t.document?.kind === 'refusal-letter' && t.document.addressees !== undefined).flatMap((t) => {
      const addressee = listHousehold(t.record).find((p) => p.uci === t.document?.addressees?.[0]);
      const source = addressee?.familyMember ?? t.record.principalApplicant;
      const name = `${source.givenNames} ${source.familyName}`.trim();
      return new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (?:must|does not|is subject|doit|n’a pas|fait l’objet)`).test(t.text) ? [`${t.where}: third person for the addressee`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('tells every client letter’s reader how to reach the office, in alternate formats, and who signed', () => {
    const clientLetters = TEXTS.filter((t) => t.document && ['client', 'family-member', 'representative'].includes(t.document.recipient));
    expect(clientLetters.length).toBeGreaterThan(30);
    for (const t of clientLetters) {
      expect({ where: t.where, office: t.text.includes(t.record.office.address.line1) }).toEqual({ where: t.where, office: true });
      expect({ where: t.where, formats: /alternate formats|médias substituts/.test(t.text) }).toEqual({ where: t.where, formats: true });
      expect({ where: t.where, signed: t.text.includes(t.record.officer.name) && t.text.includes(t.record.officer.title[t.language]) }).toEqual({ where: t.where, signed: true });
    }
  });
});
