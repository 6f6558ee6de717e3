import type { SMTPPoolOptions } from 'nodemailer';
import { z } from 'zod';
import { SmtpConfigError } from './smtp-config-error.js';
import { isLoopbackHost } from './loopback-host.js';

/** How the connection is protected: implicit TLS (usually 465), STARTTLS required (usually 587), or none (loopback only). */
export const SMTP_SECURITY_MODES = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY_MODES)[number];

/** The environment variable that may name the SMTP target as `smtp://host:port` or `smtps://host:port`. */
export const SMTP_URL_VARIABLE = 'HCC_SMTP_URL';

const DEFAULT_PORTS: Readonly<Record<SmtpSecurity, number>> = { tls: 465, starttls: 587, none: 25 };

const milliseconds = (fallback: number) => z.int().min(100).max(3_600_000).default(fallback);

/**
 * The `smtp` section of the configuration file. The password is never in the file: `auth.passwordEnv`
 * names the environment variable that holds it. `host` may be left out when `HCC_SMTP_URL` gives the target.
 */
export const smtpConfigSchema = z.strictObject({
  host: z.string().min(1).max(253).optional(),
  port: z.int().min(1).max(65_535).optional(),
  security: z.enum(SMTP_SECURITY_MODES).default('starttls'),
  /** The name this client gives in EHLO; nodemailer uses the machine's host name without it. */
  clientName: z.string().regex(/^[A-Za-z0-9.-]{1,253}$/).optional(),
  auth: z
    .strictObject({
      user: z.string().min(1).max(256),
      passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/),
    })
    .optional(),
  pool: z
    .strictObject({
      maxConnections: z.int().min(1).max(50).default(5),
      /** Messages one connection carries before it is replaced. */
      maxMessages: z.int().min(1).max(100_000).default(100),
    })
    .prefault({}),
  rateLimit: z.strictObject({ messagesPerSecond: z.int().min(1).max(10_000) }).optional(),
  timeouts: z
    .strictObject({
      /** To open the TCP (and implicit TLS) connection. */
      connectionMs: milliseconds(30_000),
      /** From the connection to the server's 220 greeting. */
      greetingMs: milliseconds(30_000),
      /** Of silence on an open connection. */
      socketMs: milliseconds(120_000),
      /** For one message from `send()` to the server's final reply, waiting in the pool's queue included, whatever the server trickles. */
      sendMs: milliseconds(300_000),
    })
    .prefault({}),
});

/** The `smtp` section once parsed, defaults applied. */
export type SmtpConfig = z.output<typeof smtpConfigSchema>;

/** The transport options handed to nodemailer: always pooled. Holds the password: never log it. */
export type SmtpTransportOptions = SMTPPoolOptions & { pool: true };

/** The configuration and the environment, resolved into what the sender needs. */
export interface ResolvedSmtpConfig {
  readonly transport: SmtpTransportOptions;
  /** The deadline of one `send()`, from the call to the final reply. */
  readonly sendTimeoutMs: number;
  /** For logs and messages: `smtp+starttls://host:port`, never credentials. */
  readonly target: string;
}

/** The environment variables resolution reads (`HCC_SMTP_URL` and the one `auth.passwordEnv` names). */
export type SmtpEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Parses the `smtp` section of the configuration file. Throws `SmtpConfigError` (`SMTP_CONFIG_INVALID`)
 * naming the paths that are wrong, never their values.
 */
export function parseSmtpConfig(input: unknown): SmtpConfig {
  const result = smtpConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const where = [...new Set(result.error.issues.map((i) => `smtp.${i.path.join('.')}`.replace(/\.$/, '') + ` (${i.code})`))];
  throw new SmtpConfigError('SMTP_CONFIG_INVALID', `the smtp section is wrong at: ${where.join(', ')}`);
}

interface Target {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
}

/**
 * `smtps://host[:port]` is implicit TLS; `smtp://host[:port]` requires STARTTLS, except on a loopback
 * host, where it means no TLS (a local relay or the mail catcher). Anything else in the URL is refused.
 */
