import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/deliver/loopback-host.js';
import { hashMessageId, readMessageIdHeader, sameMessageId } from '../../src/deliver/message-id.js';

const crlf = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

describe('readMessageIdHeader', () => {
  it('finds the header whatever its case, unfolds it, and reads no further than the header section', () => {
    expect(readMessageIdHeader(crlf('Subject: x', 'message-ID: <a.b@c.invalid>', '', 'body'))).toBe('<a.b@c.invalid>');
    expect(readMessageIdHeader(crlf('Message-ID:', ' <folded@c.invalid>', 'Subject: x', '', ''))).toBe('<folded@c.invalid>');
    expect(readMessageIdHeader(crlf('Subject: x', '', 'Message-ID: <in-body@c.invalid>', ''))).toBeUndefined();
    expect(readMessageIdHeader(crlf('Subject: x', 'X-Message-ID: <other@c.invalid>', '', ''))).toBeUndefined();
    expect(readMessageIdHeader(Buffer.from('Message-ID: <lf@c.invalid>\n\nbody\n'))).toBe('<lf@c.invalid>');
  });
});

describe('hashMessageId', () => {
  it('is 16 hex digits, the same with or without brackets and spaces, different for another id', () => {
    const hash = hashMessageId('<HC-2026-000101.client.1234abcd@hc-correspondence.invalid>');
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashMessageId(' HC-2026-000101.client.1234abcd@hc-correspondence.invalid ')).toBe(hash);
    expect(hashMessageId('<HC-2026-000102.client.1234abcd@hc-correspondence.invalid>')).not.toBe(hash);
    expect(sameMessageId('<a@b>', ' a@b')).toBe(true);
    expect(sameMessageId('<a@b>', '<a@c>')).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it('accepts only names and addresses of this machine', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST.', 'a.localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '::ffff:10.0.0.1', '::2', 'localhost.example.com', 'relay.example.gc.ca', '127.0.0.1.example.com']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
