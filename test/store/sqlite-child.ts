// Run as a separate process by sqlite-store.e2e.test.ts.
//   claim <file> <worker>: claims emails five at a time until none is left, prints the ids as JSON.
//   default: opens the store where it lives by default (relative to the working folder).
import { openStore } from '../../src/store/open-store.js';
import { at, HOUR, T0 } from './store-test-kit.js';

const [mode, location, worker = 'child'] = process.argv.slice(2);
const store = await openStore({ ...(mode === 'claim' && location !== undefined ? { location } : {}), now: T0 });
if (mode === 'claim') {
  const ids: string[] = [];
  for (let round = 0; round < 1000; round += 1) {
    const batch = await store.claimEmails({ now: at(HOUR), limit: 5, leaseMs: HOUR, worker });
    if (batch.length === 0) break;
    ids.push(...batch.map((c) => c.id));
  }
  process.stdout.write(JSON.stringify(ids));
} else {
  process.stdout.write(store.dialect);
}
await store.close();
