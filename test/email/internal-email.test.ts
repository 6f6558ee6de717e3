import { emailContext } from '../support/render-kit.js';
import { describe, expect, it } from 'vitest';
import { composeInternalEmail } from '../../src/email/compose-internal-email.js';
import { internalAddress } from '../../src/email/compose-internal-email.js';
import { type EmailConfig } from '../../src/email/email-config.js';
import { FIXTURE_EMAIL_CONFIG } from '../support/email-config.js';
import { internalDocuments, loadCase, pdfFor } from './email-test-kit.js';
import { fileNameOf, leafParts, readEml } from './read-eml.js';

const CASES = [
  ['refused-voluntary-departure-not-appropriate-en', 'cbsa-no-status-notice', 'cbsa-inland-enforcement'],
  ['refused-exclusion-order-fr', 'cbsa-removals-notice', 'cbsa-removals-unit'],
  ['refused-trp-compelling-reasons-fee-receipt-en', 'trp-rationale', 'designated-decision-maker'],
  ['approved-quebec-csq-request-en', 'csq-request', 'mifi'],
] as const;

describe('internal notice emails', () => {
  it.each(CASES)('%s: the %s goes to the address configured for %s, with its one PDF', async (name, kind, recipient) => {
    const { record, plan } = loadCase(name);
    const [document] = internalDocuments(plan);
    if (!document) throw new Error('no internal document');
    expect([document.kind, document.recipient]).toEqual([kind, recipient]);
    const pdf = pdfFor(document);
    const email = await composeInternalEmail(record, document, pdf, emailContext(FIXTURE_EMAIL_CONFIG));
    const to = internalAddress(record, document, recipient, FIXTURE_EMAIL_CONFIG);
    expect(email).toMatchObject({ kind: 'internal', recipient, documentKind: kind, to });
    expect(email.language).toBe(document.language);
    expect(email.html).toMatch(new RegExp(`<html lang="${document.language}-CA"`));
    expect(email.text.replace(/\s+/g, ' ')).toContain(record.decisionId);
    expect(email.text).toContain(record.office.email);

    const message = readEml(email.eml);
    expect(message.headers.get('to')).toBe(to);
    const attached = leafParts(message).filter((p) => p.headers.get('content-disposition')?.startsWith('attachment'));
    expect(attached.map((p) => [fileNameOf(p), p.headers.get('content-type')?.split(';')[0], p.body])).toEqual([
      [pdf.fileName, 'application/pdf', Buffer.from(pdf.bytes)],
    ]);
  });

  it('is written in the document’s language, the office’s working language for a CSQ request to MIFI', async () => {
    const { record, plan } = loadCase('approved-quebec-csq-request-en');
    const [document] = internalDocuments(plan);
    if (!document) throw new Error('no internal document');
    const email = await composeInternalEmail(record, document, pdfFor(document), emailContext(FIXTURE_EMAIL_CONFIG));
    expect(record.correspondence.language).toBe('en');
    expect(email.language).toBe('fr');
    expect(email.subject).toBe('Demande de certificat de sélection du Québec (CSQ) – réf. HC-2026-000120 – Bureau de traitement intérieur de Montréal');
  });

  it('goes to the addresses of the configuration it is given: a removals notice to the office that holds the order', async () => {
    const config: EmailConfig = {
      from: { name: { en: 'Test office', fr: 'Bureau d’essai' }, address: 'sender@example.gc.ca' },
      internalRecipients: FIXTURE_EMAIL_CONFIG.internalRecipients,
      // Case and spacing do not count when the office is looked up.
      cbsaRemovalsOffices: { 'asfc,  BUREAU d’exécution de la loi du grand montréal': 'removals.quebec@example.gc.ca' },
    };
    const { record, plan } = loadCase('refused-exclusion-order-fr');
    const [document] = internalDocuments(plan);
    if (!document) throw new Error('no internal document');
    const email = await composeInternalEmail(record, document, pdfFor(document), emailContext(config));
    expect(email.to).toBe('removals.quebec@example.gc.ca');
    expect(readEml(email.eml).headers.get('from')?.replace(/^"(.*)" </, '$1 <')).toBe('Bureau d’essai <sender@example.gc.ca>');
  });

  it('refuses, naming the office, to send a removals notice to an office the configuration does not know', async () => {
    const { record, plan } = loadCase('refused-exclusion-order-fr');
    const [document] = internalDocuments(plan);
    if (!document) throw new Error('no internal document');
    const config: EmailConfig = { ...FIXTURE_EMAIL_CONFIG, cbsaRemovalsOffices: { 'CBSA Pacific Region, Removals': 'pacific@example.gc.ca' } };
    const attempt = composeInternalEmail(record, document, pdfFor(document), emailContext(config));
    await expect(attempt).rejects.toMatchObject({ code: 'CBSA_OFFICE_UNKNOWN', office: 'ASFC, bureau d’exécution de la loi du Grand Montréal' });
    await expect(attempt).rejects.toThrow(/"ASFC, bureau d’exécution de la loi du Grand Montréal"/);
  });

  it('gives each person’s notice its own Message-ID', async () => {
    const { record, plan } = loadCase('refused-deportation-order-en');
    const documents = internalDocuments(plan);
    expect(documents.map((d) => d.kind)).toEqual(['cbsa-removals-notice', 'cbsa-removals-notice']);
    // Even identical PDFs (a caller's mistake) must not make two messages one.
    const [first] = documents;
    if (!first) throw new Error('no internal document');
    const same = pdfFor(first);
    const ids = await Promise.all(documents.map(async (d) => (await composeInternalEmail(record, d, same, emailContext(FIXTURE_EMAIL_CONFIG))).messageId));
    expect(new Set(ids).size).toBe(2);
  });

  it('names no person: the PDF does', async () => {
    const { record, plan } = loadCase('refused-trp-compelling-reasons-fee-receipt-en');
    const [document] = internalDocuments(plan);
    if (!document) throw new Error('no internal document');
    const email = await composeInternalEmail(record, document, pdfFor(document), emailContext(FIXTURE_EMAIL_CONFIG));
    for (const body of [email.html, email.text.replace(/\s+/g, ' '), email.subject]) {
      expect(body).not.toContain(record.principalApplicant.familyName);
      expect(body).not.toContain(record.principalApplicant.dateOfBirth);
      expect(body.replaceAll(pdfFor(document).fileName, '')).not.toContain(record.principalApplicant.uci);
    }
  });

  it('writes the notice a CBSA officer reads', async () => {
    const { record, plan } = loadCase('refused-exclusion-order-fr');
    const [document] = internalDocuments(plan);
    if (!document) throw new Error('no internal document');
    const email = await composeInternalEmail(record, document, pdfFor(document), emailContext(FIXTURE_EMAIL_CONFIG));
    await expect(email.text).toMatchFileSnapshot('./__snapshots__/internal-fr.txt');
    await expect(email.html).toMatchFileSnapshot('./__snapshots__/internal-fr.html');
  });

  it('refuses a document that does not go out by internal email', async () => {
    const { record, plan } = loadCase('refused-voluntary-departure-not-appropriate-en');
    for (const document of plan.documents.filter((d) => d.recipient === 'file' || d.recipient === 'client')) {
      await expect(composeInternalEmail(record, document, pdfFor(document), emailContext(FIXTURE_EMAIL_CONFIG))).rejects.toMatchObject({
        code: 'EMAIL_RECIPIENT_NOT_INTERNAL',
      });
    }
  });
});
