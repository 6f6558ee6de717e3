import { describe, expect, it } from 'vitest';
import { readEmailParts } from '../../src/server/email-parts.js';
import { emailBytes, ENCODED_FROM_NAME, ENCODED_TO_NAME } from './server-test-kit.js';

describe('readEmailParts', () => {
  it('decodes RFC 2047 encoded words in From, To and Subject (regression: headers were shown raw as =?UTF-8?Q?…?=)', async () => {
    const parts = await readEmailParts(emailBytes('HC-E-1'));
    const header = (name: string) => parts.headers.find((h) => h.name === name)?.value;
    expect(header('From')).toBe(`${ENCODED_FROM_NAME} <no-reply@example.gc.ca>`);
    expect(header('To')).toBe(`${ENCODED_TO_NAME} <client@example.org>`);
    expect(header('Subject')).toBe('Décision & suite HC-E-1');
    expect(parts.subject).toBe('Décision & suite HC-E-1');
    expect(parts.headers.map((h) => h.value).join('\n')).not.toContain('=?');
  });

  it('keeps the headers in stored order and structured values as stored', async () => {
    const parts = await readEmailParts(emailBytes('HC-E-1'));
    expect(parts.headers.map((h) => h.name)).toEqual(['From', 'To', 'Subject', 'Message-ID', 'MIME-Version', 'Content-Type']);
    expect(parts.headers.find((h) => h.name === 'Content-Type')?.value).toBe('multipart/alternative; boundary="hcc-b1"');
  });
});
