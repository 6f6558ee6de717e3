import { describe, expect, it } from 'vitest';
import { applyFrenchSpacing } from '../../src/i18n/french-spacing.js';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('applyFrenchSpacing', () => {
  it.each([
    ['Date : le 1er décembre', `Date${NBSP}: le 1er décembre`],
    ['Date: le 1er décembre', `Date${NBSP}: le 1er décembre`],
    ['Objet :', `Objet${NBSP}:`],
    ['Attention ; lisez.', `Attention${NNBSP}; lisez.`],
    ['Vraiment ?', `Vraiment${NNBSP}?`],
    ['Vraiment?', `Vraiment${NNBSP}?`],
    ['Enfin !', `Enfin${NNBSP}!`],
    ['Quoi ?!', `Quoi${NNBSP}?!`],
    ['« Départ »', `«${NBSP}Départ${NBSP}»`],
    ['«Départ»', `«${NBSP}Départ${NBSP}»`],
    ['le champ « x » ; voir', `le champ «${NBSP}x${NBSP}»${NNBSP}; voir`],
    [' : suite d’une phrase en gras', `${NBSP}: suite d’une phrase en gras`],
    [' ? suite', `${NNBSP}? suite`],
    ['O&#39;Brien &amp; Fils ; oui', `O&#39;Brien &amp; Fils${NNBSP}; oui`],
  ])('%j → %j', (input, expected) => {
    expect(applyFrenchSpacing(input)).toBe(expected);
  });

  it.each(['14:30', 'https://www.canada.ca/fr.html?x=1', 'a;b', 'E000123456', ':'])('leaves %j alone', (input) => {
    expect(applyFrenchSpacing(input)).toBe(input);
  });

  it('is idempotent', () => {
    const once = applyFrenchSpacing('Note : « oui » ; non ? Si !');
    expect(applyFrenchSpacing(once)).toBe(once);
  });
});
