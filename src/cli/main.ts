#!/usr/bin/env -S node --max-old-space-size=192 --heap-growing-percent=50 --single-threaded-gc --interrupt-budget=270336
import { performance } from 'node:perf_hooks';
import { runCli } from './run-cli.js';

// The flags above hold for every thread of the process, render workers included.
// - A 192 MB old space: without a ceiling V8 lets the heap grow to ~500 MB of mostly garbage.
// - The old space may grow by half its live size between full collections. Under 256 MB of
//   ceiling V8 allows 1.3 at most, so a worker (about 50 MB live: code, fonts, caches) ran a
//   full collection every ~15 decisions, each ~50 ms of marking: 20% of its time. At 1.5 the
//   pool renders ~20% more decisions a second for ~50 MB more in the tree (measured on 3,000
//   records with two workers: 75 → 91–93 decisions/s, 315 → 360 MB).
// - No semi-space flag: a V8 flag overrides the young generation the pool gives each worker
//   (`resourceLimits`), and this thread now only reads and hands out records.
// - Garbage collection on each thread itself, not on helper threads: when every core renders,
//   helpers only take time from the workers (measured: 10–15% more decisions a second with two
//   workers on two cores, slightly fewer with one worker, where a core would otherwise idle).
// - A function must run four times as long as V8's default (67,584) before TurboFan compiles it.
//   A worker's optimising compiles are the cost of its warm-up, paid on V8's helper threads: with
//   one worker on an idle core for free, with a worker on every core out of the workers' time.
//   `hcc render --workers 1` on 3,000 records ran ~1,470 compiles (5.9 s of CPU) at the default
//   and ~970 (3.5 s) at four times it, and the code kept is about as fast: over eight paired runs
//   the pool of two rendered ~2.6% more decisions a second and one worker ~1.4% fewer, with less
//   CPU for both.

// The only place that touches the process: arguments, streams, clock and exit code.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  now: () => performance.now(),
});
