import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertDecision } from '../../src/decision/parse-decision.js';
import type { RenderedDecision } from '../../src/render/rendered-decision.js';
import { loadFixtures } from '../support/fixtures.js';
import { RENDERER } from '../support/render-kit.js';

const fixtures = loadFixtures('decisions');
const rendered = new Map<string, RenderedDecision>();
const scratch = mkdtempSync(join(tmpdir(), 'hcc-render-'));

beforeAll(async () => {
  for (const f of fixtures) rendered.set(f.name, await RENDERER.render(assertDecision(f.record)));
});

function poppler(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
}

/**
 * The text of each page, marked so that a snapshot diff reads page by page. Runs of spaces are
 * folded and lines trimmed: poppler's column alignment is its own and may change with its version;
 * the words and their order are ours.
 */
function pagesText(pdfPath: string): string {
  const pages = poppler('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']).split('\f').slice(0, -1);
  const fold = (text: string) => text.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter((l) => l !== '').join('\n');
  return pages.map((text, i) => `===== page ${String(i + 1)} of ${String(pages.length)} =====\n${fold(text)}\n`).join('\n');
}

/** The structure tree as poppler prints it, indentation kept (it is our nesting), trailing spaces dropped. */
function structureText(pdfPath: string): string {
  return `${poppler('pdfinfo', ['-struct-text', pdfPath]).split('\n').map((l) => l.trimEnd()).join('\n').trimEnd()}\n`;
}

const snapshot = (decisionId: string, file: string) => `./__snapshots__/${decisionId}/${file}`;

describe.each(fixtures.map((f) => [f.name]))('rendering %s', (name) => {
  const get = () => {
    const r = rendered.get(name);
    if (!r) throw new Error(`not rendered: ${name}`);
    return r;
  };

  it('pins the manifest', async () => {
    const r = get();
    await expect(`${JSON.stringify(r.manifest, null, 2)}\n`).toMatchFileSnapshot(snapshot(r.decisionId, 'manifest.json'));
    expect(r.manifest.files.map((f) => f.path)).toEqual(r.files.map((f) => f.path));
  });

  it('pins each PDF: text per page and structure tree', async () => {
    const r = get();
    for (const file of r.files.filter((f) => f.mediaType === 'application/pdf')) {
      const path = join(scratch, `${r.decisionId}-${file.path}`);
      writeFileSync(path, file.bytes);
      await expect(pagesText(path)).toMatchFileSnapshot(snapshot(r.decisionId, `${file.path}.txt`));
      await expect(structureText(path)).toMatchFileSnapshot(snapshot(r.decisionId, `${file.path}.struct.txt`));
    }
  });

  it('pins each email: the HTML and the plain text', async () => {
    const r = get();
    const previews = r.files.filter((f) => f.kind === 'email-preview');
    // An HTML and a plain-text preview for each email (none for a decision that goes by mail only).
    expect(previews.length).toBe(r.emails.length * 2);
    for (const file of previews) {
      await expect(new TextDecoder().decode(file.bytes)).toMatchFileSnapshot(snapshot(r.decisionId, file.path));
    }
  });
});

