export { HccError } from './errors.js';
export {
  decisionSchema,
  DATE_RANGE,
  DECISION_DATE_RANGE,
  LIST_LIMITS,
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
  MAX_REPORTED_ISSUES,
  type DecisionIssue,
  type ParseDecisionResult,
} from './decision/parse-decision.js';
export { decisionJsonSchema } from './decision/json-schema.js';
export { findControlCharacter, findUnsupportedCharacter, isInLetterRepertoire, printedWidth, type TextShape } from './decision/printable-text.js';
export { PERSON_NAME_ROOM, WINDOW_LINE_ROOM, WINDOW_NAME_ROOM } from './decision/print-room.js';
export { typesetPdf } from './pdf/typeset-pdf.js';
export { AddressPlacementError } from './pdf/address-placement-error.js';
export { GlyphMissingError } from './pdf/glyph-missing-error.js';
export { InvalidPdfDateError } from './pdf/invalid-pdf-date-error.js';
export { LayoutError } from './pdf/layout-error.js';
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
export { MarkupError } from './compose/markup-error.js';
export { TemplateError } from './compose/template-error.js';
export { composeClientEmail } from './email/compose-client-email.js';
export { composeInternalEmail } from './email/compose-internal-email.js';
export type { ComposedEmail, EmailAttachment } from './email/composed-email.js';
export { DEFAULT_EMAIL_CONFIG, type EmailConfig } from './email/email-config.js';
export { CbsaOfficeUnknownError } from './email/cbsa-office-error.js';
export { clientEmailRoutes, type ClientEmailRoute } from './email/client-email-routes.js';
export { permitGrounds, reasonsIn, reasonsLanguage } from './decision/record-defaults.js';
export { createRenderer, type Renderer, type RendererAssets } from './render/create-renderer.js';
export { loadPackageAssets } from './render/package-assets.js';
export { createRenderPool, type RenderPool, type RenderPoolOptions } from './render/render-pool.js';
export type { RenderFailure, RenderOutcome, WriteOutcome, WrittenDecision } from './render/render-messages.js';
export type { DecisionManifest, Envelope, RenderedDecision, RenderedEmail, RenderedFile, RenderedFileEntry, RenderedLetter } from './render/rendered-decision.js';
export {
  parseSmtpConfig,
  resolveSmtpConfig,
  smtpConfigSchema,
  SMTP_SECURITY_MODES,
  SMTP_URL_VARIABLE,
  type ResolvedSmtpConfig,
  type SmtpConfig,
  type SmtpEnvironment,
  type SmtpSecurity,
  type SmtpTransportOptions,
} from './deliver/smtp-config.js';
export { createSmtpSender, type OutgoingMessage, type SmtpSender } from './deliver/smtp-sender.js';
export { SEND_FAILURE_CODES, type FailedOutcome, type FailureScope, type SendFailureCode, type SendOutcome, type SentOutcome } from './deliver/send-outcome.js';
export { classifyPartialRejection, classifySmtpError, type FailureClassification } from './deliver/classify-smtp-failure.js';
export { baseRetryDelay, DEFAULT_RETRY_POLICY, nextRetry, type FailedAttempt, type RetryDecision, type RetryPolicy } from './deliver/retry-schedule.js';
export { startMailCatcher, type CaughtMessage, type MailCatcher, type MailCatcherOptions } from './deliver/mail-catcher.js';
export { hashMessageId, readMessageIdHeader } from './deliver/message-id.js';
export { isLoopbackHost } from './deliver/loopback-host.js';
export { MailCatcherError } from './deliver/mail-catcher-error.js';
export { RetryScheduleError } from './deliver/retry-schedule-error.js';
export { SMTP_CONFIG_ERROR_CODES, SmtpConfigError, type SmtpConfigErrorCode } from './deliver/smtp-config-error.js';
export { SmtpSenderClosedError } from './deliver/smtp-sender-closed-error.js';
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
export { ApproverIsAuthorError } from './store/approver-is-author-error.js';
export { DecisionStateError } from './store/decision-state-error.js';
export { FollowUpStateConflictError } from './store/follow-up-state-conflict-error.js';
export { HashMismatchError } from './store/hash-mismatch-error.js';
export { ItemStateConflictError } from './store/item-state-conflict-error.js';
export { LeaseNotHeldError } from './store/lease-not-held-error.js';
export { StoreConfigError } from './store/store-config-error.js';
export { StoredBytesCorruptError } from './store/stored-bytes-corrupt-error.js';
export { StoreInputError } from './store/store-input-error.js';
export { StoreNotFoundError } from './store/store-not-found-error.js';
export { StoreSchemaTooNewError } from './store/store-schema-too-new-error.js';
