const NBSP = '\u00A0';
const NNBSP = '\u202F';

/**
 * Applies the French spacing rules to finished French text: a no-break space before ":" and
 * inside « », a narrow no-break space before ";", "!" and "?". Punctuation inside a word or URL
 * (14:30, https://, ?lang=fr) is left alone because it is not followed by a space or the end.
 */
export function applyFrenchSpacing(text: string): string {
  return text
    .replace(/(?<=\S)[ \u00A0\u202F]*:(?=\s|$|»)/gu, `${NBSP}:`)
    .replace(/(?<=\S)[ \u00A0\u202F]*([;!?]+)(?=\s|$|»|\))/gu, `${NNBSP}$1`)
    .replace(/«[ \u00A0\u202F]*/gu, `«${NBSP}`)
    .replace(/[ \u00A0\u202F]*»/gu, `${NBSP}»`);
}
