// A small MIME reader for the tests: enough of RFC 5322, 2045-2047 and 2231 to check what nodemailer built.

export interface MimePart {
  readonly headers: ReadonlyMap<string, string>;
  /** The decoded body of a leaf part. */
  readonly body: Buffer;
  readonly parts: readonly MimePart[];
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1');
}

/** Parses one message or part: headers unfolded and decoded, body decoded, multiparts split. */
export function readMime(raw: string): MimePart {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeEncodedWords(line.slice(colon + 1).trim()));
  }
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (boundary !== undefined) {
    const sections = body.split(`--${boundary}`);
    const parts = sections.slice(1, -1).map((s) => readMime(s.replace(/^\r\n/, '').replace(/\r\n$/, '')));
    return { headers, body: Buffer.alloc(0), parts };
  }
  const encoding = headers.get('content-transfer-encoding') ?? '7bit';
  const decoded =
    encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : Buffer.from(body, 'utf8');
  return { headers, body: decoded, parts: [] };
}

/** Every leaf part, depth first. */
export function leafParts(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leafParts);
}

/** The file name of an attachment part, RFC 2231 encoded or not. */
export function fileNameOf(part: MimePart): string | undefined {
  const disposition = part.headers.get('content-disposition') ?? '';
  const extended = /filename\*(?:0)?\*?=(?:utf-8'')?([^;]+)/i.exec(disposition)?.[1];
  if (extended !== undefined) return decodeURIComponent(extended.replace(/"/g, ''));
  return /filename="?([^";]+)"?/.exec(disposition)?.[1];
}

export function readEml(eml: Uint8Array): MimePart {
  return readMime(Buffer.from(eml).toString('latin1'));
}
