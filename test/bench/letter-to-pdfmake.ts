import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, LetterDocument, TextRun } from '../../src/pdf/letter-document.js';

function inline(runs: readonly TextRun[]): Content[] {
  return runs.map((run) => ({ text: run.text, bold: run.bold === true, italics: run.italic === true }));
}

function block(item: Block): Content[] {
  switch (item.kind) {
    case 'heading':
      return [{ text: inline(item.runs), bold: true, fontSize: item.level === 1 ? 13.5 : 12, margin: [0, 10, 0, 2] }];
    case 'paragraph':
      return [{ text: inline(item.runs), margin: [0, 7, 0, 0] }];
    case 'list': {
      const items = item.items.map((entry) => ({ text: inline(entry.runs) }));
      return [item.ordered ? { ol: items, margin: [0, 7, 0, 0] } : { ul: items, margin: [0, 7, 0, 0] }];
    }
    case 'table': {
      const rows = [...(item.header === undefined ? [] : [item.header]), ...item.rows];
      const columns = Math.max(...rows.map((row) => row.length));
      return [
        {
          table: { widths: Array.from({ length: columns }, () => '*'), body: rows.map((row) => row.map((cell) => ({ text: inline(cell) }))) },
          layout: 'lightHorizontalLines',
          fontSize: 10,
          margin: [0, 7, 0, 0],
        },
      ];
    }
    case 'address':
      return [{ stack: item.lines.map((line) => ({ text: line })), margin: [0, 7, 0, 0] }];
    case 'signature':
      return [
        {
          stack: [
            ...(item.closing === undefined ? [] : [{ text: inline(item.closing), margin: [0, 0, 0, 30] } as Content]),
            { text: item.signatory, bold: true },
            ...item.lines.map((line) => ({ text: line })),
          ],
          unbreakable: true,
          margin: [0, 14, 0, 0],
        },
      ];
    case 'spacer':
      return [{ text: '', margin: [0, item.lines * 13.5, 0, 0] }];
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
    case 'section':
      return item.blocks.flatMap(block);
  }
}

/** The same letter as a pdfmake document definition, for the side-by-side benchmark. */
export function letterToPdfmake(doc: LetterDocument): TDocumentDefinitions {
  const references = doc.references.map((reference) => `${reference.label} ${reference.value}`).join('    ');
  return {
    pageSize: 'LETTER',
    pageMargins: [63, 100, 63, 72],
    info: { title: doc.title, author: doc.author },
    defaultStyle: { font: 'SourceSans3', fontSize: 10.5, lineHeight: 1.15 },
    header: (page) =>
      page === 1
        ? { stack: doc.letterhead.lines.map((line) => ({ text: line.text, bold: true, fontSize: 9 })), margin: [97, 36, 63, 0] }
        : { text: references, fontSize: 9, margin: [63, 36, 63, 0] },
    footer: (page, pages) => ({
      text: doc.pageLabel.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages)),
      alignment: 'center',
      fontSize: 9,
    }),
    content: doc.blocks.flatMap(block),
  };
}
