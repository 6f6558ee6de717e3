import { createHash } from 'node:crypto';
import type { DecisionRecord, Language } from '../decision/decision-schema.js';
import { composeLetter, documentTitle } from '../compose/compose-letter.js';
import type { IssuedItemView } from '../compose/letter-view.js';
import type { TemplateEngine } from '../compose/template-engine.js';
import type { CorrespondencePlan, PlannedDocument } from '../plan/correspondence-plan.js';
import { planCorrespondence } from '../plan/plan-correspondence.js';
import { planFollowUp, type FollowUpEvent } from '../plan/plan-follow-up.js';
import type { PdfAttachment } from '../pdf/letter-document.js';
import { typesetPdf } from '../pdf/typeset-pdf.js';
import { clientEmailRoutes } from '../email/client-email-routes.js';
import { composeClientEmail } from '../email/compose-client-email.js';
import { composeInternalEmail } from '../email/compose-internal-email.js';
import type { ComposedEmail, EmailAttachment } from '../email/composed-email.js';
import { isInternalEmailRecipient, type EmailConfig } from '../email/email-config.js';
import { createTranslator } from '../i18n/translator.js';
import type { DecisionManifest, ManifestFile, RenderedDecision, RenderedFile } from './rendered-decision.js';

/** What rendering needs from outside: the templates (read once per process) and the email settings. */
export interface RenderDependencies {
  readonly engine: TemplateEngine;
  readonly email: EmailConfig;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const two = (n: number) => String(n).padStart(2, '0');

/** `01-refusal-letter.client.fr.pdf`: order first, so a folder listing reads like the plan. */
function pdfName(index: number, document: PlannedDocument): string {
  return `${two(index + 1)}-${document.kind}.${document.recipient}.${document.languages.join('-')}.pdf`;
}

/**
 * What an attached PDF is called in the mailbox: the application number and its order, so that a
 * file name seen in an inbox says nothing of the decision.
 */
function attachmentName(record: DecisionRecord, index: number): string {
  return `IRCC-${record.applicationNumber}-${two(index + 1)}.pdf`;
}

/** The message itself and its HTML and text previews, for an officer to read before it goes. */
function emailFiles(index: number, email: ComposedEmail): RenderedFile[] {
  const stem = `email-${two(index + 1)}-${email.label}.${email.languages.join('-')}`;
  const common = { language: email.languages.join('+'), recipient: email.recipient } as const;
  const encoder = new TextEncoder();
  const file = (path: string, kind: RenderedFile['kind'], mediaType: string, bytes: Uint8Array): RenderedFile => ({
    path, kind, mediaType, bytes, sha256: sha256(bytes), ...common,
  });
  return [
    file(`${stem}.eml`, 'email', 'message/rfc822', email.eml),
    file(`${stem}.html`, 'email-preview', 'text/html', encoder.encode(email.html)),
    file(`${stem}.txt`, 'email-preview', 'text/plain', encoder.encode(email.text)),
  ];
}

/** The record travels inside the file copy, as PDF/A-3 lets an archive keep its source. */
function sourceRecord(record: DecisionRecord): PdfAttachment {
  return {
    fileName: `${record.decisionId}.json`,
    mediaType: 'application/json',
    description: 'Decision record this file update was produced from',
    relationship: 'Source',
    modified: `${record.decisionDate}T00:00:00Z`,
    bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
  };
}

function manifestEntry(file: RenderedFile): ManifestFile {
  const { path, kind, language, recipient, uci, mediaType, sha256: hash } = file;
  return { path, kind, language, recipient, ...(uci === undefined ? {} : { uci }), mediaType, sha256: hash };
}

const upper = (languages: readonly Language[]) => languages.map((l) => l.toUpperCase()).join('+');

/** Documents that record what else was issued are written last, once every other item exists. */
const listsTheOthers = (document: PlannedDocument) => document.recipient === 'file';

async function renderPlan(record: DecisionRecord, plan: CorrespondencePlan, deps: RenderDependencies): Promise<RenderedDecision> {
  const pdfs = new Map<PlannedDocument, RenderedFile & { attachment: EmailAttachment }>();
  const issued: IssuedItemView[] = [];
  const typeset = async (index: number, document: PlannedDocument) => {
    const last = listsTheOthers(document);
    const letter = composeLetter(deps.engine, { record, plan, document, issued });
    const bytes = await typesetPdf(letter, last ? { attachments: [sourceRecord(record)] } : {});
    const titles = Object.fromEntries(document.languages.map((l) => [l, documentTitle(document, createTranslator(l))]));
    const file = {
      path: pdfName(index, document),
      kind: document.kind,
      language: document.languages.join('+'),
      recipient: document.recipient,
      ...(document.uci === undefined ? {} : { uci: document.uci }),
      mediaType: 'application/pdf',
      bytes,
      sha256: sha256(bytes),
      attachment: { fileName: attachmentName(record, index), title: letter.title, titles, bytes },
    };
    pdfs.set(document, file);
    issued.push({
      kind: document.kind,
      recipient: document.recipient,
      copies: document.copies ?? [],
      channels: document.channels,
      languages: upper(document.languages),
      sha256: file.sha256,
    });
  };
  for (const [index, document] of plan.documents.entries()) if (!listsTheOthers(document)) await typeset(index, document);

  const attachmentOf = (d: PlannedDocument) => {
    const pdf = pdfs.get(d);
    if (!pdf) throw new Error(`no PDF for ${d.kind}`);
    return pdf.attachment;
  };
  const emails: ComposedEmail[] = [];
  for (const route of clientEmailRoutes(record, plan)) {
    emails.push(await composeClientEmail(record, route, route.documents.map(attachmentOf), deps.email));
  }
  for (const document of plan.documents) {
    if (isInternalEmailRecipient(document.recipient)) emails.push(await composeInternalEmail(record, document, attachmentOf(document), deps.email));
  }
  for (const email of emails) {
    issued.push({
      kind: 'email',
      recipient: email.recipient,
      copies: [],
      channels: [email.kind === 'client' ? 'email' : 'internal'],
      languages: upper(email.languages),
      sha256: sha256(email.eml),
      messageId: email.messageId,
      carries: email.carries,
    });
  }
  for (const [index, document] of plan.documents.entries()) if (listsTheOthers(document)) await typeset(index, document);

  const files: RenderedFile[] = plan.documents.flatMap((d) => {
    const pdf = pdfs.get(d);
    if (!pdf) return [];
    const { path, kind, language, recipient, uci, mediaType, bytes, sha256: hash } = pdf;
    return [{ path, kind, language, recipient, ...(uci === undefined ? {} : { uci }), mediaType, bytes, sha256: hash }];
  });
  for (const [index, email] of emails.entries()) files.push(...emailFiles(index, email));
  const manifest: DecisionManifest = {
    decisionId: record.decisionId,
    files: files.map((f) => manifestEntry(f)),
    followUps: plan.followUps.map((f) =>
      f.kind === 'departure-confirmation'
        ? { kind: f.kind, dueOn: f.dueOn, persons: f.persons, ifNotConfirmed: f.ifNotConfirmed }
        : { kind: f.kind, persons: f.persons, ...(f.ifRefused === undefined ? {} : { ifRefused: f.ifRefused }) },
    ),
    notes: plan.notes.map(({ code, persons }) => ({ code, persons })),
  };
  return { decisionId: record.decisionId, files, manifest };
}

/**
 * Renders every document a valid decision requires, as PDFs in plan order, and its emails. The
 * file update is written last and lists the SHA-256 of every other document and email, with each
 * email's Message-ID. Same record, same bytes.
 */
export async function renderDecision(record: DecisionRecord, deps: RenderDependencies): Promise<RenderedDecision> {
  return renderPlan(record, planCorrespondence(record), deps);
}

/**
 * Renders the correspondence a follow-up event calls for (`planFollowUp`): the CBSA no-status
 * notice for an unconfirmed departure, the no-status documents for a refused permit, and a file
 * update. Throws `FollowUpEventError` when the event does not fit the decision.
 */
export async function renderFollowUp(record: DecisionRecord, event: FollowUpEvent, deps: RenderDependencies): Promise<RenderedDecision> {
  return renderPlan(record, planFollowUp(record, event), deps);
}
