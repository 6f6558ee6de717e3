import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontFaces } from '../../src/pdf/font-faces.js';
import type { FontFaces } from '../../src/pdf/font-faces.js';
import { layoutLetter } from '../../src/pdf/layout-letter.js';
import type { LetterLayout, TextOp } from '../../src/pdf/layout-letter.js';
import { BODY_BOTTOM, HEADING_STYLES } from '../../src/pdf/page-style.js';
import type { StructNode } from '../../src/pdf/structure-tree.js';
import { FIXTURES, loadFixture } from './pdf-test-kit.js';

let faces: FontFaces;
beforeAll(async () => {
  faces = await loadFontFaces();
});

function bodyLines(layout: LetterLayout, pageIndex: number): { op: TextOp; node: StructNode }[] {
  return (layout.pages[pageIndex]?.ops ?? []).flatMap((op) => {
    const owner = op.kind === 'text' ? op.pieces[0]?.tag : undefined;
    return op.kind === 'text' && owner?.kind === 'struct' ? [{ op, node: owner }] : [];
  });
}

function blockOf(node: StructNode): StructNode {
  return node.type === 'Span' && node.parent !== undefined ? node.parent : node;
}

describe.each(FIXTURES)('layout of $name', ({ name }) => {
  it('never ends a page with a heading and never leaves one line of a paragraph alone', () => {
    const layout = layoutLetter(loadFixture(name), faces);
    layout.pages.forEach((_, pageIndex) => {
      const lines = bodyLines(layout, pageIndex);
      const last = lines.at(-1);
      if (last !== undefined) expect(['H1', 'H2']).not.toContain(blockOf(last.node).type);
      const next = bodyLines(layout, pageIndex + 1);
      const carried = next[0] === undefined ? undefined : blockOf(next[0].node);
      if (carried?.type === 'P' && last !== undefined && blockOf(last.node) === carried) {
        expect(lines.filter((line) => blockOf(line.node) === carried).length).toBeGreaterThanOrEqual(2);
        expect(next.filter((line) => blockOf(line.node) === carried).length).toBeGreaterThanOrEqual(2);
      }
    });
  });
});

describe('the long letter', () => {
  it('spans five or more pages and moves a heading that would have fitted at a page end', () => {
    const layout = layoutLetter(loadFixture('long-letter'), faces);
    expect(layout.pages.length).toBeGreaterThanOrEqual(5);
    const heading = HEADING_STYLES[1];
    const moved = layout.pages.some((_, pageIndex) => {
      const first = bodyLines(layout, pageIndex)[0];
      const previousLast = bodyLines(layout, pageIndex - 1).at(-1);
      if (pageIndex === 0 || first === undefined || previousLast === undefined) return false;
      const room = previousLast.op.baseline - 4 - BODY_BOTTOM;
      return ['H1', 'H2'].includes(first.node.type) && room >= heading.spaceBefore + heading.leading;
    });
    expect(moved).toBe(true);
  });
});
