import { Parser } from 'htmlparser2';
import type {
  Block,
  LanguageTag,
  ListItem,
  TableBlock,
  TableCell,
  TextRun,
} from '../pdf/letter-document.js';
import { MarkupError } from './markup-error.js';

/**
 * The letter markup: the closed, semantic XML that letter templates produce. Each element maps
 * onto one block or run of the typesetter's document model:
 *
 *   <h1>, <h2>                      heading, level 1 or 2
 *   <p>                             paragraph
 *   <ul>/<ol> with <li>             bulleted or numbered list
 *   <table row-headers widths="..."> with optional <thead><tr><th>…</tr></thead> and <tr> of <th>/<td>
 *   <address> with <line>           the recipient's address
 *   <signature signatory="..."> with optional <closing> and <line>
 *   <spacer lines="n"/>, <page-break/>, <section> (a group, for one language of a bilingual letter)
 *   inline: text, <b>, <i>, <span lang="...">; any block also takes lang="en-CA|fr-CA"
 *
 * Anything else is an error: a template cannot slip in a construct the typesetter would drop.
 */

interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Node[];
}
type Node = Element | string;

const LANGUAGE_TAGS: readonly LanguageTag[] = ['en-CA', 'fr-CA'];
const KNOWN_TAGS = new Set([
  'letter', 'h1', 'h2', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tr', 'th', 'td', 'address', 'line',
  'signature', 'closing', 'spacer', 'page-break', 'section', 'b', 'i', 'span',
]);

/** Reads the markup into a tree; entities are decoded once, so escaped record text comes back as written. */
function parseTree(markup: string, template: string): Element {
  const root: Element = { name: 'letter', attributes: {}, children: [] };
  const stack: Element[] = [root];
  let error: MarkupError | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!KNOWN_TAGS.has(name) || name === 'letter') {
          error ??= new MarkupError('MARKUP_UNKNOWN_TAG', template, `<${name}> is not part of the letter markup`);
        }
        const element: Element = { name, attributes, children: [] };
        stack.at(-1)?.children.push(element);
        stack.push(element);
      },
      ontext(text) {
        const children = stack.at(-1)?.children;
        if (!children) return;
        const last = children.at(-1);
        // The parser may hand one text node over in pieces (around entities): join them back.
        if (typeof last === 'string') children[children.length - 1] = last + text;
        else children.push(text);
      },
      onclosetag() {
        stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(markup);
  parser.end();
  if (error) throw error;
  return root;
}

function languageOf(element: Element, template: string): LanguageTag | undefined {
  const lang = element.attributes.lang;
  if (lang === undefined) return undefined;
  const tag = LANGUAGE_TAGS.find((t) => t === lang);
  if (!tag) throw new MarkupError('MARKUP_ATTRIBUTE_INVALID', template, `lang="${lang}" on <${element.name}>`);
  return tag;
}

function withLang<T extends object>(value: T, lang: LanguageTag | undefined): T {
  return lang === undefined ? value : { ...value, lang };
}

const ASCII_SPACE = /[ \t\n\r\f]+/g;

export interface MarkupOptions {
  /** The name of the template, for error messages. */
  readonly template: string;
  /** The typographic pass for each language's text (French spacing for fr-CA). */
  readonly typography: (text: string, lang: LanguageTag) => string;
  /** The language of the document: text outside any `lang` attribute is in it. */
  readonly lang: LanguageTag;
}

class MarkupReader {
  constructor(private readonly options: MarkupOptions) {}

  private fail(code: ConstructorParameters<typeof MarkupError>[0], detail: string): never {
    throw new MarkupError(code, this.options.template, detail);
  }

  /** Inline content: text runs with bold, italic and language; whitespace collapsed, edges trimmed. */
  runs(element: Element, lang: LanguageTag): TextRun[] {
    const out: TextRun[] = [];
    const walk = (node: Node, style: { bold: boolean; italic: boolean; lang: LanguageTag; spanLang?: LanguageTag }) => {
      if (typeof node === 'string') {
        const text = this.options.typography(node.replace(ASCII_SPACE, ' '), style.lang);
        if (text === '') return;
        out.push({
          text,
          ...(style.bold ? { bold: true } : {}),
          ...(style.italic ? { italic: true } : {}),
          ...(style.spanLang && style.spanLang !== lang ? { lang: style.spanLang } : {}),
        });
        return;
      }
      if (node.name === 'b') node.children.forEach((c) => { walk(c, { ...style, bold: true }); });
      else if (node.name === 'i') node.children.forEach((c) => { walk(c, { ...style, italic: true }); });
      else if (node.name === 'span') {
        const spanLang = languageOf(node, this.options.template) ?? style.lang;
        node.children.forEach((c) => { walk(c, { ...style, lang: spanLang, spanLang }); });
      } else this.fail('MARKUP_MISPLACED', `<${node.name}> inside <${element.name}>, where only text, <b>, <i> and <span> go`);
    };
    element.children.forEach((c) => { walk(c, { bold: false, italic: false, lang }); });
    return trimRuns(out);
  }

