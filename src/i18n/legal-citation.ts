import type { Language } from './languages.js';
import { withFrenchArticle, type ArticleForm } from './french-elision.js';

/**
 * Citations of the Immigration and Refugee Protection Act and Regulations from the short codes
 * officers and records use ("A36(1)(a)", "R298(2)(b)", "A42"), written the way each official
 * language writes them: "paragraph 36(1)(a) of the Act", "alinéa 36(1)a) de la Loi".
 */

type Level = 'section' | 'subsection' | 'paragraph' | 'subparagraph' | 'clause';

/** A parsed provision: which instrument, the section, and the parts below it in order. */
export interface Provision {
  readonly instrument: 'act' | 'regulations';
  readonly section: string;
  readonly subsection?: string;
  readonly paragraph?: string;
  readonly subparagraph?: string;
  readonly clause?: string;
}

const CODE = /^\s*([AR])\s*(\d+(?:\.\d+)?)((?:\([0-9A-Za-z.]+\))*)\s*$/;
const ROMAN = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/;

/** Reads a code such as "A36(1)(a)"; undefined for text that is not one (it is then printed as written). */
export function parseProvision(code: string): Provision | undefined {
  const match = CODE.exec(code);
  if (!match) return undefined;
  const [, letter, section = '', rest = ''] = match;
  const parts = [...rest.matchAll(/\(([^)]+)\)/g)].map((m) => m[1] ?? '');
  const provision: { -readonly [K in keyof Provision]: Provision[K] } = { instrument: letter === 'A' ? 'act' : 'regulations', section };
  for (const part of parts) {
    if (/^\d+(?:\.\d+)?$/.test(part) && provision.subsection === undefined && provision.paragraph === undefined) provision.subsection = part;
    else if (/^[a-z](?:\.\d+)?$/.test(part) && provision.paragraph === undefined) provision.paragraph = part;
    else if (ROMAN.test(part) && provision.paragraph !== undefined && provision.subparagraph === undefined) provision.subparagraph = part;
    else if (/^[A-Z]$/.test(part) && provision.subparagraph !== undefined && provision.clause === undefined) provision.clause = part;
    else return undefined;
  }
  return provision;
}

function levelOf(p: Provision): Level {
  if (p.clause !== undefined) return 'clause';
  if (p.subparagraph !== undefined) return 'subparagraph';
  if (p.paragraph !== undefined) return 'paragraph';
  if (p.subsection !== undefined) return 'subsection';
  return 'section';
}

const ENGLISH_NOUN: Record<Level, string> = {
  section: 'section',
  subsection: 'subsection',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
  clause: 'clause',
};

/** French names the level by a noun of its own gender: "l’alinéa", "la division". */
const FRENCH_NOUN: Record<Level, { readonly noun: string; readonly gender: 'm' | 'f' }> = {
  section: { noun: 'article', gender: 'm' },
  subsection: { noun: 'paragraphe', gender: 'm' },
  paragraph: { noun: 'alinéa', gender: 'm' },
  subparagraph: { noun: 'sous-alinéa', gender: 'm' },
  clause: { noun: 'division', gender: 'f' },
};

/** English puts every part in brackets: 36(1)(a)(ii)(A). */
function englishNumber(p: Provision): string {
  return [p.section, p.subsection, p.paragraph, p.subparagraph, p.clause]
    .map((part, i) => (part === undefined ? '' : i === 0 ? part : `(${part})`))
    .join('');
}

/** French closes a paragraph letter with one bracket: 36(1)a)(ii)(A). */
function frenchNumber(p: Provision): string {
  return [
    p.section,
    p.subsection === undefined ? '' : `(${p.subsection})`,
    p.paragraph === undefined ? '' : `${p.paragraph})`,
    p.subparagraph === undefined ? '' : `(${p.subparagraph})`,
    p.clause === undefined ? '' : `(${p.clause})`,
  ].join('');
}

const INSTRUMENT = {
  en: {
    act: { short: 'of the Act', long: 'of the Immigration and Refugee Protection Act' },
    regulations: { short: 'of the Regulations', long: 'of the Immigration and Refugee Protection Regulations' },
  },
  fr: {
    act: { short: 'de la Loi', long: 'de la Loi sur l’immigration et la protection des réfugiés' },
    regulations: { short: 'du Règlement', long: 'du Règlement sur l’immigration et la protection des réfugiés' },
  },
} as const;

/** How a citation is written: with which article (French only) and the instrument's short or full title. */
export interface CitationStyle {
  readonly article?: ArticleForm;
  readonly long?: boolean;
}

/**
 * A provision cited in a sentence: "subsection 25(1) of the Immigration and Refugee Protection Act",
 * "du paragraphe 25(1) de la Loi sur l’immigration et la protection des réfugiés". Text that is not a
 * code is cited as written after the generic noun ("provision", "disposition").
 */
export function formatCitation(code: string, language: Language, style: CitationStyle = {}): string {
  const provision = parseProvision(code);
  const article = style.article ?? 'bare';
  if (!provision) {
    const raw = code.trim();
    return language === 'en' ? `provision ${raw}` : withFrenchArticle(article, `disposition ${raw}`, 'f');
  }
  const level = levelOf(provision);
  const of = INSTRUMENT[language][provision.instrument][style.long === true ? 'long' : 'short'];
  if (language === 'en') return `${ENGLISH_NOUN[level]} ${englishNumber(provision)} ${of}`;
  const { noun, gender } = FRENCH_NOUN[level];
  return withFrenchArticle(article, `${noun} ${frenchNumber(provision)} ${of}`, gender);
}
