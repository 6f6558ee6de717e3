/** Unwinds the scanner to the offset where the text stopped being JSON. */
class StopAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON stops at ${offset}`);
  }
}

/**
 * The offset of the first character where `text` stops being JSON (RFC 8259), or its length when
 * the text ends too early. Used only after JSON.parse has failed, to point at the error without
 * quoting the input the way V8's messages do.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new StopAt(i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const expect = (literal: string) => {
    for (const ch of literal) {
      if (text.charAt(i) !== ch) fail();
      i += 1;
    }
  };
  const digits = () => {
    const start = i;
    while (/[0-9]/.test(text.charAt(i))) i += 1;
    if (i === start) fail();
  };
  const number = () => {
    if (text.charAt(i) === '-') i += 1;
    if (text.charAt(i) === '0') i += 1;
    else digits();
    if (text.charAt(i) === '.') {
      i += 1;
      digits();
    }
    if (/[eE]/.test(text.charAt(i))) {
      i += 1;
      if (/[+-]/.test(text.charAt(i))) i += 1;
      digits();
    }
  };
  const string = () => {
    expect('"');
    for (;;) {
      const ch = text.charAt(i);
      if (ch === '') fail();
      if (ch === '"') break;
      if (ch < ' ') fail();
      if (ch === '\\') {
        i += 1;
        const esc = text.charAt(i);
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(esc) || esc === '') fail();
      }
      i += 1;
    }
    i += 1;
  };
  const value = (): void => {
    ws();
    const ch = text.charAt(i);
    if (ch === '{') {
      i += 1;
      ws();
      if (text.charAt(i) === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value();
        ws();
        if (text.charAt(i) === '}') {
          i += 1;
          return;
        }
        expect(',');
      }
    }
    if (ch === '[') {
      i += 1;
      ws();
      if (text.charAt(i) === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text.charAt(i) === ']') {
          i += 1;
          return;
        }
        expect(',');
      }
    }
    if (ch === '"') string();
    else if (ch === 't') expect('true');
    else if (ch === 'f') expect('false');
    else if (ch === 'n') expect('null');
    else if (ch === '-' || /[0-9]/.test(ch)) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (stop) {
    if (stop instanceof StopAt) return stop.offset;
    throw stop;
  }
  return text.length;
}
