import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';
import { embedAttachments } from './attachments.js';
import { addConstantDeflatedStream, addDeflatedStream } from './deflate-stream.js';
import { FACE_KEYS, loadFontFaces } from './font-faces.js';
import type { FaceKey, FontFaces } from './font-faces.js';
import { FontSubset } from './font-subset.js';
import { layoutLetter } from './layout-letter.js';
import type { LetterDocument, TypesetOptions } from './letter-document.js';
import { writePageContent } from './page-content.js';
import { PAGE_HEIGHT, PAGE_WIDTH } from './page-style.js';
import { parsePdfDate } from './pdf-dates.js';
import { pdfDict, pdfName, pdfNumber } from './pdf-values.js';
import { PDF_CREATOR, PDF_PRODUCER } from './producer.js';
import { SRGB_PROFILE_NAME, srgbProfile } from './srgb-profile.js';
import { MarkedContentLedger, writeStructureTree } from './structure-tree.js';
import { buildXmpMetadata } from './xmp-metadata.js';

const RESOURCE_NAMES: Readonly<Record<FaceKey, string>> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' };
const utf8 = new TextEncoder();

function outputIntent(context: PDFContext): PDFRef {
  const profile = addConstantDeflatedStream(context, srgbProfile(), { N: 3 });
  return context.register(
    context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: PDFString.of(SRGB_PROFILE_NAME),
      Info: PDFString.of(SRGB_PROFILE_NAME),
      RegistryName: PDFString.of('http://www.color.org'),
      DestOutputProfile: profile,
    }),
  );
}

async function render(doc: LetterDocument, options: TypesetOptions, faces: FontFaces): Promise<Uint8Array> {
  const created = parsePdfDate(doc.dates.created, 'dates.created');
  const modified = doc.dates.modified === undefined ? created : parsePdfDate(doc.dates.modified, 'dates.modified');
  const layout = layoutLetter(doc, faces);

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const context = pdf.context;
  // The document id is a hash of everything that makes the file, so equal input gives equal bytes.
  const fingerprint = createHash('sha256');

  const subsets = Object.fromEntries(FACE_KEYS.map((key) => [key, new FontSubset(faces[key])])) as Record<FaceKey, FontSubset>;
  const ledger = new MarkedContentLedger();
  const pages = layout.pages.map((page, pageIndex) => {
    const content = writePageContent(page, pageIndex, ledger, { subsets, resourceNames: RESOURCE_NAMES });
    fingerprint.update(content);
    return { content, ref: context.nextRef() };
  });

  const fontResources = context.obj({});
  for (const key of FACE_KEYS) {
    const subset = subsets[key];
    if (!subset.isUsed) continue;
    const embedded = subset.embed(context);
    fingerprint.update(embedded.identity);
    fontResources.set(PDFName.of(RESOURCE_NAMES[key]), embedded.ref);
  }
  const resources = context.register(context.obj({ Font: fontResources }));
  // Page dictionaries written directly: pdf-lib's page API would build and then replace most of them.
  const pageTree = pdf.catalog.Pages();
  const pageTreeRef = pdf.catalog.get(pdfName('Pages'));
  const mediaBox = context.obj([0, 0, PAGE_WIDTH, PAGE_HEIGHT]);
  const pageRefs = pages.map(({ content, ref }, pageIndex) => {
    const page = pdfDict(context, {
      Type: pdfName('Page'),
      Parent: pageTreeRef,
      Resources: resources,
      MediaBox: mediaBox,
      Contents: addDeflatedStream(context, content),
      StructParents: pdfNumber(pageIndex),
      Tabs: pdfName('S'),
    });
    context.assign(ref, page);
    pageTree.pushLeafNode(ref);
    return ref;
  });

  const structTreeRoot = writeStructureTree(context, layout.root, ledger, pageRefs);

  const keywords = doc.keywords === undefined || doc.keywords.length === 0 ? undefined : doc.keywords.join(', ');
  const xmp = buildXmpMetadata({
    title: doc.title,
    author: doc.author,
    subject: doc.subject,
    keywords,
    lang: doc.lang,
    creator: PDF_CREATOR,
    producer: PDF_PRODUCER,
    created: created.xmp,
    modified: modified.xmp,
  });
  fingerprint.update(xmp);
  const metadata = context.register(context.stream(utf8.encode(xmp), { Type: 'Metadata', Subtype: 'XML' }));

  const info = context.obj({
    Title: PDFHexString.fromText(doc.title),
    Author: PDFHexString.fromText(doc.author),
    Creator: PDFHexString.fromText(PDF_CREATOR),
    Producer: PDFHexString.fromText(PDF_PRODUCER),
    CreationDate: PDFString.of(created.pdf),
    ModDate: PDFString.of(modified.pdf),
  });
  if (doc.subject !== undefined) info.set(PDFName.of('Subject'), PDFHexString.fromText(doc.subject));
  if (keywords !== undefined) info.set(PDFName.of('Keywords'), PDFHexString.fromText(keywords));
  context.trailerInfo.Info = context.register(info);

  const catalog = pdf.catalog;
  catalog.set(PDFName.of('Metadata'), metadata);
  catalog.set(PDFName.of('Lang'), PDFString.of(doc.lang));
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  catalog.set(PDFName.of('StructTreeRoot'), structTreeRoot);
  catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
  catalog.set(PDFName.of('OutputIntents'), context.obj([outputIntent(context)]));

  const attachments = options.attachments ?? [];
  if (attachments.length > 0) {
    const files = embedAttachments(context, attachments);
    for (const attachment of attachments) fingerprint.update(attachment.bytes);
    catalog.set(PDFName.of('AF'), context.obj([...files.associated]));
    catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: files.nameTree }));
  }

  const id = fingerprint.digest('hex').slice(0, 32).toUpperCase();
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);

  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * Typesets a letter as a tagged PDF/A-3B and PDF/UA-1 file. The same document and options give
 * the same bytes in any process on any day. Rejects with `GlyphMissingError`,
 * `InvalidPdfDateError`, `AddressPlacementError` or `LayoutError` (codes `PDF_*`).
 */
export async function typesetPdf(doc: LetterDocument, options: TypesetOptions = {}): Promise<Uint8Array> {
  const faces = await loadFontFaces();
  return render(doc, options, faces);
}
