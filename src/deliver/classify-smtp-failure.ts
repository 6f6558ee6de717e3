import type { FailedOutcome, FailureScope, SendFailureCode } from './send-outcome.js';

/** A failed outcome before the sender adds the Message-ID hash. */
export type FailureClassification = Omit<FailedOutcome, 'messageIdHash'>;

/** The fields nodemailer puts on its errors (`code`, `responseCode`, `command`, `response`, `rejected`). */
interface SmtpErrorFields {
  readonly name: string | undefined;
  readonly code: string | undefined;
  readonly responseCode: number | undefined;
  readonly command: string | undefined;
  readonly response: string | undefined;
  readonly rejected: readonly string[];
}

function fieldsOf(error: unknown): SmtpErrorFields {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const text = (key: string) => (typeof record[key] === 'string' ? record[key] : undefined);
  const responseCode = record.responseCode;
  const rejected = record.rejected;
  return {
    name: text('name'),
    code: text('code'),
    responseCode: typeof responseCode === 'number' && Number.isInteger(responseCode) ? responseCode : undefined,
    command: text('command'),
    response: text('response'),
    rejected: Array.isArray(rejected) ? rejected.filter((r): r is string => typeof r === 'string') : [],
  };
}

/** The RFC 3463 status right after the reply code (`550 5.1.1 …` → `5.1.1`); the rest of the text is never kept. */
export function enhancedStatusOf(response: string | undefined): string | undefined {
  return response === undefined ? undefined : /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})(?:\s|$)/.exec(response)?.[1];
}

/** Positions of the refused addresses in the envelope, matched exactly, then without regard to case. */
export function recipientPositions(recipients: readonly string[], refused: readonly string[]): number[] {
  const positions = new Set<number>();
  for (const address of refused) {
    let index = recipients.indexOf(address);
    if (index < 0) index = recipients.findIndex((r) => r.toLowerCase() === address.toLowerCase());
    if (index >= 0) positions.add(index);
  }
  return [...positions].sort((a, b) => a - b);
}

/** RFC 5321: 4yz is transient, 5yz permanent, except 503 (bad sequence), which a fresh session clears. */
function isPermanentReply(code: number): boolean {
  return code >= 500 && code < 600 && code !== 503;
}

function outcome(
  kind: 'temporary' | 'permanent',
  code: SendFailureCode,
  scope: FailureScope,
  fields: SmtpErrorFields,
  reason: string,
  rejectedRecipients: readonly number[] = [],
): FailureClassification {
  return { kind, code, scope, smtpCode: fields.responseCode, enhancedStatus: enhancedStatusOf(fields.response), rejectedRecipients, reason };
}

function replyWords(fields: SmtpErrorFields): string {
  return fields.responseCode === undefined ? 'without a reply code' : `with ${fields.responseCode}`;
}

/**
 * Classifies an error from nodemailer's SMTP transport (or anything else a send threw) into a failed
 * outcome. Pure: reads the error's `code`, `responseCode`, `command`, `response` (for the enhanced status
 * only) and `rejected`; never keeps the server's text or an address. `recipients` is the envelope's
 * `to`, to turn refused addresses into positions.
 *
 * 4xx replies, lost connections and timeouts are temporary; 5xx replies about the message or its
 * recipients are permanent. Refused credentials (535, or 530 when we did not log in), TLS failures and
 * a refused envelope sender are temporary with scope `transport` even when the reply is 5xx: they are
 * our configuration, the same for every message, so the message waits until an operator fixes it
 * (permanent would strand every item sent meanwhile), and the 72-hour cut-off still ends the wait.
 */
