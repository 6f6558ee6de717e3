import type { Language } from '../decision/decision-schema.js';
import type { DocumentKind, Recipient } from '../plan/correspondence-plan.js';

/** A PDF to attach, as the typesetter produced it. */
export interface EmailAttachment {
  /** The attachment's file name, shown to the reader; unique within one email. */
  readonly fileName: string;
  /** The document's title as the email lists it (a bilingual PDF's title may carry both languages). */
  readonly title: string;
  /** The title in each language, so that each language version of a bilingual email lists its own; else `title`. */
  readonly titles?: Readonly<Partial<Record<Language, string>>>;
  readonly bytes: Uint8Array;
  /** SHA-256 of `bytes` in hex, when the caller has it already (else the message builder hashes them). */
  readonly sha256?: string;
}

/** One email, ready to preview or to hand to the mail service: the parts and the whole message. */
export interface ComposedEmail {
  readonly kind: 'client' | 'internal';
  readonly recipient: Recipient;
  /** The address the email goes to. */
  readonly to: string;
  /** The envelope sender's address. */
  readonly from: string;
  /** The Message-ID's label: `client`, `applicant`, or the document kind of an internal notice. */
  readonly label: string;
  /** The document kinds the email carries, in order. */
  readonly carries: readonly DocumentKind[];
  /** The language the email is read in first. */
  readonly language: Language;
  /** Every language version in the body, `language` first. */
  readonly languages: readonly Language[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** The RFC 5322 message (CRLF line ends), byte-identical for the same input. */
  readonly eml: Uint8Array;
  /** SHA-256 of `eml` in hex. */
  readonly emlSha256: string;
  /** The Message-ID, angle brackets included. */
  readonly messageId: string;
  /** The document an internal notice carries. */
  readonly documentKind?: DocumentKind;
  /** The file names attached, in order. */
  readonly attachments: readonly string[];
}
