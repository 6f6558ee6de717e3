import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HccError } from '../../errors.js';
import { LANGUAGE_TAGS } from '../../i18n/languages.js';
import { approvalRule } from '../../outbox/approval-config.js';
import type { ReviewItem } from '../../store/review-store.js';
import type { EmailParts } from '../email-parts.js';
import { sendPage } from '../page-context.js';
import { csrfCheck, officerOf, requireOfficer } from '../require-officer.js';
import type { ServerContext } from '../server-context.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface DecisionParams {
  decisionId: string;
}
interface ItemParams extends DecisionParams {
  itemId: string;
}

/** The strict policy of an email's HTML shown in its frame: no scripts, no fetches, no forms, inline styles only. */
export const EMAIL_FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox";

/** The item's key without its language suffix: the two language versions of one letter share it. */
function documentGroup(item: ReviewItem): string {
  return item.key.replace(/\.(en|fr)$/, '');
}

/** Store errors a page shows as its status: codes only, never a value. */
function statusOf(error: unknown): number | undefined {
  if (!(error instanceof HccError)) return undefined;
  switch (error.code) {
    case 'DECISION_NOT_FOUND':
    case 'ITEM_NOT_FOUND':
    case 'DECISION_PURGED':
      return 404;
    case 'STORE_INPUT_INVALID':
      return 400;
    case 'HASH_MISMATCH':
    case 'APPROVER_IS_AUTHOR':
    case 'NOTHING_AWAITING_APPROVAL':
    case 'PERSON_OUTCOME_CONFLICT':
    case 'ITEM_STATE_CONFLICT':
      return 409;
    default:
      return undefined;
  }
}

async function sendProblem(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply, status: number, code: string): Promise<void> {
  await sendPage(ctx, request, reply, 'problem.njk', { status, code, back: request.url.replace(/\/(approve|reject|departure-confirmations|trp-decisions)$/, '') }, status);
}

