import type { Block, LetterDocument, TextRun } from '../../src/pdf/letter-document.js';

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function inline(runs: readonly TextRun[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.bold === true) html = `<b>${html}</b>`;
      if (run.italic === true) html = `<i>${html}</i>`;
      return run.lang === undefined ? html : `<span lang="${run.lang}">${html}</span>`;
    })
    .join('');
}

function block(item: Block): string {
  const lang = item.lang === undefined ? '' : ` lang="${item.lang}"`;
  switch (item.kind) {
    case 'heading':
      return `<h${String(item.level)}${lang}>${inline(item.runs)}</h${String(item.level)}>`;
    case 'paragraph':
      return `<p${lang}>${inline(item.runs)}</p>`;
    case 'list': {
      const tag = item.ordered ? 'ol' : 'ul';
      return `<${tag}${lang}>${item.items.map((entry) => `<li>${inline(entry.runs)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const head = item.header === undefined ? '' : `<thead><tr>${item.header.map((cell) => `<th scope="col">${inline(cell)}</th>`).join('')}</tr></thead>`;
      const rows = item.rows
        .map((row) => `<tr>${row.map((cell, index) => (index === 0 && item.rowHeaders === true ? `<th scope="row">${inline(cell)}</th>` : `<td>${inline(cell)}</td>`)).join('')}</tr>`)
        .join('');
      return `<table${lang}>${head}<tbody>${rows}</tbody></table>`;
    }
    case 'address':
      return `<address${lang}>${item.lines.map(escapeHtml).join('<br>')}</address>`;
    case 'signature':
      return `<div class="signature"${lang}>${item.closing === undefined ? '' : `<p>${inline(item.closing)}</p>`}<p class="name"><b>${escapeHtml(item.signatory)}</b><br>${item.lines.map(escapeHtml).join('<br>')}</p></div>`;
    case 'spacer':
      return `<div style="height:${String(item.lines * 13.5)}pt"></div>`;
    case 'pageBreak':
      return '<div style="break-after:page"></div>';
    case 'section':
      return `<section${lang}>${item.blocks.map(block).join('')}</section>`;
  }
}

/** The same letter as print HTML for headless Chromium, for the side-by-side benchmark. */
export function letterToHtml(doc: LetterDocument): string {
  return `<!doctype html><html lang="${doc.lang}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>
@page { size: letter; margin: 1.4in 0.875in 1in 0.875in; }
body { font-family: 'Source Sans 3'; font-size: 10.5pt; line-height: 13.5pt; }
h1 { font-size: 13.5pt; margin: 12pt 0 0; } h2 { font-size: 12pt; margin: 10pt 0 0; }
p, ul, ol, table, address { margin: 7pt 0 0; } address { font-style: normal; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; } th, td { text-align: left; border-bottom: 0.5pt solid #888; padding: 3.5pt; }
h1, h2 { break-after: avoid; } p { orphans: 2; widows: 2; } .signature { break-inside: avoid; margin-top: 14pt; } .signature .name { margin-top: 30pt; }
</style></head><body><header>${doc.letterhead.lines.map((line) => `<div lang="${line.lang}"><b>${escapeHtml(line.text)}</b></div>`).join('')}</header>${doc.blocks.map(block).join('')}</body></html>`;
}
