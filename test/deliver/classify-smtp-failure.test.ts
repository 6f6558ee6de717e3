import { describe, expect, it } from 'vitest';
import { classifyPartialRejection, classifySmtpError, enhancedStatusOf, recipientPositions } from '../../src/deliver/classify-smtp-failure.js';

/** An error shaped like nodemailer's: its code, and the reply and command when the server gave one. */
function smtpError(code: string, command?: string, response?: string, extra: Record<string, unknown> = {}): Error {
  const responseCode = response === undefined ? undefined : Number(response.slice(0, 3));
  return Object.assign(new Error(`${code} ${response ?? ''}`), { code, command, response, responseCode, ...extra });
}

const TO = ['first@example.test', 'second@example.test'];

describe('classifySmtpError', () => {
  const table: [string, unknown, Record<string, unknown>][] = [
    ['greeting 421', smtpError('EPROTOCOL', 'CONN', '421 4.3.2 busy'), { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 421, enhancedStatus: '4.3.2', scope: 'transport' }],
    ['greeting 554', smtpError('EPROTOCOL', 'CONN', '554 no service'), { kind: 'temporary', code: 'SMTP_GREETING_REJECTED', smtpCode: 554, scope: 'transport' }],
    ['EHLO refused', smtpError('EPROTOCOL', 'EHLO', '550 go away'), { kind: 'temporary', code: 'SMTP_GREETING_REJECTED' }],
    ['connection refused', smtpError('ESOCKET', 'CONN', undefined, { originalCode: 'ECONNREFUSED' }), { kind: 'temporary', code: 'SMTP_CONNECTION', smtpCode: undefined }],
    ['closed with a 421 first', smtpError('ECONNECTION', 'CONN', '421 shutting down'), { kind: 'temporary', code: 'SMTP_TEMPORARY', smtpCode: 421 }],
    ['DNS failure', smtpError('EDNS', 'CONN'), { kind: 'temporary', code: 'SMTP_CONNECTION' }],
    ['greeting timeout', smtpError('ETIMEDOUT', 'CONN'), { kind: 'temporary', code: 'SMTP_TIMEOUT', scope: 'transport' }],
    ['our send deadline', Object.assign(new Error('aborted'), { name: 'AbortError', code: 'EABORT' }), { kind: 'temporary', code: 'SMTP_TIMEOUT' }],
    ['bad certificate', smtpError('ETLS', 'CONN'), { kind: 'temporary', code: 'SMTP_TLS', scope: 'transport' }],
    ['wrong password', smtpError('EAUTH', 'AUTH PLAIN', '535 5.7.8 bad credentials'), { kind: 'temporary', code: 'SMTP_AUTH_FAILED', smtpCode: 535, enhancedStatus: '5.7.8', scope: 'transport' }],
    ['no credentials configured', smtpError('ENOAUTH', 'API'), { kind: 'temporary', code: 'SMTP_AUTH_FAILED' }],
    ['530 authentication required', smtpError('EENVELOPE', 'MAIL FROM', '530 5.7.0 auth required'), { kind: 'temporary', code: 'SMTP_AUTH_FAILED', smtpCode: 530 }],
    ['sender deferred', smtpError('EENVELOPE', 'MAIL FROM', '451 try later'), { kind: 'temporary', code: 'SMTP_TEMPORARY', scope: 'message' }],
    ['sender refused', smtpError('EENVELOPE', 'MAIL FROM', '553 5.7.1 not allowed'), { kind: 'temporary', code: 'SMTP_SENDER_REJECTED', scope: 'transport' }],
    ['SIZE refused on MAIL FROM', smtpError('EENVELOPE', 'MAIL FROM', '552 5.3.4 too big'), { kind: 'permanent', code: 'SMTP_MESSAGE_TOO_LARGE' }],
    ['over the advertised SIZE (nodemailer, no reply)', smtpError('EMESSAGE', 'MAIL FROM'), { kind: 'permanent', code: 'SMTP_MESSAGE_TOO_LARGE', smtpCode: undefined }],
    ['every recipient deferred', smtpError('EENVELOPE', 'RCPT TO', '450 mailbox busy', { rejected: TO }), { kind: 'temporary', code: 'SMTP_TEMPORARY', rejectedRecipients: [0, 1] }],
    ['every recipient refused', smtpError('EENVELOPE', 'RCPT TO', '550 5.1.1 unknown user', { rejected: [TO[1]] }), { kind: 'permanent', code: 'SMTP_RECIPIENT_REJECTED', enhancedStatus: '5.1.1', rejectedRecipients: [1] }],
    ['recipient refused, address case differs', smtpError('EENVELOPE', 'RCPT TO', '550 no', { rejected: ['FIRST@example.test'] }), { rejectedRecipients: [0] }],
    ['503 bad sequence on RCPT', smtpError('EENVELOPE', 'RCPT TO', '503 bad sequence'), { kind: 'temporary', code: 'SMTP_TEMPORARY' }],
    ['DATA command refused', smtpError('EENVELOPE', 'DATA', '554 no valid recipients'), { kind: 'permanent', code: 'SMTP_MESSAGE_REJECTED' }],
    ['message deferred after DATA', smtpError('EMESSAGE', 'DATA', '451 4.7.1 greylisted'), { kind: 'temporary', code: 'SMTP_TEMPORARY', enhancedStatus: '4.7.1', scope: 'message' }],
    ['message refused after DATA', smtpError('EMESSAGE', 'DATA', '554 5.7.1 spam'), { kind: 'permanent', code: 'SMTP_MESSAGE_REJECTED' }],
    ['message too large after DATA', smtpError('EMESSAGE', 'DATA', '552 too big'), { kind: 'permanent', code: 'SMTP_MESSAGE_TOO_LARGE' }],
    ['421 in the middle of a transaction', smtpError('EMESSAGE', 'DATA', '421 closing'), { kind: 'temporary', code: 'SMTP_TEMPORARY', scope: 'transport' }],
    ['nodemailer refused the envelope', smtpError('EENVELOPE', 'API'), { kind: 'permanent', code: 'ENVELOPE_INVALID' }],
    ['a reply out of protocol', smtpError('EPROTOCOL', 'RSET', '250 what'), { kind: 'temporary', code: 'SMTP_PROTOCOL' }],
    ['an unknown error', new Error('something else'), { kind: 'temporary', code: 'SMTP_UNKNOWN', smtpCode: undefined }],
    ['not even an Error', 'boom', { kind: 'temporary', code: 'SMTP_UNKNOWN' }],
  ];

  for (const [name, error, expected] of table) {
    it(name, () => {
      const outcome = classifySmtpError(error, TO);
      expect(outcome).toMatchObject(expected);
      // The reason is ours: no server text, no address.
      expect(outcome.reason).not.toMatch(/@|busy|spam|unknown user|greylisted|not allowed|shutting/);
    });
  }
});

