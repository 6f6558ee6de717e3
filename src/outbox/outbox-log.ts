import { createRequire } from 'node:module';
import type { Logger } from 'pino';

// pino is loaded when the first logger is created: a command that writes no log (`hcc deliver`
// without HCC_LOG) never pays for loading it, which is a noticeable part of its start-up.
const requireModule = createRequire(import.meta.url);

/**
 * One line of the outbox's log. Only ids, states, codes and counts have a field here, so that a
 * name, an address, an email address, a UCI or reasons text has nowhere to go.
 */
export interface OutboxLogEvent {
  /** What happened: `decision.submitted`, `decision.approved`, `follow-up.fired`… */
  readonly event: string;
  readonly decisionId?: string;
  readonly revision?: number;
  readonly itemId?: string;
  readonly followUpId?: string;
  /** A result status or an item state. */
  readonly status?: string;
  readonly state?: string;
  /** An error code (UPPER_SNAKE_CASE). */
  readonly code?: string;
  readonly items?: number;
  readonly itemIds?: readonly string[];
  readonly superseded?: readonly string[];
  readonly kept?: readonly string[];
  /** Who acted: an officer, service or worker id. */
  readonly actor?: string;
  readonly policy?: string;
  readonly count?: number;
  // Delivery (hcc deliver, hcc print): attempts and SMTP reply codes, the failure's scope, the Message-ID's hash (never the id, which names the decision), the state left, the print batch.
  readonly attempts?: number;
  readonly smtpCode?: number;
  readonly scope?: string;
  readonly messageIdHash?: string;
  readonly from?: string;
  readonly batchId?: string;
  readonly pageCount?: number;
}

export type OutboxLogLevel = 'info' | 'warn' | 'error';

/** Writes outbox events; the CLI and the server each choose where (`createOutboxLogger`). */
export interface OutboxLogger {
  log(level: OutboxLogLevel, event: OutboxLogEvent): void;
  /** Waits until every line is written (before a process exits). */
  flush(): Promise<void>;
}

/** A logger that writes nothing: the default until an edge sets one. */
const SILENT: OutboxLogger = { log() {}, flush: () => Promise.resolve() };

let current: OutboxLogger = SILENT;

/**
 * JSON lines through pino to a file descriptor or a path (appended), or to any writable stream.
 * No hostname in the lines: the process id and the time are enough to find a run.
 */
export function createOutboxLogger(destination: number | string | NodeJS.WritableStream, level: OutboxLogLevel | 'silent' = 'info'): OutboxLogger {
  const { pino } = requireModule('pino') as typeof import('pino');
  const stream = typeof destination === 'object' ? destination : pino.destination({ dest: destination, append: true, sync: true, mkdir: typeof destination === 'string' });
  const logger: Logger = pino({ level, base: { pid: process.pid }, messageKey: 'msg' }, stream);
  return {
    log(lineLevel, event) {
      logger[lineLevel]({ ...event });
    },
    flush: () =>
      new Promise((resolve) => {
        logger.flush(() => { resolve(); });
      }),
  };
}

/** Sets the process's outbox logger (the CLI from `HCC_LOG`, the server from its options, tests to capture). */
export function setOutboxLogger(logger: OutboxLogger | undefined): void {
  current = logger ?? SILENT;
}

/** Logs one outbox event at `info` (`warn`, `error` when given). */
export function logOutboxEvent(event: OutboxLogEvent, level: OutboxLogLevel = 'info'): void {
  current.log(level, event);
}

/** The process's outbox logger. */
export function outboxLogger(): OutboxLogger {
  return current;
}
