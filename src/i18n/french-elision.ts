/**
 * French elision and contraction, applied to a word or name that follows a short word ("de",
 * "que", "le"): "d’étudiant", "d’Ayşe", "qu’Hélène", but "de Yasmine" and "de Hugo"… by rule,
 * never typed by hand in each sentence.
 */

const APOSTROPHE = '\u2019';

/** Vowels with or without diacritics, and the ligatures, as a word's first letter. */
const VOWEL = /^[aeiouàâäæéèêëîïôöœùûü]/iu;

/**
 * Words (and name starts) whose h is aspirated, so no elision: "de Hollande", "le héros". Names
 * take elision by default ("d’Hélène"); the few common nouns our letters use are listed here.
 */
const ASPIRATED_H = /^(?:hasard|haut|héros|holland|hongr|honduras|hors|huit)/iu;

/** The text after leading spaces; a quotation mark or bracket first means no elision ("de « Avis »"). */
function firstWord(text: string): string {
  return text.replace(/^[\s\u00A0\u202F]+/u, '');
}

/**
 * Whether a French word begins with a vowel sound that calls for elision: a vowel, a mute h, or a
 * y followed by a consonant ("Yves" yes, "Yasmine" no). Digits never do ("le 11 décembre").
 */
export function startsWithFrenchVowelSound(text: string): boolean {
  const word = firstWord(text);
  if (VOWEL.test(word)) return true;
  if (/^h/iu.test(word)) return !ASPIRATED_H.test(word);
  if (/^y/iu.test(word)) return /^y[^aeiouàâäéèêëîïôöùûüy\s]/iu.test(word);
  return false;
}

/** The particles this helper joins to a following word. */
export type FrenchParticle = 'de' | 'que' | 'le' | 'la' | 'je' | 'ne' | 'lorsque' | 'puisque' | 'jusque';

/** `particle` followed by `text`, elided when `text` begins with a vowel sound: "de" + "Ayşe" → "d’Ayşe". */
export function frenchJoin(particle: FrenchParticle, text: string): string {
  if (!startsWithFrenchVowelSound(text)) return `${particle} ${text}`;
  return `${particle === 'la' ? 'l' : particle.slice(0, -1)}${APOSTROPHE}${text}`;
}

/** A definite article form for a common noun of known gender: the bare noun, "le/la/l’", "du/de la/de l’", "au/à la/à l’". */
export type ArticleForm = 'bare' | 'le' | 'du' | 'au';

/** A common noun phrase with the article `form` asks for; the phrase starts with the noun whose gender is given. */
export function withFrenchArticle(form: ArticleForm, phrase: string, gender: 'm' | 'f'): string {
  if (form === 'bare') return phrase;
  if (startsWithFrenchVowelSound(phrase)) {
    const elided = `l${APOSTROPHE}${phrase}`;
    return form === 'le' ? elided : `${form === 'du' ? 'de' : 'à'} ${elided}`;
  }
  if (gender === 'f') return `${form === 'le' ? 'la' : form === 'du' ? 'de la' : 'à la'} ${phrase}`;
  return `${form === 'le' ? 'le' : form} ${phrase}`;
}
