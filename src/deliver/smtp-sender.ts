import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { classifyPartialRejection, classifySmtpError, type FailureClassification } from './classify-smtp-failure.js';
import { SmtpSenderClosedError } from './smtp-sender-closed-error.js';
import { hashMessageId, readMessageIdHeader, sameMessageId } from './message-id.js';
import type { FailedOutcome, SendOutcome } from './send-outcome.js';
import type { ResolvedSmtpConfig } from './smtp-config.js';

/** One stored message to send as it is. */
export interface OutgoingMessage {
  /** The `.eml` bytes that were approved: CRLF line endings, ending with CRLF. Sent byte for byte. */
  readonly raw: Uint8Array;
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
  /** The Message-ID the bytes must carry (`<local@domain>`). */
  readonly messageId: string;
  /** When given, the SHA-256 (hex) the bytes must have; checked again just before sending. */
  readonly expectedSha256?: string;
}

/** Sends stored messages over one pooled SMTP transport. */
export interface SmtpSender {
  /**
   * Sends one message and classifies what happened. Resolves for every SMTP outcome, failures
   * included; throws only `SmtpSenderClosedError` (called after `close()`).
   */
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /** Opens a connection, logs in if configured, and says whether sending could work now. Throws only after `close()`. */
  verify(): Promise<{ readonly kind: 'ok' } | Omit<FailedOutcome, 'messageIdHash'>>;
  /** Refuses new sends, waits for those in flight, then closes the pool's connections. */
  close(): Promise<void>;
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * Whether the bytes go over DATA unchanged: nodemailer turns a bare CR or LF into CRLF and adds a CRLF
 * when the last line lacks one, so only CRLF text that ends with CRLF arrives as it was approved.
 */
function isCrlfText(bytes: Uint8Array): boolean {
  const length = bytes.length;
  if (length < 2 || bytes[length - 2] !== CR || bytes[length - 1] !== LF) return false;
  for (let i = bytes.indexOf(CR); i !== -1; i = bytes.indexOf(CR, i + 1)) {
    if (bytes[i + 1] !== LF) return false;
  }
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) {
    if (i === 0 || bytes[i - 1] !== CR) return false;
  }
  return true;
}

/** An envelope address nodemailer will put between angle brackets as it is: no space, bracket or line break. */
function isEnvelopeAddress(address: string): boolean {
  return address.length <= 254 && /^[^\s<>@"]+@[^\s<>@"]+$/.test(address);
}

function refused(code: FailedOutcome['code'], reason: string): FailureClassification {
  return { kind: 'permanent', code, scope: 'message', smtpCode: undefined, enhancedStatus: undefined, rejectedRecipients: [], reason };
}

/** The checks that need no server: a message that fails one is never sent, and retrying cannot help. */
function preflight(message: OutgoingMessage): FailureClassification | undefined {
  const { raw, envelope, expectedSha256 } = message;
  if (expectedSha256 !== undefined && createHash('sha256').update(raw).digest('hex') !== expectedSha256.toLowerCase()) {
    return refused('BYTES_HASH_MISMATCH', 'the bytes do not have the SHA-256 recorded when they were approved; nothing was sent');
  }
  if (!isCrlfText(raw)) {
    return refused('BYTES_NOT_CRLF', 'the bytes have a bare CR or LF or do not end with CRLF, so SMTP would alter them; nothing was sent');
  }
  const header = readMessageIdHeader(raw);
  if (header === undefined || !sameMessageId(header, message.messageId)) {
    return refused('MESSAGE_ID_MISMATCH', 'the Message-ID header of the bytes is missing or is not the expected one; nothing was sent');
  }
  if (!isEnvelopeAddress(envelope.from) || envelope.to.length === 0 || !envelope.to.every(isEnvelopeAddress)) {
    return refused('ENVELOPE_INVALID', 'the envelope needs one sender and at least one recipient, each a bare address; nothing was sent');
  }
  return undefined;
}

function replyCode(response: unknown): number | undefined {
  const digits = typeof response === 'string' ? /^(\d{3})/.exec(response)?.[1] : undefined;
  return digits === undefined ? undefined : Number(digits);
}

/**
 * A sender over nodemailer's pooled SMTP transport, configured by `resolveSmtpConfig`. The message goes
 * out as nodemailer's `raw` with an explicit envelope, so the bytes on the wire are the stored bytes
 * (dot-stuffed by SMTP, nothing else). Each send has a deadline (`sendTimeoutMs`) on top of the
 * transport's connection, greeting and socket timeouts.
 */
export function createSmtpSender(config: ResolvedSmtpConfig): SmtpSender {
  const transporter = nodemailer.createTransport(config.transport);
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  async function sendNow(message: OutgoingMessage): Promise<SendOutcome> {
    const messageIdHash = hashMessageId(message.messageId);
    const invalid = preflight(message);
    if (invalid !== undefined) return { ...invalid, messageIdHash };
    const raw = Buffer.from(message.raw.buffer, message.raw.byteOffset, message.raw.byteLength);
    const to = [...message.envelope.to];
    // Our own timer, cleared when the send ends: AbortSignal.timeout would keep one timer per message alive for the whole deadline.
    const deadline = new AbortController();
    const timer = setTimeout(() => {
      deadline.abort();
    }, config.sendTimeoutMs);
    try {
      const info = await transporter.sendMail({
        raw,
        envelope: { from: message.envelope.from, to },
        // Only for nodemailer's bookkeeping (it would otherwise draw a random id per message); raw bytes are never rewritten.
        messageId: message.messageId,
        signal: deadline.signal,
      });
      const partial = classifyPartialRejection(info, to);
      if (partial !== undefined) return { ...partial, messageIdHash };
      return { kind: 'sent', smtpCode: replyCode(info.response) ?? 250, messageIdHash, accepted: info.accepted.length };
    } catch (error) {
      return { ...classifySmtpError(error, to), messageIdHash };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    send(message) {
      if (closed) return Promise.reject(new SmtpSenderClosedError());
      return track(sendNow(message));
    },
    verify() {
      if (closed) return Promise.reject(new SmtpSenderClosedError());
      return track(
        transporter.verify().then(
          () => ({ kind: 'ok' }) as const,
          (error: unknown) => classifySmtpError(error, []),
        ),
      );
    },
    async close() {
      closed = true;
      await Promise.allSettled([...inFlight]);
      transporter.close();
    },
  };
}