describe('renderDecision', () => {
  it('gives byte-identical output for the same record, in this process and in another', async () => {
    const again = new Map<string, string>();
    for (const f of fixtures) {
      const r = await RENDERER.render(assertDecision(f.record));
      for (const file of r.files) again.set(`${r.decisionId}/${file.path}`, file.sha256);
    }
    const first = [...rendered.values()].flatMap((r) => r.files.map((file) => `${r.decisionId}/${file.path} ${file.sha256}`));
    expect([...again].map(([k, v]) => `${k} ${v}`)).toEqual(first);
    const child = fileURLToPath(new URL('./render-all-child.ts', import.meta.url));
    const other = execFileSync(process.execPath, ['--import', 'tsx', child], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
    });
    expect(other.trimEnd().split('\n')).toEqual(first);
  });

  it('lists every file with its SHA-256; the file update lists the hash of every other document and email, and each Message-ID', async () => {
    const { createHash } = await import('node:crypto');
    for (const r of rendered.values()) {
      for (const file of r.files) expect(file.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
      const pdfs = r.files.filter((f) => f.mediaType === 'application/pdf');
      const update = pdfs.at(-1);
      expect(update?.kind).toBe('file-update');
      const path = join(scratch, `${r.decisionId}-hashes.pdf`);
      writeFileSync(path, update?.bytes ?? new Uint8Array());
      const text = poppler('pdftotext', ['-raw', path, '-']).replace(/\s+/g, '');
      for (const earlier of pdfs.slice(0, -1)) expect(text).toContain(earlier.sha256);
      for (const eml of r.files.filter((f) => f.kind === 'email')) {
        expect(text).toContain(eml.sha256);
        const messageId = /^Message-ID:\s*(<[^>]+>)/m.exec(new TextDecoder().decode(eml.bytes))?.[1];
        expect(text).toContain(messageId);
      }
      // A SHA-256 is never broken across lines: each sits whole on one line of the PDF's text.
      const lines = poppler('pdftotext', ['-raw', path, '-']).split('\n');
      for (const file of [...pdfs.slice(0, -1), ...r.files.filter((f) => f.kind === 'email')]) {
        expect(lines.some((line) => line.includes(file.sha256))).toBe(true);
      }
    }
  });

  it('attaches the client PDFs to the client email and each internal PDF to its own email', () => {
    const r = rendered.get('refused-deportation-order-en.json');
    expect(r?.files.filter((f) => f.kind === 'email').map((f) => [f.recipient, f.path])).toEqual([
      ['client', 'email-01-client.en.eml'],
      ['cbsa-removals-unit', 'email-02-cbsa-removals-notice.en.eml'],
      ['cbsa-removals-unit', 'email-03-cbsa-removals-notice.en.eml'],
    ]);
    const eml = new TextDecoder().decode(r?.files.find((f) => f.path === 'email-01-client.en.eml')?.bytes);
    expect(eml).toMatch(/filename=IRCC-E\d+-01\.pdf/);
    expect(eml).not.toMatch(/refusal-letter/i);
  });

  it('sends no email when the client asked for mail only', () => {
    const r = rendered.get('refused-representative-postal-only-mail-en.json');
    expect(r?.files.some((f) => f.recipient === 'representative' && f.kind === 'email')).toBe(false);
  });
});

describe('renderFollowUp', () => {
  it('renders the CBSA no-status notice for an unconfirmed departure through the public API, with a file update', async () => {
    const { createRenderer, loadPackageAssets, assertDecision: parse } = await import('../../src/index.js');
    const { FIXTURE_EMAIL_CONFIG } = await import('../support/email-config.js');
    const renderer = await createRenderer(loadPackageAssets(FIXTURE_EMAIL_CONFIG));
    const fixture = fixtures.find((f) => f.name === 'refused-family-departure-together-en.json');
    const record = parse(fixture?.record);
    const followUp = await renderer.renderFollowUp(record, { kind: 'departure-not-confirmed', persons: ['1102-0115'], on: '2026-12-19' });
    expect(followUp.files.map((f) => f.path)).toEqual([
      '01-cbsa-no-status-notice.cbsa-inland-enforcement.en.pdf',
      '02-file-update.file.en.pdf',
      'email-01-cbsa-no-status-notice.en.eml',
      'email-01-cbsa-no-status-notice.en.html',
      'email-01-cbsa-no-status-notice.en.txt',
    ]);
    const path = join(scratch, 'follow-up-notice.pdf');
    writeFileSync(path, followUp.files[0]?.bytes ?? new Uint8Array());
    const text = poppler('pdftotext', ['-raw', path, '-']).replace(/\s+/g, ' ');
    expect(text).toContain('received departure instructions with a deadline of December 18, 2026');
    expect(text).toContain('On December 19, 2026, the departure had not been confirmed');
  });
});

