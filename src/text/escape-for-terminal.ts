/** How many characters (code points) of a record-supplied text are printed before it is cut. */
export const TERMINAL_TEXT_LIMIT = 64;

// C0, DEL and C1 controls; Arabic letter mark, LRM/RLM; line and paragraph separators with the bidi
// embeddings and overrides (U+2028–U+202E); bidi isolates; lone surrogates (the `u` flag makes a pair one code point).
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose of this pattern
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]/gu;
// eslint-disable-next-line no-control-regex -- as above, plus what a JSON string literal must escape
const UNSAFE_IN_QUOTES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"\\]/gu;

// What JSON.stringify leaves raw of the above: it already escapes C0 controls and lone surrogates.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;

export interface TerminalTextOptions {
  /** Code points kept before the text is cut with `…`; `Infinity` keeps it whole. Default `TERMINAL_TEXT_LIMIT`. */
  readonly maxLength?: number;
  /** Wraps the result in double quotes with `"` and `\` escaped, so that it reads as a JSON string. */
  readonly quote?: boolean;
}

function cut(text: string, maxLength: number): string {
  // UTF-16 length bounds the code point count, so short text skips the walk.
  if (text.length <= maxLength) return text;
  let kept = 0;
  let end = 0;
  for (const ch of text) {
    if (kept === maxLength) return `${text.slice(0, end)}…`;
    kept += 1;
    end += ch.length;
  }
  return text;
}

function escapeOne(ch: string): string {
  if (ch === '"' || ch === '\\') return `\\${ch}`;
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/**
 * Makes text that came from a record (a key, a decision id, a file name found on disk) safe to
 * print on a terminal or in a log line: control characters, bidi controls, line and paragraph
 * separators and lone surrogates become `\u001b`-style escapes, and text longer than `maxLength`
 * code points is cut and ends with `…`.
 */
export function escapeForTerminal(text: string, options: TerminalTextOptions = {}): string {
  const short = cut(text, options.maxLength ?? TERMINAL_TEXT_LIMIT);
  if (options.quote) return `"${short.replace(UNSAFE_IN_QUOTES, escapeOne)}"`;
  return short.replace(UNSAFE, escapeOne);
}

/**
 * `JSON.stringify(value, null, indent)` with every character a terminal could act on inside its
 * strings written as a JSON `\u` escape: the same JSON value, safe to print. Nothing is cut.
 * `value` must be serializable (not `undefined`, a function or a symbol).
 */
export function stringifyForTerminal(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, escapeOne);
}
