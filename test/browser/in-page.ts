// Scripts run inside the page, kept as source text: the project is type-checked without the DOM
// library (nothing in src/ may use it), so what runs in the browser is written as JavaScript here.
import type { Page } from 'playwright-core';

/** One document of the decision page: the hash it shows, and the hash of the bytes its link fetched in the page. */
export interface FetchedDocument {
  readonly articleId: string;
  readonly url: string;
  readonly status: number;
  readonly shown: string;
  readonly fetched: string;
  readonly bytes: number;
}

/** Fetches every document's download link from the page's own context (its cookies) and hashes the bytes with SubtleCrypto. */
export function fetchDocumentsInPage(page: Page): Promise<FetchedDocument[]> {
  return page.evaluate<FetchedDocument[]>(`(async () => {
    const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
    const out = [];
    for (const article of document.querySelectorAll('article.document')) {
      const link = article.querySelector('a.download');
      const response = await fetch(link.href, { credentials: 'same-origin' });
      const body = await response.arrayBuffer();
      out.push({
        articleId: article.id,
        url: link.getAttribute('href'),
        status: response.status,
        shown: article.querySelector('.sha256').textContent.trim(),
        fetched: hex(await crypto.subtle.digest('SHA-256', body)),
        bytes: body.byteLength,
      });
    }
    return out;
  })()`);
}

/** For each PDF view: how many canvases it holds and how many of their pixels are not blank (drawn ink). */
export interface PdfViewState {
  readonly src: string;
  readonly pages: string | null;
  readonly failed: string | null;
  readonly canvases: number;
  readonly inkedPixels: number;
}

export function pdfViewsInPage(page: Page): Promise<PdfViewState[]> {
  return page.evaluate<PdfViewState[]>(`(() => Array.from(document.querySelectorAll('.pdf-view'), (view) => {
    let inked = 0;
    const canvases = view.querySelectorAll('canvas');
    for (const canvas of canvases) {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      // A pixel with any channel well below white (and not transparent) is ink.
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) inked += 1;
      }
    }
    return { src: view.dataset.src, pages: view.dataset.pages ?? null, failed: view.dataset.failed ?? null, canvases: canvases.length, inkedPixels: inked };
  }))()`);
}

/** Every element of the page whose tag or attributes came from a record's hostile text (none, when names are escaped). */
export function injectedElementsInPage(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const found = [];
    for (const script of document.querySelectorAll('script')) {
      if (!script.src || script.textContent.includes('alert')) found.push(script.outerHTML.slice(0, 120));
    }
    for (const el of document.querySelectorAll('[onerror], [onload], [onclick], x, img')) found.push(el.outerHTML.slice(0, 120));
    return found;
  })()`);
}

/** Whether the page's whole text contains `text` as written. */
export function pageTextIncludes(page: Page, text: string): Promise<boolean> {
  return page.evaluate<boolean>(`document.body.textContent.includes(${JSON.stringify(text)})`);
}
