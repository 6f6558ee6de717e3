import type { DecisionRecord, Language, PostalAddress } from '../decision/decision-schema.js';
import { fullName } from './person-name.js';
import { listHousehold, type HouseholdMember } from '../decision/household.js';
import { LANGUAGE_TAGS, type Translate } from '../i18n/translator.js';
import type { CorrespondencePlan, DocumentKind, PlannedDocument, Recipient } from '../plan/correspondence-plan.js';
import { formatLongDate } from './format-date.js';

/** A person as the letters show them. */
export interface PersonView {
  readonly uci: string;
  readonly fullName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  /** `principal-applicant`, or the family relationship: a key into the `letter:relationship` locale. */
  readonly relationship: string;
  /** The decision for this person (`refused` or `approved-in-principle`): a key into the `letter:outcome` locale. */
  readonly outcome: string;
  readonly inCanada: boolean;
  readonly status?: { readonly valid: boolean; readonly kind: string; readonly expires?: string; readonly expiredOn?: string };
  readonly removalOrder?: {
    readonly type: string;
    readonly enforceableOn: string;
    readonly stayed: boolean;
    readonly cbsaOffice: string;
  };
  readonly inadmissibility?: string;
}

/** A document already issued for this decision, as the file update lists it. */
export interface IssuedDocumentView {
  readonly kind: DocumentKind;
  readonly recipient: Recipient;
  readonly languages: string;
  readonly sha256: string;
}

/**
 * Everything a letter template reads, already formatted in the letter's language: dates written
 * out, addresses as lines, names joined. Templates hold no logic beyond choosing what to show.
 */
export interface LetterView {
  readonly lang: Language;
  readonly langTag: string;
  readonly kind: DocumentKind;
  readonly decision: {
    readonly id: string;
    readonly applicationNumber: string;
    readonly date: string;
    readonly isoDate: string;
    readonly outcome: string;
    readonly reasons: readonly string[];
    /** Language of the officer's reasons, when it differs from the letter's. */
    readonly reasonsLang?: string;
  };
  readonly office: {
    readonly id: string;
    readonly name: string;
    readonly city: string;
    readonly addressLines: readonly string[];
    readonly email: string;
    readonly phone: string;
  };
  readonly officer: { readonly id: string; readonly name: string; readonly title: string };
  readonly recipient: {
    readonly role: Recipient;
    /** Who the role is, in the letter's language ("Canada Border Services Agency, Removals Unit"). */
    readonly label: string;
    /** The client's or representative's name; internal documents address `label` instead. */
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly isRepresentative: boolean;
  };
  readonly salutation: string;
  readonly principal: PersonView;
  /** The people the document concerns, in record order. */
  readonly persons: readonly PersonView[];
  /** Their names joined for a sentence, in the letter's language ("A, B and C"). */
  readonly personNames: string;
  readonly household: readonly PersonView[];
  readonly departure?: { readonly appropriate: boolean; readonly deadline?: string };
  readonly permit?: {
    readonly grounds: string;
    readonly rationale: readonly string[];
    readonly riskAssessment: readonly string[];
    readonly validFrom: string;
    readonly validTo: string;
    readonly reentryAllowed: boolean;
    readonly conditions: readonly string[];
    readonly receiptNumber?: string;
    readonly exemption?: string;
    readonly a42: boolean;
  };
  readonly destinationProvince: string;
  /** People whose refusal a client letter reports: everyone in Canada on a refusal, else the refused member. */
  readonly refused: readonly PersonView[];
  readonly nextSteps: readonly NextStepView[];
  readonly issued: readonly IssuedDocumentView[];
  readonly followUps: readonly FollowUpView[];
  /** The plan's notes for the officer, in the letter's language. */
  readonly notes: readonly string[];
}

/** A follow-up the plan scheduled, as the file update lists it. */
export interface FollowUpView {
  readonly kind: string;
  readonly dueOn: string;
  /** UCIs, comma-separated. */
  readonly persons: string;
  /** The people's names joined for a sentence. */
  readonly names: string;
  /** The document kind sent if the follow-up finds the step not done. */
  readonly ifNotConfirmed: DocumentKind;
}

