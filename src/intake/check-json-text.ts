import { printParseErrorCode, visit, type JSONVisitor, type ParseErrorCode } from 'jsonc-parser';
import { formatJsonPath } from '../decision/parse-decision.js';
import { InputError, type InputErrorCode, type InputErrorDetail } from './input-error.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';

// jsonc-parser (Microsoft's, VS Code's) does the scanning. Version 3 is strict RFC 8259 once
// comments and trailing commas are refused: whitespace is only space, tab, CR and LF, and
// NaN, single quotes and leading zeros are errors. It reports errors as a code and an offset,
// never with the text. Its parser recurses once per level, so the visitor below stops it at the
// depth limit, which bounds the stack whatever the input.
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

const ESCAPES = '"\\/bfnrt';
const HEX4 = /^[0-9a-fA-F]{4}$/;
const LITERALS = ['true', 'false', 'null'] as const;

/** In a string token jsonc-parser flagged, the offset of the first character that breaks it. */
function stringErrorOffset(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code < 0x20) return i;
    if (code === 0x5c) {
      const escape = text.charAt(i + 1);
      if (escape === '') return i + 1;
      if (escape === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return i + 1;
        i += 6;
        continue;
      }
      if (!ESCAPES.includes(escape)) return i + 1;
      i += 2;
      continue;
    }
    i += 1;
  }
  return text.length;
}

/** In an unknown word, the offset where it stops spelling a literal (`tru}` stops at `}`). */
function symbolErrorOffset(text: string, start: number): number {
  if (text.charAt(start) === '-') return start + 1;
  const literal = LITERALS.find((l) => l.startsWith(text.charAt(start)));
  if (!literal) return start;
  let i = 0;
  while (i < literal.length && text.charAt(start + i) === literal.charAt(i)) i += 1;
  return start + i;
}

/**
 * jsonc-parser points at the token that failed; the exact character is more useful to whoever
 * fixes the file (the bad escape inside a long string, the end of a number cut short).
 */
function errorOffset(text: string, error: ParseErrorCode, offset: number, length: number): number {
  switch (printParseErrorCode(error)) {
    case 'InvalidCharacter':
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
    case 'UnexpectedEndOfString':
      return stringErrorOffset(text, offset);
    case 'UnexpectedEndOfNumber':
      return offset + length;
    case 'InvalidSymbol':
      return symbolErrorOffset(text, offset);
    default:
      return offset;
  }
}

/** 1-based line and column (in UTF-16 units) of `offset`; CRLF, CR and LF each end a line. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** What the check noticed that `JSON.parse` loses. */
export interface JsonTextFacts {
  /** The source text of the top-level `schemaVersion` when it is a literal (`1`, `1.0`, `1e0`). */
  readonly schemaVersionText?: string;
}

/**
 * Checks that `text` (without a BOM) is one strict RFC 8259 JSON text within `limits`, before
 * `JSON.parse` sees it. Throws `InputError` at the first problem, located by line and column
 * (`detail.offset` is the UTF-16 offset): `INPUT_NOT_JSON`; `INPUT_TOO_DEEP` past
 * `limits.maxDepth` levels; `INPUT_TOO_COMPLEX` past `limits.maxNodes` values and keys;
 * `JSON_DUPLICATE_KEY` for a key seen twice in one object, with the duplicate's JSONPath in
 * `detail.path`, since parsers differ on which of the two wins. Runs in time linear in the text.
 */
export function checkJsonText(text: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): JsonTextFacts {
  const fail = (code: InputErrorCode, offset: number, extra: InputErrorDetail = {}): never => {
    throw new InputError(code, { ...extra, ...lineAndColumn(text, offset), offset });
  };
  // One set of keys per object open around the current token; arrays hold no keys.
  const keys: Set<string>[] = [];
  let depth = 0;
  let nodes = 0;
  let schemaVersionText: string | undefined;
  const count = (offset: number) => {
    nodes += 1;
    if (nodes > limits.maxNodes) fail('INPUT_TOO_COMPLEX', offset, { limit: limits.maxNodes });
  };
  const open = (offset: number) => {
    count(offset);
    depth += 1;
    if (depth > limits.maxDepth) fail('INPUT_TOO_DEEP', offset, { limit: limits.maxDepth });
  };
  const visitor: JSONVisitor = {
    onObjectBegin: (offset) => {
      open(offset);
      keys.push(new Set());
    },
    onObjectEnd: () => {
      depth -= 1;
      keys.pop();
    },
    onArrayBegin: (offset) => {
      open(offset);
    },
    onArrayEnd: () => {
      depth -= 1;
    },
    onObjectProperty: (property, offset, _length, _line, _character, pathSupplier) => {
      count(offset);
      const seen = keys.at(-1);
      if (seen?.has(property)) fail('JSON_DUPLICATE_KEY', offset, { path: formatJsonPath([...pathSupplier(), property]) });
      seen?.add(property);
    },
    onLiteralValue: (_value, offset, length, _line, _character, pathSupplier) => {
      count(offset);
      if (depth === 1 && keys.length === 1) {
        const [key, ...rest] = pathSupplier();
        if (key === 'schemaVersion' && rest.length === 0) schemaVersionText = text.slice(offset, offset + length);
      }
    },
    onError: (error, offset, length) => {
      fail('INPUT_NOT_JSON', errorOffset(text, error, offset, length));
    },
  };
  visit(text, visitor, STRICT);
  return schemaVersionText === undefined ? {} : { schemaVersionText };
}
