import type { StoreDriver } from './store-driver.js';

/** What every operation of the store receives: the driver and the settings fixed at open. */
export interface StoreContext {
  readonly driver: StoreDriver;
  /** How long after the first attempt an item may still be retried (default 72 h). */
  readonly retryWindowMs: number;
  /** The IANA time zone whose calendar says which day it is for follow-ups. */
  readonly timeZone: string;
}
