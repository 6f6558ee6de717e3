import type { FastifyInstance } from 'fastify';
import { ITEM_STATES, isItemState } from '../../store/item-state.js';
import type { QueueFilter } from '../../store/review-store.js';
import { sendPage } from '../page-context.js';
import { requireOfficer } from '../require-officer.js';
import type { ServerContext } from '../server-context.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

interface QueueQuery {
  office?: string;
  kind?: string;
  state?: string;
  from?: string;
  to?: string;
}

/** Reads the queue's filters from the query string, dropping anything malformed. */
export function queueFilterOf(query: QueueQuery): QueueFilter {
  const pick = (value: string | undefined, pattern: RegExp) => (typeof value === 'string' && pattern.test(value) ? value : undefined);
  const office = pick(query.office, CODE);
  const kind = pick(query.kind, CODE);
  const from = pick(query.from, DAY);
  const to = pick(query.to, DAY);
  return {
    ...(office === undefined ? {} : { officeId: office }),
    ...(kind === undefined ? {} : { kind }),
    ...(typeof query.state === 'string' && isItemState(query.state) ? { state: query.state } : {}),
    ...(from === undefined || Number.isNaN(Date.parse(from)) ? {} : { receivedFrom: from }),
    ...(to === undefined || Number.isNaN(Date.parse(to)) ? {} : { receivedTo: to }),
  };
}

/** The queue of decisions awaiting approval, with filters and counts. */
export function queueRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: QueueQuery }>('/queue', { preHandler: requireOfficer(ctx) }, async (request, reply) => {
    const filter = queueFilterOf(request.query);
    const queue = await ctx.options.stores.review.queue(filter);
    const facet = (counts: Readonly<Record<string, number>>) => Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, count]) => ({ value, count }));
    await sendPage(ctx, request, reply, 'queue.njk', {
      filter: { office: filter.officeId ?? '', kind: filter.kind ?? '', state: filter.state ?? 'awaiting-approval', from: filter.receivedFrom ?? '', to: filter.receivedTo ?? '' },
      states: ITEM_STATES,
      queue,
      offices: facet(queue.counts.byOffice),
      kinds: facet(queue.counts.byKind),
      stateCounts: facet(queue.counts.byState),
    });
  });
}
