import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseDecision } from '../../decision/parse-decision.js';
import { HccError } from '../../errors.js';
import { describeInputError } from '../../intake/describe-input-error.js';
import { InputError } from '../../intake/input-error.js';
import { parseRecordBytes } from '../../intake/parse-record-bytes.js';
import { submitDecisionRecord } from '../../outbox/submit-decision-record.js';
import type { ApiKeyInfo } from '../../store/access-store.js';
import { apiError } from '../api-errors.js';
import { buildOpenApi } from '../openapi-document.js';
import type { ServerContext } from '../server-context.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key the request was authenticated with. */
    apiKey?: ApiKeyInfo;
  }
}

function isJson(request: FastifyRequest): boolean {
  return /^application\/json\s*(?:;|$)/i.test(request.headers['content-type'] ?? '');
}

const STORE_STATUS: Readonly<Record<string, number>> = {
  DECISION_NOT_FOUND: 404,
  DECISION_PURGED: 410,
  PERSON_OUTCOME_CONFLICT: 409,
  STORE_INPUT_INVALID: 422,
  FOLLOW_UP_PERSON_UNKNOWN: 422,
};

async function storeFailure(reply: FastifyReply, error: unknown): Promise<void> {
  const status = error instanceof HccError ? STORE_STATUS[error.code] : undefined;
  if (status === undefined || !(error instanceof HccError)) throw error;
  await reply.code(status).send(apiError(error.code));
}

/** `/api/v1`: decisions in, their status and follow-up facts; keys checked before any body is read. */
export function apiRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { access } = ctx.options.stores;
  const openapi = JSON.stringify(buildOpenApi());

  app.get('/api/v1/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapi));

  // Before the body is parsed: an unauthenticated client never gets to make the server read 1 MiB.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/') || request.url.startsWith('/api/v1/openapi.json')) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
    const key = match === null ? undefined : await access.checkApiKey(match[1] ?? '');
    if (key === undefined) {
      await reply.code(401).header('www-authenticate', 'Bearer').send(apiError('UNAUTHORIZED'));
      return;
    }
    request.apiKey = key;
  });

  const actorOf = (request: FastifyRequest, by: unknown): string => (typeof by === 'string' && ID.test(by) ? by : `api:${request.apiKey?.name ?? 'unknown'}`);

  app.post('/api/v1/decisions', async (request, reply) => {
    if (!isJson(request)) return reply.code(415).send(apiError('UNSUPPORTED_MEDIA_TYPE'));
    const body = request.body;
    if (!Buffer.isBuffer(body)) return reply.code(400).send(apiError('BAD_REQUEST'));
    let value: Record<string, unknown>;
    try {
      value = parseRecordBytes(body);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const { path } = error.detail;
      // Not JSON, not an object, too deep: the same words as `hcc validate`, never the input.
      return reply.code(400).send({ valid: false, errors: [{ path: typeof path === 'string' ? path : '$', code: error.code, message: describeInputError(error) }] });
    }
    const parsed = parseDecision(value);
    if (!parsed.ok) return reply.code(422).send({ valid: false, errors: parsed.issues });
    const render = ctx.options.render;
    if (render === undefined) return reply.code(503).send(apiError('INTAKE_UNAVAILABLE'));
    const started = process.hrtime.bigint();
    const outcome = await submitDecisionRecord(
      { store: ctx.options.stores.store, render },
      { record: parsed.record, received: value, now: ctx.now(), actor: actorOf(request, undefined), approval: ctx.options.approval ?? 'officer' },
    );
    ctx.metrics.observeRender(Number(process.hrtime.bigint() - started) / 1e9);
    const { result } = outcome;
    const statusUrl = `/api/v1/decisions/${encodeURIComponent(result.decisionId)}`;
    return reply
      .code(result.status === 'unchanged' ? 200 : 202)
      .header('location', statusUrl)
      .send({ status: result.status, decisionId: result.decisionId, revision: result.revision, recordSha256: result.recordSha256, items: result.items, superseded: result.superseded, kept: result.kept, plan: outcome.plan, statusUrl });
  });

  app.get<{ Params: { decisionId: string } }>('/api/v1/decisions/:decisionId', async (request, reply) => {
    if (!ID.test(request.params.decisionId)) return reply.code(404).send(apiError('DECISION_NOT_FOUND'));
    try {
      return await reply.send(await ctx.options.stores.store.status(request.params.decisionId));
    } catch (error) {
      return storeFailure(reply, error);
    }
  });

  app.post<{ Params: { decisionId: string }; Body: unknown }>('/api/v1/decisions/:decisionId/departure-confirmations', async (request, reply) => {
    const input = await readJsonObject(request, reply);
    if (input === undefined) return reply;
    const { uci, on, by } = input;
    if (typeof uci !== 'string' || typeof on !== 'string' || !DAY.test(on)) return reply.code(422).send(apiError('STORE_INPUT_INVALID'));
    try {
      return await reply.send(await ctx.options.stores.store.confirmDeparture(request.params.decisionId, { uci, on, by: actorOf(request, by), now: ctx.now() }));
    } catch (error) {
      return storeFailure(reply, error);
    }
  });

  app.post<{ Params: { decisionId: string }; Body: unknown }>('/api/v1/decisions/:decisionId/trp-decisions', async (request, reply) => {
    const input = await readJsonObject(request, reply);
    if (input === undefined) return reply;
    const { uci, decision, by } = input;
    if (typeof uci !== 'string' || (decision !== 'issued' && decision !== 'refused')) return reply.code(422).send(apiError('STORE_INPUT_INVALID'));
    try {
      return await reply.send(await ctx.options.stores.store.recordTrpDecision(request.params.decisionId, { uci, decision, by: actorOf(request, by), now: ctx.now() }));
    } catch (error) {
      return storeFailure(reply, error);
    }
  });
}

/** A small JSON object body, or the error already sent (415, 400). */
async function readJsonObject(request: FastifyRequest, reply: FastifyReply): Promise<Record<string, unknown> | undefined> {
  if (!isJson(request)) {
    await reply.code(415).send(apiError('UNSUPPORTED_MEDIA_TYPE'));
    return undefined;
  }
  try {
    if (!Buffer.isBuffer(request.body)) throw new InputError('INPUT_EMPTY');
    return parseRecordBytes(request.body);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    await reply.code(400).send({ valid: false, errors: [{ path: '$', code: error.code, message: describeInputError(error) }] });
    return undefined;
  }
}