describe('what the PDF carries', () => {
  it('writes Canada Post’s two spaces before the postal code in the address block', () => {
    const r = rendered.get('refused-voluntary-departure-fr.json');
    const letter = r?.files[0];
    const path = join(scratch, 'address.pdf');
    writeFileSync(path, letter?.bytes ?? new Uint8Array());
    expect(poppler('pdfinfo', ['-struct-text', path])).toMatch(/ QC\u00A0\u00A0[A-Z]\d[A-Z] \d[A-Z]\d"/);
  });

  it('tags each language version of a bilingual letter, reasons included, with its language', () => {
    const r = rendered.get('refused-bilingual-fr-first.json');
    const path = join(scratch, 'bilingual.pdf');
    writeFileSync(path, r?.files[0]?.bytes ?? new Uint8Array());
    // The structure elements, in object order: the document (fr-CA), then one section per language.
    const objects = (JSON.parse(poppler('qpdf', ['--json=2', '--json-key=qpdf', path])) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] }).qpdf[1];
    const sections = Object.values(objects).flatMap((o) => (o.value?.['/S'] === '/Sect' ? [o.value['/Lang'] ?? 'inherited'] : []));
    expect(sections).toEqual(['inherited', 'u:en-CA']);
    const [, french = '', english = ''] = poppler('pdfinfo', ['-struct-text', path]).split(/^ {2}Sect$/m);
    expect(french).toContain('J’ai soupesé');
    expect(french).not.toContain('I have weighed all the factors');
    expect(english).toContain('I have weighed all the factors');
    expect(english).not.toContain('J’ai soupesé');
  });
});

describe('what a rendered decision carries for the mail service', () => {
  it('gives each email its envelope and Message-ID beside the exact .eml bytes', () => {
    const r = rendered.get('refused-representative-family-leaves-en.json');
    if (!r) throw new Error('not rendered');
    const record = assertDecision(fixtures.find((f) => f.name === 'refused-representative-family-leaves-en.json')?.record);
    expect(r.emails.map((e) => [e.label, e.recipient, e.envelope.to, e.carries])).toEqual([
      ['client', 'representative', [record.correspondence.representative?.email], ['refusal-letter', 'departure-instructions']],
      ['applicant', 'client', [record.correspondence.email], ['departure-instructions']],
    ]);
    for (const email of r.emails) {
      const file = r.files.find((f) => f.path === email.path);
      expect(file?.sha256).toBe(email.sha256);
      const eml = new TextDecoder().decode(file?.bytes);
      expect(/^Message-ID:\s*(<[^>]+>)/m.exec(eml)?.[1]).toBe(email.messageId);
      expect(email.envelope.from).toBe('no-reply@example.gc.ca');
    }
  });

  it('gives each letter to print its address block: the originals to the people, the copy to the representative', () => {
    const r = rendered.get('refused-representative-family-leaves-en.json');
    const record = assertDecision(fixtures.find((f) => f.name === 'refused-representative-family-leaves-en.json')?.record);
    const rep = record.correspondence.representative;
    expect(r?.letters.map((l) => [l.kind, l.recipient, l.copy, l.addressBlock[0]])).toEqual([
      ['refusal-letter', 'representative', false, rep?.name],
      ['departure-instructions', 'client', false, 'Paweł Nowak-Łęcki and Zofia Nowak-Łęcka'],
      ['departure-instructions', 'representative', true, rep?.name],
    ]);
    expect(r?.letters[1]?.addressBlock.at(-1)).toMatch(/ ON\u00A0\u00A0[A-Z]\d[A-Z] \d[A-Z]\d$/);
    expect(r?.fileEntries.map((f) => f.kind)).toEqual(['file-update']);
  });
});
