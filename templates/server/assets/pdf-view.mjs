// Shows each stored PDF in the page with pdf.js: the bytes fetched are the stored ones (the
// download link's), drawn page by page into canvases. Without scripts the link remains.
import * as pdfjs from '/assets/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdfjs/pdf.worker.min.mjs';

async function show(view) {
  const response = await fetch(view.dataset.src, { credentials: 'same-origin' });
  if (!response.ok) return;
  const data = new Uint8Array(await response.arrayBuffer());
  const pdf = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: false }).promise;
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1.25 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${view.getAttribute('aria-label') ?? 'PDF'} ${n}/${pdf.numPages}`);
    view.appendChild(canvas);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
  }
  view.dataset.pages = String(pdf.numPages);
  view.querySelector('.pdf-fallback')?.remove();
}

for (const view of document.querySelectorAll('.pdf-view[data-src]')) {
  show(view).catch(() => {
    view.dataset.failed = 'true';
  });
}
