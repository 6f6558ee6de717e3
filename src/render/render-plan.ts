import { createHash } from 'node:crypto';
import { composeLetter, documentTitle, type ComposeContext } from '../compose/compose-letter.js';
import type { IssuedItemView } from '../compose/letter-view.js';
import type { DecisionRecord, Language } from '../decision/decision-schema.js';
import { clientEmailRoutes } from '../email/client-email-routes.js';
import { composeClientEmail } from '../email/compose-client-email.js';
import { composeInternalEmail } from '../email/compose-internal-email.js';
import type { ComposedEmail, EmailAttachment } from '../email/composed-email.js';
import type { EmailComposeContext } from '../email/email-compose-context.js';
import { isInternalEmailRecipient } from '../email/email-config.js';
import type { CorrespondencePlan, PlannedDocument } from '../plan/correspondence-plan.js';
import { documentKind } from '../plan/document-kinds.js';
import type { PdfAttachment } from '../pdf/letter-document.js';
import { typesetPdf } from '../pdf/typeset-pdf.js';
import { postalLetters } from './postal-letters.js';
import type { DecisionManifest, ManifestFile, RenderedDecision, RenderedEmail, RenderedFile } from './rendered-decision.js';

/** What rendering reads besides the record: built once by `createRenderer`. */
export interface RenderContext {
  readonly compose: ComposeContext;
  readonly email: EmailComposeContext;
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
function emailFiles(stem: string, email: ComposedEmail): RenderedFile[] {
  const common = { language: email.languages.join('+'), recipient: email.recipient } as const;
  const encoder = new TextEncoder();
  const file = (path: string, kind: RenderedFile['kind'], mediaType: string, bytes: Uint8Array, hash = sha256(bytes)): RenderedFile => ({
    path, kind, mediaType, bytes, sha256: hash, ...common,
  });
  return [
    file(`${stem}.eml`, 'email', 'message/rfc822', email.eml, email.emlSha256),
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

/**
 * Renders every document of a plan as PDFs, in plan order, and its emails. Documents that list
 * the others (the file update) are written last, once every other document and email exists.
 */
export async function renderPlan(record: DecisionRecord, plan: CorrespondencePlan, context: RenderContext): Promise<RenderedDecision> {
  const pdfs = new Map<PlannedDocument, RenderedFile & { attachment: EmailAttachment }>();
  const issued: IssuedItemView[] = [];
  const typeset = async (index: number, document: PlannedDocument) => {
    const listsIssued = documentKind(document.kind).listsIssued;
    const letter = composeLetter(context.compose, { record, plan, document, issued });
    const bytes = await typesetPdf(letter, listsIssued ? { attachments: [sourceRecord(record)] } : {});
    const hash = sha256(bytes);
    const titles = Object.fromEntries(document.languages.map((l) => [l, documentTitle(document, context.compose.translators[l])]));
    const file = {
      path: pdfName(index, document),
      kind: document.kind,
      language: document.languages.join('+'),
      recipient: document.recipient,
      ...(document.uci === undefined ? {} : { uci: document.uci }),
      mediaType: 'application/pdf',
      bytes,
      sha256: hash,
      attachment: { fileName: attachmentName(record, index), title: letter.title, titles, bytes, sha256: hash },
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
  const last = (d: PlannedDocument) => documentKind(d.kind).listsIssued;
  for (const [index, document] of plan.documents.entries()) if (!last(document)) await typeset(index, document);

  const attachmentOf = (d: PlannedDocument) => {
    const pdf = pdfs.get(d);
    if (!pdf) throw new Error(`no PDF for ${d.kind}`);
    return pdf.attachment;
  };
  const composed: ComposedEmail[] = [];
  for (const route of clientEmailRoutes(record, plan)) {
    composed.push(await composeClientEmail(record, route, route.documents.map(attachmentOf), context.email));
  }
  for (const document of plan.documents) {
    if (isInternalEmailRecipient(document.recipient)) composed.push(await composeInternalEmail(record, document, attachmentOf(document), context.email));
  }
  for (const email of composed) {
    issued.push({
      kind: 'email',
      recipient: email.recipient,
      copies: [],
      channels: [email.kind === 'client' ? 'email' : 'internal'],
      languages: upper(email.languages),
      sha256: email.emlSha256,
      messageId: email.messageId,
      carries: email.carries,
    });
  }
  for (const [index, document] of plan.documents.entries()) if (last(document)) await typeset(index, document);

  const files: RenderedFile[] = [];
  const printed: { document: PlannedDocument; path: string; sha256: string }[] = [];
  for (const document of plan.documents) {
    const pdf = pdfs.get(document);
    if (!pdf) continue;
    const { path, kind, language, recipient, uci, mediaType, bytes, sha256: hash } = pdf;
    files.push({ path, kind, language, recipient, ...(uci === undefined ? {} : { uci }), mediaType, bytes, sha256: hash });
    printed.push({ document, path, sha256: hash });
  }
  const emails: RenderedEmail[] = composed.map((email, index) => {
    const stem = `email-${two(index + 1)}-${email.label}.${email.languages.join('-')}`;
    files.push(...emailFiles(stem, email));
    return {
      path: `${stem}.eml`,
      label: email.label,
      recipient: email.recipient,
      messageId: email.messageId,
      envelope: { from: email.from, to: [email.to], cc: [] },
      sha256: email.emlSha256,
      languages: email.languages,
      carries: email.carries,
    };
  });
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
  return {
    decisionId: record.decisionId,
    plan,
    files,
    manifest,
    emails,
    letters: postalLetters(record, printed),
    fileEntries: printed.filter(({ document }) => document.channels.includes('file')).map(({ document, path, sha256: hash }) => ({ path, kind: document.kind, sha256: hash })),
  };
}
