import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { SESSION_COOKIE, type ServerContext } from './server-context.js';

/** A preHandler: the request's session must be live, else a redirect to sign-in (pages) or 401 (anything else). */
export function requireOfficer(ctx: ServerContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token === undefined ? undefined : await ctx.options.stores.access.resumeSession(token, { now: ctx.now(), policy: ctx.policy });
    if (session !== undefined) {
      request.officer = session.account;
      return;
    }
    if (token !== undefined) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (request.method === 'GET' || request.method === 'HEAD') {
      await reply.code(303).redirect('/sign-in');
      return;
    }
    await reply.code(401).type('text/plain; charset=utf-8').send('401 sign-in required');
  };
}

/** The officer a guarded route runs for (set by `requireOfficer`). */
export function officerOf(request: FastifyRequest): NonNullable<FastifyRequest['officer']> {
  if (request.officer === undefined) throw new Error('route reached without requireOfficer');
  return request.officer;
}

/** The CSRF check of @fastify/csrf-protection as a preHandler (token from the form's `_csrf` field; 403 otherwise). */
export function csrfCheck(app: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    app.csrfProtection(request, reply, done);
  };
}
