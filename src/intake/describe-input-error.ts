import type { Language } from '../decision/decision-schema.js';
import { defaultTranslator } from '../i18n/default-translators.js';

/** Errno codes with a sentence of their own; any other is shown as its code. */
const KNOWN_REASONS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS', 'ENOSPC']);
const KINDS = new Set(['directory', 'fifo', 'characterDevice', 'blockDevice', 'socket']);

/** An error with a stable code and a detail free of input: `InputError`, and `OutputError` too. */
export interface DescribableError {
  readonly code: string;
  readonly detail: Readonly<Record<string, string | number>>;
}

/** The bilingual explanation of an input (or output) error, from the `cli` locale namespace. */
export function describeInputError(error: DescribableError): Record<Language, string> {
  const message = (language: Language) => {
    const t = defaultTranslator(language);
    const { line, column, reason, kind } = error.detail;
    const where = line !== undefined && column !== undefined ? t('cli:where', { line, column }) : '';
    const known = typeof reason === 'string' && KNOWN_REASONS.has(reason);
    const because = reason === undefined ? '' : t(`cli:reason.${known ? reason : 'other'}`, { code: reason });
    const what = kind === undefined ? '' : t(`cli:kind.${typeof kind === 'string' && KINDS.has(kind) ? kind : 'other'}`);
    return t(`cli:${error.code}`, { ...error.detail, where, reason: because, kind: what });
  };
  return { en: message('en'), fr: message('fr') };
}
