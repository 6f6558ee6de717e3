import { simpleParser } from 'mailparser';

/** What the decision page shows of a stored `.eml`: its headers as written, its HTML and its plain text. */
export interface EmailParts {
  /** Each header line as stored (folded lines joined), in order. */
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly subject: string;
  readonly html?: string;
  readonly text?: string;
}

/** Splits the stored message bytes into the parts an officer reviews; decodes transfer encodings, changes nothing else. */
export async function readEmailParts(bytes: Uint8Array): Promise<EmailParts> {
  const parsed = await simpleParser(Buffer.from(bytes), { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  // The top headers exactly as stored (not as the parser normalised them), up to the first empty line.
  const raw = Buffer.from(bytes).toString('utf8');
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = head
    .split(/\r?\n/)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const at = line.indexOf(':');
      return { name: line.slice(0, at), value: line.slice(at + 1).trim() };
    });
  return {
    headers,
    subject: parsed.subject ?? '',
    ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    ...(parsed.text === undefined ? {} : { text: parsed.text }),
  };
}
