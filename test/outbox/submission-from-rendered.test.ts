import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { countPdfPages } from '../../src/outbox/count-pdf-pages.js';
import { submissionFromRendered } from '../../src/outbox/submission-from-rendered.js';
import { sha256Hex } from '../../src/store/canonical-json.js';
import { RENDERER } from '../support/render-kit.js';
import { fixtureRecord } from './intake-kit.js';

describe('submissionFromRendered', () => {
  it('gives one item per email, per postal letter (the representative copy apart) and per file entry, each referring to a stored file', async () => {
    const { record, received } = fixtureRecord('refused-representative-family-leaves-en');
    const rendered = await RENDERER.render(record);
    const submission = submissionFromRendered(rendered, { record, received });
    expect(submission.decisionId).toBe(record.decisionId);
    expect(submission.record).toBe(received);
    expect(submission.officerId).toBe(record.officer.id);
    expect(submission.officeId).toBe(record.office.id);
    expect(submission.items.filter((i) => i.channel === 'email')).toHaveLength(rendered.emails.length);
    expect(submission.items.filter((i) => i.channel === 'mail')).toHaveLength(rendered.letters.length);
    expect(submission.items.filter((i) => i.channel === 'file')).toHaveLength(rendered.fileEntries.length);
    expect(new Set(submission.items.map((i) => i.key)).size).toBe(submission.items.length);
    const hashes = new Set(submission.files.map((f) => f.sha256));
    expect(hashes.size).toBe(submission.files.length);
    for (const item of submission.items) expect(hashes.has(item.fileSha256)).toBe(true);
    for (const file of submission.files) expect(sha256Hex(file.bytes)).toBe(file.sha256);
  });

  it('carries each email’s Message-ID and envelope and each letter’s address block as rendered', async () => {
    const { record, received } = fixtureRecord('refused-representative-postal-only-mail-en');
    const rendered = await RENDERER.render(record);
    const submission = submissionFromRendered(rendered, { record, received });
    for (const email of rendered.emails) {
      const item = submission.items.find((i) => i.channel === 'email' && i.fileSha256 === email.sha256);
      expect(item?.channel === 'email' ? [item.messageId, item.envelope] : []).toEqual([email.messageId, email.envelope]);
    }
    const letters = submission.items.flatMap((i) => (i.channel === 'mail' ? [i] : []));
    expect(letters.map((l) => l.addressBlock)).toEqual(rendered.letters.map((l) => l.addressBlock));
  });

  it('counts each PDF’s pages as pdf-lib does, without loading it', async () => {
    const { record, received } = fixtureRecord('refused-family-departure-together-en');
    const rendered = await RENDERER.render(record);
    const submission = submissionFromRendered(rendered, { record, received });
    const paged = submission.items.flatMap((i) => (i.channel === 'email' ? [] : [i]));
    expect(paged.length).toBeGreaterThan(0);
    for (const item of paged) {
      const file = submission.files.find((f) => f.sha256 === item.fileSha256);
      const pdf = await PDFDocument.load(file?.bytes ?? new Uint8Array(), { updateMetadata: false });
      expect(item.pageCount).toBe(pdf.getPageCount());
    }
    expect(countPdfPages(new TextEncoder().encode('%PDF-1.7 /Type /Pages /Count 3'))).toBe(0);
  });

  it('keeps the plan’s follow-ups with their days; a permit’s decision is open from the decision day', async () => {
    const departure = fixtureRecord('refused-family-departure-together-en');
    const plan = RENDERER.plan(departure.record);
    const fromDeparture = submissionFromRendered(await RENDERER.render(departure.record), departure);
    expect(fromDeparture.followUps).toEqual(
      plan.followUps.map((f) => ({ kind: f.kind, dueOn: f.kind === 'departure-confirmation' ? f.dueOn : '', persons: f.persons, ifNotConfirmed: 'cbsa-no-status-notice' })),
    );
    const permit = fixtureRecord('refused-trp-compelling-reasons-fee-receipt-en');
    const fromPermit = submissionFromRendered(await RENDERER.render(permit.record), permit);
    const trp = fromPermit.followUps.find((f) => f.kind === 'trp-decision');
    expect(trp?.dueOn).toBe('2026-11-19');
    expect(permit.record.decisionDate).toBe('2026-11-20');
  });
});
