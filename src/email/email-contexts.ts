import type { AttachmentView, EmailPart, TaggedLine } from './email-view.js';

/**
 * What the templates read. Nunjucks throws on an undefined `{{ value }}` but not on an undefined loop or `if`
 * operand, so these types are what keeps a missing list or flag from silently emptying a part of the email.
 */
interface EmailContextBase {
  /** BCP 47 tag of the email's first language, for `<html lang>`. */
  readonly langTag: string;
  readonly subject: string;
  /** Inbox preview text, hidden in the body. */
  readonly preheader: string;
  readonly banner: readonly TaggedLine[];
}

/** The context of `templates/email/client.mjml`. */
export interface ClientEmailContext extends EmailContextBase {
  readonly decision: { readonly id: string; readonly applicationNumber: string };
  readonly recipient: { readonly isRepresentative: boolean; readonly clientName: string; readonly copyToRepresentative: boolean };
  readonly attachmentCount: number;
  /** Whether paper copies go by mail too. */
  readonly mailed: boolean;
  readonly parts: readonly (EmailPart & { readonly salutation: string; readonly yourClient: string; readonly attachments: readonly AttachmentView[] })[];
}

/** The context of `templates/email/internal.mjml`. */
export interface InternalEmailContext extends EmailContextBase {
  readonly decision: { readonly id: string };
  readonly parts: readonly (EmailPart & { readonly noticeTitle: string; readonly noticeSummary: string; readonly attachment: AttachmentView })[];
}

/** Each top-level template with the context it renders. */
export interface EmailContexts {
  readonly client: ClientEmailContext;
  readonly internal: InternalEmailContext;
}
