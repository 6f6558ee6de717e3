/** Who a document is for: a person of the application (or their representative), a partner, or the file. */
export type Recipient =
  | 'client'
  | 'family-member'
  | 'representative'
  | 'cbsa-inland-enforcement'
  | 'cbsa-removals-unit'
  | 'designated-decision-maker'
  | 'mifi'
  | 'file';
