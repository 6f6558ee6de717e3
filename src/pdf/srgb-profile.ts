// A minimal ICC v2 display profile for sRGB (IEC 61966-2-1), built in code so that the output
// intent needs no binary asset: D50 colorants (Bradford-adapted) and the sRGB tone curve.

const D50: readonly [number, number, number] = [0.9642, 1.0, 0.8249];
const RED: readonly [number, number, number] = [0.436065, 0.222493, 0.013932];
const GREEN: readonly [number, number, number] = [0.385151, 0.716887, 0.097104];
const BLUE: readonly [number, number, number] = [0.143066, 0.060607, 0.714123];
const CURVE_POINTS = 1024;

/** What the PDF output intent calls the profile. */
export const SRGB_PROFILE_NAME = 'sRGB IEC61966-2.1';

function ascii(text: string): number[] {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) bytes.push(text.charCodeAt(index) & 0x7f);
  return bytes;
}

class ByteWriter {
  private readonly bytes: number[] = [];

  get length(): number {
    return this.bytes.length;
  }

  u8(value: number): this {
    this.bytes.push(value & 0xff);
    return this;
  }

  u16(value: number): this {
    return this.u8(value >>> 8).u8(value);
  }

  u32(value: number): this {
    return this.u16(value >>> 16).u16(value & 0xffff);
  }

  s15Fixed16(value: number): this {
    return this.u32(Math.round(value * 65536) >>> 0);
  }

  text(value: string): this {
    for (const byte of ascii(value)) this.u8(byte);
    return this;
  }

  pad(): this {
    while (this.bytes.length % 4 !== 0) this.u8(0);
    return this;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function xyzTag(xyz: readonly [number, number, number]): Uint8Array {
  const writer = new ByteWriter().text('XYZ ').u32(0);
  for (const value of xyz) writer.s15Fixed16(value);
  return writer.toBytes();
}

function curveTag(): Uint8Array {
  const writer = new ByteWriter().text('curv').u32(0).u32(CURVE_POINTS);
  for (let index = 0; index < CURVE_POINTS; index += 1) {
    const encoded = index / (CURVE_POINTS - 1);
    const linear = encoded <= 0.04045 ? encoded / 12.92 : ((encoded + 0.055) / 1.055) ** 2.4;
    writer.u16(Math.round(linear * 65535));
  }
  return writer.pad().toBytes();
}

function descriptionTag(description: string): Uint8Array {
  const writer = new ByteWriter().text('desc').u32(0).u32(description.length + 1).text(description).u8(0);
  writer.u32(0).u32(0).u16(0).u8(0);
  for (let index = 0; index < 67; index += 1) writer.u8(0);
  return writer.pad().toBytes();
}

function textTag(text: string): Uint8Array {
  return new ByteWriter().text('text').u32(0).text(text).u8(0).pad().toBytes();
}

function buildProfile(): Uint8Array {
  const curve = curveTag();
  const tags: [string, Uint8Array][] = [
    ['desc', descriptionTag(SRGB_PROFILE_NAME)],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(D50)],
    ['rXYZ', xyzTag(RED)],
    ['gXYZ', xyzTag(GREEN)],
    ['bXYZ', xyzTag(BLUE)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const headerSize = 128;
  const tableSize = 4 + tags.length * 12;
  const offsets = new Map<Uint8Array, number>();
  let offset = headerSize + tableSize;
  for (const [, data] of tags) {
    if (offsets.has(data)) continue;
    offsets.set(data, offset);
    offset += data.length;
  }
  const size = offset;

  const writer = new ByteWriter();
  writer.u32(size).u32(0).u32(0x02100000).text('mntr').text('RGB ').text('XYZ ');
  // A fixed creation date keeps the profile, and so every PDF, byte-identical.
  writer.u16(2026).u16(1).u16(1).u16(0).u16(0).u16(0);
  writer.text('acsp').u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0);
  for (const value of D50) writer.s15Fixed16(value);
  writer.u32(0);
  while (writer.length < headerSize) writer.u8(0);
  writer.u32(tags.length);
  for (const [signature, data] of tags) writer.text(signature).u32(offsets.get(data) ?? 0).u32(data.length);
  const written = new Set<Uint8Array>();
  const result = new Uint8Array(size);
  result.set(writer.toBytes(), 0);
  for (const [, data] of tags) {
    if (written.has(data)) continue;
    written.add(data);
    result.set(data, offsets.get(data) ?? 0);
  }
  return result;
}

let profile: Uint8Array | undefined;

/** The sRGB ICC profile bytes, built once per process. */
export function srgbProfile(): Uint8Array {
  profile ??= buildProfile();
  return profile;
}