function targetFromUrl(value: string): Target {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value may hold a password: the message never repeats it.
    throw new SmtpConfigError('SMTP_URL_INVALID', `${SMTP_URL_VARIABLE} is not a URL`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new SmtpConfigError('SMTP_URL_CREDENTIALS', `${SMTP_URL_VARIABLE} must not carry credentials; use smtp.auth with passwordEnv`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new SmtpConfigError('SMTP_URL_INVALID', `${SMTP_URL_VARIABLE} must start with smtp:// or smtps://`);
  }
  if (url.hostname === '' || (url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    throw new SmtpConfigError('SMTP_URL_INVALID', `${SMTP_URL_VARIABLE} must be smtp://host:port or smtps://host:port, nothing more`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const security: SmtpSecurity = url.protocol === 'smtps:' ? 'tls' : isLoopbackHost(host) ? 'none' : 'starttls';
  return { host, port: url.port === '' ? DEFAULT_PORTS[security] : Number(url.port), security };
}

/**
 * Resolves the `smtp` section and the environment into pooled nodemailer transport options.
 * `HCC_SMTP_URL`, when set, replaces the file's host, port and security; everything else comes from
 * the file (or its defaults). Throws `SmtpConfigError`: `SMTP_TARGET_MISSING` (no host anywhere),
 * `SMTP_URL_INVALID`, `SMTP_URL_CREDENTIALS`, `SMTP_INSECURE_NOT_LOOPBACK` (`none` on another host),
 * `SMTP_PASSWORD_MISSING` (the variable `auth.passwordEnv` names is unset or empty).
 */
export function resolveSmtpConfig(config: SmtpConfig | undefined, env: SmtpEnvironment): ResolvedSmtpConfig {
  const settings = config ?? parseSmtpConfig({});
  const url = env[SMTP_URL_VARIABLE];
  let target: Target;
  if (url !== undefined && url.trim() !== '') {
    target = targetFromUrl(url.trim());
  } else if (settings.host !== undefined) {
    target = { host: settings.host, port: settings.port ?? DEFAULT_PORTS[settings.security], security: settings.security };
  } else {
    throw new SmtpConfigError('SMTP_TARGET_MISSING', `no SMTP host: set smtp.host in the configuration file or ${SMTP_URL_VARIABLE}`);
  }
  if (target.security === 'none' && !isLoopbackHost(target.host)) {
    throw new SmtpConfigError('SMTP_INSECURE_NOT_LOOPBACK', 'security "none" is allowed only for a loopback host; use "tls" or "starttls"');
  }

  let auth: { user: string; pass: string } | undefined;
  if (settings.auth !== undefined) {
    const pass = env[settings.auth.passwordEnv];
    if (pass === undefined || pass === '') {
      throw new SmtpConfigError('SMTP_PASSWORD_MISSING', `the environment variable ${settings.auth.passwordEnv} (smtp.auth.passwordEnv) is not set`);
    }
    auth = { user: settings.auth.user, pass };
  }

  const transport: SmtpTransportOptions = {
    pool: true,
    host: target.host,
    port: target.port,
    secure: target.security === 'tls',
    requireTLS: target.security === 'starttls',
    ignoreTLS: target.security === 'none',
    tls: { minVersion: 'TLSv1.2' },
    maxConnections: settings.pool.maxConnections,
    maxMessages: settings.pool.maxMessages,
    connectionTimeout: settings.timeouts.connectionMs,
    greetingTimeout: settings.timeouts.greetingMs,
    socketTimeout: settings.timeouts.socketMs,
    // nodemailer's own log lines name recipients; the sender reports codes and hashes instead.
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
    ...(auth === undefined ? {} : { auth }),
    ...(settings.clientName === undefined ? {} : { name: settings.clientName }),
    ...(settings.rateLimit === undefined ? {} : { rateLimit: settings.rateLimit.messagesPerSecond, rateDelta: 1000 }),
  };
  const shownHost = target.host.includes(':') ? `[${target.host}]` : target.host;
  return { transport, sendTimeoutMs: settings.timeouts.sendMs, target: `smtp+${target.security}://${shownHost}:${target.port}` };
}
