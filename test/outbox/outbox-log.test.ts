import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxLogger, logOutboxEvent, setOutboxLogger } from '../../src/outbox/outbox-log.js';

afterEach(() => {
  setOutboxLogger(undefined);
});

describe('the outbox log', () => {
  it('writes one JSON line per event with its ids, states and codes, at the level asked, without the host name', async () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const logger = createOutboxLogger(stream, 'info');
    setOutboxLogger(logger);
    logOutboxEvent({ event: 'decision.submitted', decisionId: 'HC-1', revision: 2, status: 'revised', superseded: ['HC-1.r1.01'] });
    logOutboxEvent({ event: 'follow-up.fire-failed', followUpId: 'HC-1.r2.f1', code: 'STORED_RECORD_INVALID' }, 'error');
    await logger.flush();
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.level, l.event, l.decisionId ?? l.followUpId])).toEqual([
      [30, 'decision.submitted', 'HC-1'],
      [50, 'follow-up.fire-failed', 'HC-1.r2.f1'],
    ]);
    expect(lines[0]).toMatchObject({ revision: 2, status: 'revised', superseded: ['HC-1.r1.01'] });
    expect(Object.keys(lines[0] ?? {})).not.toContain('hostname');
  });

  it('writes nothing until an edge sets a logger, and nothing below its level', async () => {
    logOutboxEvent({ event: 'decision.submitted', decisionId: 'HC-1' });
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const logger = createOutboxLogger(stream, 'warn');
    setOutboxLogger(logger);
    logOutboxEvent({ event: 'decision.submitted', decisionId: 'HC-1' });
    logOutboxEvent({ event: 'record.invalid', code: 'VALUE_INVALID' }, 'warn');
    await logger.flush();
    expect(text.trim().split('\n').map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['record.invalid']);
  });
});
