import { describe, expect, it } from 'vitest';
import { SmtpConfigError } from '../../src/deliver/smtp-config-error.js';
import { parseSmtpConfig, resolveSmtpConfig, type SmtpEnvironment } from '../../src/deliver/smtp-config.js';

const SECRET = 'pa55-w0rd-never-printed';

function resolve(input: unknown, env: SmtpEnvironment = {}) {
  return resolveSmtpConfig(parseSmtpConfig(input), env);
}

function failure(run: () => unknown): SmtpConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SmtpConfigError);
    return error as SmtpConfigError;
  }
  throw new Error('expected an SmtpConfigError');
}

describe('parseSmtpConfig', () => {
  it('applies the defaults: STARTTLS, a pool of 5 connections × 100 messages, timeouts', () => {
    expect(parseSmtpConfig({ host: 'relay.example.gc.ca' })).toEqual({
      host: 'relay.example.gc.ca',
      security: 'starttls',
      pool: { maxConnections: 5, maxMessages: 100 },
      timeouts: { connectionMs: 30_000, greetingMs: 30_000, socketMs: 120_000, sendMs: 300_000 },
    });
  });

  it('names the wrong paths with their issue codes, never the values', () => {
    const error = failure(() => parseSmtpConfig({ host: 'relay.example.gc.ca', port: 70_000, security: 'ssl', password: SECRET, auth: { user: 'u', passwordEnv: 'not a name' } }));
    expect(error.code).toBe('SMTP_CONFIG_INVALID');
    expect(error.message).toContain('smtp.port (too_big)');
    expect(error.message).toContain('smtp.security (invalid_value)');
    expect(error.message).toContain('smtp.auth.passwordEnv (invalid_format)');
    expect(error.message).toContain('unrecognized_keys');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('ssl');
    expect(error.message).not.toContain('not a name');
  });

  it('refuses a password written in the file: there is no field for it', () => {
    expect(failure(() => parseSmtpConfig({ host: 'h', auth: { user: 'u', password: SECRET } })).code).toBe('SMTP_CONFIG_INVALID');
  });
});

describe('resolveSmtpConfig', () => {
  it('maps each security mode onto nodemailer options, with its default port', () => {
    expect(resolve({ host: 'relay.example.gc.ca', security: 'tls' }).transport).toMatchObject({ port: 465, secure: true, requireTLS: false, ignoreTLS: false });
    expect(resolve({ host: 'relay.example.gc.ca', security: 'starttls' }).transport).toMatchObject({ port: 587, secure: false, requireTLS: true, ignoreTLS: false });
    expect(resolve({ host: '127.0.0.1', security: 'none', port: 2525 }).transport).toMatchObject({ port: 2525, secure: false, requireTLS: false, ignoreTLS: true });
  });

  it('always pools, and carries the pool, rate and timeouts across; nodemailer logging stays off', () => {
    const { transport, sendTimeoutMs, target } = resolve({
      host: 'relay.example.gc.ca',
      port: 2587,
      clientName: 'hcc.example.gc.ca',
      pool: { maxConnections: 8, maxMessages: 500 },
      rateLimit: { messagesPerSecond: 40 },
      timeouts: { connectionMs: 1000, greetingMs: 2000, socketMs: 3000, sendMs: 4000 },
    });
    expect(transport).toMatchObject({
      pool: true,
      host: 'relay.example.gc.ca',
      port: 2587,
      name: 'hcc.example.gc.ca',
      maxConnections: 8,
      maxMessages: 500,
      rateLimit: 40,
      rateDelta: 1000,
      connectionTimeout: 1000,
      greetingTimeout: 2000,
      socketTimeout: 3000,
      logger: false,
      debug: false,
    });
    expect(transport.auth).toBeUndefined();
    expect(sendTimeoutMs).toBe(4000);
    expect(target).toBe('smtp+starttls://relay.example.gc.ca:2587');
  });

  it('takes the password from the variable auth.passwordEnv names', () => {
    const { transport, target } = resolve({ host: 'relay.example.gc.ca', auth: { user: 'hcc', passwordEnv: 'HCC_SMTP_PASSWORD' } }, { HCC_SMTP_PASSWORD: SECRET });
    expect(transport.auth).toEqual({ user: 'hcc', pass: SECRET });
    expect(target).not.toContain(SECRET);
  });

  it('SMTP_PASSWORD_MISSING names the variable when it is unset or empty, and no value', () => {
    for (const env of [{}, { HCC_SMTP_PASSWORD: '' }]) {
      const error = failure(() => resolve({ host: 'h.example', auth: { user: 'hcc', passwordEnv: 'HCC_SMTP_PASSWORD' } }, env));
      expect(error.code).toBe('SMTP_PASSWORD_MISSING');
      expect(error.message).toContain('HCC_SMTP_PASSWORD');
    }
  });

  it('security "none" only on a loopback host', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect(resolve({ host, security: 'none' }).transport.ignoreTLS).toBe(true);
    for (const host of ['relay.example.gc.ca', '10.0.0.5', '192.168.1.1']) {
      expect(failure(() => resolve({ host, security: 'none' })).code).toBe('SMTP_INSECURE_NOT_LOOPBACK');
    }
  });

  it('SMTP_TARGET_MISSING without a host in the file or HCC_SMTP_URL', () => {
    expect(failure(() => resolveSmtpConfig(undefined, {})).code).toBe('SMTP_TARGET_MISSING');
    expect(failure(() => resolve({ pool: { maxConnections: 2 } }, { HCC_SMTP_URL: '  ' })).code).toBe('SMTP_TARGET_MISSING');
  });
});

