import { LANGUAGES, type Language } from './decision-schema.js';

/** `first`, then, when `both`, the other official language: the order of every bilingual piece. */
export function languagesFrom(first: Language, both: boolean): [Language, ...Language[]] {
  return both ? [first, ...LANGUAGES.filter((l) => l !== first)] : [first];
}
