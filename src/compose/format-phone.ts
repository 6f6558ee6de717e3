import { parsePhone } from '../decision/phone-number.js';
import type { Translate } from '../i18n/translator.js';

/**
 * A telephone number as a letter or an email prints it: the number as the record writes it, then
 * the extension in the reader's language ("…, ext. 1234", "…, poste 1234"). With `noBreak`, the
 * number's spaces become no-break spaces so that it is never split across lines.
 */
export function formatPhone(phone: string, t: Translate, noBreak = false): string {
  const { number, extension } = parsePhone(phone);
  const shown = noBreak ? number.replace(/ /g, '\u00A0') : number;
  return extension === undefined ? shown : t('format:phoneExtension', { number: shown, extension });
}
