import { logOutboxEvent, type OutboxLogEvent, type OutboxLogLevel } from './outbox-log.js';

/** Where the delivery worker and the print batch write their events: ids, states and codes only (the outbox log's fields). */
export interface DeliveryLog {
  event(event: OutboxLogEvent, level?: OutboxLogLevel): void;
}

/** A log that writes nothing (tests that do not look at it). */
export const SILENT_LOG: DeliveryLog = { event: () => undefined };

/** The process's outbox log (pino JSON lines; the CLI sets it from `HCC_LOG`). */
export const OUTBOX_DELIVERY_LOG: DeliveryLog = {
  event(event, level) {
    logOutboxEvent(event, level);
  },
};
