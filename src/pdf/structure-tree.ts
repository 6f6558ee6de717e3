import { PDFString } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';
import type { LanguageTag } from './letter-document.js';
import { pdfNumber } from './pdf-values.js';
import { RawPdfObject } from './raw-pdf-object.js';

/** The standard structure types the letter uses (ISO 32000-1, 14.8.4). */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Span';

interface MarkedContent {
  readonly pageIndex: number;
  readonly mcid: number;
}

/** A structure element; content is attached to it while the pages are written. */
export interface StructNode {
  readonly kind: 'struct';
  readonly type: StructType;
  readonly lang: LanguageTag | undefined;
  readonly scope: 'Row' | 'Column' | undefined;
  readonly parent: StructNode | undefined;
  readonly kids: (StructNode | MarkedContent)[];
  /** Spans join their parent only when their first content is written, to keep reading order. */
  attached: boolean;
}

/** Content that is not part of the letter's logical content (ISO 32000-1, 14.8.2.2). */
export interface Artifact {
  readonly kind: 'artifact';
  readonly type: 'Pagination' | 'Layout';
  readonly subtype: 'Header' | 'Footer' | undefined;
}

/** Who owns a piece of page content: a structure element or an artifact. */
export type ContentOwner = StructNode | Artifact;

export function createStructNode(
  parent: StructNode | undefined,
  type: StructType,
  options: { lang?: LanguageTag | undefined; scope?: 'Row' | 'Column'; deferred?: boolean } = {},
): StructNode {
  const node: StructNode = {
    kind: 'struct',
    type,
    lang: options.lang,
    scope: options.scope,
    parent,
    kids: [],
    attached: options.deferred !== true,
  };
  if (parent !== undefined && node.attached) parent.kids.push(node);
  return node;
}

function attach(node: StructNode): void {
  if (node.attached) return;
  if (node.parent !== undefined) {
    attach(node.parent);
    node.parent.kids.push(node);
  }
  node.attached = true;
}

/** Hands out marked-content ids page by page and remembers who owns each, for the parent tree. */
export class MarkedContentLedger {
  private readonly owners: StructNode[][] = [];

  mark(node: StructNode, pageIndex: number): number {
    attach(node);
    let pageOwners = this.owners[pageIndex];
    if (pageOwners === undefined) {
      pageOwners = [];
      this.owners[pageIndex] = pageOwners;
    }
    const mcid = pageOwners.length;
    pageOwners.push(node);
    node.kids.push({ pageIndex, mcid });
    return mcid;
  }

  ownersOf(pageIndex: number): readonly StructNode[] {
    return this.owners[pageIndex] ?? [];
  }
}

function isNode(kid: StructNode | MarkedContent): kid is StructNode {
  return 'kind' in kid;
}

/**
 * Writes the structure tree under `root` and its parent tree; returns the `/StructTreeRoot` ref.
 * Page `i` must carry `/StructParents i`.
 */
export function writeStructureTree(
  context: PDFContext,
  root: StructNode,
  ledger: MarkedContentLedger,
  pageRefs: readonly PDFRef[],
): PDFRef {
  const treeRootRef = context.nextRef();
  const refs = new Map<StructNode, PDFRef>();
  const queue: StructNode[] = [root];
  for (let index = 0; index < queue.length; index += 1) {
    const node = queue[index];
    if (node === undefined) continue;
    refs.set(node, context.nextRef());
    for (const kid of node.kids) if (isNode(kid)) queue.push(kid);
  }
  for (const node of queue) {
    const ref = refs.get(node);
    if (ref === undefined) continue;
    const firstContent = node.kids.find((kid): kid is MarkedContent => !isNode(kid));
    const page = firstContent === undefined ? undefined : pageRefs[firstContent.pageIndex];
    // Written as pdf-lib would write the same dictionary: `<<`, one `/Key value` a line, `>>`.
    const kids: string[] = [];
    for (const kid of node.kids) {
      if (isNode(kid)) {
        const kidRef = refs.get(kid);
        if (kidRef !== undefined) kids.push(kidRef.toString());
      } else if (pageRefs[kid.pageIndex] === page) {
        kids.push(String(kid.mcid));
      } else {
        const kidPage = pageRefs[kid.pageIndex];
        kids.push(`<<\n/Type /MCR\n${kidPage === undefined ? '' : `/Pg ${kidPage.toString()}\n`}/MCID ${String(kid.mcid)}\n>>`);
      }
    }
    const parentRef = node.parent === undefined ? treeRootRef : refs.get(node.parent);
    let element = `<<\n/Type /StructElem\n/S /${node.type}\n`;
    if (parentRef !== undefined) element += `/P ${parentRef.toString()}\n`;
    element += `/K [ ${kids.map((kid) => `${kid} `).join('')}]\n`;
    if (page !== undefined) element += `/Pg ${page.toString()}\n`;
    if (node.lang !== undefined) element += `/Lang ${PDFString.of(node.lang).toString()}\n`;
    if (node.scope !== undefined) element += `/A <<\n/O /Table\n/Scope /${node.scope}\n>>\n`;
    context.assign(ref, new RawPdfObject(`${element}>>`));
  }
  const nums: PDFObject[] = [];
  pageRefs.forEach((_, pageIndex) => {
    nums.push(pdfNumber(pageIndex));
    const owners = ledger.ownersOf(pageIndex).map((owner) => refs.get(owner));
    nums.push(context.obj(owners.filter((ownerRef): ownerRef is PDFRef => ownerRef !== undefined)));
  });
  const rootRef = refs.get(root);
  context.assign(
    treeRootRef,
    context.obj({
      Type: 'StructTreeRoot',
      K: rootRef === undefined ? [] : [rootRef],
      ParentTree: context.obj({ Nums: nums }),
      ParentTreeNextKey: pageRefs.length,
    }),
  );
  return treeRootRef;
}
