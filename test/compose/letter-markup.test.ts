import { describe, expect, it } from 'vitest';
import { parseLetterMarkup } from '../../src/compose/letter-markup.js';
import { applyFrenchSpacing } from '../../src/i18n/french-spacing.js';

const options = {
  template: 'test.njk',
  lang: 'en-CA' as const,
  typography: (text: string, lang: string) => (lang === 'fr-CA' ? applyFrenchSpacing(text) : text),
};
const parse = (markup: string, lang: 'en-CA' | 'fr-CA' = 'en-CA') => parseLetterMarkup(markup, { ...options, lang });

describe('parseLetterMarkup', () => {
  it('maps each block element onto the document model', () => {
    expect(
      parse(`
        <h1>Title</h1>
        <h2>Sub</h2>
        <p>Text with <b>bold</b>, <i>italic</i> and <span lang="fr-CA">du français</span>.</p>
        <ul><li>One</li><li>Two</li></ul>
        <ol><li>First</li></ol>
        <address><line>A. Person</line><line>1 Test St</line></address>
        <spacer lines="2"/>
        <page-break/>
        <signature signatory="Officer Name"><closing>Sincerely,</closing><line>Officer</line></signature>
      `),
    ).toEqual([
      { kind: 'heading', level: 1, runs: [{ text: 'Title' }] },
      { kind: 'heading', level: 2, runs: [{ text: 'Sub' }] },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Text with ' },
          { text: 'bold', bold: true },
          { text: ', ' },
          { text: 'italic', italic: true },
          { text: ' and ' },
          { text: 'du français', lang: 'fr-CA' },
          { text: '.' },
        ],
      },
      { kind: 'list', ordered: false, items: [{ runs: [{ text: 'One' }] }, { runs: [{ text: 'Two' }] }] },
      { kind: 'list', ordered: true, items: [{ runs: [{ text: 'First' }] }] },
      { kind: 'address', lines: ['A. Person', '1 Test St'] },
      { kind: 'spacer', lines: 2 },
      { kind: 'pageBreak' },
      { kind: 'signature', signatory: 'Officer Name', lines: ['Officer'], closing: [{ text: 'Sincerely,' }] },
    ]);
  });

  it('reads tables with a header, row headers and widths', () => {
    expect(
      parse('<table row-headers widths="0.4 0.6"><thead><tr><th>K</th><th>V</th></tr></thead><tr><th>a</th><td>1</td></tr></table>'),
    ).toEqual([
      { kind: 'table', header: [[{ text: 'K' }], [{ text: 'V' }]], rows: [[[{ text: 'a' }], [{ text: '1' }]]], rowHeaders: true, columnWidths: [0.4, 0.6] },
    ]);
  });

  it('decodes escaped text exactly once: record text prints as written', () => {
    expect(parse('<p>O&#39;Brien &amp; &lt;Fils&gt; {{ 7*7 }} &amp;amp;</p>')).toEqual([
      { kind: 'paragraph', runs: [{ text: "O'Brien & <Fils> {{ 7*7 }} &amp;" }] },
    ]);
  });

  it('collapses ASCII white space but keeps no-break spaces', () => {
    expect(parse('<p>\n   a  \t b\u00A0\u00A0c   <b> d </b>  e </p>')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'a b\u00A0\u00A0c ' }, { text: 'd ', bold: true }, { text: 'e' }] },
    ]);
  });

  it('applies French spacing to French text only, across a bold run', () => {
    const [block] = parse('<p><b>Objet</b> : départ ; <span lang="en-CA">Note: yes</span></p>', 'fr-CA');
    expect(block).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'Objet', bold: true }, { text: '\u00A0: départ\u202F; ' }, { text: 'Note: yes', lang: 'en-CA' }],
    });
  });

  it('tags a section or block whose language differs, not one in the document language', () => {
    expect(parse('<section lang="fr-CA"><p>Bonjour</p><p lang="en-CA">Hello</p></section><p lang="en-CA">Same</p>')).toEqual([
      { kind: 'section', lang: 'fr-CA', blocks: [{ kind: 'paragraph', runs: [{ text: 'Bonjour' }] }, { kind: 'paragraph', lang: 'en-CA', runs: [{ text: 'Hello' }] }] },
      { kind: 'paragraph', runs: [{ text: 'Same' }] },
    ]);
  });

  it.each<[string, string]>([
    ['<div>x</div>', 'MARKUP_UNKNOWN_TAG'],
    ['<p><script>x</script></p>', 'MARKUP_UNKNOWN_TAG'],
    ['<letter><p>x</p></letter>', 'MARKUP_UNKNOWN_TAG'],
    ['loose text', 'MARKUP_TEXT_OUTSIDE_BLOCK'],
    ['<p><p>nested</p></p>', 'MARKUP_MISPLACED'],
    ['<ul><p>x</p></ul>', 'MARKUP_MISPLACED'],
    ['<li>x</li>', 'MARKUP_MISPLACED'],
    ['<p lang="de-DE">x</p>', 'MARKUP_ATTRIBUTE_INVALID'],
    ['<spacer lines="-1"/>', 'MARKUP_ATTRIBUTE_INVALID'],
    ['<ul><li lang="fr-CA">x</li></ul>', 'MARKUP_ATTRIBUTE_INVALID'],
    ['<signature><line>x</line></signature>', 'MARKUP_ATTRIBUTE_INVALID'],
    ['<table widths="2"><tr><td>x</td></tr></table>', 'MARKUP_ATTRIBUTE_INVALID'],
  ])('rejects %s with %s', (markup, code) => {
    expect(() => parse(markup)).toThrow(expect.objectContaining({ code, template: 'test.njk' }));
  });
});