describe('classifyPartialRejection', () => {
  it('is undefined when every recipient was taken', () => {
    expect(classifyPartialRejection({ accepted: TO, rejected: [] }, TO)).toBeUndefined();
  });

  it('fails the item permanently when one of several recipients was refused, even with a 4xx, and says why', () => {
    const outcome = classifyPartialRejection(
      { accepted: [TO[0]], rejected: [TO[1]], rejectedErrors: [smtpError('EENVELOPE', 'RCPT TO', '451 4.2.1 try later')] },
      TO,
    );
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'SMTP_PARTIAL_REJECTION', smtpCode: 451, enhancedStatus: '4.2.1', rejectedRecipients: [1], scope: 'message' });
    expect(outcome?.reason).toContain('1 of 2 recipients');
    expect(outcome?.reason).toContain('duplicate');
    expect(outcome?.reason).not.toContain('@');
  });
});

describe('helpers', () => {
  it('enhancedStatusOf reads the RFC 3463 status after the code and nothing else', () => {
    expect(enhancedStatusOf('550 5.1.1 <x@y> unknown')).toBe('5.1.1');
    expect(enhancedStatusOf('250-2.0.0 ok')).toBe('2.0.0');
    expect(enhancedStatusOf('550 unknown user 5.1.1')).toBeUndefined();
    expect(enhancedStatusOf('550 5.1.1.1 odd')).toBeUndefined();
    expect(enhancedStatusOf(undefined)).toBeUndefined();
  });

  it('recipientPositions gives sorted, distinct positions and skips unknown addresses', () => {
    expect(recipientPositions(TO, ['second@example.test', 'first@example.test', 'second@example.test', 'stranger@example.test'])).toEqual([0, 1]);
  });
});
