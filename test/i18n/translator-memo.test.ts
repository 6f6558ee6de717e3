import { describe, expect, it } from 'vitest';
import { defaultLocaleResources } from '../../src/i18n/default-translators.js';
import { createTranslators } from '../../src/i18n/translator.js';

describe('a translator remembering sentences with values', () => {
  it('gives each set of values its own sentence, the first again when asked again', () => {
    const { fr } = createTranslators(defaultLocaleResources());
    const first = fr('refusal-letter:next.none', { name: 'Ayşe Kılıç' });
    const second = fr('refusal-letter:next.none', { name: 'Marc Roy' });
    expect(first).toBe('Cette décision n’exige aucune autre démarche de la part d’Ayşe Kılıç.');
    expect(second).toBe('Cette décision n’exige aucune autre démarche de la part de Marc Roy.');
    expect(fr('refusal-letter:next.none', { name: 'Ayşe Kılıç' })).toBe(first);
  });

  it('stays right past its bound, the oldest sentences made again', () => {
    const { en } = createTranslators(defaultLocaleResources());
    const sentence = (n: number) => en('letter:personStatus.expired', { kind: 'exclusion order', date: `day ${String(n)}` });
    for (let n = 0; n < 5_000; n += 1) expect(sentence(n)).toBe(`No valid status; status as an exclusion order ended on day ${String(n)}`);
    expect(sentence(0)).toBe('No valid status; status as an exclusion order ended on day 0');
    expect(sentence(4_999)).toBe('No valid status; status as an exclusion order ended on day 4999');
  });
});
