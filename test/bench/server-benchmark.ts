// The server under load from 20 concurrent clients on loopback (autocannon): the decision page and
// a document's bytes (latency percentiles), and POST /api/v1/decisions (decisions per second
// through render and store, each request a distinct decision id). The server is the built
// `hcc serve` in its own process, on a fresh SQLite store seeded by the built `hcc submit`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../../src/package-root.js';
import { openStore } from '../../src/store/open-store.js';

/** Latency percentiles of one route, in milliseconds, from every response's own time. */
export interface RouteLatency {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly non2xx: number;
}

export interface ServerResult {
  readonly connections: number;
  readonly decisionPage: RouteLatency;
  readonly documentFetch: RouteLatency;
  /** Decisions accepted (202) per second by POST /api/v1/decisions, render and store included. */
  readonly postDecisionsPerSecond: number;
  readonly postLatency: RouteLatency;
  /** Of the decisions answered 202, how many the store holds afterwards (all of them, or something is lost). */
  readonly postStored: number;
  readonly postAccepted: number;
  readonly workers: number;
}

const CONNECTIONS = 20;
const OFFICER = 'OFF-BENCH-1';
const PASSWORD = 'benchmark password, not a secret';
const PAGE_DECISION = 'HC-2026-000110';

const cli = (): string => join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
const config = (): string => join(packageRoot(), 'fixtures', 'hcc.config.json');

/** Runs the built `hcc` to completion; its standard output, or an error with its exit code. */
async function hcc(args: readonly string[], stdin = ''): Promise<string> {
  const child = spawn(cli(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  child.stdin.end(stdin);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`hcc ${args[0] ?? ''} exited ${String(code)}: ${err.slice(0, 500)}`);
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** autocannon for `seconds`, every response's latency kept so p95 is exact (autocannon's own table has no p95). */
async function load(options: autocannon.Options): Promise<{ latency: RouteLatency; statuses: Map<number, number> }> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, pipelining: 1, ...options }, (error, done) => {
      if (error === null || error === undefined) resolve(done);
      else reject(error instanceof Error ? error : new Error('autocannon failed'));
    });
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  times.sort((a, b) => a - b);
  const ok = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    latency: {
      requests: times.length,
      requestsPerSecond: round(times.length / (result.duration || 1)),
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      p99: round(percentile(times, 99)),
      non2xx: times.length - ok,
    },
    statuses,
  };
}

/** Signs in as a browser would (the CSRF cookie and token from the form, then the form posted): the session cookie header. */
async function signIn(origin: string): Promise<string> {
  const form = await fetch(`${origin}/sign-in`);
  const csrfCookie = form.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('hcc_csrf='));
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (csrfCookie === undefined || token === undefined) throw new Error('the sign-in form carried no CSRF token');
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: token, account: OFFICER, password: PASSWORD }).toString(),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('hcc_session='));
  if (response.status !== 303 || session === undefined) throw new Error(`sign-in answered ${String(response.status)}`);
  return `${csrfCookie}; ${session}`;
}

/** Starts the built `hcc serve` on a free loopback port; its origin and a stop function. */
async function startServe(db: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const child = spawn(cli(), ['serve', '--port', '0', '--db', db, '--config', config()], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const origin = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s/]+)\//.exec(err);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`hcc serve exited ${String(code)}: ${err.slice(0, 500)}`));
    });
  });
  return {
    origin,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function fixtureRecords(): Record<string, unknown>[] {
  const dir = join(packageRoot(), 'fixtures', 'decisions');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Record<string, unknown>);
}

/**
 * The server benchmark: `seconds` of load on each route with 20 connections. The pages are read
 * by a signed-in officer (the decision page of a bilingual decision, and its refusal letter's
 * PDF); the POSTs carry the fixtures again and again under fresh decision ids.
 */
