import type { FontFace } from './font-faces.js';

/**
 * What is kept for one face in `store`, made by `make` the first time it is asked for. Every
 * per-face table and cache of the typesetter goes through here, and is dropped with its face.
 */
export function perFace<V>(store: WeakMap<FontFace, V>, face: FontFace, make: () => V): V {
  let value = store.get(face);
  if (value === undefined) {
    value = make();
    store.set(face, value);
  }
  return value;
}