export function classifySmtpError(error: unknown, recipients: readonly string[]): FailureClassification {
  const f = fieldsOf(error);
  const reply = f.responseCode;

  if (f.name === 'AbortError' || f.code === 'EABORT') {
    return outcome('temporary', 'SMTP_TIMEOUT', 'transport', f, 'the send did not finish within its deadline; the server may be stalling');
  }
  switch (f.code) {
    case 'EAUTH':
    case 'ENOAUTH':
    case 'EOAUTH2':
      return outcome('temporary', 'SMTP_AUTH_FAILED', 'transport', f, `the server refused our credentials (${replyWords(f)}); every message fails until the configuration is fixed, so the item waits and is retried`);
    case 'ETLS':
    case 'EREQUIRETLS':
      return outcome('temporary', 'SMTP_TLS', 'transport', f, 'the TLS connection could not be set up (certificate, protocol, or STARTTLS not offered); a configuration or server problem');
    case 'ETIMEDOUT':
      return outcome('temporary', 'SMTP_TIMEOUT', 'transport', f, 'the server did not answer in time (connection, greeting or silence on the socket)');
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
    case 'EPROXY':
      return reply !== undefined && reply >= 400 && reply < 500
        ? outcome('temporary', 'SMTP_TEMPORARY', 'transport', f, `the server closed the connection ${replyWords(f)}`)
        : outcome('temporary', 'SMTP_CONNECTION', 'transport', f, 'the connection could not be opened or was lost (refused, reset, or closed during the transaction)');
    default:
      break;
  }

  // A 530 (authentication required) comes back on MAIL FROM when we did not log in.
  if (reply === 530 || f.command?.startsWith('AUTH') === true) {
    return outcome('temporary', 'SMTP_AUTH_FAILED', 'transport', f, `the server requires authentication that we did not pass (${replyWords(f)}); retried once the configuration is fixed`);
  }
  if (f.command === 'CONN' || f.command === 'EHLO' || f.command === 'HELO' || f.command === 'LHLO') {
    return reply !== undefined && reply >= 400 && reply < 500
      ? outcome('temporary', 'SMTP_TEMPORARY', 'transport', f, `the server would not start a session ${replyWords(f)}`)
      : outcome('temporary', 'SMTP_GREETING_REJECTED', 'transport', f, `the server refused the session ${replyWords(f)}; the refusal concerns the connection, not this message`);
  }
  if (reply === 421) {
    return outcome('temporary', 'SMTP_TEMPORARY', 'transport', f, 'the server is closing the channel (421)');
  }

  const rejected = recipientPositions(recipients, f.rejected);
  if ((f.code === 'EENVELOPE' || f.code === 'EMESSAGE') && reply !== undefined) {
    const permanent = isPermanentReply(reply);
    const tooLarge = reply === 552 || enhancedStatusOf(f.response) === '5.3.4';
    switch (f.command) {
      case 'MAIL FROM':
        if (tooLarge) return outcome('permanent', 'SMTP_MESSAGE_TOO_LARGE', 'message', f, `the server refused the message's size (${reply})`);
        return permanent
          ? outcome('temporary', 'SMTP_SENDER_REJECTED', 'transport', f, `the server refused the envelope sender (${reply}); the sender is our configuration, the same for every message, so the item waits for it to be fixed`)
          : outcome('temporary', 'SMTP_TEMPORARY', 'message', f, `the server deferred the envelope sender (${reply})`);
      case 'RCPT TO':
        return permanent
          ? outcome('permanent', 'SMTP_RECIPIENT_REJECTED', 'message', f, `the server refused every recipient (${reply})`, rejected)
          : outcome('temporary', 'SMTP_TEMPORARY', 'message', f, `the server deferred every recipient (${reply}) or refused some and deferred the others`, rejected);
      case 'DATA':
        if (!permanent) return outcome('temporary', 'SMTP_TEMPORARY', 'message', f, `the server deferred the message (${reply})`);
        return tooLarge
          ? outcome('permanent', 'SMTP_MESSAGE_TOO_LARGE', 'message', f, `the server refused the message's size (${reply})`)
          : outcome('permanent', 'SMTP_MESSAGE_REJECTED', 'message', f, `the server refused the message (${reply})`);
      default:
        return permanent
          ? outcome('permanent', 'SMTP_MESSAGE_REJECTED', 'message', f, `the server refused the transaction (${reply})`)
          : outcome('temporary', 'SMTP_TEMPORARY', 'message', f, `the server deferred the transaction (${reply})`);
    }
  }
  if (f.code === 'EMESSAGE' && f.command === 'MAIL FROM') {
    // nodemailer's own check against the SIZE the server advertised: nothing was sent.
    return outcome('permanent', 'SMTP_MESSAGE_TOO_LARGE', 'message', f, 'the message is larger than the size the server advertises');
  }
  if (f.code === 'EENVELOPE') {
    return outcome('permanent', 'ENVELOPE_INVALID', 'message', f, 'nodemailer refused the envelope before sending it');
  }
  if (f.code === 'EPROTOCOL') {
    return outcome('temporary', 'SMTP_PROTOCOL', 'transport', f, `the server answered out of protocol ${replyWords(f)}`);
  }
  if (reply !== undefined && reply >= 400 && reply < 500) {
    return outcome('temporary', 'SMTP_TEMPORARY', 'transport', f, `the server deferred a command (${reply})`);
  }
  return outcome('temporary', 'SMTP_UNKNOWN', 'transport', f, `an unclassified failure (${f.code ?? 'no code'}, ${replyWords(f)}); retried until the cut-off`);
}

/** The recipient bookkeeping nodemailer returns with a message the server took. */
export interface AcceptedInfo {
  readonly accepted: readonly unknown[];
  readonly rejected: readonly unknown[];
  readonly rejectedErrors?: readonly unknown[] | undefined;
}

/**
 * A message the server took for some recipients and refused for others (nodemailer resolves without an
 * error and lists them in `rejected`). The item fails as a whole, permanently: those that have it must
 * not get it twice, and a refused recipient is not one we can fix by retrying. `undefined` when every
 * recipient was accepted.
 */
export function classifyPartialRejection(info: AcceptedInfo, recipients: readonly string[]): FailureClassification | undefined {
  const refused = info.rejected.filter((r): r is string => typeof r === 'string');
  if (refused.length === 0) return undefined;
  const errors = (info.rejectedErrors ?? []).map(fieldsOf);
  const first = errors[0] ?? fieldsOf(undefined);
  const codes = [...new Set(errors.map((e) => e.responseCode).filter((c) => c !== undefined))].join(', ') || 'no reply code';
  return {
    kind: 'permanent',
    code: 'SMTP_PARTIAL_REJECTION',
    scope: 'message',
    smtpCode: first.responseCode,
    enhancedStatus: enhancedStatusOf(first.response),
    rejectedRecipients: recipientPositions(recipients, refused),
    reason: `the server took the message for ${info.accepted.length} of ${info.accepted.length + refused.length} recipients and refused the others (${codes}); sending again would duplicate it for those that have it, so the item fails as a whole`,
  };
}