describe('HCC_SMTP_URL', () => {
  it('smtps:// is implicit TLS (465 by default); smtp:// requires STARTTLS (587 by default)', () => {
    expect(resolveSmtpConfig(undefined, { HCC_SMTP_URL: 'smtps://relay.example.gc.ca' })).toMatchObject({ transport: { host: 'relay.example.gc.ca', port: 465, secure: true }, target: 'smtp+tls://relay.example.gc.ca:465' });
    expect(resolveSmtpConfig(undefined, { HCC_SMTP_URL: 'smtp://relay.example.gc.ca:2587' })).toMatchObject({ transport: { port: 2587, requireTLS: true }, target: 'smtp+starttls://relay.example.gc.ca:2587' });
  });

  it('smtp:// on a loopback host means no TLS: the mail catcher or a local relay', () => {
    expect(resolveSmtpConfig(undefined, { HCC_SMTP_URL: 'smtp://127.0.0.1:2525' })).toMatchObject({ transport: { host: '127.0.0.1', port: 2525, ignoreTLS: true }, target: 'smtp+none://127.0.0.1:2525' });
    expect(resolveSmtpConfig(undefined, { HCC_SMTP_URL: 'smtp://[::1]:2525' })).toMatchObject({ transport: { host: '::1', port: 2525, ignoreTLS: true }, target: 'smtp+none://[::1]:2525' });
  });

  it('replaces the file target and keeps the rest of the file (pool, auth, timeouts)', () => {
    const resolved = resolve(
      { host: 'relay.example.gc.ca', security: 'tls', pool: { maxConnections: 3 }, auth: { user: 'hcc', passwordEnv: 'PW' } },
      { HCC_SMTP_URL: 'smtp://localhost:2525', PW: SECRET },
    );
    expect(resolved.transport).toMatchObject({ host: 'localhost', port: 2525, secure: false, ignoreTLS: true, maxConnections: 3, auth: { user: 'hcc', pass: SECRET } });
  });

  it('refuses credentials, other schemes, paths and queries, without repeating the URL', () => {
    const cases: [string, string][] = [
      [`smtp://hcc:${SECRET}@relay.example.gc.ca:587`, 'SMTP_URL_CREDENTIALS'],
      ['http://relay.example.gc.ca', 'SMTP_URL_INVALID'],
      ['smtp://relay.example.gc.ca:587/path', 'SMTP_URL_INVALID'],
      ['smtp://relay.example.gc.ca:587?secure=false', 'SMTP_URL_INVALID'],
      ['relay.example.gc.ca:587', 'SMTP_URL_INVALID'],
      ['not a url', 'SMTP_URL_INVALID'],
    ];
    for (const [url, code] of cases) {
      const error = failure(() => resolveSmtpConfig(undefined, { HCC_SMTP_URL: url }));
      expect(error.code, url).toBe(code);
      expect(error.message).not.toContain('relay.example');
      expect(error.message).not.toContain(SECRET);
    }
  });
});
