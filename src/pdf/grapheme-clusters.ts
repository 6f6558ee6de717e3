const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

// Node 20's Intl.Segmenter copies the whole input into every segment it yields, so segmenting a
// string at once takes time and memory quadratic in its length; windows keep each copy short.
const WINDOW = 64;

// A printable ASCII character is a cluster of its own unless a mark or joiner follows it.
function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The grapheme clusters (UAX #29) of `text` in order, in time and memory linear in its length.
 * Printable ASCII followed by printable ASCII is taken one character at a time; the rest is
 * segmented in short windows, whose last cluster, which may be cut at the window's end, is
 * segmented again at the start of the next one.
 */
export function* graphemeClusters(text: string): Generator<string, void, undefined> {
  const length = text.length;
  let start = 0;
  let window = WINDOW;
  while (start < length) {
    while (start < length && isPrintableAscii(text.charCodeAt(start)) && (start + 1 === length || isPrintableAscii(text.charCodeAt(start + 1)))) {
      yield text.charAt(start);
      start += 1;
    }
    if (start >= length) return;
    let end = start + window;
    // The break before a code point depends on that code point, so a window never halves a surrogate pair.
    if (end < length && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
    if (end >= length) {
      for (const { segment } of segmenter.segment(start === 0 ? text : text.slice(start))) yield segment;
      return;
    }
    let pending: string | undefined;
    let pendingStart = 0;
    for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
      if (pending !== undefined) yield pending;
      pending = segment;
      pendingStart = index;
    }
    if (pendingStart === 0) {
      // One cluster fills the whole window (a base with many marks): look further.
      window *= 2;
      continue;
    }
    start += pendingStart;
    window = WINDOW;
  }
}
