import { emailContext } from '../support/render-kit.js';
import { describe, expect, it } from 'vitest';
import { composeInternalEmail } from '../../src/email/compose-internal-email.js';
import { FIXTURE_EMAIL_CONFIG } from '../support/email-config.js';
import { clientEmailOf, internalDocuments, loadCase, pdfFor } from './email-test-kit.js';
import { readEml } from './read-eml.js';

const NAME = `O'Brien & <Fils> {{ 7*7 }}`;
const ESCAPED = 'O&#39;Brien &amp; &lt;Fils&gt; {{ 7*7 }}';

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('record text is data: escaped once in HTML, as written in text and headers', () => {
  it('prints a client name as written', async () => {
    const email = await clientEmailOf('refused-valid-status-en', (json) => {
      json.principalApplicant.familyName = NAME;
      json.principalApplicant.salutation = 'ms';
    });
    expect(email.html).toContain(`Dear Ms. ${ESCAPED}:`);
    expect(email.html).not.toContain('&amp;amp;');
    expect(email.text).toContain(`Dear Ms. ${NAME}:`);
    expect(readEml(email.eml).headers.get('to')).toContain(NAME);
  });

  it('prints a representative’s and a client’s name as written', async () => {
    const email = await clientEmailOf('refused-representative-email-fr', (json) => {
      json.correspondence.representative.name = `Me ${NAME}`;
      json.principalApplicant.givenNames = '{% raw %}';
      json.principalApplicant.familyName = NAME;
    });
    expect(count(email.html, ESCAPED)).toBe(1);
    expect(email.html).toContain(`représentez {% raw %} ${ESCAPED} dans`);
    expect(email.text.replace(/\s+/g, ' ')).toContain(`représentez {% raw %} ${NAME} dans`);
    expect(readEml(email.eml).headers.get('to')).toBe(`"Me ${NAME}" <${email.to}>`);
  });

  it('prints an office name as written in the subject, the HTML and the text', async () => {
    const { record, plan } = loadCase('refused-voluntary-departure-not-appropriate-en', (json) => {
      json.office.name.en = NAME;
    });
    const [document] = internalDocuments(plan);
    if (!document) throw new Error('no internal document');
    const email = await composeInternalEmail(record, document, pdfFor(document), emailContext(FIXTURE_EMAIL_CONFIG));
    expect(email.subject).toContain(`– ${NAME}`);
    expect(readEml(email.eml).headers.get('subject')).toBe(email.subject);
    expect(email.html).toContain(`<title>Notice to the CBSA: person believed to be in Canada without status – ref. ${record.decisionId} – ${ESCAPED}</title>`);
    expect(email.html).toContain(`contact the ${ESCAPED}.`);
    expect(email.html).not.toMatch(/&amp;(?:amp|lt|gt|#39);/);
    expect(email.text.replace(/\s+/g, ' ')).toContain(`contact the ${NAME}.`);
  });
});
