import { addDays, compareDates } from '../decision/calendar-date.js';
import type { DecisionRecord, Language, PostalAddress, Salutation } from '../decision/decision-schema.js';
import { listHousehold, type HouseholdMember } from '../decision/household.js';
import { WINDOW_NAME_ROOM } from '../decision/print-room.js';
import { printedWidth } from '../decision/printable-text.js';
import { permitGrounds, reasonsIn } from '../decision/record-defaults.js';
import { LANGUAGE_TAGS, type Translate } from '../i18n/translator.js';
import {
  PERSON_RECIPIENTS,
  type CorrespondencePlan,
  type DocumentKind,
  type PlannedDocument,
  type Recipient,
} from '../plan/correspondence-plan.js';
import { DEPARTURE_ORDER_DAYS } from '../plan/rules/cbsa-removals-notice.js';
import { formatLongDate } from './format-date.js';
import { formatPhone } from './format-phone.js';
import { fullName } from './person-name.js';

/**
 * How a sentence about a person is worded: to them ("you"), or about a woman, a man, or a person
 * whose gender the record does not give (epicene French). An i18next context: `key_you`, `key_f`,
 * `key_m`, and the plain key for the epicene form.
 */
export type Voice = 'you' | 'f' | 'm' | '';

/** A person as the letters show them. */
export interface PersonView {
  readonly uci: string;
  readonly fullName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  /** `principal-applicant`, or the family relationship: a key into the `letter:relationship` locale. */
  readonly relationship: string;
  /** The relationship written out, agreeing with the person's gender in French. */
  readonly relationshipText: string;
  /** The decision for this person (`refused` or `approved-in-principle`): a key into the `letter:outcome` locale. */
  readonly outcome: string;
  readonly inCanada: boolean;
  /** `f`, `m`, or empty when the record does not say (from the salutation). */
  readonly gender: '' | 'f' | 'm';
  /** How this letter speaks of the person: `you` when the letter is addressed to them, else their gender. */
  readonly voice: Voice;
  readonly status?: { readonly valid: boolean; readonly kind: string; readonly expires?: string; readonly expiredOn?: string };
  readonly removalOrder?: {
    readonly type: string;
    readonly enforceableOn: string;
    readonly stayed: boolean;
    readonly cbsaOffice: string;
    /** Departure orders: the last day of the 30 days of R224(2). */
    readonly complyBy?: string;
    /** Departure orders: those 30 days ended before the decision date. */
    readonly periodEnded?: boolean;
  };
  /** The provision of an inadmissibility, as the record codes it ("A36(1)(a)"); cited by the `cite` formatter. */
  readonly inadmissibility?: string;
  /** Where letters for the person go: their own address, else the client's. */
  readonly addressLines: readonly string[];
}

/** One item of the decision already produced, as the file update lists it. */
export interface IssuedItemView {
  /** A document kind, or `email` for a message. */
  readonly kind: DocumentKind | 'email';
  readonly recipient: Recipient;
  /** Who receives a copy of a document. */
  readonly copies: readonly Recipient[];
  /** How it leaves: `email`, `mail`, `internal` or `file`; empty when only the copies reach anyone. */
  readonly channels: readonly string[];
  /** Languages in upper case, joined with "+": `FR`, `EN+FR`. */
  readonly languages: string;
  readonly sha256: string;
  readonly messageId?: string;
  /** For an email, the document kinds it carries, as locale keys. */
  readonly carries?: readonly DocumentKind[];
}

/** A follow-up the plan scheduled, as the file update lists it. */
export type FollowUpView =
  | {
      readonly kind: 'departure-confirmation';
      readonly dueOn: string;
      readonly persons: string;
      readonly names: string;
      readonly ifNotConfirmed: DocumentKind;
    }
  | {
      readonly kind: 'trp-decision';
      readonly persons: string;
      readonly names: string;
      /** Empty when a refusal would call for nothing (the person has valid status). */
      readonly ifRefused: string;
    };

/**
 * What the decision means for the people a client letter speaks of, derived from the plan: one
 * entry per person (or one for everyone leaving together), keyed into the letter's locale. `voice`
 * is `you` when the entry speaks to the addressee.
 */
export interface NextStepView {
  readonly key: 'departure' | 'departureElsewhere' | 'cbsaNotified' | 'removalOrder' | 'removalOrderStayed' | 'permit' | 'none';
  readonly voice: Voice;
  /** Everyone the entry is about, joined ("Marc and Léa"); with `you`, the others only. */
  readonly names: string;
  /** The number of people in `names`. */
  readonly count: number;
  readonly person?: PersonView;
}

