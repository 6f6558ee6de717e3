#!/usr/bin/env -S node --max-old-space-size=192 --max-semi-space-size=2 --single-threaded-gc
import { performance } from 'node:perf_hooks';
import { runCli } from './run-cli.js';

// The flags above hold for every thread of the process. A 192 MB old space: without a ceiling V8
// lets the heap grow to ~500 MB of mostly garbage. A 2 MB semi-space for this thread, which reads,
// hands out and writes (the render workers set their own young generation): at V8's default the
// main thread's short-lived copies of rendered bytes kept the tree ~65 MB larger. Garbage
// collection on each thread itself, not on helper threads: when every core renders, helpers only
// take time from the workers (measured: 10–15% more decisions a second with two workers on two
// cores, slightly fewer with one worker, where a core would otherwise idle).

// The only place that touches the process: arguments, streams, clock and exit code.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  now: () => performance.now(),
});