export async function benchmarkServer(seconds: number): Promise<ServerResult> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-server-'));
  const db = join(dir, 'hcc.sqlite');
  try {
    await hcc(['submit', join(packageRoot(), 'fixtures', 'decisions'), '--db', db, '--config', config(), '--now', '2026-12-01T15:00:00Z']);
    await hcc(['user', 'add', OFFICER, '--role', 'officer', '--db', db], `${PASSWORD}\n`);
    const key = (await hcc(['api-key', 'create', 'bench', '--db', db])).trim();
    const serve = await startServe(db);
    let accepted: string[] = [];
    try {
      const cookie = await signIn(serve.origin);
      const page = await fetch(`${serve.origin}/decisions/${PAGE_DECISION}`, { headers: { cookie } });
      const html = await page.text();
      const documentPath = /data-src="(\/decisions\/[^"]+\/content)"/.exec(html)?.[1];
      if (page.status !== 200 || documentPath === undefined) throw new Error(`the decision page answered ${String(page.status)} without a PDF view`);

      // A short warm-up of each route first, discarded: the render workers start, templates compile, caches fill.
      await load({ url: `${serve.origin}/decisions/${PAGE_DECISION}`, headers: { cookie }, duration: 2 });
      await load({ url: `${serve.origin}${documentPath}`, headers: { cookie }, duration: 2 });
      const decisionPage = await load({ url: `${serve.origin}/decisions/${PAGE_DECISION}`, headers: { cookie }, duration: seconds });
      console.log(`  decision page: ${JSON.stringify(decisionPage.latency)}`);
      const documentFetch = await load({ url: `${serve.origin}${documentPath}`, headers: { cookie }, duration: seconds });
      console.log(`  document fetch: ${JSON.stringify(documentFetch.latency)}`);

      const fixtures = fixtureRecords();
      let sent = 0;
      const ids: string[] = [];
      // POSTs of fresh decisions for `duration` seconds; when `keep`, the ids answered 202 are kept.
      const postLoad = (duration: number, tag: string, keep: boolean) =>
        load({
          url: `${serve.origin}/api/v1/decisions`,
          duration,
          // Rendering takes longer than a page: no request is cut off by autocannon's default 10 s.
          timeout: 60,
          requests: [
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
              setupRequest: (request) => {
                const base = fixtures[sent % fixtures.length] ?? {};
                const decisionId = `${String(base.decisionId)}-${tag}${String(sent)}`;
                sent += 1;
                return { ...request, body: JSON.stringify({ ...base, decisionId }) };
              },
              onResponse: (status, body) => {
                if (keep && status === 202) ids.push((JSON.parse(body) as { decisionId: string }).decisionId);
              },
            },
          ],
        });
      // The render workers warm up before the POSTs are timed, as the pages did above: a worker's
      // first ~50 decisions cost it about three times the CPU of the later ones (the JIT, the
      // shaping tables and the font subsets filling), which a 10 s window would otherwise mostly measure.
      await postLoad(3, 'W', false);
      const post = await postLoad(seconds, 'S', true);
      accepted = ids;
      const created = post.statuses.get(202) ?? 0;
      const postDecisionsPerSecond = Math.round((created / seconds) * 10) / 10;
      console.log(`  POST /api/v1/decisions: ${String(created)} accepted (202) in ${String(seconds)} s; statuses ${JSON.stringify(Object.fromEntries(post.statuses))}; ${JSON.stringify(post.latency)}`);
      await serve.stop();
      // Through to the store: every decision answered 202 is there after the server stopped.
      const store = await openStore({ location: db, now: new Date('2026-12-01T15:00:00Z') });
      let stored = 0;
      try {
        for (const id of accepted) {
          try {
            await store.status(id);
            stored += 1;
          } catch {
            // Answered 202 and not in the store: counted as missing.
          }
        }
      } finally {
        await store.close();
      }
      return {
        connections: CONNECTIONS,
        decisionPage: decisionPage.latency,
        documentFetch: documentFetch.latency,
        postDecisionsPerSecond,
        postLatency: post.latency,
        postStored: stored,
        postAccepted: created,
        workers: availableParallelism(),
      };
    } catch (error) {
      await serve.stop().catch(() => undefined);
      throw error;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per figure, with the targets. */
export function reportServer(result: ServerResult): void {
  const bar = (ok: boolean, target: string): string => `${ok ? 'meets' : 'BELOW'} ${target}`;
  const line = (label: string, l: RouteLatency): string =>
    `  ${label}: p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms; ${l.requestsPerSecond.toFixed(0)} requests/s; ${String(l.non2xx)} not 2xx   ${bar(l.p95 < 100 && l.non2xx === 0, 'p95 < 100 ms')}`;
  console.log(`hcc serve under ${String(result.connections)} concurrent clients on loopback (${String(result.workers)} render workers):`);
  console.log(line('decision page', result.decisionPage));
  console.log(line('document fetch (PDF)', result.documentFetch));
  console.log(
    `  POST /api/v1/decisions: ${result.postDecisionsPerSecond.toFixed(1)} decisions/s (render and store included; ${String(result.postStored)} of ${String(result.postAccepted)} accepted found in the store); p50 ${result.postLatency.p50.toFixed(0)} ms, p95 ${result.postLatency.p95.toFixed(0)} ms   ${bar(result.postDecisionsPerSecond >= 60, '≥ 60 decisions/s')}`,
  );
}
