import { familyMember, permit, recordWith, removalOrder, type Json } from './records.js';

/**
 * A valid record in which every optional text field is present (a second address line, a
 * representative with an address, a family member with an inadmissibility and an address of
 * their own, a permit), so that any text field can be reached; `edit` changes it further.
 */
export function fullRecord(edit: (r: any) => void = () => undefined): Json {
  return recordWith((r) => {
    r.principalApplicant.givenNames = '';
    r.principalApplicant.removalOrder = removalOrder('deportation');
    r.departure = null;
    r.correspondence.postalAddress.line2 = 'App. 3';
    r.correspondence.representative = { name: 'Me Sample', email: 'counsel@example.org', postalAddress: { line1: '1 Rue Test', line2: 'Bureau 2', city: 'Laval', province: 'QC', postalCode: 'H7N 2K1' } };
    r.familyMembers = [familyMember({ admissible: false, inadmissibility: 'A36(1)(a)', givenNames: '', postalAddress: { line1: '2 Rue Test', city: 'Laval', province: 'QC', postalCode: 'H7N 2K2' } })];
    r.trp = [permit({ uci: '2345-6789' })];
    edit(r);
  });
}

/** Every text field of `fullRecord`, as paths. */
export const TEXT_FIELDS: readonly (readonly (string | number)[])[] = [
  ['reasons'], ['office', 'id'], ['office', 'name', 'en'], ['office', 'name', 'fr'], ['office', 'address', 'line1'], ['office', 'address', 'city'],
  ['officer', 'id'], ['officer', 'name'], ['officer', 'title', 'en'], ['officer', 'title', 'fr'],
  ['correspondence', 'postalAddress', 'line1'], ['correspondence', 'postalAddress', 'line2'], ['correspondence', 'postalAddress', 'city'],
  ['correspondence', 'representative', 'name'], ['correspondence', 'representative', 'postalAddress', 'line1'],
  ['correspondence', 'representative', 'postalAddress', 'line2'], ['correspondence', 'representative', 'postalAddress', 'city'],
  ['principalApplicant', 'familyName'], ['principalApplicant', 'givenNames'], ['principalApplicant', 'removalOrder', 'cbsaOffice'],
  ['familyMembers', 0, 'familyName'], ['familyMembers', 0, 'givenNames'], ['familyMembers', 0, 'inadmissibility'],
  ['familyMembers', 0, 'postalAddress', 'line1'], ['familyMembers', 0, 'postalAddress', 'city'],
  ['trp', 0, 'rationale'], ['trp', 0, 'riskAssessment'], ['trp', 0, 'conditions', 0], ['trp', 0, 'fee', 'receiptNumber'],
];

/** Sets the value at `path` in `record` (the path must exist but for its last key). */
export function setAt(record: Json, path: readonly (string | number)[], value: unknown): void {
  let target: any = record;
  for (const key of path.slice(0, -1)) target = target[key];
  target[path.at(-1) ?? ''] = value;
}
