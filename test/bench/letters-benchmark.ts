// Letters per second for our typesetter, pdfmake and (where installed) headless Chromium on the
// same letter. The engines take turns, round after round, so that the ratios hold on a machine
// whose speed drifts while the benchmark runs.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LetterDocument } from '../../src/pdf/letter-document.js';
import { typesetPdf } from '../../src/pdf/typeset-pdf.js';
import { letterToHtml } from './letter-to-html.js';
import { letterToPdfmake } from './letter-to-pdfmake.js';
import { median, roundRatios, summarise } from './round-ratios.js';
import type { RoundSummary } from './round-ratios.js';

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

// Each engine's share of a round, in seconds: long enough to time, short enough to interleave.
const ROUND_SHARE_SECONDS = 1;

interface Engine {
  readonly label: string;
  readonly render: () => Promise<Uint8Array>;
  readonly close: () => Promise<void>;
  /** Letters per round, set from the warm-up. */
  batch: number;
  readonly rates: number[];
  sample: Uint8Array;
}

export interface LettersResult {
  readonly rounds: number;
  readonly ours: RoundSummary;
  readonly oursAlone: number;
  readonly pdfmake: RoundSummary;
  readonly chromium: RoundSummary | undefined;
  readonly chromiumVersion: string | undefined;
  readonly ratioVsPdfmake: RoundSummary;
  readonly ratioVsChromium: RoundSummary | undefined;
  /** Peak resident memory after our typesetter's warm-up and solo run, before the other engines load. */
  readonly peakRssMb: number;
  /** Peak resident memory of this process at the end (pdfmake included; Chromium is its own process). */
  readonly processPeakRssMb: number;
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function timeBatch(render: () => Promise<Uint8Array>, count: number): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < count; index += 1) await render();
  return count / ((performance.now() - start) / 1000);
}

// Warms the engine up, then sizes its batch from a timed run of about half a round's share.
async function engine(label: string, render: () => Promise<Uint8Array>, warmUp: number, close: () => Promise<void> = () => Promise.resolve()): Promise<Engine> {
  let sample: Uint8Array = new Uint8Array();
  const start = performance.now();
  for (let index = 0; index < warmUp; index += 1) sample = await render();
  const warmRate = warmUp / ((performance.now() - start) / 1000);
  const rate = await timeBatch(render, Math.max(1, Math.round((warmRate * ROUND_SHARE_SECONDS) / 2)));
  return { label, render, close, batch: Math.max(1, Math.round(rate * ROUND_SHARE_SECONDS)), rates: [], sample };
}

function fontConfig(fontDir: string, dir: string): string {
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${fontDir}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  return file;
}

// Loaded only once our typesetter's memory has been read, so that its figure is its own.
async function pdfmakeEngine(doc: LetterDocument, fontDir: string): Promise<Engine> {
  const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof import('pdfmake');
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
  return await engine('pdfmake (untagged)', async () => new Uint8Array(await pdfmake.createPdf(letterToPdfmake(doc)).getBuffer()), 3);
}

async function chromiumEngine(doc: LetterDocument, fontDir: string): Promise<{ engine: Engine; version: string }> {
  const { chromium } = await import('playwright-core');
  const scratch = mkdtempSync(join(tmpdir(), 'hcc-bench-chromium-'));
  // A fresh profile each run: nothing cached from an earlier run helps or hinders.
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig(fontDir, scratch) },
  });
  const close = async (): Promise<void> => {
    await context.close();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const page = await context.newPage();
    const version = (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/(\d+)/)?.[1] ?? 'unknown';
    const html = letterToHtml(doc);
    const footerTemplate = `<div style="font: 9pt 'Source Sans 3'; width: 100%; text-align: center;">${doc.pageLabel
      .replace('{page}', '<span class="pageNumber"></span>')
      .replace('{pages}', '<span class="totalPages"></span>')}</div>`;
    const render = async (): Promise<Uint8Array> => {
      await page.setContent(html);
      return page.pdf({ format: 'Letter', tagged: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate });
    };
    return { engine: await engine(`headless Chromium ${version} (playwright-core)`, render, 3, close), version };
  } catch (error) {
    await close();
    throw error;
  }
}

