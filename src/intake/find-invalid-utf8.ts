import { isUtf8 } from 'node:buffer';

/** The allowed range of the second byte after each lead byte (Unicode Table 3-7); later bytes are 80..BF. */
function secondByteRange(lead: number): readonly [number, number] | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return [0x80, 0xbf];
  if (lead === 0xe0) return [0xa0, 0xbf]; // no overlong three-byte forms
  if (lead === 0xed) return [0x80, 0x9f]; // no UTF-16 surrogates
  if (lead >= 0xe1 && lead <= 0xef) return [0x80, 0xbf];
  if (lead === 0xf0) return [0x90, 0xbf]; // no overlong four-byte forms
  if (lead === 0xf4) return [0x80, 0x8f]; // nothing above U+10FFFF
  if (lead >= 0xf1 && lead <= 0xf3) return [0x80, 0xbf];
  return undefined; // 80..C1 and F5..FF never start a character
}

function sequenceLength(lead: number): number {
  return lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

/**
 * The byte offset of the first sequence in `bytes` that is not well-formed UTF-8 (a Latin-1 byte,
 * a stray continuation byte, an overlong form, an encoded surrogate, a cut-off character), or
 * `undefined` when all of it is UTF-8. Nothing is replaced by U+FFFD: the caller refuses the input.
 */
export function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  if (isUtf8(bytes)) return undefined;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const second = secondByteRange(lead);
    if (!second) return i;
    const length = sequenceLength(lead);
    const b1 = bytes[i + 1];
    if (b1 === undefined || b1 < second[0] || b1 > second[1]) return i;
    for (let k = 2; k < length; k += 1) {
      const b = bytes[i + k];
      if (b === undefined || b < 0x80 || b > 0xbf) return i;
    }
    i += length;
  }
  // The walk is the authority; isUtf8 only spares it for the common, valid case.
  return undefined;
}
