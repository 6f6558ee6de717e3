export { HccError } from './errors.js';
export {
  decisionSchema,
  type DecisionRecord,
  type FamilyMember,
  type Language,
  type Outcome,
  type TemporaryResidentPermit,
} from './decision/decision-schema.js';
export { DECISION_ERROR_CODES, type DecisionErrorCode } from './decision/error-codes.js';
export {
  parseDecision,
  assertDecision,
  InvalidDecisionError,
  type DecisionIssue,
  type ParseDecisionResult,
} from './decision/parse-decision.js';
export { decisionJsonSchema } from './decision/json-schema.js';
export { typesetPdf } from './pdf/typeset-pdf.js';
export { AddressPlacementError, GlyphMissingError, InvalidPdfDateError, LayoutError } from './pdf/typeset-errors.js';
export type {
  AddressBlock,
  AttachmentRelationship,
  Block,
  BlockBase,
  HeadingBlock,
  LanguageTag,
  LetterDocument,
  LetterheadLine,
  LetterReference,
  ListBlock,
  ListItem,
  PageBreakBlock,
  ParagraphBlock,
  PdfAttachment,
  SectionBlock,
  SignatureBlock,
  SpacerBlock,
  TableBlock,
  TableCell,
  TextRun,
  TypesetOptions,
} from './pdf/letter-document.js';