/** Why a document is sent: the decision, or a follow-up that came due. */
export interface OccasionView {
  readonly kind: 'decision' | 'departure-not-confirmed' | 'trp-refused';
  readonly on?: string;
  readonly deadline?: string;
}

/**
 * Everything a letter template reads, already formatted in the letter's language: dates written
 * out, addresses as lines, names joined, each person with the voice the letter uses for them.
 * Templates hold no logic beyond choosing what to show.
 */
export interface LetterView {
  readonly lang: Language;
  readonly langTag: string;
  readonly kind: DocumentKind;
  readonly occasion: OccasionView;
  readonly decision: {
    readonly id: string;
    readonly applicationNumber: string;
    readonly date: string;
    readonly isoDate: string;
    readonly outcome: string;
    /** The officer's reasons in this letter's language (validation guarantees them for client letters). */
    readonly reasons: readonly string[];
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
    /** The name in the address block: the addressees', the representative's, or the partner's label. */
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly isRepresentative: boolean;
    /** The representative's name, when there is one (copies, the client's contacts). */
    readonly representativeName: string;
  };
  readonly salutation: string;
  /** `you` when the letter speaks to the people it concerns, `rep` when it speaks to their representative. */
  readonly voice: 'you' | 'rep' | 'internal';
  /**
   * How sentences about the first person the document concerns are worded: `rep` in a letter to the
   * representative, `you` when that person is the addressee, else empty (a child, in a letter to the
   * client). An i18next context.
   */
  readonly concernVoice: 'rep' | 'you' | '';
  /** "your client" in the letter's language, agreeing with the principal applicant's gender in French. */
  readonly yourClient: string;
  readonly principal: PersonView;
  /** The people the document concerns, in record order. */
  readonly persons: readonly PersonView[];
  /** Their names joined for a sentence, in the letter's language ("A, B and C"). */
  readonly personNames: string;
  readonly household: readonly PersonView[];
  /** Copies of this letter: the representative's name. */
  readonly copies: readonly string[];
  /** Other documents in the same envelope or email, by kind: a key into `letter:documentKind`. */
  readonly enclosures: readonly DocumentKind[];
  /** The enclosures' names joined for the enclosure line. */
  readonly enclosureNames: string;
  /** The language tag of a permit's rationale when it is not the document's (it is written in the office's working language), else empty. */
  readonly rationaleLang: string;
  readonly departure?: { readonly appropriate: boolean; readonly deadline?: string };
  readonly permit?: {
    readonly grounds: string;
    readonly rationale: readonly string[];
    /** Empty when the record gives no separate risk assessment. */
    readonly riskAssessment: readonly string[];
    readonly validFrom: string;
    readonly validTo: string;
    readonly reentryAllowed: boolean;
    readonly conditions: readonly string[];
    readonly receiptNumber?: string;
    /** The provision of a fee exemption, as coded in the record; cited by the `cite` formatter. */
    readonly exemption?: string;
    readonly a42: boolean;
    /** What a refusal of the permit leads to (a document kind), empty when nothing would. */
    readonly ifRefused: string;
  };
  readonly destinationProvince: string;
  /** People whose refusal a client letter reports: everyone in Canada on a refusal, else the refused member. */
  readonly refused: readonly PersonView[];
  readonly nextSteps: readonly NextStepView[];
  readonly issued: readonly IssuedItemView[];
  readonly followUps: readonly FollowUpView[];
  /** The plan's notes for the officer, in the letter's language. */
  readonly notes: readonly string[];
  /** How to reach the client: for partners (CBSA, MIFI). */
  readonly clientContact: {
    readonly addressLines: readonly string[];
    readonly email: string;
    readonly language: string;
    readonly representative: string;
    readonly representativeEmail: string;
  };
  /** The refused people of an approval in principle, named in the approved client's letter. */
  readonly refusedMembers: readonly PersonView[];
}

/** What the view needs beyond the record and the planned document. */
export interface LetterViewInput {
  readonly record: DecisionRecord;
  readonly plan: CorrespondencePlan;
  readonly document: PlannedDocument;
  readonly language: Language;
  readonly t: Translate;
  readonly issued?: readonly IssuedItemView[];
}

/**
 * Canada Post order: street lines, then city, province and postal code on one line, with two
 * spaces before the postal code (kept on one line by no-break spaces).
 */
