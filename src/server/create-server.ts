import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { packageRoot } from '../package-root.js';
import { apiError } from './api-errors.js';
import { sendPage } from './page-context.js';
import { createPageViews } from './page-views.js';
import { apiRoutes } from './routes/api-routes.js';
import { decisionRoutes } from './routes/decision-routes.js';
import { queueRoutes } from './routes/queue-routes.js';
import { signInRoutes } from './routes/sign-in-routes.js';
import { LANGUAGE_COOKIE, type ServerContext } from './server-context.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { createServerTranslate, pickLanguage } from './server-i18n.js';
import { ParsedEmailCache } from './parsed-email-cache.js';
import { createPageFormats, type PageFormats } from './server-labels.js';
import { ServerMetrics } from './server-metrics.js';
import { DEFAULT_SESSION_POLICY, type ServerOptions } from './server-options.js';

/** Largest body accepted anywhere (the API's record limit); forms are far smaller. */
export const BODY_LIMIT = 1024 * 1024;

/** The files under `/assets/`: a fixed list read once, so no request path ever reaches the file system. */
function loadAssets(root: string): Map<string, { type: string; body: Buffer }> {
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const assets = new Map<string, { type: string; body: Buffer }>();
  const add = (name: string, path: string, type: string) => assets.set(name, { type, body: readFileSync(path) });
  add('server.css', join(root, 'templates/server/assets/server.css'), 'text/css; charset=utf-8');
  add('pdf-view.mjs', join(root, 'templates/server/assets/pdf-view.mjs'), 'text/javascript; charset=utf-8');
  add('pdfjs/pdf.min.mjs', join(pdfjs, 'build/pdf.min.mjs'), 'text/javascript; charset=utf-8');
  add('pdfjs/pdf.worker.min.mjs', join(pdfjs, 'build/pdf.worker.min.mjs'), 'text/javascript; charset=utf-8');
  return assets;
}

/**
 * The officers' pages and the HTTP API on one Fastify instance, not yet listening: tests call
 * `inject` or `listen({ port: 0 })`, `hcc serve` listens on its port. Templates, strings and
 * assets are read here, once. Closing the server does not close the store.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const root = packageRoot();
  const t = createServerTranslate(join(root, 'locales'));
  const ctx: ServerContext = {
    options,
    now: options.now ?? (() => new Date()),
    policy: options.session ?? DEFAULT_SESSION_POLICY,
    t,
    formats: Object.fromEntries(LANGUAGES.map((l) => [l, createPageFormats(t, l)])) as Record<Language, PageFormats>,
    render: createPageViews(join(root, 'templates/server')),
    emailParts: new ParsedEmailCache(200),
    metrics: new ServerMetrics(),
    secureCookies: options.secureCookies === true,
  };
  const assets = loadAssets(root);
  const app = Fastify({ logger: options.logger === true, bodyLimit: BODY_LIMIT, trustProxy: options.trustProxy === true, return503OnClosing: true });

  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    cookieKey: 'hcc_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.secureCookies },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
  });
  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    // The email frame is same-origin; every other page refuses to be framed elsewhere.
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: ctx.secureCookies,
  });

  // The API reads records as bytes: the project's strict JSON reader parses them, not JSON.parse.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    done(null, body);
  });

  app.decorateRequest('lang', 'en');
  app.addHook('onRequest', (request, _reply, done) => {
    request.lang = pickLanguage(request.cookies[LANGUAGE_COOKIE], request.headers['accept-language']);
    done();
  });
  app.addHook('onResponse', async (request, reply) => {
    ctx.metrics.observeRequest(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ code: error.code, route: request.routeOptions.url }, 'request failed');
    const code =
      status === 413 ? 'PAYLOAD_TOO_LARGE'
      : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE'
      : status === 429 ? 'RATE_LIMITED'
      : status === 403 ? 'CSRF_INVALID'
      : status === 404 ? 'NOT_FOUND'
      : status === 500 ? 'INTERNAL'
      : 'BAD_REQUEST';
    if (request.url.startsWith('/api/')) return reply.code(status).send(apiError(code));
    await sendPage(ctx, request, reply, 'problem.njk', { status, code, back: '/queue' }, status);
    return reply;
  });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send(apiError('NOT_FOUND'));
    await sendPage(ctx, request, reply, 'problem.njk', { status: 404, code: 'NOT_FOUND', back: '/queue' }, 404);
    return reply;
  });

  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const asset = assets.get(request.params['*']);
    if (asset === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('404 NOT_FOUND');
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });

  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await options.stores.review.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get('/metrics', async (_request, reply) => {
    const counts = await options.stores.store.outboxCounts();
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(ctx.metrics.exposition(counts));
  });

  signInRoutes(app, ctx);
  queueRoutes(app, ctx);
  decisionRoutes(app, ctx);
  apiRoutes(app, ctx);
  return app;
}