/** The decision page, the documents' bytes, and the officer's actions on a decision. */
export function decisionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const guard = requireOfficer(ctx);
  const { store, review } = ctx.options.stores;

  // Ids are database keys, never paths; anything else is 404 before the store is asked.
  const validIds = (params: Partial<ItemParams>) =>
    ID.test(params.decisionId ?? '') && (params.itemId === undefined || (ID.test(params.itemId) && params.itemId.startsWith(`${params.decisionId ?? ''}.r`)));

  app.get<{ Params: DecisionParams }>('/decisions/:decisionId', { preHandler: guard }, async (request, reply) => {
    if (!validIds(request.params)) return sendProblem(ctx, request, reply, 404, 'DECISION_NOT_FOUND');
    try {
      const decision = await review.decision(request.params.decisionId);
      // Parsed once per stored SHA-256; a hit reads no bytes from the store.
      const emailItems = decision.items.filter((item) => item.mediaType === 'message/rfc822');
      const parsed = await Promise.all(emailItems.map((item) => ctx.emailParts.parts(item.sha256, async () => (await store.itemContent(item.id)).bytes)));
      const emails = new Map<string, EmailParts>(emailItems.map((item, i) => [item.id, parsed[i] as EmailParts]));
      const groups = new Map<string, ReviewItem[]>();
      for (const item of decision.items) groups.set(documentGroup(item), [...(groups.get(documentGroup(item)) ?? []), item]);
      const awaiting = decision.items.filter((i) => i.state === 'awaiting-approval');
      const persons = [...new Set(decision.followUps.flatMap((f) => f.persons))];
      await sendPage(ctx, request, reply, 'decision.njk', {
        decision,
        plan: planView(decision.plan),
        groups: [...groups.entries()].map(([key, items]) => ({ key, items: items.map((item) => ({ ...item, languageTags: item.languages.map((l) => LANGUAGE_TAGS[l]), email: emails.get(item.id) ?? null, contentUrl: `/decisions/${decision.decisionId}/items/${item.id}/content`, htmlUrl: `/decisions/${decision.decisionId}/items/${item.id}/email.html` })) })),
        awaiting,
        persons,
        // A change's from/to are item states or follow-up states, by the event.
        audit: decision.audit.map((e) => ({ ...e, stateSet: e.event.startsWith('follow-up.') ? 'followUpState' : 'state' })),
        twoPerson: approvalRule(ctx.options.approval ?? 'officer').twoPerson === true,
      });
      return undefined;
    } catch (error) {
      const code = statusOf(error);
      if (code === undefined || !(error instanceof HccError)) throw error;
      return sendProblem(ctx, request, reply, code, error.code);
    }
  });

  app.get<{ Params: ItemParams }>('/decisions/:decisionId/items/:itemId/content', { preHandler: guard }, async (request, reply) => {
    if (!validIds(request.params)) return reply.code(404).type('text/plain; charset=utf-8').send('404 ITEM_NOT_FOUND');
    try {
      const content = await store.itemContent(request.params.itemId);
      // The exact stored bytes: downloaded, never interpreted by the browser as a page.
      const type = content.mediaType === 'application/pdf' ? 'application/pdf' : 'application/octet-stream';
      const extension = content.mediaType === 'application/pdf' ? 'pdf' : 'eml';
      return await reply
        .type(type)
        .header('content-disposition', `${type === 'application/pdf' ? 'inline' : 'attachment'}; filename="${content.id}.${extension}"`)
        .header('x-content-sha256', content.sha256)
        .header('etag', `"${content.sha256}"`)
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(Buffer.from(content.bytes));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      return reply.code(404).type('text/plain; charset=utf-8').send('404 ITEM_NOT_FOUND');
    }
  });

  app.get<{ Params: ItemParams }>('/decisions/:decisionId/items/:itemId/email.html', { preHandler: guard }, async (request, reply) => {
    if (!validIds(request.params)) return reply.code(404).type('text/plain; charset=utf-8').send('404 ITEM_NOT_FOUND');
    try {
      const content = await store.itemContent(request.params.itemId);
      if (content.mediaType !== 'message/rfc822') return await reply.code(404).type('text/plain; charset=utf-8').send('404 NOT_AN_EMAIL');
      const parts = await ctx.emailParts.parts(content.sha256, () => Promise.resolve(content.bytes));
      return await reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', EMAIL_FRAME_CSP)
        .header('cache-control', 'private, no-store')
        .header('x-frame-options', 'SAMEORIGIN')
        .send(parts.html ?? '');
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      return reply.code(404).type('text/plain; charset=utf-8').send('404 ITEM_NOT_FOUND');
    }
  });

  const action = async (request: FastifyRequest<{ Params: DecisionParams }>, reply: FastifyReply, run: () => Promise<unknown>) => {
    if (!validIds(request.params)) return sendProblem(ctx, request, reply, 404, 'DECISION_NOT_FOUND');
    try {
      await run();
    } catch (error) {
      const code = statusOf(error);
      if (code === undefined || !(error instanceof HccError)) throw error;
      return sendProblem(ctx, request, reply, code, error.code);
    }
    return reply.code(303).redirect(`/decisions/${request.params.decisionId}`);
  };
  const guarded = { preHandler: [guard, csrfCheck(app)] };
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

  app.post<{ Params: DecisionParams; Body: { sha256?: unknown } }>('/decisions/:decisionId/approve', guarded, async (request, reply) => {
    const sha256s = list(request.body.sha256);
    if (sha256s.length === 0) return sendProblem(ctx, request, reply, 400, 'HASH_MISSING');
    return action(request, reply, () =>
      store.approve(request.params.decisionId, { by: officerOf(request).id, sha256s, now: ctx.now(), policy: approvalRule(ctx.options.approval ?? 'officer') }),
    );
  });

  app.post<{ Params: DecisionParams; Body: { reason?: unknown } }>('/decisions/:decisionId/reject', guarded, async (request, reply) => {
    const reason = typeof request.body.reason === 'string' ? request.body.reason.trim() : '';
    if (reason.length === 0 || reason.length > 4000) return sendProblem(ctx, request, reply, 400, 'REASON_REQUIRED');
    return action(request, reply, () => store.reject(request.params.decisionId, { by: officerOf(request).id, reason, now: ctx.now() }));
  });

  app.post<{ Params: DecisionParams; Body: { uci?: unknown; on?: unknown } }>('/decisions/:decisionId/departure-confirmations', guarded, async (request, reply) => {
    const { uci, on } = request.body;
    if (typeof uci !== 'string' || typeof on !== 'string' || !DAY.test(on)) return sendProblem(ctx, request, reply, 400, 'STORE_INPUT_INVALID');
    return action(request, reply, () => store.confirmDeparture(request.params.decisionId, { uci, on, by: officerOf(request).id, now: ctx.now() }));
  });

  app.post<{ Params: DecisionParams; Body: { uci?: unknown; decision?: unknown } }>('/decisions/:decisionId/trp-decisions', guarded, async (request, reply) => {
    const { uci, decision } = request.body;
    if (typeof uci !== 'string' || (decision !== 'issued' && decision !== 'refused')) return sendProblem(ctx, request, reply, 400, 'STORE_INPUT_INVALID');
    return action(request, reply, () => store.recordTrpDecision(request.params.decisionId, { uci, decision, by: officerOf(request).id, now: ctx.now() }));
  });
}

interface PlanView {
  readonly documents: readonly Record<string, readonly string[]>[];
  readonly followUps: readonly Record<string, readonly string[]>[];
  readonly notes: readonly Record<string, readonly string[]>[];
}

/** The stored plan's lists, read defensively (the plan is JSON written by intake); every field a list of codes or values. */
function planView(plan: unknown): PlanView {
  const listOf = (key: string): Record<string, unknown>[] => {
    if (typeof plan !== 'object' || plan === null) return [];
    const value = (plan as Record<string, unknown>)[key];
    return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
  };
  const one = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(one) : value === undefined || value === null ? [] : [one(value)]);
  return {
    documents: listOf('documents').map((d) => ({ kind: list(d.kind), recipient: list(d.recipient), languages: list(d.languages), channels: list(d.channels), rule: list(d.rule), persons: list(d.persons) })),
    followUps: listOf('followUps').map((f) => ({ kind: list(f.kind), dueOn: list(f.dueOn), persons: list(f.persons), then: list(f.ifNotConfirmed ?? f.ifRefused), rule: list(f.rule) })),
    notes: listOf('notes').map((n) => ({ code: list(n.code), persons: list(n.persons) })),
  };
}
