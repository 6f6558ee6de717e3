#!/usr/bin/env -S node --max-old-space-size=192
import { performance } from 'node:perf_hooks';
import { runCli } from './run-cli.js';

// The only place that touches the process: arguments, streams, clock and exit code.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  now: () => performance.now(),
});