function figure(value: number): string {
  return value.toFixed(1);
}

/**
 * Renders `doc` with each engine in turn for `rounds` rounds (ours, pdfmake, Chromium, ours, …),
 * each engine's batch sized from its warm-up to take about the same time, and summarises the
 * rates and the per-round ratios. Chromium is skipped when /usr/bin/chromium is absent.
 */
export async function benchmarkLetters(doc: LetterDocument, rounds: number, outDir: string | undefined): Promise<LettersResult> {
  const require = createRequire(import.meta.url);
  const fontDir = join(require.resolve('source-sans/TTF/SourceSans3-Regular.ttf'), '..');

  const ours = await engine('typesetPdf (tagged, PDF/A-3B + PDF/UA-1)', () => typesetPdf(doc), 30);
  const oursAlone = median([await timeBatch(ours.render, 100), await timeBatch(ours.render, 100), await timeBatch(ours.render, 100)]);
  const oursRss = peakRssMb();

  const viaPdfmake = await pdfmakeEngine(doc, fontDir);
  let viaChromium: { engine: Engine; version: string } | undefined;
  if (existsSync(CHROMIUM)) viaChromium = await chromiumEngine(doc, fontDir);
  else console.log(`headless Chromium: skipped, ${CHROMIUM} not found`);

  const engines = [ours, viaPdfmake, ...(viaChromium === undefined ? [] : [viaChromium.engine])];
  console.log(`letters: the reference letter, ${String(rounds)} rounds of ${engines.map((e) => `${String(e.batch)} × ${e.label.split(' (')[0] ?? e.label}`).join(', then ')}`);
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const each of engines) each.rates.push(await timeBatch(each.render, each.batch));
    }
  } finally {
    for (const each of engines) await each.close();
  }

  const result: LettersResult = {
    rounds,
    ours: summarise(ours.rates),
    oursAlone,
    pdfmake: summarise(viaPdfmake.rates),
    chromium: viaChromium === undefined ? undefined : summarise(viaChromium.engine.rates),
    chromiumVersion: viaChromium?.version,
    ratioVsPdfmake: roundRatios(ours.rates, viaPdfmake.rates),
    ratioVsChromium: viaChromium === undefined ? undefined : roundRatios(ours.rates, viaChromium.engine.rates),
    peakRssMb: oursRss,
    processPeakRssMb: peakRssMb(),
  };

  const bar = (met: boolean, text: string): string => `bar ${text}: ${met ? 'met' : 'NOT MET'}`;
  const range = (summary: RoundSummary): string => `${figure(summary.min)}–${figure(summary.max)}`;
  console.log(
    `  ${ours.label}: ${figure(result.ours.median)} letters/s (rounds ${range(result.ours)}; alone ${figure(oursAlone)}), peak RSS ${String(oursRss)} MB   ${bar(result.ours.median >= 250, '≥ 250 letters/s')}`,
  );
  console.log(
    `  ${viaPdfmake.label}: ${figure(result.pdfmake.median)} letters/s; ours ${figure(result.ratioVsPdfmake.median)}x pdfmake (${range(result.ratioVsPdfmake)} over ${String(rounds)} rounds)   ${bar(result.ratioVsPdfmake.median >= 25, '≥ 25x')}`,
  );
  if (viaChromium !== undefined && result.chromium !== undefined && result.ratioVsChromium !== undefined) {
    console.log(
      `  ${viaChromium.engine.label}: ${figure(result.chromium.median)} letters/s; ours ${figure(result.ratioVsChromium.median)}x Chromium (${range(result.ratioVsChromium)} over ${String(rounds)} rounds)   ${bar(result.ratioVsChromium.median >= 12, '≥ 12x')}`,
    );
  }
  console.log(`  peak RSS of the letters process with pdfmake loaded: ${String(result.processPeakRssMb)} MB`);

  if (outDir !== undefined) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'typeset-pdf.pdf'), ours.sample);
    writeFileSync(join(outDir, 'pdfmake.pdf'), viaPdfmake.sample);
    if (viaChromium !== undefined) writeFileSync(join(outDir, 'chromium.pdf'), viaChromium.engine.sample);
  }
  return result;
}
