import type { DecisionRecord } from '../decision/decision-schema.js';
import type { SessionPolicy } from '../store/access-store.js';
import type { ServerStore } from '../store/open-server-store.js';
import type { SubmitResult } from '../store/store.js';

/** What intake did with one record received over HTTP. */
export interface IntakeOutcome {
  readonly result: SubmitResult;
  /** The correspondence plan, as stored. */
  readonly plan: unknown;
}

/** Validated record → plan → render → store; the outbox's `submitDecisionRecord`, handed in by `hcc serve`. */
export type DecisionIntake = (record: DecisionRecord, options: { readonly now: Date; readonly actor: string }) => Promise<IntakeOutcome>;

export interface ServerOptions {
  readonly stores: ServerStore;
  /** The clock (default: the system's). */
  readonly now?: () => Date;
  /** Session idle timeout and maximum age (default 30 minutes and 12 hours). */
  readonly session?: SessionPolicy;
  /** Two-person approval: the decision's author cannot approve it (the config's `approval.twoPerson`). */
  readonly twoPerson?: boolean;
  /** Cookies marked `Secure`: set it when the server is reached over TLS (directly or through a proxy). */
  readonly secureCookies?: boolean;
  /** Trust `X-Forwarded-*` from a reverse proxy (for the client address the sign-in limit counts by). */
  readonly trustProxy?: boolean;
  /** Sign-in attempts allowed per client address and window (default 5 a minute). */
  readonly signInLimit?: { readonly max: number; readonly windowMs: number };
  /** Intake for `POST /api/v1/decisions`; without it, valid records are answered 503 INTAKE_UNAVAILABLE. */
  readonly intake?: DecisionIntake;
  /** Fastify's logger (pino JSON lines); off by default. */
  readonly logger?: boolean;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60 * 1000, maxAgeMs: 12 * 60 * 60 * 1000 };
