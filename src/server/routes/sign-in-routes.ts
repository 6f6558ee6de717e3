import type { FastifyInstance } from 'fastify';
import { LANGUAGES } from '../../i18n/languages.js';
import { sendPage } from '../page-context.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, type ServerContext } from '../server-context.js';
import { csrfCheck, requireOfficer } from '../require-officer.js';

/** A path on this server to return to: one leading slash, no scheme or host (no open redirect). */
export function localPath(value: unknown, fallback = '/queue'): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 2048 ? value : fallback;
}

/** Sign-in (rate-limited, no enumeration, a new session id each time), sign-out, and the language switch. */
export function signInRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const cookie = { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.secureCookies } as const;
  const limit = ctx.options.signInLimit ?? { max: 5, windowMs: 60_000 };

  app.get('/', async (_request, reply) => reply.code(303).redirect('/queue'));

  app.get('/sign-in', async (request, reply) => sendPage(ctx, request, reply, 'sign-in.njk', { failed: false, accountId: '' }));

  app.post<{ Body: { account?: unknown; password?: unknown } }>(
    '/sign-in',
    { preHandler: csrfCheck(app), config: { rateLimit: { max: limit.max, timeWindow: limit.windowMs } } },
    async (request, reply) => {
      const account = typeof request.body.account === 'string' ? request.body.account.trim() : '';
      const password = typeof request.body.password === 'string' ? request.body.password : '';
      const found = await ctx.options.stores.access.authenticate(account, password);
      if (found === undefined) {
        // One message whether the account exists or not; the id typed is echoed back escaped, the password never.
        await sendPage(ctx, request, reply, 'sign-in.njk', { failed: true, accountId: account.slice(0, 128) }, 401);
        return;
      }
      // Whatever session cookie came with the request is ended: the officer gets a fresh id (no fixation).
      const previous = request.cookies[SESSION_COOKIE];
      if (previous !== undefined) await ctx.options.stores.access.endSession(previous);
      const grant = await ctx.options.stores.access.startSession(found.id, { now: ctx.now(), policy: ctx.policy });
      reply.setCookie(SESSION_COOKIE, grant.token, cookie);
      await reply.code(303).redirect('/queue');
    },
  );

  app.post('/sign-out', { preHandler: [requireOfficer(ctx), csrfCheck(app)] }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined) await ctx.options.stores.access.endSession(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    await reply.code(303).redirect('/sign-in');
  });

  // A preference, not a change to any record: a plain link works without JavaScript.
  app.get<{ Querystring: { to?: string; back?: string } }>('/language', async (request, reply) => {
    const to = LANGUAGES.find((l) => l === request.query.to) ?? 'en';
    reply.setCookie(LANGUAGE_COOKIE, to, { ...cookie, maxAge: 365 * 24 * 60 * 60 });
    await reply.code(303).redirect(localPath(request.query.back));
  });
}
