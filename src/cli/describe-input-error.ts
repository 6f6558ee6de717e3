import type { Language } from '../decision/decision-schema.js';
import { createTranslator } from '../i18n/translator.js';
import type { InputError } from './input-error.js';

const KNOWN_REASONS = new Set(['ENOENT', 'EACCES', 'EISDIR']);

/** The bilingual explanation of an input error, from the `cli` locale namespace. */
export function describeInputError(error: InputError): Record<Language, string> {
  const message = (language: Language) => {
    const t = createTranslator(language);
    const { line, column, reason } = error.detail;
    const where = line !== undefined && column !== undefined ? t('cli:where', { line, column }) : '';
    const known = typeof reason === 'string' && KNOWN_REASONS.has(reason);
    const because = reason === undefined ? '' : t(`cli:reason.${known ? reason : 'other'}`, { code: reason });
    return t(`cli:${error.code}`, { ...error.detail, where, reason: because });
  };
  return { en: message('en'), fr: message('fr') };
}
