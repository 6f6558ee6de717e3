import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';
import { addDeflatedStream } from './deflate-stream.js';
import type { PdfAttachment } from './letter-document.js';
import { parsePdfDate } from './pdf-dates.js';

/** What the catalog needs to list the embedded files. */
export interface EmbeddedFiles {
  /** Filespecs for the catalog's `/AF` (associated files). */
  readonly associated: readonly PDFRef[];
  /** The `/EmbeddedFiles` name tree. */
  readonly nameTree: PDFObject;
}

// /F is a byte string; a name outside printable ASCII is written as UTF-16 like /UF.
function fileNameString(name: string): PDFObject {
  return /^[ -'*-[\]-~]*$/.test(name) ? PDFString.of(name) : PDFHexString.fromText(name);
}

/**
 * Embeds each attachment as a PDF/A-3 associated file: an embedded file stream with its media
 * type, size, checksum and date, and a filespec with `/AFRelationship`.
 */
export function embedAttachments(context: PDFContext, attachments: readonly PdfAttachment[]): EmbeddedFiles {
  const sorted = [...attachments].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  const associated: PDFRef[] = [];
  const names: PDFObject[] = [];
  sorted.forEach((attachment, index) => {
    const modified = parsePdfDate(attachment.modified, `attachments[${String(index)}].modified`);
    const checksum = createHash('md5').update(attachment.bytes).digest('hex').toUpperCase();
    // Compressed with zlib like every other stream, not with pdf-lib's JavaScript deflate.
    const streamRef = addDeflatedStream(context, attachment.bytes, {
      Type: PDFName.of('EmbeddedFile'),
      Subtype: PDFName.of(attachment.mediaType),
      Params: context.obj({ Size: attachment.bytes.length, ModDate: PDFString.of(modified.pdf), CheckSum: PDFHexString.of(checksum) }),
    });
    const fileSpec = context.obj({
      Type: 'Filespec',
      F: fileNameString(attachment.fileName),
      UF: PDFHexString.fromText(attachment.fileName),
      Desc: PDFHexString.fromText(attachment.description),
      AFRelationship: attachment.relationship,
      EF: context.obj({ F: streamRef, UF: streamRef }),
    });
    const fileSpecRef = context.register(fileSpec);
    associated.push(fileSpecRef);
    names.push(PDFHexString.fromText(attachment.fileName), fileSpecRef);
  });
  return { associated, nameTree: context.obj({ Names: names }) };
}
