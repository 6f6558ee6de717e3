// A quick in-process measurement of the decision page (not a test): every fixture rendered and
// stored, an officer signed in, then each decision page injected N times. Run with `npx tsx`.
import { fixtureRecords, OFFICER, startReviewServer } from '../support/review-server.js';

const ROUNDS = Number(process.argv[2] ?? 20);
const server = await startReviewServer({ records: fixtureRecords() });
const form = await server.app.inject({ url: '/sign-in' });
const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
const jar = (cookies: { name: string; value: string }[]) => cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const first = jar(form.cookies);
const signed = await server.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: first, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, account: OFFICER.id, password: OFFICER.password }).toString() });
const cookie = `${first}; ${jar(signed.cookies)}`;
const ids = server.seeded.map((d) => d.plan.decisionId);
const times: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const id of ids) {
    const start = performance.now();
    const page = await server.app.inject({ url: `/decisions/${id}`, headers: { cookie } });
    if (page.statusCode !== 200) throw new Error(`${id}: ${String(page.statusCode)}`);
    if (round > 0) times.push(performance.now() - start);
  }
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.toFixed(1);
console.log(`decision pages: ${String(ids.length)} decisions × ${String(ROUNDS - 1)} warm rounds; median ${String(at(0.5))} ms, p95 ${String(at(0.95))} ms, mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} ms`);
await server.close();
