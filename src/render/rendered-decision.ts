import type { IsoDate } from '../decision/calendar-date.js';
import type { DocumentKind, Recipient } from '../plan/correspondence-plan.js';

/** One file of a decision's output, with what the manifest says of it. */
export interface RenderedFile {
  /** Path relative to the decision's folder. */
  readonly path: string;
  readonly kind: DocumentKind | 'email' | 'email-preview';
  /** The document's languages joined with "+", client's first: `fr`, `en+fr`. */
  readonly language: string;
  readonly recipient: Recipient;
  readonly uci?: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The manifest entry of a file: everything but its bytes. */
export type ManifestFile = Omit<RenderedFile, 'bytes'>;

/** `manifest.json`: what was produced for a decision and what must follow. */
export interface DecisionManifest {
  readonly decisionId: string;
  readonly files: readonly ManifestFile[];
  readonly followUps: readonly (
    | { readonly kind: 'departure-confirmation'; readonly dueOn: IsoDate; readonly persons: readonly string[]; readonly ifNotConfirmed: string }
    | { readonly kind: 'trp-decision'; readonly persons: readonly string[]; readonly ifRefused?: string }
  )[];
  readonly notes: readonly { readonly code: string; readonly persons: readonly string[] }[];
}

/** Every file of one decision, in memory, ready to be written or sent. */
export interface RenderedDecision {
  readonly decisionId: string;
  readonly files: readonly RenderedFile[];
  readonly manifest: DecisionManifest;
}
