import { simpleParser, type AddressObject, type EmailAddress } from 'mailparser';

/** One top-level header of a stored message, its encoded words decoded for reading. */
export interface EmailHeader {
  readonly name: string;
  /** The value as a person reads it: RFC 2047 words decoded, addresses as `Name <address>`; plain text (the page escapes it). */
  readonly value: string;
}

/** What the decision page shows of a stored `.eml`: its headers decoded, its HTML and its plain text. */
export interface EmailParts {
  /** Each top-level header in stored order, decoded. */
  readonly headers: readonly EmailHeader[];
  readonly subject: string;
  readonly html?: string;
  readonly text?: string;
}

const ADDRESS_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'reply-to', 'sender']);

function addressText(address: EmailAddress): string {
  if (address.group !== undefined) return `${address.name}: ${address.group.map(addressText).join(', ')};`;
  if (address.name === '') return address.address ?? '';
  return address.address === undefined || address.address === '' ? address.name : `${address.name} <${address.address}>`;
}

function isAddressObject(value: unknown): value is AddressObject {
  return typeof value === 'object' && value !== null && Array.isArray((value as AddressObject).value);
}

/** Splits the stored message bytes into the parts an officer reviews; decodes transfer encodings and encoded words, changes nothing else. */
export async function readEmailParts(bytes: Uint8Array): Promise<EmailParts> {
  const parsed = await simpleParser(Buffer.from(bytes), { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  // The top headers in stored order, up to the first empty line; folded lines joined.
  const raw = Buffer.from(bytes).toString('utf8');
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = head
    .split(/\r?\n/)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const at = line.indexOf(':');
      const name = line.slice(0, at);
      const stored = line.slice(at + 1).trim();
      const key = name.toLowerCase();
      const decoded = parsed.headers.get(key);
      // Addresses and plain strings come decoded from the parser; structured values (Content-Type…) stay as stored.
      if (ADDRESS_HEADERS.has(key) && isAddressObject(decoded)) return { name, value: decoded.value.map(addressText).join(', ') };
      if (key === 'subject') return { name, value: parsed.subject ?? stored };
      return { name, value: typeof decoded === 'string' ? decoded : stored };
    });
  return {
    headers,
    subject: parsed.subject ?? '',
    ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    ...(parsed.text === undefined ? {} : { text: parsed.text }),
  };
}
