import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES, LANGUAGE_TAGS } from '../i18n/languages.js';
import type { ServerContext } from './server-context.js';

/** Sends a page of `templates/server/` in the request's language, with what every page's layout needs. */
export async function sendPage(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200): Promise<void> {
  const lang = request.lang;
  const here = request.url.startsWith('/') && !request.url.startsWith('//') ? request.url : '/';
  const html = ctx.render(template, {
    lang,
    langTag: LANGUAGE_TAGS[lang],
    t: (key: string, values?: Record<string, string | number>) => ctx.t(lang, key, values),
    otherLanguages: LANGUAGES.filter((l) => l !== lang).map((l) => ({ code: l, tag: LANGUAGE_TAGS[l], href: `/language?to=${l}&back=${encodeURIComponent(here)}`, label: ctx.t(l, 'language.name') })),
    fmt: ctx.formats[lang],
    timeZoneNote: ctx.t(lang, 'format.timeZone'),
    officer: request.officer === undefined ? null : { id: request.officer.id, role: ctx.formats[lang].code('role', request.officer.role) },
    csrfToken: reply.generateCsrf(),
    ...context,
  });
  await reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
