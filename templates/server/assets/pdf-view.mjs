// Shows each stored PDF in the page with pdf.js: the bytes fetched are the stored ones (the
// download link's), drawn page by page into canvases. Without scripts the link remains.
//
// A bilingual letter is one PDF holding each language version after the other, each version a
// tagged `Sect`; the second one carries its `/Lang`. Its pages go into one column per language,
// placed by the structure tree of each page (the version its content belongs to).
import * as pdfjs from '/assets/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdfjs/pdf.worker.min.mjs';

/** The language (`fr-CA`…) of the first `Sect` carrying one in a page's structure tree; null when none does. */
function sectionLanguage(node) {
  if (node === null || typeof node !== 'object') return null;
  if (node.role === 'Sect' && typeof node.lang === 'string') return node.lang;
  for (const child of node.children ?? []) {
    const found = sectionLanguage(child);
    if (found !== null) return found;
  }
  return null;
}

/** One column per language of the view (`data-languages`, `data-language-tags`, `data-language-labels`), or a single one. */
function columnsOf(view) {
  const codes = (view.dataset.languages ?? '').split(' ').filter(Boolean);
  if (codes.length < 2) return null;
  const tags = (view.dataset.languageTags ?? '').split(' ');
  const labels = (view.dataset.languageLabels ?? '').split('|');
  const row = document.createElement('div');
  row.className = 'pdf-columns';
  view.appendChild(row);
  return codes.map((code, i) => {
    const column = document.createElement('div');
    column.className = 'pdf-column';
    column.dataset.language = code;
    if (tags[i]) column.lang = tags[i];
    const heading = document.createElement('p');
    heading.className = 'pdf-column-heading';
    heading.lang = document.documentElement.lang;
    heading.textContent = labels[i] ?? code;
    column.appendChild(heading);
    row.appendChild(column);
    return { code, tag: tags[i] ?? code, column };
  });
}

async function show(view) {
  const response = await fetch(view.dataset.src, { credentials: 'same-origin' });
  if (!response.ok) return;
  const data = new Uint8Array(await response.arrayBuffer());
  const pdf = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: false }).promise;
  const columns = columnsOf(view);
  // Which column each page goes to: by the structure tree; failing that, halves of equal length.
  const placeBy = [];
  let split = 'none';
  if (columns !== null) {
    split = 'structure';
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const tree = await (await pdf.getPage(n)).getStructTree();
      if (tree === null) {
        split = 'half';
        break;
      }
      const lang = sectionLanguage(tree);
      const index = lang === null ? 0 : columns.findIndex((c) => c.tag.toLowerCase() === lang.toLowerCase() || c.code === lang.slice(0, 2).toLowerCase());
      placeBy.push(index < 0 ? 0 : index);
    }
    if (split === 'half') {
      placeBy.length = 0;
      const half = pdf.numPages / columns.length;
      for (let n = 1; n <= pdf.numPages; n += 1) placeBy.push(Number.isInteger(half) ? Math.min(columns.length - 1, Math.floor((n - 1) / half)) : 0);
    }
  }
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1.25 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${view.getAttribute('aria-label') ?? 'PDF'} ${n}/${pdf.numPages}`);
    (columns === null ? view : columns[placeBy[n - 1] ?? 0].column).appendChild(canvas);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
  }
  view.dataset.split = split;
  view.dataset.pages = String(pdf.numPages);
  view.querySelector('.pdf-fallback')?.remove();
}

for (const view of document.querySelectorAll('.pdf-view[data-src]')) {
  show(view).catch(() => {
    view.dataset.failed = 'true';
  });
}
