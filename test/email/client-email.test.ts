import { emailContext } from '../support/render-kit.js';
import { describe, expect, it } from 'vitest';
import { clientEmailRoutes } from '../../src/email/client-email-routes.js';
import { composeClientEmail } from '../../src/email/compose-client-email.js';
import { DEFAULT_EMAIL_CONFIG } from '../../src/email/email-config.js';
import { clientDocuments, clientEmailOf, clientEmailsOf, loadCase, pdfFor } from './email-test-kit.js';

/** The first client email route of a fixture's plan; throws when there is none. */
function firstRoute(name: string, edit?: (json: Record<string, any>) => void) {
  const { record, plan } = loadCase(name, edit);
  const [route] = clientEmailRoutes(record, plan);
  if (!route) throw new Error(`${name}: no client email route`);
  return { record, plan, route };
}
import { fileNameOf, leafParts, readEml } from './read-eml.js';

describe('client email', () => {
  it('goes to the client in the client’s language, with the client-facing PDFs attached', async () => {
    const { record, route } = firstRoute('refused-voluntary-departure-fr');
    const pdfs = route.documents.map(pdfFor);
    expect(route.documents.map((d) => d.kind)).toEqual(['refusal-letter', 'departure-instructions']);
    const email = await composeClientEmail(record, route, pdfs, emailContext(DEFAULT_EMAIL_CONFIG));
    expect(email).toMatchObject({ kind: 'client', recipient: 'client', to: record.correspondence.email, language: 'fr', languages: ['fr'] });
    expect(email.attachments).toEqual(pdfs.map((p) => p.fileName));

    const message = readEml(email.eml);
    expect(message.headers.get('to')).toContain(`<${record.correspondence.email ?? ''}>`);
    expect(message.headers.get('subject')).toBe(email.subject);
    expect(message.headers.get('reply-to')).toBe(record.office.email);
    expect(message.headers.get('content-language')).toBe('fr-CA');
    const attached = leafParts(message).filter((p) => p.headers.get('content-disposition')?.startsWith('attachment'));
    expect(attached.map((p) => [fileNameOf(p), p.headers.get('content-type')?.split(';')[0]])).toEqual(
      pdfs.map((p) => [p.fileName, 'application/pdf']),
    );
    expect(attached.map((p) => p.body)).toEqual(pdfs.map((p) => Buffer.from(p.bytes)));
  });

  it('carries a text part and an HTML part that say the same', async () => {
    const email = await clientEmailOf('refused-voluntary-departure-fr');
    const [text, html] = leafParts(readEml(email.eml)).filter((p) => p.headers.get('content-type')?.startsWith('text/'));
    expect(text?.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(html?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(text?.body.toString('utf8').replace(/\r\n/g, '\n')).toBe(email.text);
    // The hidden preheader is inbox preview text: in the HTML, not in the plain text.
    expect(email.html).toContain('Les documents sont joints.');
    expect(email.text).not.toContain('Les documents sont joints.');
    expect(html?.body.toString('utf8').replace(/\r\n/g, '\n')).toBe(email.html.replace(/\r\n/g, '\n'));
  });

  it('goes to the representative when the record has one, and names the client for them', async () => {
    const { record, route } = firstRoute('refused-representative-email-fr');
    const email = await composeClientEmail(record, route, route.documents.map(pdfFor), emailContext(DEFAULT_EMAIL_CONFIG));
    expect(email.to).toBe(record.correspondence.representative?.email);
    expect(email.to).not.toBe(record.correspondence.email);
    expect(email.recipient).toBe('representative');
    const client = `${record.principalApplicant.givenNames} ${record.principalApplicant.familyName}`;
    expect(email.text.replace(/\s+/g, ' ')).toContain(`parce que vous représentez ${client} dans cette demande.`);
    expect(email.text).toMatch(/^Maître,$/m);
    expect(email.subject).toBe(`Décision concernant la demande ${record.applicationNumber} de votre client`);
    // Encoded words or a quoted string, depending on the characters: the decoded name is what counts.
    const to = readEml(email.eml).headers.get('to')?.replace(/^"(.*)" </, '$1 <');
    expect(to).toBe(`${record.correspondence.representative?.name ?? ''} <${record.correspondence.representative?.email ?? ''}>`);
  });

  it('sends the client their own copy of letters addressed to them, when a representative receives the rest', async () => {
    const [toRepresentative, toClient] = await clientEmailsOf('refused-representative-email-fr');
    expect(toRepresentative?.carries).toEqual(['refusal-letter', 'departure-instructions']);
    expect(toClient).toMatchObject({ label: 'applicant', recipient: 'client', carries: ['departure-instructions'] });
    expect(toClient?.text.replace(/\s+/g, ' ')).toContain('Une copie de ces documents a aussi été envoyée à la personne qui vous représente.');
    expect(toClient?.messageId).not.toBe(toRepresentative?.messageId);
  });

  it('is not written when the client’s channels do not include email', () => {
    const { record, plan } = loadCase('refused-representative-postal-only-mail-en');
    expect(record.correspondence.channels).toEqual(['mail']);
    expect(clientEmailRoutes(record, plan)).toEqual([]);
  });

  it('carries the approval letter when the plan has one, and nothing when it has no client letter', () => {
    const approved = loadCase('approved-outside-quebec-en');
    expect(clientEmailRoutes(approved.record, approved.plan).map((r) => r.documents.map((d) => d.kind))).toEqual([['approval-letter']]);
    const noLetter = loadCase('approved-outside-quebec-en', (json) => { json.destinationProvince = 'QC'; json.correspondence.channels = ['mail']; });
    expect(clientEmailRoutes(noLetter.record, noLetter.plan)).toEqual([]);
  });

  it('names the sender in the client’s language first', async () => {
    const fr = await clientEmailOf('refused-voluntary-departure-fr');
    const en = await clientEmailOf('refused-valid-status-en');
    const from = (eml: Uint8Array) => readEml(eml).headers.get('from')?.replace(/^"(.*)" </, '$1 <');
    expect(from(fr.eml)).toBe('Immigration, Réfugiés et Citoyenneté Canada <no-reply@example.gc.ca>');
    expect(from(en.eml)).toBe('Immigration, Refugees and Citizenship Canada <no-reply@example.gc.ca>');
    const bilingual = await clientEmailOf('refused-bilingual-fr-first', (json) => { json.correspondence.channels = ['email']; json.correspondence.email = 'ayse.kilic@example.org'; });
    expect(from(bilingual.eml)).toBe('Immigration, Réfugiés et Citoyenneté Canada / Immigration, Refugees and Citizenship Canada <no-reply@example.gc.ca>');
  });

  it('says the letters are also mailed only when mail is a channel', async () => {
    const both = await clientEmailOf('refused-voluntary-departure-not-appropriate-en');
    const emailOnly = await clientEmailOf('refused-voluntary-departure-not-appropriate-en', (json) => {
      json.correspondence.channels = ['email'];
    });
    expect(both.text).toContain('also being sent by mail');
    expect(emailOnly.text).not.toContain('by mail');
  });

  it('puts both languages in a bilingual email, the client’s first, each part tagged with its language', async () => {
    const email = await clientEmailOf('refused-bilingual-en-first');
    expect(email.languages).toEqual(['en', 'fr']);
    expect(email.html).toMatch(/<html lang="en-CA"/);
    const parts = [...email.html.matchAll(/<div class="hcc-part"[^>]*lang="([a-z]{2}-CA)"/g)].map((m) => m[1]);
    expect(parts).toEqual(['en-CA', 'fr-CA']);
    expect(email.text.indexOf('A decision has been made')).toBeLessThan(email.text.indexOf('Une décision a été rendue'));
    expect(email.text).toContain('La version française suit.');
    expect(email.text).toMatch(/Toronto Domestic Processing Office\n\n-{72}\n\nMonsieur,/);
    expect(email.subject).toBe('Decision on your application E000200110 / Décision concernant votre demande E000200110');
    expect(readEml(email.eml).headers.get('content-language')).toBe('en-CA, fr-CA');
    // Each language version lists the documents by their title in that language.
    expect(email.text).toMatch(/Attached documents:\n\n - Decision on your application\n[\s\S]*Pièces jointes\u00A0:\n\n - Décision concernant votre demande\n/);
  });

  it('puts French first for a bilingual record in French', async () => {
    const email = await clientEmailOf('refused-bilingual-fr-first', (json) => {
      json.correspondence.channels = ['email', 'mail'];
      json.correspondence.email = 'ayse.kilic@example.org';
    });
    expect(email.html).toMatch(/<html lang="fr-CA"/);
    expect(email.text.indexOf('Une décision a été rendue')).toBeLessThan(email.text.indexOf('A decision has been made'));
    expect(email.text).toContain('The English version follows.');
  });

  it('never carries the reasons or the outcome: the PDFs do', async () => {
    const { record } = loadCase('refused-voluntary-departure-fr');
    const email = await clientEmailOf('refused-voluntary-departure-fr');
    const firstWords = (typeof record.reasons === 'string' ? record.reasons : (record.reasons.fr ?? '')).slice(0, 40);
    expect(firstWords.length).toBe(40);
    // The file names are the caller's (these synthetic ones name the kind); the email's own words are checked.
    const ownWords = (body: string) => email.attachments.reduce((b, name) => b.replaceAll(name, ''), body);
    for (const body of [email.html, email.text, email.subject].map(ownWords)) {
      expect(body).not.toContain(firstWords);
      expect(body).not.toMatch(/refus|refused|dispense|exemption/i);
      expect(body).not.toContain(record.principalApplicant.uci);
      expect(body).not.toContain(record.principalApplicant.dateOfBirth);
    }
  });

  it('lists every attachment by its title and file name, and how to reach the office', async () => {
    const { record, route } = firstRoute('refused-family-departure-together-en');
    const pdfs = route.documents.map(pdfFor);
    const email = await composeClientEmail(record, route, pdfs, emailContext(DEFAULT_EMAIL_CONFIG));
    for (const pdf of pdfs) {
      expect(email.text).toContain(pdf.titles?.en);
      expect(email.text).toContain(pdf.fileName);
    }
    expect(email.text).toContain(`Email: ${record.office.email}`);
    expect(email.text).toContain(`Telephone: ${record.office.phone}`);
    expect(email.html).toContain(`href="mailto:${record.office.email}"`);
    expect(email.html).toContain(`href="tel:${record.office.phone.replace(/[^+0-9]/g, '')}"`);
  });

  it('refuses attachments that do not match the route’s documents', async () => {
    const { record, plan, route } = firstRoute('refused-voluntary-departure-fr');
    const pdfs = clientDocuments(record, plan).map(pdfFor);
    await expect(composeClientEmail(record, route, pdfs.slice(1), emailContext(DEFAULT_EMAIL_CONFIG))).rejects.toMatchObject({ code: 'EMAIL_ATTACHMENTS_MISMATCH' });
    const same = pdfs.map((p) => ({ ...p, fileName: 'letter.pdf' }));
    await expect(composeClientEmail(record, route, same, emailContext(DEFAULT_EMAIL_CONFIG))).rejects.toMatchObject({ code: 'EMAIL_ATTACHMENT_NAME_DUPLICATE' });
  });

  it('makes no route to a representative without an email address', () => {
    const { record, plan } = loadCase('refused-representative-email-fr');
    // Validation forbids this record; the routing still refuses to guess an address.
    const unreachable = { ...record, correspondence: { ...record.correspondence, email: null, representative: { name: 'Me Exemple', email: null } } };
    expect(clientEmailRoutes(unreachable, plan)).toEqual([]);
  });

  it('has lang on the HTML and no remote fonts, images or stylesheets', async () => {
    for (const name of ['refused-voluntary-departure-fr', 'refused-valid-status-en']) {
      const email = await clientEmailOf(name);
      expect(email.html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${email.language}-CA" dir="ltr"`));
      expect(email.html).not.toMatch(/<link\b|@import|@font-face|<img\b|url\(|fonts\.googleapis/i);
      // The only absolute URLs are the XML namespaces MJML declares for Outlook.
      const urls = [...email.html.matchAll(/(?:https?:)?\/\/[^\s"')<]+/g)].map((m) => m[0]);
      expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/1999/xhtml']));
    }
  });

  it('writes the English and French emails a client reads', async () => {
    const en = await clientEmailOf('refused-voluntary-departure-not-appropriate-en');
    const fr = await clientEmailOf('refused-voluntary-departure-fr');
    await expect(en.html).toMatchFileSnapshot('./__snapshots__/client-en.html');
    await expect(en.text).toMatchFileSnapshot('./__snapshots__/client-en.txt');
    await expect(fr.html).toMatchFileSnapshot('./__snapshots__/client-fr.html');
    await expect(fr.text).toMatchFileSnapshot('./__snapshots__/client-fr.txt');
  });
});
