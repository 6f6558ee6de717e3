import type { ApprovalConfig } from '../outbox/approval-config.js';
import type { RenderDecision } from '../outbox/submit-decision-record.js';
import type { SessionPolicy } from '../store/access-store.js';
import type { ServerStore } from '../store/open-server-store.js';

export interface ServerOptions {
  readonly stores: ServerStore;
  /** The clock (default: the system's). */
  readonly now?: () => Date;
  /** Session idle timeout and maximum age (default 30 minutes and 12 hours). */
  readonly session?: SessionPolicy;
  /** The config's `approval`: `officer` (default), `auto` (approved at intake), or `{ twoPerson: true }` (the author cannot approve). */
  readonly approval?: ApprovalConfig;
  /** Cookies marked `Secure`: set it when the server is reached over TLS (directly or through a proxy). */
  readonly secureCookies?: boolean;
  /** Trust `X-Forwarded-*` from a reverse proxy (for the client address the sign-in limit counts by). */
  readonly trustProxy?: boolean;
  /** Sign-in attempts allowed per client address and window (default 5 a minute). */
  readonly signInLimit?: { readonly max: number; readonly windowMs: number };
  /** Renders records received by `POST /api/v1/decisions` (a render pool behind `renderWithPool`); without it, valid records are answered 503 INTAKE_UNAVAILABLE. */
  readonly render?: RenderDecision;
  /** Fastify's logger (pino JSON lines); off by default. */
  readonly logger?: boolean;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60 * 1000, maxAgeMs: 12 * 60 * 60 * 1000 };