/**
 * What the decision means for the people a client letter speaks of, derived from the plan: one
 * entry per person (or one for everyone leaving together), keyed into the letter's locale.
 */
export interface NextStepView {
  readonly key: 'departure' | 'cbsaNotified' | 'removalOrder' | 'removalOrderStayed' | 'permit' | 'none';
  readonly name: string;
  readonly count: number;
  readonly order?: string;
  readonly deadline?: string;
}

/** What the view needs beyond the record and the planned document. */
export interface LetterViewInput {
  readonly record: DecisionRecord;
  readonly plan: CorrespondencePlan;
  readonly document: PlannedDocument;
  readonly language: Language;
  readonly t: Translate;
  readonly issued?: readonly IssuedDocumentView[];
}

/** Canada Post order: street lines, then city, province and postal code on one line. */
export function addressLines(address: PostalAddress): string[] {
  return [
    address.line1,
    ...(address.line2 === undefined ? [] : [address.line2]),
    // Canada Post writes the postal code as two groups of three, whatever the record sent.
    `${address.city} ${address.province}\u00A0\u00A0${address.postalCode.replace(/^(\w{3}) ?(\w{3})$/, '$1 $2')}`,
  ];
}

/** Paragraphs of free text written by an officer: split on blank lines, inner line breaks kept as spaces. */
function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
}

function personView(p: HouseholdMember, record: DecisionRecord, date: (d: string) => string): PersonView {
  const source = p.familyMember ?? record.principalApplicant;
  const status = p.status;
  const order = p.removalOrder;
  return {
    uci: p.uci,
    fullName: fullName(source),
    familyName: source.familyName,
    dateOfBirth: date(source.dateOfBirth),
    relationship: p.familyMember?.relationship ?? 'principal-applicant',
    outcome: p.outcome,
    inCanada: p.inCanada,
    ...(status
      ? {
          status: {
            valid: status.valid,
            kind: status.kind,
            ...(status.expires === undefined ? {} : { expires: date(status.expires) }),
            ...(status.expiredOn === undefined ? {} : { expiredOn: date(status.expiredOn) }),
          },
        }
      : {}),
    ...(order
      ? { removalOrder: { type: order.type, enforceableOn: date(order.enforceableOn), stayed: order.stayed, cbsaOffice: order.cbsaOffice } }
      : {}),
    ...(p.familyMember?.inadmissibility === undefined ? {} : { inadmissibility: p.familyMember.inadmissibility }),
  };
}

const listFormats = new Map<Language, Intl.ListFormat>();

