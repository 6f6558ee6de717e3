import { createHash } from 'node:crypto';
import type { DecisionRecord } from '../decision/decision-schema.js';
import { composeLetter } from '../compose/compose-letter.js';
import type { IssuedDocumentView } from '../compose/letter-view.js';
import type { TemplateEngine } from '../compose/template-engine.js';
import type { PlannedDocument } from '../plan/correspondence-plan.js';
import { planCorrespondence } from '../plan/plan-correspondence.js';
import type { PdfAttachment } from '../pdf/letter-document.js';
import { typesetPdf } from '../pdf/typeset-pdf.js';
import { composeClientEmail } from '../email/compose-client-email.js';
import { composeInternalEmail } from '../email/compose-internal-email.js';
import type { ComposedEmail, EmailAttachment } from '../email/composed-email.js';
import { isInternalEmailRecipient, type EmailConfig } from '../email/email-config.js';
import type { LetterDocument } from '../pdf/letter-document.js';
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

/** `01-refusal-letter.client.fr.pdf`: order first, so a folder listing reads like the plan. */
function pdfName(index: number, document: PlannedDocument): string {
  return `${String(index + 1).padStart(2, '0')}-${document.kind}.${document.recipient}.${document.languages.join('-')}.pdf`;
}

/**
 * What an attached PDF is called in the mailbox: the application number and its order, so that a
 * file name seen in an inbox says nothing of the decision.
 */
function attachmentName(record: DecisionRecord, index: number): string {
  return `IRCC-${record.applicationNumber}-${String(index + 1).padStart(2, '0')}.pdf`;
}

/** The message itself and its HTML and text previews, for an officer to read before it goes. */
function emailFiles(index: number, email: ComposedEmail): RenderedFile[] {
  const stem = `email-${String(index + 1).padStart(2, '0')}-${email.kind === 'client' ? 'client' : (email.documentKind ?? 'internal')}.${email.languages.join('-')}`;
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

/**
 * Renders every document a valid decision requires, as PDFs in plan order. The file update comes
 * last and lists the SHA-256 of each document before it. Same record, same bytes.
 */
export async function renderDecision(record: DecisionRecord, deps: RenderDependencies): Promise<RenderedDecision> {
  const plan = planCorrespondence(record);
  const files: RenderedFile[] = [];
  const issued: IssuedDocumentView[] = [];
  const clientAttachments: EmailAttachment[] = [];
  const internalNotices: { document: PlannedDocument; attachment: EmailAttachment }[] = [];
  for (const [index, document] of plan.documents.entries()) {
    const isFileUpdate = document.kind === 'file-update';
    const letter: LetterDocument = composeLetter(deps.engine, { record, plan, document, issued });
    const bytes = await typesetPdf(letter, isFileUpdate ? { attachments: [sourceRecord(record)] } : {});
    const file: RenderedFile = {
      path: pdfName(index, document),
      kind: document.kind,
      language: document.languages.join('+'),
      recipient: document.recipient,
      ...(document.uci === undefined ? {} : { uci: document.uci }),
      mediaType: 'application/pdf',
      bytes,
      sha256: sha256(bytes),
    };
    files.push(file);
    issued.push({ kind: document.kind, recipient: document.recipient, languages: file.language, sha256: file.sha256 });
    const titles = Object.fromEntries(document.languages.map((l) => [l, createTranslator(l)(`${document.kind}:title`)]));
    const attachment: EmailAttachment = { fileName: attachmentName(record, index), title: letter.title, titles, bytes };
    if (document.recipient === 'client' || document.recipient === 'representative') clientAttachments.push(attachment);
    else if (isInternalEmailRecipient(document.recipient)) internalNotices.push({ document, attachment });
  }
  const emails: ComposedEmail[] = [];
  const clientEmail = await composeClientEmail(record, plan, clientAttachments, deps.email);
  if (clientEmail) emails.push(clientEmail);
  for (const { document, attachment } of internalNotices) emails.push(await composeInternalEmail(record, document, attachment, deps.email));
  for (const [index, email] of emails.entries()) files.push(...emailFiles(index, email));
  const manifest: DecisionManifest = {
    decisionId: record.decisionId,
    files: files.map((f) => manifestEntry(f)),
    followUps: plan.followUps.map(({ kind, dueOn, persons, ifNotConfirmed }) => ({ kind, dueOn, persons, ifNotConfirmed })),
    notes: plan.notes.map(({ code }) => ({ code })),
  };
  return { decisionId: record.decisionId, files, manifest };
}
