// `npm run bench`: letters per second for this typesetter, pdfmake and (where installed) headless
// Chromium, rendering the reference two-page letter side by side in one run.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { LetterDocument } from '../pdf/letter-document.js';
import { typesetPdf } from '../pdf/typeset-pdf.js';
import { letterToHtml } from './letter-to-html.js';
import { letterToPdfmake } from './letter-to-pdfmake.js';
import { benchmarkDecisions } from './decisions-benchmark.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Engine {
  readonly name: string;
  readonly render: () => Promise<Uint8Array>;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function measure(engine: Engine, warmUp: number, batches: number, batchSize: number): Promise<{ rate: number; sample: Uint8Array }> {
  let sample: Uint8Array = new Uint8Array();
  for (let index = 0; index < warmUp; index += 1) sample = await engine.render();
  const rates: number[] = [];
  for (let batch = 0; batch < batches; batch += 1) {
    const start = performance.now();
    for (let index = 0; index < batchSize; index += 1) await engine.render();
    rates.push(batchSize / ((performance.now() - start) / 1000));
  }
  return { rate: median(rates), sample };
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function fontConfig(fontDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-fonts-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${fontDir}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  return file;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const fixture = fileURLToPath(new URL('../../../fixtures/documents/reference-letter-fr.json', import.meta.url));
  const doc = JSON.parse(readFileSync(fixture, 'utf8')) as LetterDocument;
  const require = createRequire(import.meta.url);
  const fontDir = join(require.resolve('source-sans/TTF/SourceSans3-Regular.ttf'), '..');

  const ours = await measure({ name: 'typesetPdf', render: () => typesetPdf(doc) }, 30, 7, 60);
  const oursRss = peakRssMb();
  console.log(`typesetPdf (tagged PDF/A-3B + PDF/UA-1): ${ours.rate.toFixed(1)} letters/s, peak RSS ${String(oursRss)} MB`);

  pdfmake.setFonts({
    SourceSans3: {
      normal: join(fontDir, 'SourceSans3-Regular.ttf'),
      bold: join(fontDir, 'SourceSans3-Bold.ttf'),
      italics: join(fontDir, 'SourceSans3-It.ttf'),
      bolditalics: join(fontDir, 'SourceSans3-BoldIt.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  // pdfmake changes the definition it is given, so each letter gets a fresh one.
  const viaPdfmake = await measure(
    { name: 'pdfmake', render: async () => new Uint8Array(await pdfmake.createPdf(letterToPdfmake(doc)).getBuffer()) },
    5,
    5,
    10,
  );
  console.log(`pdfmake (untagged): ${viaPdfmake.rate.toFixed(1)} letters/s`);

  let viaChromium: { rate: number; sample: Uint8Array } | undefined;
  if (existsSync(CHROMIUM)) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      env: { ...process.env, FONTCONFIG_FILE: fontConfig(fontDir) },
    });
    try {
      const page = await browser.newPage();
      const html = letterToHtml(doc);
      const footerTemplate = `<div style="font: 9pt 'Source Sans 3'; width: 100%; text-align: center;">${doc.pageLabel
        .replace('{page}', '<span class="pageNumber"></span>')
        .replace('{pages}', '<span class="totalPages"></span>')}</div>`;
      viaChromium = await measure(
        {
          name: 'chromium',
          render: async () => {
            await page.setContent(html);
            return page.pdf({ format: 'Letter', tagged: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate });
          },
        },
        5,
        5,
        10,
      );
      console.log(`headless Chromium (playwright-core): ${viaChromium.rate.toFixed(1)} letters/s`);
    } finally {
      await browser.close();
    }
  } else {
    console.log(`headless Chromium: skipped, ${CHROMIUM} not found`);
  }

  const ratioVsPdfmake = ours.rate / viaPdfmake.rate;
  const ratioVsChromium = viaChromium === undefined ? null : ours.rate / viaChromium.rate;
  console.log(`ratio vs pdfmake: ${ratioVsPdfmake.toFixed(1)}x`);
  if (ratioVsChromium !== null) console.log(`ratio vs Chromium: ${ratioVsChromium.toFixed(1)}x`);

  if (outDir !== undefined) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'typeset-pdf.pdf'), ours.sample);
    writeFileSync(join(outDir, 'pdfmake.pdf'), viaPdfmake.sample);
    if (viaChromium !== undefined) writeFileSync(join(outDir, 'chromium.pdf'), viaChromium.sample);
  }

  const recordsIndex = args.indexOf('--records');
  const batchRecords = recordsIndex >= 0 ? Number(args[recordsIndex + 1]) : 10_000;
  const decisions = await benchmarkDecisions(Number.isInteger(batchRecords) && batchRecords >= 0 ? batchRecords : 10_000);

  const round = (value: number): number => Math.round(value * 10) / 10;
  console.log(
    JSON.stringify({
      lettersPerSecond: round(ours.rate),
      pdfmakeLettersPerSecond: round(viaPdfmake.rate),
      chromiumLettersPerSecond: viaChromium === undefined ? null : round(viaChromium.rate),
      ratioVsPdfmake: round(ratioVsPdfmake),
      ratioVsChromium: ratioVsChromium === null ? null : round(ratioVsChromium),
      peakRssMb: oursRss,
      decisionsPerSecond: round(decisions.decisionsPerSecond),
      shortRunDecisionsPerSecond: round(decisions.shortRunDecisionsPerSecond),
      batchRecords: decisions.batchRecords,
      renderPeakRssMb: decisions.peakRssMb,
    }),
  );
}

await main();
