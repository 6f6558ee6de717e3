import { createHash } from 'node:crypto';
import { buildMimeMessage } from '../../src/email/build-mime-message.js';

/** A message as the store would hold it: the approved bytes, their hash and their Message-ID. */
export interface SampleEmail {
  readonly eml: Uint8Array;
  readonly messageId: string;
  readonly sha256: string;
}

/** Bytes that look like a PDF and do not compress: a deterministic xorshift stream after a PDF header. */
export function syntheticPdf(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  let state = (seed * 2654435761) >>> 0 || 1;
  for (let i = 16; i < size; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/**
 * A message built by the project's own builder (nodemailer MailComposer, CRLF, deterministic ids) with
 * one synthetic PDF attached. Number `n` changes the content, so each one has its own Message-ID.
 * Every person and address is invented.
 */
export async function buildSampleEmail(n: number, options: { readonly pdfBytes?: number; readonly to?: string } = {}): Promise<SampleEmail> {
  const { eml, messageId } = await buildMimeMessage({
    decisionId: `HC-2026-${String(900000 + n).padStart(6, '0')}`,
    label: 'client',
    key: String(n),
    date: '2026-11-02',
    from: { name: 'IRCC test sender', address: 'no-reply@example.gc.ca' },
    to: { name: 'Test Person', address: options.to ?? 'client@example.test' },
    replyTo: 'no-reply@example.gc.ca',
    subject: `Decision on your application / Décision ${n}`,
    languageTags: ['en-CA', 'fr-CA'],
    html: `<p>Message ${n}.</p>\n<p>.A line that starts with a dot.</p>`,
    text: `Message ${n}.\n.A line that starts with a dot.\n..and one with two.\n`,
    attachments: [{ fileName: `IRCC-A${n}-01.pdf`, title: 'Decision', bytes: syntheticPdf(options.pdfBytes ?? 43_000, n) }],
  });
  return { eml, messageId, sha256: createHash('sha256').update(eml).digest('hex') };
}
