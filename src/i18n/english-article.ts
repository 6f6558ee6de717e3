/**
 * "a" or "an" before an English word, by its sound rather than its letter: "an exclusion order",
 * "a departure order", "a user", "an hour". Covers the words our letters put after an article.
 */

/** Vowel letters that sound like a consonant ("a unique", "a European", "a one-day permit"). */
const CONSONANT_SOUND = /^(?:uni|use|usu|uti|ure|eu|ewe|one|once|ouija)/i;

/** Words whose h is silent ("an hour", "an honest"). */
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i;

/** Whether an English word begins with a vowel sound. */
export function startsWithEnglishVowelSound(text: string): boolean {
  const word = text.replace(/^[\s"'“(]+/u, '');
  if (SILENT_H.test(word)) return true;
  if (/^[aeiou]/i.test(word)) return !CONSONANT_SOUND.test(word);
  // Letters read one by one: an H&C application, an RCIC.
  return /^[FHLMNRSX](?:[A-Z&]|$)/.test(word);
}

/** `text` with its indefinite article: "an exclusion order", "a visitor". */
export function withEnglishArticle(text: string): string {
  return `${startsWithEnglishVowelSound(text) ? 'an' : 'a'} ${text}`;
}
