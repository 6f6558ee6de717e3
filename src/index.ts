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
export type { CorrespondencePlan, DocumentKind, FollowUp, PlannedDocument, Recipient } from './plan/correspondence-plan.js';
export { createTemplateEngine, type TemplateEngine } from './compose/template-engine.js';
export { composeLetter, type LetterRequest } from './compose/compose-letter.js';
export { parseLetterMarkup } from './compose/letter-markup.js';
export { MarkupError, TemplateError } from './compose/compose-errors.js';
export { composeClientEmail } from './email/compose-client-email.js';
export { composeInternalEmail } from './email/compose-internal-email.js';
export type { ComposedEmail, EmailAttachment } from './email/composed-email.js';
export { DEFAULT_EMAIL_CONFIG, type EmailConfig } from './email/email-config.js';
export { renderDecision, type RenderDependencies } from './render/render-decision.js';
export type { DecisionManifest, RenderedDecision, RenderedFile } from './render/rendered-decision.js';
export {
  openStore,
  isPostgresLocation,
  DEFAULT_SQLITE_PATH,
  DEFAULT_RETRY_WINDOW_MS,
  DEFAULT_TIME_ZONE,
  type OpenStoreOptions,
} from './store/open-store.js';
export type {
  ApprovalPolicy,
  ApproveOptions,
  ApproveResult,
  ClaimedEmail,
  ClaimOptions,
  ConfirmDepartureOptions,
  DecisionStatus,
  DecisionSubmission,
  DueFollowUp,
  EmailEnvelope,
  EmailItemInput,
  FailureReport,
  FileEntry,
  FileInput,
  FileItemInput,
  FireFollowUpOptions,
  FireFollowUpResult,
  FollowUpInput,
  FollowUpStatus,
  ItemChange,
  ItemChannel,
  ItemContent,
  ItemInput,
  ItemStatus,
  ItemSummary,
  ListItemsOptions,
  MailItemInput,
  OfficerAction,
  OutboxEntry,
  PersonOutcomeResult,
  PrintJob,
  PurgeOptions,
  PurgeResult,
  RejectOptions,
  RejectResult,
  Store,
  SubmitOptions,
  SubmitResult,
  SweepResult,
  TemporaryFailureReport,
  TrpDecisionOptions,
  WorkerReport,
} from './store/store.js';
export { ITEM_STATES, ITEM_TRANSITIONS, TERMINAL_ITEM_STATES, UNSENT_ITEM_STATES, type ItemState } from './store/item-state.js';
export { FOLLOW_UP_KINDS, FOLLOW_UP_STATES, FOLLOW_UP_TRANSITIONS, type FollowUpKind, type FollowUpState } from './store/follow-up-state.js';
export { AUDIT_EVENTS, type AuditEvent, type AuditEventName } from './store/audit-log.js';
export { canonicalJson, canonicalSha256, sha256Hex, NotJsonError } from './store/canonical-json.js';
export { STORE_MIGRATIONS } from './store/migrations/migration-registry.js';
export type { StoreMigration } from './store/migrations/store-migration.js';
export type { StoreDialect } from './store/store-driver.js';
export {
  ApproverIsAuthorError,
  DecisionStateError,
  FollowUpStateConflictError,
  HashMismatchError,
  ItemStateConflictError,
  LeaseNotHeldError,
  StoreConfigError,
  StoredBytesCorruptError,
  StoreInputError,
  StoreNotFoundError,
  StoreSchemaTooNewError,
} from './store/store-errors.js';
