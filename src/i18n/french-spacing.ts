const NBSP = '\u00A0';
const NNBSP = '\u202F';

/**
 * Applies the French spacing rules to finished French text: a no-break space before ":" and
 * inside « », a narrow no-break space before ";", "!" and "?". Punctuation inside a word or URL
 * (14:30, https://, ?lang=fr) is left alone because it is not followed by a space or the end.
 * Text that starts with spaces and then the punctuation (a run after a bold word) gets the
 * no-break space too, so the rule holds across the runs of a styled sentence.
 */
export function applyFrenchSpacing(text: string): string {
  return text
    .replace(/(?<=\S)[ \u00A0\u202F]*:(?=\s|$|»)|^[ \u00A0\u202F]+:(?=\s|$)/gu, `${NBSP}:`)
    // An entity's closing semicolon (&amp;) is not punctuation.
    .replace(/(?<=\S)(?<!&#?\w+)[ \u00A0\u202F]*([;!?]+)(?=\s|$|»|\))|^[ \u00A0\u202F]+([;!?]+)(?=\s|$)/gu, (_m, a?: string, b?: string) => `${NNBSP}${a ?? b ?? ''}`)
    .replace(/«[ \u00A0\u202F]*/gu, `«${NBSP}`)
    .replace(/[ \u00A0\u202F]*»/gu, `${NBSP}»`);
}