  private elements(element: Element, allowed: readonly string[]): Element[] {
    return element.children.flatMap((child) => {
      if (typeof child === 'string') {
        if (child.trim() !== '') this.fail('MARKUP_TEXT_OUTSIDE_BLOCK', `text directly inside <${element.name}>`);
        return [];
      }
      if (!allowed.includes(child.name)) this.fail('MARKUP_MISPLACED', `<${child.name}> inside <${element.name}>`);
      return [child];
    });
  }

  private plainLines(element: Element, lang: LanguageTag): string[] {
    return this.elements(element, ['line']).map((line) => this.runs(line, lang).map((r) => r.text).join(''));
  }

  private number(element: Element, name: string): number {
    const value = Number(element.attributes[name]);
    if (!Number.isFinite(value) || value <= 0) this.fail('MARKUP_ATTRIBUTE_INVALID', `${name} on <${element.name}>`);
    return value;
  }

  private table(element: Element, lang: LanguageTag): TableBlock {
    const rowOf = (tr: Element): TableCell[] => this.elements(tr, ['th', 'td']).map((cell) => this.runs(cell, lang));
    let header: TableCell[] | undefined;
    const rows: TableCell[][] = [];
    for (const child of this.elements(element, ['thead', 'tr'])) {
      if (child.name === 'tr') rows.push(rowOf(child));
      else [header] = this.elements(child, ['tr']).map(rowOf);
    }
    const widths = element.attributes.widths?.trim().split(/\s+/).map(Number);
    if (widths?.some((w) => !(w > 0 && w <= 1))) this.fail('MARKUP_ATTRIBUTE_INVALID', 'widths on <table>');
    return {
      kind: 'table',
      rows,
      ...(header ? { header } : {}),
      ...('row-headers' in element.attributes ? { rowHeaders: true } : {}),
      ...(widths ? { columnWidths: widths } : {}),
    };
  }

  blocks(element: Element, inherited: LanguageTag): Block[] {
    const BLOCK_TAGS = ['h1', 'h2', 'p', 'ul', 'ol', 'table', 'address', 'signature', 'spacer', 'page-break', 'section'];
    return this.elements(element, BLOCK_TAGS).map((child): Block => {
      const own = languageOf(child, this.options.template);
      const lang = own ?? inherited;
      const tagged = <T extends object>(block: T): T => withLang(block, own !== undefined && own !== inherited ? own : undefined);
      switch (child.name) {
        case 'h1':
        case 'h2':
          return tagged({ kind: 'heading', level: child.name === 'h1' ? 1 : 2, runs: this.runs(child, lang) });
        case 'p':
          return tagged({ kind: 'paragraph', runs: this.runs(child, lang) });
        case 'ul':
        case 'ol':
          return tagged({
            kind: 'list',
            ordered: child.name === 'ol',
            items: this.elements(child, ['li']).map((li): ListItem => {
              // The model has no language on an item: a <span lang> inside it says it instead.
              if (li.attributes.lang !== undefined) this.fail('MARKUP_ATTRIBUTE_INVALID', 'lang on <li>; use <span lang> inside it');
              return { runs: this.runs(li, lang) };
            }),
          });
        case 'table':
          return tagged(this.table(child, lang));
        case 'address':
          return tagged({ kind: 'address', lines: this.plainLines(child, lang) });
        case 'signature': {
          const signatory = child.attributes.signatory;
          if (!signatory) this.fail('MARKUP_ATTRIBUTE_INVALID', 'signatory on <signature>');
          const parts = this.elements(child, ['closing', 'line']);
          const closing = parts.find((p) => p.name === 'closing');
          return tagged({
            kind: 'signature',
            signatory: this.options.typography(signatory, lang),
            lines: parts.filter((p) => p.name === 'line').map((l) => this.runs(l, lang).map((r) => r.text).join('')),
            ...(closing ? { closing: this.runs(closing, lang) } : {}),
          });
        }
        case 'spacer':
          return tagged({ kind: 'spacer', lines: this.number(child, 'lines') });
        case 'page-break':
          return tagged({ kind: 'pageBreak' });
        default:
          return tagged({ kind: 'section', blocks: this.blocks(child, lang) });
      }
    });
  }
}

/** Collapses a space shared by two runs, trims the edges of the block, drops runs left empty. */
function trimRuns(runs: TextRun[]): TextRun[] {
  const out = runs.map((run, i) => (i > 0 && run.text.startsWith(' ') && runs[i - 1]?.text.endsWith(' ') ? { ...run, text: run.text.slice(1) } : run));
  const first = out[0];
  if (first) out[0] = { ...first, text: first.text.replace(/^ /, '') };
  const last = out.at(-1);
  if (last) out[out.length - 1] = { ...last, text: last.text.replace(/ $/, '') };
  return out.filter((r) => r.text !== '');
}

/** Parses a template's letter markup into typesetter blocks; throws `MarkupError` on anything outside it. */
export function parseLetterMarkup(markup: string, options: MarkupOptions): Block[] {
  const reader = new MarkupReader(options);
  return reader.blocks(parseTree(markup, options.template), options.lang);
}
