import { PDFObject } from 'pdf-lib';

/**
 * An object written exactly as the given text (ASCII). The structure tree has dozens of small
 * dictionaries a letter; built entry by entry as pdf-lib objects, each costs more to make and
 * to write out than the text it becomes.
 */
export class RawPdfObject extends PDFObject {
  constructor(private readonly text: string) {
    super();
  }

  // Never changed once made, so a clone can be the object itself.
  override clone(): this {
    return this;
  }

  override toString(): string {
    return this.text;
  }

  override sizeInBytes(): number {
    return this.text.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    for (let index = 0; index < this.text.length; index += 1) buffer[offset + index] = this.text.charCodeAt(index);
    return this.text.length;
  }
}
