import { domainToASCII } from 'node:url';

/** The longest address SMTP carries (RFC 5321's path limit, less the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

// The local part of the contract's email pattern (ASCII, dot-atom) and an ASCII domain whose last
// label is letters or an IDNA A-label (`xn--p1ai`).
const ASCII_EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:[A-Za-z]{2,}|xn--[A-Za-z0-9-]+)$/;

/**
 * The pattern the JSON Schema shows: the same local part, and a domain that may be written in
 * Unicode, since such a domain is accepted and turned into its ASCII form.
 */
export const EMAIL_SCHEMA_PATTERN = "^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[^\\s@.]+\\.)+[^\\s@.]{2,}$";

const NON_ASCII = /[\u0080-\u{10FFFF}]/u;

/**
 * The address with an internationalised domain written as its ASCII form (IDNA A-labels,
 * `jose@exämple.org` → `jose@xn--exmple-cua.org`), the form every SMTP relay and every header
 * carries; any other address as it is.
 */
export function asciiEmailDomain(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = address.slice(at + 1);
  if (!NON_ASCII.test(domain)) return address;
  const ascii = domainToASCII(domain);
  return ascii === '' ? address : `${address.slice(0, at)}@${ascii}`;
}

/**
 * Why an address (after `asciiEmailDomain`) cannot be used, or undefined when it can:
 * `EMAIL_NOT_DELIVERABLE` for a local part with non-ASCII characters (only SMTPUTF8 carries it,
 * on every server on the way, and the message's own headers would need it too),
 * `FORMAT_INVALID` for anything that is not an address, `STRING_TOO_LONG` past 254 characters.
 */
export function emailAddressProblem(address: string): 'EMAIL_NOT_DELIVERABLE' | 'FORMAT_INVALID' | 'STRING_TOO_LONG' | undefined {
  const at = address.lastIndexOf('@');
  if (at > 0 && NON_ASCII.test(address.slice(0, at))) return 'EMAIL_NOT_DELIVERABLE';
  if (!ASCII_EMAIL.test(address)) return 'FORMAT_INVALID';
  if (address.length > EMAIL_MAX_LENGTH) return 'STRING_TOO_LONG';
  return undefined;
}
