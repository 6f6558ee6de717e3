/**
 * The states of a correspondence item and the edges between them, modelled on GOV.UK Notify's
 * notification statuses. This table is the only place that says which change is allowed;
 * `changeItemState` enforces it for every write.
 */
export const ITEM_STATES = [
  'awaiting-approval',
  'approved',
  'sending',
  'sent',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
  'cancelled',
  'superseded',
  'rejected',
  'printed',
  'filed',
] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** Allowed edges: from-state → the states it may move to. */
export const ITEM_TRANSITIONS: Readonly<Record<ItemState, readonly ItemState[]>> = {
  'awaiting-approval': ['approved', 'rejected', 'superseded', 'cancelled'],
  approved: ['sending', 'filed', 'superseded', 'cancelled'],
  // sending → sending is a lease taken over after the previous worker's lease ran out.
  sending: ['sending', 'sent', 'temporary-failure', 'permanent-failure', 'technical-failure', 'printed'],
  'temporary-failure': ['sending', 'technical-failure', 'superseded', 'cancelled'],
  sent: [],
  'permanent-failure': [],
  'technical-failure': [],
  cancelled: [],
  superseded: [],
  rejected: [],
  printed: [],
  filed: [],
};

/** States an item never leaves. A decision whose items are all terminal is closed. */
export const TERMINAL_ITEM_STATES: readonly ItemState[] = ITEM_STATES.filter((s) => ITEM_TRANSITIONS[s].length === 0);

/** Items not yet handed to anyone: a new revision supersedes them. */
export const UNSENT_ITEM_STATES: readonly ItemState[] = ['awaiting-approval', 'approved', 'temporary-failure'];

/** True when the state machine allows `from → to`. */
export function canChangeItemState(from: ItemState, to: ItemState): boolean {
  return ITEM_TRANSITIONS[from].includes(to);
}

/** True for a value read back from the database that names a known state. */
export function isItemState(value: string): value is ItemState {
  return (ITEM_STATES as readonly string[]).includes(value);
}
