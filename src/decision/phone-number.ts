/**
 * An office telephone number as case systems write it: 7 to 25 digits, spaces and `+().-`, then
 * optionally an extension of 1 to 6 digits introduced by `ext`, `ext.`, `extension`, `poste` or
 * `x` (any case, with or without a comma or spaces before it): `+1 514-555-0101 ext. 1234`,
 * `514 555-0101, poste 1234`, `514-555-0101 x1234`.
 */
export const PHONE_PATTERN = /^\+?[0-9 ().-]{7,25}(?:,? *(?:[Ee][Xx][Tt](?:\.|[Ee][Nn][Ss][Ii][Oo][Nn])?|[Pp][Oo][Ss][Tt][Ee]|[Xx]) *\.? *[0-9]{1,6})?$/;

/** A telephone number split into the number and its extension. */
export interface PhoneNumber {
  readonly number: string;
  readonly extension?: string;
}

const EXTENSION = /,? *(?:ext(?:\.|ension)?|poste|x) *\.? *([0-9]{1,6})$/i;

/** Splits a number that matches `PHONE_PATTERN`; the number keeps its own spacing, trimmed. */
export function parsePhone(phone: string): PhoneNumber {
  const match = EXTENSION.exec(phone);
  if (match?.[1] === undefined) return { number: phone.trim() };
  return { number: phone.slice(0, match.index).trim(), extension: match[1] };
}

/** The number as a `tel:` URI writes it (RFC 3966): digits with the leading plus, then `;ext=`. */
export function phoneUri(phone: string): string {
  const { number, extension } = parsePhone(phone);
  const digits = number.replace(/(?!^\+)[^0-9]/g, '');
  return extension === undefined ? digits : `${digits};ext=${extension}`;
}
