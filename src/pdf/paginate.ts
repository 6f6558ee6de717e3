import { AddressPlacementError } from './address-placement-error.js';
import { LayoutError } from './layout-error.js';

/** A vertical slice of the body that is never split: a line, a table row, a signature block. */
export interface Box<Op> {
  readonly height: number;
  /** Space above the box, dropped at the top of a page. */
  spaceBefore: number;
  /** A page break between this box and the next is not allowed. */
  keepWithNext: boolean;
  breakBefore: boolean;
  /** Set on the recipient's address, which must sit in the envelope window of page 1. */
  readonly windowAddress: string | undefined;
  /** Drawing operations, with y measured downward from the box top. */
  readonly ops: readonly Op[];
}

export interface PlacedBox<Op> {
  readonly box: Box<Op>;
  /** y of the box top on its page, in PDF points from the page bottom. */
  readonly top: number;
}

/** Page geometry for pagination, in PDF points from the page bottom. */
export interface BodyFrame {
  readonly firstTop: number;
  readonly nextTop: number;
  readonly bottom: number;
  readonly windowTop: number;
  readonly windowBottom: number;
}

function lastBreakableIndex<Op>(page: readonly PlacedBox<Op>[]): number {
  for (let index = page.length - 1; index >= 0; index -= 1) {
    if (page[index]?.box.keepWithNext === false) return index;
  }
  return -1;
}

/**
 * Places boxes on pages, moving a chain of kept-together boxes to the next page when it does
 * not fit. A chain longer than a page is cut where it overflows.
 */
export function paginate<Op>(boxes: readonly Box<Op>[], frame: BodyFrame): PlacedBox<Op>[][] {
  const pages: PlacedBox<Op>[][] = [[]];
  let page: PlacedBox<Op>[] = pages[0] ?? [];
  let y = frame.firstTop;
  const newPage = (): void => {
    page = [];
    pages.push(page);
    y = frame.nextTop;
  };
  const start = new Map<Box<Op>, number>();
  boxes.forEach((box, index) => start.set(box, index));

  let index = 0;
  while (index < boxes.length) {
    const box = boxes[index];
    if (box === undefined) break;
    if (box.height > frame.nextTop - frame.bottom) {
      throw new LayoutError(`boxes[${index}]`, 'a block that cannot be split is taller than a page');
    }
    if (box.breakBefore && page.length > 0) newPage();
    let top = page.length === 0 ? y : y - box.spaceBefore;
    if (box.windowAddress !== undefined) {
      if (pages.length > 1) throw new AddressPlacementError(box.windowAddress, 'the address must be on page 1');
      if (top < frame.windowTop) {
        throw new AddressPlacementError(box.windowAddress, 'the blocks above the address push it below the envelope window');
      }
      if (box.height > frame.windowTop - frame.windowBottom) {
        throw new AddressPlacementError(box.windowAddress, 'the address has more lines than the envelope window shows');
      }
      top = frame.windowTop;
    }
    if (top - box.height < frame.bottom && page.length > 0) {
      const breakAt = lastBreakableIndex(page);
      newPage();
      if (breakAt >= 0) {
        const previous = pages[pages.length - 2] ?? [];
        const moved = previous.splice(breakAt + 1);
        const firstMoved = moved[0];
        if (firstMoved !== undefined) index = start.get(firstMoved.box) ?? index;
      }
      continue;
    }
    page.push({ box, top });
    y = top - box.height;
    index += 1;
  }
  return pages;
}
