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
export { planCorrespondence } from './plan/plan-correspondence.js';
export { planFollowUp, FollowUpEventError, type FollowUpEvent } from './plan/plan-follow-up.js';
export type { CorrespondencePlan, DocumentKind, FollowUp, Occasion, PlanNote, PlannedDocument, Recipient } from './plan/correspondence-plan.js';
export { createTemplateEngine, type TemplateEngine } from './compose/template-engine.js';
export { composeLetter, type LetterRequest } from './compose/compose-letter.js';
export { parseLetterMarkup } from './compose/letter-markup.js';
export { MarkupError, TemplateError } from './compose/compose-errors.js';
export { composeClientEmail } from './email/compose-client-email.js';
export { composeInternalEmail } from './email/compose-internal-email.js';
export type { ComposedEmail, EmailAttachment } from './email/composed-email.js';
export { DEFAULT_EMAIL_CONFIG, type EmailConfig } from './email/email-config.js';
export { CbsaOfficeUnknownError } from './email/cbsa-office-error.js';
export { clientEmailRoutes, type ClientEmailRoute } from './email/client-email-routes.js';
export { permitGrounds, reasonsIn, reasonsLanguage } from './decision/record-defaults.js';
export { renderDecision, renderFollowUp, type RenderDependencies } from './render/render-decision.js';
export type { DecisionManifest, RenderedDecision, RenderedFile } from './render/rendered-decision.js';
