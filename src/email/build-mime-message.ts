import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { IsoDate } from '../decision/calendar-date.js';
import type { EmailAttachment } from './composed-email.js';
import { EmailBuildError } from './email-build-error.js';

/** Everything that goes into one message; nothing else (no clock, no randomness) does. */
export interface MimeMessageInput {
  readonly decisionId: string;
  /** The Message-ID's second label: `client` or the document kind. */
  readonly label: string;
  /** Tells apart messages of one decision with the same label (two persons' notices); hashed, never shown. */
  readonly key: string;
  /** The decision date: the message is dated at noon UTC that day. */
  readonly date: IsoDate;
  readonly from: { readonly name: string; readonly address: string };
  readonly to: { readonly name?: string; readonly address: string };
  readonly replyTo: string;
  readonly subject: string;
  /** BCP 47 tags of the body's languages, first language first. */
  readonly languageTags: readonly string[];
  readonly html: string;
  readonly text: string;
  readonly attachments: readonly EmailAttachment[];
}

/** A built message and its Message-ID. */
export interface MimeMessage {
  readonly eml: Uint8Array;
  /** SHA-256 of `eml` in hex. */
  readonly sha256: string;
  readonly messageId: string;
}

/** The right-hand side of every Message-ID: `.invalid` (RFC 2606) can never be a real host's. */
export const MESSAGE_ID_DOMAIN = 'hc-correspondence.invalid';

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A digest of everything the message carries, so that any change to the content changes the ids. */
function contentDigest(input: MimeMessageInput): string {
  return sha256(
    JSON.stringify([
      input.decisionId,
      input.label,
      input.key,
      input.date,
      input.from,
      input.to,
      input.replyTo,
      input.subject,
      input.languageTags,
      input.html,
      input.text,
      input.attachments.map((a) => [a.fileName, a.sha256 ?? sha256(a.bytes)]),
    ]),
  );
}

/** Noon UTC falls on the same calendar day in every Canadian time zone, so the header agrees with the letters. */
function messageDate(date: IsoDate): Date {
  // Built from the record's date, never from the clock.
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12));
}

/**
 * Every LF not after a CR made CRLF, as SMTP and RFC 5322 have line ends. The built message is
 * 7-bit (quoted-printable and base64 parts), so it round-trips through latin1 unchanged.
 */
function withCrlf(message: Buffer): Buffer {
  const text = message.toString('latin1');
  const fixed = text.replace(/(?<!\r)\n/g, '\r\n');
  return fixed.length === text.length ? message : Buffer.from(fixed, 'latin1');
}

/**
 * Builds the RFC 5322 message with nodemailer's MailComposer (no transport: nothing is sent). The Message-ID,
 * the MIME boundaries and the Date header are derived from the input, so the same input always gives the same
 * bytes. Throws `EmailBuildError` (`EMAIL_BUILD_FAILED`).
 */
export async function buildMimeMessage(input: MimeMessageInput): Promise<MimeMessage> {
  const digest = contentDigest(input);
  const messageId = `<${input.decisionId}.${input.label}.${digest.slice(0, 8)}@${MESSAGE_ID_DOMAIN}>`;
  const composer = new MailComposer({
    from: { name: input.from.name, address: input.from.address },
    to: input.to.name === undefined ? input.to.address : { name: input.to.name, address: input.to.address },
    replyTo: input.replyTo,
    subject: input.subject,
    messageId,
    date: messageDate(input.date),
    text: input.text,
    html: input.html,
    attachments: input.attachments.map((a) => ({
      filename: a.fileName,
      content: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength),
      contentType: 'application/pdf',
    })),
    headers: {
      // RFC 3834: an automatic message, so vacation responders stay quiet.
      'Auto-Submitted': 'auto-generated',
      'Content-Language': input.languageTags.join(', '),
    },
    // MimeNode otherwise draws the shared part of every boundary from crypto.randomBytes.
    baseBoundary: digest.slice(8, 32),
    boundaryPrefix: 'hcc',
    // No `newline: 'win'`: its transform turns LF into CRLF byte by byte in JS; `withCrlf` below does it at once.
    // Fixed, so nodemailer does not scan every part to choose (a costly pass over the HTML), and a reader can read the source.
    textEncoding: 'quoted-printable',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const bytes = withCrlf(await composer.compile().build());
    return { eml: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), sha256: sha256(bytes), messageId };
  } catch (cause) {
    throw new EmailBuildError(input.decisionId, { cause });
  }
}
