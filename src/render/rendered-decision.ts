import type { IsoDate } from '../decision/calendar-date.js';
import type { Language } from '../decision/decision-schema.js';
import type { CorrespondencePlan, DocumentKind, Recipient } from '../plan/correspondence-plan.js';

/** One file of a decision's output, with what the manifest says of it. */
export interface RenderedFile {
  /** Path relative to the decision's folder. */
  readonly path: string;
  readonly kind: DocumentKind | 'email' | 'email-preview';
  /** The document's languages joined with "+", client's first: `fr`, `en+fr`. */
  readonly language: string;
  readonly recipient: Recipient;
  readonly uci?: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The manifest entry of a file: everything but its bytes. */
export type ManifestFile = Omit<RenderedFile, 'bytes'>;

/** `manifest.json`: what was produced for a decision and what must follow. */
export interface DecisionManifest {
  readonly decisionId: string;
  readonly files: readonly ManifestFile[];
  readonly followUps: readonly (
    | { readonly kind: 'departure-confirmation'; readonly dueOn: IsoDate; readonly persons: readonly string[]; readonly ifNotConfirmed: string }
    | { readonly kind: 'trp-decision'; readonly persons: readonly string[]; readonly ifRefused?: string }
  )[];
  readonly notes: readonly { readonly code: string; readonly persons: readonly string[] }[];
}

/** Who an email goes to on the wire: what the mail service hands to SMTP beside the exact bytes. */
export interface Envelope {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
}

/** One email to send: the `.eml` file among the decision's files, and everything needed to send it. */
export interface RenderedEmail {
  /** The `.eml` file among `files`. */
  readonly path: string;
  /** The Message-ID's label: `client`, `applicant`, or the document kind of an internal notice. */
  readonly label: string;
  readonly recipient: Recipient;
  readonly messageId: string;
  readonly envelope: Envelope;
  /** SHA-256 of the `.eml` bytes. */
  readonly sha256: string;
  readonly languages: readonly Language[];
  /** The document kinds it carries, in order. */
  readonly carries: readonly DocumentKind[];
}

/** One letter to print and mail: a PDF among the decision's files and the address it goes to. */
export interface RenderedLetter {
  /** The PDF among `files`. */
  readonly path: string;
  readonly kind: DocumentKind;
  /** Who it goes to: the document's recipient, or the representative for their copy. */
  readonly recipient: Recipient;
  /** True for the copy of a letter addressed to someone else. */
  readonly copy: boolean;
  /** The window block: the name, then the postal address lines (Canada Post order). */
  readonly addressBlock: readonly string[];
  readonly sha256: string;
  readonly languages: readonly Language[];
}

/** One document that goes into the file (paper file and GCMS). */
export interface RenderedFileEntry {
  readonly path: string;
  readonly kind: DocumentKind;
  readonly sha256: string;
}

/** Every file of one decision, in memory, and what to do with each: ready to be written, stored or sent. */
export interface RenderedDecision {
  readonly decisionId: string;
  readonly plan: CorrespondencePlan;
  readonly files: readonly RenderedFile[];
  readonly manifest: DecisionManifest;
  readonly emails: readonly RenderedEmail[];
  readonly letters: readonly RenderedLetter[];
  readonly fileEntries: readonly RenderedFileEntry[];
}
