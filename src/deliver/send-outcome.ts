/** Codes of a failed send. Stable: the store and the operators match on them. */
export const SEND_FAILURE_CODES = [
  // Refused before any connection: the item itself is wrong.
  'BYTES_HASH_MISMATCH',
  'BYTES_NOT_CRLF',
  'MESSAGE_ID_MISMATCH',
  'ENVELOPE_INVALID',
  // Replies of the server.
  'SMTP_TEMPORARY',
  'SMTP_SENDER_REJECTED',
  'SMTP_RECIPIENT_REJECTED',
  'SMTP_PARTIAL_REJECTION',
  'SMTP_MESSAGE_REJECTED',
  'SMTP_MESSAGE_TOO_LARGE',
  'SMTP_GREETING_REJECTED',
  'SMTP_AUTH_FAILED',
  'SMTP_TLS',
  'SMTP_PROTOCOL',
  // The connection.
  'SMTP_CONNECTION',
  'SMTP_TIMEOUT',
  'SMTP_UNKNOWN',
] as const;
export type SendFailureCode = (typeof SEND_FAILURE_CODES)[number];

/**
 * What a failure is about. `message`: this message, its envelope or its recipients; other messages may
 * go through. `transport`: the server, the connection or our configuration (credentials, TLS, the
 * sender address); every message would fail the same way now, so a worker should back off as a
 * whole and alert rather than spend each item's attempts.
 */
export type FailureScope = 'message' | 'transport';

/** The server took the message for every recipient. */
export interface SentOutcome {
  readonly kind: 'sent';
  /** The reply code to the end of DATA: 250. */
  readonly smtpCode: number;
  readonly messageIdHash: string;
  readonly accepted: number;
}

/** The message was not (wholly) delivered. `temporary`: try again later; `permanent`: never again. */
export interface FailedOutcome {
  readonly kind: 'temporary' | 'permanent';
  readonly code: SendFailureCode;
  readonly scope: FailureScope;
  /** The last SMTP reply code that decided the outcome, when the server gave one. */
  readonly smtpCode: number | undefined;
  /** The RFC 3463 enhanced status (`5.1.1`) of that reply, when it had one. */
  readonly enhancedStatus: string | undefined;
  /** Positions in `envelope.to` of the recipients the server refused (never their addresses). */
  readonly rejectedRecipients: readonly number[];
  /** Our own sentence: what happened and why it is temporary or permanent. Never the server's text. */
  readonly reason: string;
  readonly messageIdHash: string;
}

/** The result of one `send()`: the sender never throws for SMTP trouble. */
export type SendOutcome = SentOutcome | FailedOutcome;