function joinNames(names: readonly string[], language: Language): string {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(LANGUAGE_TAGS[language], { type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format.format(names);
}

function nextSteps(plan: CorrespondencePlan, people: readonly PersonView[], language: Language, t: Translate, deadline: string | undefined): NextStepView[] {
  const concerns = (kind: DocumentKind, uci: string) => plan.documents.some((d) => d.kind === kind && d.persons.includes(uci));
  const leaving = people.filter((p) => concerns('departure-instructions', p.uci));
  const steps: NextStepView[] = [];
  if (leaving.length > 0) {
    steps.push({ key: 'departure', name: joinNames(leaving.map((p) => p.fullName), language), count: leaving.length, ...(deadline ? { deadline } : {}) });
  }
  for (const p of people) {
    const one = { name: p.fullName, count: 1 };
    if (p.removalOrder && concerns('cbsa-removals-notice', p.uci)) {
      const order = t(`letter:removalOrderType.${p.removalOrder.type}`);
      steps.push({ key: p.removalOrder.stayed ? 'removalOrderStayed' : 'removalOrder', order, ...one });
    } else if (concerns('cbsa-no-status-notice', p.uci)) steps.push({ key: 'cbsaNotified', ...one });
    if (concerns('trp-rationale', p.uci)) steps.push({ key: 'permit', ...one });
  }
  const handled = new Set([...leaving.map((p) => p.fullName), ...steps.map((s) => s.name)]);
  return [...steps, ...people.filter((p) => !handled.has(p.fullName)).map((p): NextStepView => ({ key: 'none', name: p.fullName, count: 1 }))];
}

/** Builds the view of one planned document in one language. Pure. */
export function buildLetterView(input: LetterViewInput): LetterView {
  const { record, document, language, t } = input;
  const date = (d: string) => formatLongDate(d, language, t);
  const [principalMember, ...members] = listHousehold(record);
  const principal = personView(principalMember, record, date);
  const household = [principal, ...members.map((p) => personView(p, record, date))];
  const byUci = new Map(household.map((p) => [p.uci, p]));
  const c = record.correspondence;
  const representative = c.representative ?? undefined;
  const isRepresentative = document.recipient === 'representative';
  const clientAddress = isRepresentative ? representative?.postalAddress : c.postalAddress;
  const recipientName = isRepresentative && representative ? representative.name : principal.fullName;
  const salutationKey = isRepresentative ? 'representative' : record.principalApplicant.salutation;
  const permit = (record.trp ?? []).find((p) => p.uci === document.uci);
  const member = record.familyMembers?.find((m) => m.uci === permit?.uci);
  const reasonsLanguage = record.office.workingLanguage;
  const refused =
    record.outcome === 'refused'
      ? household.filter((p) => p.inCanada)
      : document.persons.flatMap((uci) => byUci.get(uci) ?? []);
  const deadline = record.departure?.deadline === undefined ? undefined : date(record.departure.deadline);
  const persons = document.persons.flatMap((uci) => byUci.get(uci) ?? []);
  const namesOf = (ucis: readonly string[]) => joinNames(ucis.map((uci) => byUci.get(uci)?.fullName ?? uci), language);
  return {
    lang: language,
    langTag: LANGUAGE_TAGS[language],
    kind: document.kind,
    decision: {
      id: record.decisionId,
      applicationNumber: record.applicationNumber,
      date: date(record.decisionDate),
      isoDate: record.decisionDate,
      outcome: record.outcome,
      reasons: paragraphs(record.reasons),
      ...(reasonsLanguage === language ? {} : { reasonsLang: LANGUAGE_TAGS[reasonsLanguage] }),
    },
    office: {
      id: record.office.id,
      name: record.office.name[language],
      city: record.office.address.city,
      addressLines: addressLines(record.office.address),
      email: record.office.email,
      // A telephone number is never split across lines.
      phone: record.office.phone.replace(/ /g, '\u00A0'),
    },
    officer: { id: record.officer.id, name: record.officer.name, title: record.officer.title[language] },
    recipient: {
      role: document.recipient,
      label: t(`letter:recipientRole.${document.recipient}`),
      name: recipientName,
      addressLines: clientAddress ? addressLines(clientAddress) : [],
      isRepresentative,
    },
    salutation: t(`letter:salutation.${salutationKey}`, { familyName: principal.familyName, name: recipientName }),
    principal,
    persons,
    personNames: joinNames(persons.map((p) => p.fullName), language),
    household,
    ...(record.departure
      ? { departure: { appropriate: record.departure.voluntaryDepartureAppropriate, ...(deadline ? { deadline } : {}) } }
      : {}),
    ...(permit
      ? {
          permit: {
            grounds: permit.grounds,
            rationale: paragraphs(permit.rationale),
            riskAssessment: paragraphs(permit.riskAssessment),
            validFrom: date(permit.validFrom),
            validTo: date(permit.validTo),
            reentryAllowed: permit.reentryAllowed,
            conditions: permit.conditions,
            ...('receiptNumber' in permit.fee ? { receiptNumber: permit.fee.receiptNumber } : { exemption: permit.fee.exemption }),
            a42: permit.grounds === 'a42-family-member' && member !== undefined,
          },
        }
      : {}),
    destinationProvince: record.destinationProvince,
    refused,
    nextSteps: nextSteps(input.plan, refused, language, t, deadline),
    issued: input.issued ?? [],
    followUps: input.plan.followUps.map((f) => ({
      kind: f.kind,
      dueOn: date(f.dueOn),
      persons: f.persons.join(', '),
      names: namesOf(f.persons),
      ifNotConfirmed: f.ifNotConfirmed,
    })),
    notes: input.plan.notes.map((n) => n.message[language]),
  };
}
