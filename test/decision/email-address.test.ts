import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { parseSmtpConfig, resolveSmtpConfig } from '../../src/deliver/smtp-config.js';
import { createSmtpSender } from '../../src/deliver/smtp-sender.js';
import { buildMimeMessage } from '../../src/email/build-mime-message.js';
import { RENDERER } from '../support/render-kit.js';
import { issuesOf } from '../support/issues.js';
import { recordWith } from '../support/records.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';

// What delivery really does with a non-ASCII address decides what validation accepts: nodemailer
// writes an internationalised domain in ASCII in the headers, but sends whatever the envelope holds,
// and a non-ASCII local part goes raw into both, which only SMTPUTF8 carries.

let relay: SmtpTestServer;
beforeAll(async () => {
  relay = await startSmtpTestServer({ hideSmtpUtf8: true });
});
afterAll(async () => {
  await relay.close();
});

function headerOf(eml: Uint8Array): string {
  const bytes = Buffer.from(eml);
  return bytes.subarray(0, bytes.indexOf('\r\n\r\n')).toString('latin1');
}

async function mimeTo(address: string): Promise<Uint8Array> {
  const message = await buildMimeMessage({
    decisionId: 'HC-1', label: 'client', key: 'k', date: '2026-11-20',
    from: { name: 'IRCC', address: 'no-reply@example.gc.ca' }, to: { name: 'Zoé', address }, replyTo: 'office@example.gc.ca',
    subject: 'Décision', languageTags: ['fr'], html: '<p>x</p>', text: 'x', attachments: [],
  });
  return message.eml;
}

describe('email addresses', () => {
  it.each([
    ['jose@exämple.org', 'jose@xn--exmple-cua.org'],
    ['client@пример.рф', 'client@xn--e1afmkfd.xn--p1ai'],
    ['a.b@Québec.example', 'a.b@xn--qubec-csa.example'],
    ['client@example.org', 'client@example.org'],
  ])('accepts %s and hands it on as %s, the form every relay and header carries', (given, handedOn) => {
    const result = parseDecision(recordWith((r) => { r.correspondence.email = given; }));
    expect(result.ok && result.record.correspondence.email).toBe(handedOn);
  });

  it.each(['josé@example.org', 'zoë.tremblay@exämple.org', 'клиент@пример.рф'])('refuses %s: a local part outside ASCII needs SMTPUTF8 everywhere (EMAIL_NOT_DELIVERABLE)', (address) => {
    expect(issuesOf(recordWith((r) => { r.correspondence.email = address; }))).toEqual(['$.correspondence.email EMAIL_NOT_DELIVERABLE']);
  });

  it.each(['not-an-email', 'a@b', 'a@ex..ample.org', 'a@-bad-.org', 'a b@example.org'])('refuses %s as FORMAT_INVALID', (address) => {
    expect(issuesOf(recordWith((r) => { r.correspondence.email = address; }))).toEqual(['$.correspondence.email FORMAT_INVALID']);
  });

  it('why a non-ASCII local part is refused: nodemailer writes it raw into the To header, which only an SMTPUTF8 message may hold', async () => {
    expect(headerOf(await mimeTo('josé@example.org'))).toMatch(/[\x80-\xff]/);
    expect(headerOf(await mimeTo('jose@xn--exmple-cua.org'))).not.toMatch(/[\x80-\xff]/);
  });

  it('a rendered email to an internationalised domain is plain ASCII in its headers, and a relay without SMTPUTF8 takes it', async () => {
    const parsed = parseDecision(recordWith((r) => { r.correspondence.email = 'celine@exämple-québec.ca'; }));
    if (!parsed.ok) throw new Error('expected a valid record');
    const rendered = await RENDERER.render(parsed.record);
    const eml = rendered.files.find((f) => f.kind === 'email')?.bytes;
    if (eml === undefined) throw new Error('expected an email');
    const header = headerOf(eml);
    expect(header).not.toMatch(/[\x80-\xff]/);
    expect(header).toContain('celine@xn--exmple-qubec-hcb1f.ca');

    const messageId = /^Message-ID: (<[^>]+>)/im.exec(header)?.[1] ?? '';
    const sender = createSmtpSender(resolveSmtpConfig(parseSmtpConfig({ host: relay.host, port: relay.port, security: 'none', timeouts: { connectionMs: 5000, greetingMs: 2000, socketMs: 5000, sendMs: 15_000 } }), {}));
    try {
      const outcome = await sender.send({ raw: eml, envelope: { from: 'no-reply@example.gc.ca', to: [parsed.record.correspondence.email ?? ''] }, messageId });
      expect(outcome.kind).toBe('sent');
    } finally {
      await sender.close();
    }
    expect(relay.messages.at(-1)?.smtpUtf8).toBe(false);
  });
});
