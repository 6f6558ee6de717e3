const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

// Node 20's Intl.Segmenter copies the whole input into every segment it returns (its `input`),
// so segmenting a long text at once takes memory quadratic in its length (40,000 characters,
// 1.7 GB). Slices of this many UTF-16 units keep each copy small.
const SLICE = 512;

/**
 * The grapheme clusters of `text`, in order, in time and memory linear in its length. Each slice
 * is segmented on its own and its last cluster, which the slice may have cut, is segmented again
 * at the head of the next slice.
 */
export function graphemeClusters(text: string): string[] {
  const clusters: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = Math.min(text.length, start + SLICE);
    const slice = text.slice(start, end);
    const pieces = [...segmenter.segment(slice)];
    const last = pieces.at(-1);
    // The last cluster may go on past the slice: start the next slice with it, unless the text ends here or it is the only one.
    const keep = end === text.length || pieces.length === 1 || last === undefined ? pieces : pieces.slice(0, -1);
    for (const piece of keep) clusters.push(piece.segment);
    start = keep === pieces || last === undefined ? end : start + last.index;
  }
  return clusters;
}