export function addressLines(address: PostalAddress): string[] {
  return [
    address.line1,
    ...(address.line2 === undefined ? [] : [address.line2]),
    // Canada Post writes the postal code as two groups of three, whatever the record sent.
    `${address.city} ${address.province}\u00A0\u00A0${address.postalCode.toUpperCase().replace(/^(\w{3}) ?(\w{3})$/, '$1 $2')}`,
  ];
}

/** Paragraphs of free text written by an officer: split on blank lines, inner line breaks kept as spaces. */
function paragraphs(text: string | undefined): string[] {
  return (text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
}

function genderOf(salutation: Salutation | undefined): '' | 'f' | 'm' {
  return salutation === 'ms' ? 'f' : salutation === 'mr' ? 'm' : '';
}

const listFormats = new Map<Language, Intl.ListFormat>();

/** Names joined as the language writes a list: "A, B and C", "A, B et C". */
export function joinNames(names: readonly string[], language: Language): string {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(LANGUAGE_TAGS[language], { type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format.format(names);
}

/**
 * The name line of the window-envelope address: every name when they fit its room, else the first
 * and how many others, so that a household of any size stays inside the window (validation keeps
 * each name short enough for that: src/decision/print-room.ts).
 */
export function windowName(names: readonly string[], t: Translate, language: Language): string {
  const all = joinNames(names, language);
  const [first, ...others] = names;
  if (first === undefined || others.length === 0 || printedWidth(all) <= WINDOW_NAME_ROOM) return all;
  return t('letter:windowNameOthers', { name: first, count: others.length });
}

interface ViewContext {
  readonly record: DecisionRecord;
  readonly language: Language;
  readonly t: Translate;
  readonly date: (d: string) => string;
  /** UCIs the letter speaks to as "you". */
  readonly addressed: ReadonlySet<string>;
}

function personView(p: HouseholdMember, v: ViewContext): PersonView {
  const { record, t, date } = v;
  const source = p.familyMember ?? record.principalApplicant;
  const gender = genderOf(p.familyMember ? p.familyMember.salutation : record.principalApplicant.salutation);
  const relationship = p.familyMember?.relationship ?? 'principal-applicant';
  const status = p.status;
  const order = p.removalOrder;
  const complyBy = order?.type === 'departure' ? addDays(order.enforceableOn, DEPARTURE_ORDER_DAYS) : undefined;
  const address = p.familyMember?.postalAddress ?? record.correspondence.postalAddress;
  return {
    uci: p.uci,
    fullName: fullName(source),
    familyName: source.familyName,
    dateOfBirth: date(source.dateOfBirth),
    relationship,
    relationshipText: t(`letter:relationship.${relationship}`, { context: gender }),
    outcome: p.outcome,
    inCanada: p.inCanada,
    gender,
    voice: v.addressed.has(p.uci) ? 'you' : gender,
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
      ? {
          removalOrder: {
            type: order.type,
            enforceableOn: date(order.enforceableOn),
            stayed: order.stayed,
            cbsaOffice: order.cbsaOffice,
            ...(complyBy === undefined
              ? {}
              : { complyBy: date(complyBy), periodEnded: compareDates(complyBy, record.decisionDate) < 0 }),
          },
        }
      : {}),
    ...(p.familyMember?.inadmissibility === undefined ? {} : { inadmissibility: p.familyMember.inadmissibility }),
    addressLines: address ? addressLines(address) : [],
  };
}

const isPersonRecipient = (r: Recipient) => (PERSON_RECIPIENTS as readonly Recipient[]).includes(r);

/** Who receives a document: its recipient, and the recipients of its copies. */
function receivers(d: PlannedDocument): Recipient[] {
  return [d.recipient, ...(d.copies ?? [])];
}

/** The documents after this one that travel with it: client letters to the same reader. */
function enclosuresOf(plan: CorrespondencePlan, document: PlannedDocument): DocumentKind[] {
  if (!isPersonRecipient(document.recipient)) return [];
  const index = plan.documents.indexOf(document);
  const sameAddressees = (d: PlannedDocument) => (d.addressees ?? []).join() === (document.addressees ?? []).join();
  return plan.documents
    .slice(index + 1)
    .filter((d) => isPersonRecipient(d.recipient))
    .filter((d) => (document.recipient === 'representative' ? receivers(d).includes('representative') : d.recipient === document.recipient && sameAddressees(d)))
    .map((d) => d.kind);
}

function nextSteps(plan: CorrespondencePlan, people: readonly PersonView[], document: PlannedDocument, v: ViewContext): NextStepView[] {
  const concerns = (kind: DocumentKind, uci: string) => plan.documents.some((d) => d.kind === kind && d.persons.includes(uci));
  const steps: NextStepView[] = [];
  // Departure instructions this reader receives (as addressee or by copy) are enclosed; others went to the people leaving.
  const instructions = plan.documents.filter((d) => d.kind === 'departure-instructions');
  const reaches = (d: PlannedDocument) =>
    document.recipient === 'representative' ? receivers(d).includes('representative') : (d.addressees ?? []).some((uci) => v.addressed.has(uci));
  for (const [key, docs] of [
    ['departure', instructions.filter(reaches)],
    ['departureElsewhere', instructions.filter((d) => !reaches(d))],
  ] as const) {
    const leaving = people.filter((p) => docs.some((d) => d.persons.includes(p.uci)));
    if (leaving.length === 0) continue;
    const you = leaving.some((p) => p.voice === 'you');
    const others = leaving.filter((p) => p.voice !== 'you');
    steps.push({
      key,
      voice: you ? 'you' : others.length === 1 ? (others[0]?.gender ?? '') : '',
      names: joinNames(others.map((p) => p.fullName), v.language),
      count: others.length,
    });
  }
  const leavingUcis = new Set(instructions.flatMap((d) => d.persons));
  for (const p of people) {
    const one = { voice: p.voice, names: p.fullName, count: 1, person: p };
    if (leavingUcis.has(p.uci)) continue;
    if (p.removalOrder && concerns('cbsa-removals-notice', p.uci)) {
      steps.push({ key: p.removalOrder.stayed ? 'removalOrderStayed' : 'removalOrder', ...one });
    } else if (concerns('cbsa-no-status-notice', p.uci)) steps.push({ key: 'cbsaNotified', ...one });
    if (concerns('trp-rationale', p.uci)) steps.push({ key: 'permit', ...one });
    else if (!p.removalOrder && !concerns('cbsa-no-status-notice', p.uci)) steps.push({ key: 'none', ...one });
  }
  return steps;
}

function salutationOf(document: PlannedDocument, addressees: readonly PersonView[], representativeName: string, t: Translate, language: Language): string {
  if (document.recipient === 'representative') return t('letter:salutation.representative', { name: representativeName });
  if (!isPersonRecipient(document.recipient)) return '';
  const genders = new Set(addressees.map((p) => p.gender));
  const context = genders.size === 1 ? [...genders][0] ?? '' : '';
  const names = joinNames(
    addressees.map((p) => t('letter:courtesyName', { context: p.gender, familyName: p.familyName, name: p.fullName })),
    language,
  );
  return t(addressees.length > 1 ? 'letter:salutation.people' : 'letter:salutation.person', { context, names });
}

function occasionView(document: PlannedDocument, date: (d: string) => string): OccasionView {
  const o = document.occasion;
  if (!o || o.kind === 'decision') return { kind: 'decision' };
  return { kind: o.kind, on: date(o.on), ...(o.deadline === undefined ? {} : { deadline: date(o.deadline) }) };
}

/** Builds the view of one planned document in one language. Pure. */
export function buildLetterView(input: LetterViewInput): LetterView {
  const { record, document, language, t } = input;
  const date = (d: string) => formatLongDate(d, language, t);
  const v: ViewContext = { record, language, t, date, addressed: new Set(document.addressees ?? []) };
  const members = listHousehold(record);
  const household = members.map((p) => personView(p, v));
  const [principal] = household as [PersonView, ...PersonView[]];
  const byUci = new Map(household.map((p) => [p.uci, p]));
  const c = record.correspondence;
  const representative = c.representative ?? undefined;
  const representativeName = representative?.name ?? '';
  const isRepresentative = document.recipient === 'representative';
  const addressees = (document.addressees ?? []).flatMap((uci) => byUci.get(uci) ?? []);
  const persons = document.persons.flatMap((uci) => byUci.get(uci) ?? []);
  const permit = (record.trp ?? []).find((p) => p.uci === document.uci);
  const grounds = permit ? permitGrounds(record, permit) : undefined;
  const recipientAddress = isRepresentative ? (representative?.postalAddress ? addressLines(representative.postalAddress) : []) : (addressees[0]?.addressLines ?? []);
  const refused =
    record.outcome === 'refused' ? household.filter((p) => p.inCanada) : persons.filter((p) => p.outcome === 'refused');
  const occasion = document.occasion;
  const deadline = (occasion && occasion.kind !== 'decision' ? occasion.deadline : undefined) ?? record.departure?.deadline;
  const namesOf = (ucis: readonly string[]) => joinNames(ucis.map((uci) => byUci.get(uci)?.fullName ?? uci), language);
  const voice = isRepresentative ? 'rep' : isPersonRecipient(document.recipient) ? 'you' : 'internal';
  const enclosures = enclosuresOf(input.plan, document);
  const trpDecision = input.plan.followUps.find((f) => f.kind === 'trp-decision' && f.persons.includes(document.uci ?? ''));
  const orderOffice = persons[0]?.removalOrder?.cbsaOffice;
  const roleLabel = t(`letter:recipientRole.${document.recipient}`);
  return {
    lang: language,
    langTag: LANGUAGE_TAGS[language],
    kind: document.kind,
    occasion: occasionView(document, date),
    decision: {
      id: record.decisionId,
      applicationNumber: record.applicationNumber,
      date: date(record.decisionDate),
      isoDate: record.decisionDate,
      outcome: record.outcome,
      reasons: paragraphs(reasonsIn(record, language)),
    },
    office: {
      id: record.office.id,
      name: record.office.name[language],
      city: record.office.address.city,
      addressLines: addressLines(record.office.address),
      email: record.office.email,
      // A telephone number is never split across lines.
      phone: formatPhone(record.office.phone, t, true),
    },
    officer: { id: record.officer.id, name: record.officer.name, title: record.officer.title[language] },
    recipient: {
      role: document.recipient,
      // A removals notice goes to the CBSA office that holds the order.
      label: document.recipient === 'cbsa-removals-unit' && orderOffice !== undefined ? `${roleLabel} (${orderOffice})` : roleLabel,
      name: isRepresentative ? representativeName : addressees.length > 0 ? windowName(addressees.map((p) => p.fullName), t, language) : roleLabel,
      addressLines: recipientAddress,
      isRepresentative,
      representativeName,
    },
    salutation: salutationOf(document, addressees, representativeName, t, language),
    voice,
    concernVoice: isRepresentative ? 'rep' : persons[0]?.voice === 'you' ? 'you' : '',
    yourClient: t('letter:yourClient', { context: principal.gender }),
    principal,
    persons,
    personNames: joinNames(persons.map((p) => p.fullName), language),
    household,
    copies: (document.copies ?? []).map(() => representativeName),
    enclosures,
    enclosureNames: joinNames(enclosures.map((k) => t(`letter:documentKind.${k}`)), language),
    rationaleLang: record.office.workingLanguage === language ? '' : LANGUAGE_TAGS[record.office.workingLanguage],
    ...(record.departure
      ? { departure: { appropriate: record.departure.voluntaryDepartureAppropriate, ...(deadline ? { deadline: date(deadline) } : {}) } }
      : {}),
    ...(permit && grounds
      ? {
          permit: {
            grounds,
            rationale: paragraphs(permit.rationale),
            riskAssessment: paragraphs(permit.riskAssessment),
            validFrom: date(permit.validFrom),
            validTo: date(permit.validTo),
            reentryAllowed: permit.reentryAllowed,
            conditions: permit.conditions,
            ...('receiptNumber' in permit.fee ? { receiptNumber: permit.fee.receiptNumber } : { exemption: permit.fee.exemption }),
            a42: grounds === 'a42-family-member',
            ifRefused: trpDecision?.kind === 'trp-decision' ? (trpDecision.ifRefused ?? '') : '',
          },
        }
      : {}),
    destinationProvince: record.destinationProvince,
    refused,
    nextSteps: nextSteps(input.plan, refused, document, v),
    issued: input.issued ?? [],
    followUps: input.plan.followUps.map((f): FollowUpView =>
      f.kind === 'departure-confirmation'
        ? { kind: f.kind, dueOn: date(f.dueOn), persons: f.persons.join(', '), names: namesOf(f.persons), ifNotConfirmed: f.ifNotConfirmed }
        : { kind: f.kind, persons: f.persons.join(', '), names: namesOf(f.persons), ifRefused: f.ifRefused ?? '' },
    ),
    notes: input.plan.notes.map((n) => t(`plan:${n.code}`, { count: n.persons.length, names: namesOf(n.persons) })),
    clientContact: {
      addressLines: c.postalAddress ? addressLines(c.postalAddress) : [],
      email: c.email ?? '',
      language: t(`letter:languageName.${c.language}`),
      representative: representativeName,
      representativeEmail: representative?.email ?? '',
    },
    refusedMembers: household.filter((p) => p.outcome === 'refused' && record.outcome !== 'refused'),
  };
}
