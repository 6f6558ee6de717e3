import type {} from 'fastify';
import type {} from '@fastify/cookie';
import type {} from '@fastify/csrf-protection';
import type { Language } from '../i18n/languages.js';
import type { Account, SessionPolicy } from '../store/access-store.js';
import type { RenderPage } from './page-views.js';
import type { ParsedEmailCache } from './parsed-email-cache.js';
import type { ServerTranslate } from './server-i18n.js';
import type { PageFormats } from './server-labels.js';
import type { ServerMetrics } from './server-metrics.js';
import type { ServerOptions } from './server-options.js';

/** What every route module receives from `createServer`. */
export interface ServerContext {
  readonly options: ServerOptions;
  readonly now: () => Date;
  readonly policy: SessionPolicy;
  readonly t: ServerTranslate;
  /** Code labels and date formats of each language, built once. */
  readonly formats: Readonly<Record<Language, PageFormats>>;
  readonly render: RenderPage;
  /** Stored emails parsed once per SHA-256. */
  readonly emailParts: ParsedEmailCache;
  readonly metrics: ServerMetrics;
  readonly secureCookies: boolean;
}

export const SESSION_COOKIE = 'hcc_session';
export const LANGUAGE_COOKIE = 'hcc_lang';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's interface language (cookie, then Accept-Language). */
    lang: Language;
    /** The signed-in officer, set by `requireOfficer`. */
    officer?: Account;
  }
}
