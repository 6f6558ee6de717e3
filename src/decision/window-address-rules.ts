import type { DecisionRule, IssuePath, RuleIssue } from './decision-rule.js';
import type { DecisionRecord, PostalAddress } from './decision-schema.js';
import { PERSON_NAME_ROOM, WINDOW_LINE_ROOM, WINDOW_NAME_ROOM } from './print-room.js';
import { printedWidth } from './printable-text.js';

/**
 * The window-envelope address must stay inside the window, so what it prints is measured
 * (`print-room.ts` says why these bounds keep it to six lines). Everything else the letters
 * print wraps onto as many lines and pages as it needs.
 */

function tooWide(path: IssuePath, width: number, room: number): RuleIssue[] {
  if (width <= room) return [];
  return [{ path, code: 'TEXT_TOO_WIDE', values: { percent: Math.ceil((width * 100) / room) } }];
}

/** The city line as letters print it: city, province, two no-break spaces, the postal code in capitals as two groups of three. */
export function cityLine(address: PostalAddress): string {
  const code = address.postalCode.toUpperCase().replace(' ', '');
  return `${address.city} ${address.province}\u00A0\u00A0${code.slice(0, 3)} ${code.slice(3)}`;
}

function addressIssues(address: PostalAddress | null | undefined, path: IssuePath): RuleIssue[] {
  if (!address) return [];
  return [
    ...tooWide([...path, 'line1'], printedWidth(address.line1), WINDOW_LINE_ROOM),
    ...(address.line2 === undefined ? [] : tooWide([...path, 'line2'], printedWidth(address.line2), WINDOW_LINE_ROOM)),
    ...tooWide([...path, 'city'], printedWidth(cityLine(address)), WINDOW_LINE_ROOM),
  ];
}

/** Every postal address fits the window: each line on one line. The office's too, though it is never in a window, so all addresses obey one rule. */
export const addressesFitTheWindow: DecisionRule = (r: DecisionRecord) => {
  const c = r.correspondence;
  return [
    ...addressIssues(r.office.address, ['office', 'address']),
    ...addressIssues(c.postalAddress, ['correspondence', 'postalAddress']),
    ...addressIssues(c.representative?.postalAddress, ['correspondence', 'representative', 'postalAddress']),
    ...(r.familyMembers ?? []).flatMap((m, i) => addressIssues(m.postalAddress, ['familyMembers', i, 'postalAddress'])),
  ];
};

/** The full name as letters print it: given names, a space, the family name (the family name alone when there are none). */
function fullNameWidth(person: { readonly givenNames: string; readonly familyName: string }): number {
  return person.givenNames.trim() === '' ? printedWidth(person.familyName) : printedWidth(`${person.givenNames} ${person.familyName}`);
}

/**
 * Every name fits the name part of the window: a person's full name beside another one ("A and
 * B"), the representative's on its own. The path is the family name; the message is about the
 * name as printed, given names included.
 */
export const namesFitTheWindow: DecisionRule = (r: DecisionRecord) => {
  const rep = r.correspondence.representative;
  return [
    ...tooWide(['principalApplicant', 'familyName'], fullNameWidth(r.principalApplicant), PERSON_NAME_ROOM),
    ...(r.familyMembers ?? []).flatMap((m, i) => tooWide(['familyMembers', i, 'familyName'], fullNameWidth(m), PERSON_NAME_ROOM)),
    ...(rep ? tooWide(['correspondence', 'representative', 'name'], printedWidth(rep.name), WINDOW_NAME_ROOM) : []),
  ];
};
