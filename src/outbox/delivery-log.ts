/** The values a log line may carry: ids, states, codes, counts. Never a name, an address or free text from a record. */
export type LogValue = string | number | boolean | null;

/** One event of the outbox, written as one JSON line. */
export interface DeliveryLog {
  event(name: string, fields?: Readonly<Record<string, LogValue | undefined>>): void;
}

/** A log that writes nothing (tests that do not look at it). */
export const SILENT_LOG: DeliveryLog = { event: () => undefined };

/**
 * A JSON-lines log on a stream: `{"time","event",...fields}` per line. The time is the wall clock
 * (logs are not content); the caller passes only ids, states and codes. Kept to one small module
 * so a pino logger can take its place without touching the worker.
 */
export function createJsonLinesLog(stream: { write(text: string): unknown }, wallClock: () => number = Date.now): DeliveryLog {
  return {
    event(name, fields = {}) {
      const line: Record<string, LogValue> = { time: new Date(wallClock()).toISOString(), event: name };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) line[key] = value;
      stream.write(`${JSON.stringify(line)}\n`);
    },
  };
}
