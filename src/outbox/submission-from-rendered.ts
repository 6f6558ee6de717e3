import { addDays } from '../decision/calendar-date.js';
import { LANGUAGES, type DecisionRecord, type Language } from '../decision/decision-schema.js';
import { DOCUMENT_KINDS, type FollowUp } from '../plan/correspondence-plan.js';
import type { RenderedDecision, RenderedFile } from '../render/rendered-decision.js';
import type { DecisionSubmission, FileInput, FollowUpInput, ItemInput } from '../store/store.js';
import { countPdfPages } from './count-pdf-pages.js';

/** A file name without its extension: `01-refusal-letter.client.fr.pdf` → `01-refusal-letter.client.fr`. */
function stem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** `en+fr` → `['en', 'fr']`, in that order, keeping only the official languages. */
function languagesOf(file: RenderedFile): Language[] {
  return file.language.split('+').flatMap((l) => LANGUAGES.filter((known) => known === l));
}

/** An email's kind: the internal notice it carries, or `client-email` for the client's and the representative's. */
function emailKind(label: string): string {
  return DOCUMENT_KINDS.some((kind) => kind === label) ? label : 'client-email';
}

/**
 * A `trp-decision` follow-up has no deadline: the designated decision-maker decides when they do.
 * The store keeps a day for every follow-up; this one's is the day before the decision, meaning
 * "open from the decision day on". It never fires by date (`fireDueFollowUps` skips it), only when
 * a refusal is recorded (`recordTrpRefusal`).
 */
export function trpDecisionOpenDay(record: DecisionRecord): string {
  return addDays(record.decisionDate, -1);
}

function followUpInput(record: DecisionRecord, followUp: FollowUp): FollowUpInput {
  if (followUp.kind === 'departure-confirmation') {
    return { kind: followUp.kind, dueOn: followUp.dueOn, persons: followUp.persons, ifNotConfirmed: followUp.ifNotConfirmed };
  }
  // A person with valid status keeps it when the permit is refused: the refusal only goes into the file.
  return { kind: followUp.kind, dueOn: trpDecisionOpenDay(record), persons: followUp.persons, ifNotConfirmed: followUp.ifRefused ?? 'file-update' };
}

/** The files and items of a rendering, in the order the store numbers them: emails, letters, file entries. */
export function itemsFromRendered(rendered: RenderedDecision): { files: FileInput[]; items: ItemInput[] } {
  const byPath = new Map(rendered.files.map((f) => [f.path, f]));
  const fileOf = (path: string): RenderedFile => {
    const file = byPath.get(path);
    // The renderer lists every email, letter and entry among its files; anything else is a fault of ours.
    if (file === undefined) throw new Error(`rendered output lacks ${path}`);
    return file;
  };
  const files = new Map<string, FileInput>();
  const use = (file: RenderedFile) => {
    if (!files.has(file.sha256)) files.set(file.sha256, { sha256: file.sha256, mediaType: file.mediaType, bytes: file.bytes });
    return file;
  };
  const items: ItemInput[] = [];
  for (const email of rendered.emails) {
    use(fileOf(email.path));
    items.push({
      channel: 'email',
      key: stem(email.path),
      kind: emailKind(email.label),
      recipient: email.recipient,
      languages: email.languages,
      fileSha256: email.sha256,
      messageId: email.messageId,
      envelope: { from: email.envelope.from, to: email.envelope.to, cc: email.envelope.cc },
    });
  }
  for (const letter of rendered.letters) {
    const file = use(fileOf(letter.path));
    items.push({
      channel: 'mail',
      // The representative's copy is the same PDF as the original: the key tells them apart.
      key: `mail.${stem(letter.path)}${letter.copy ? `.copy-${letter.recipient}` : ''}`,
      kind: letter.kind,
      recipient: letter.recipient,
      languages: letter.languages,
      fileSha256: letter.sha256,
      addressBlock: letter.addressBlock,
      pageCount: countPdfPages(file.bytes),
    });
  }
  for (const entry of rendered.fileEntries) {
    const file = use(fileOf(entry.path));
    items.push({
      channel: 'file',
      key: `file.${stem(entry.path)}`,
      kind: entry.kind,
      recipient: 'file',
      languages: languagesOf(file),
      fileSha256: entry.sha256,
      pageCount: countPdfPages(file.bytes),
    });
  }
  return { files: [...files.values()], items };
}

/** What intake knows of a decision besides its rendering. */
export interface SubmissionContext {
  /** The validated record (its defaults applied). */
  readonly record: DecisionRecord;
  /** The JSON object as received, stored as canonical JSON: its hash tells a repeat from a revision. */
  readonly received: unknown;
}

/**
 * The store's submission for a rendered decision: every email (`.eml` bytes, Message-ID,
 * envelope), every postal letter (PDF, address block, page count), every file entry, the files
 * they refer to (each once, by SHA-256), and the plan's follow-ups with their days. The officer
 * and office ids are the record's.
 */
export function submissionFromRendered(rendered: RenderedDecision, context: SubmissionContext): DecisionSubmission {
  const { record } = context;
  const { files, items } = itemsFromRendered(rendered);
  return {
    decisionId: rendered.decisionId,
    record: context.received,
    officerId: record.officer.id,
    officeId: record.office.id,
    plan: rendered.plan,
    files,
    items,
    followUps: rendered.plan.followUps.map((f) => followUpInput(record, f)),
  };
}
