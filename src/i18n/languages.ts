/** The official languages every document and message is written in, English first by convention. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The BCP 47 tag of each language as Canadian documents carry it (PDF /Lang, HTML lang, Intl). */
export const LANGUAGE_TAGS = { en: 'en-CA', fr: 'fr-CA' } as const satisfies Record<Language, string>;
