import type { CliIo } from './cli-io.js';

const REDRAW_MS = 100;

/** A one-line counter with a rate on a terminal's stderr; silent when stderr is not a terminal. */
export class Progress {
  private count = 0;
  private readonly started: number;
  private lastDraw = -Infinity;

  constructor(
    private readonly io: CliIo,
    private readonly label: string,
  ) {
    this.started = io.now();
  }

  tick(): void {
    this.count += 1;
    if (!this.io.stderr.isTTY) return;
    const now = this.io.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.draw(now);
  }

  done(): void {
    if (!this.io.stderr.isTTY || this.lastDraw === -Infinity) return;
    this.draw(this.io.now());
    this.io.stderr.write('\n');
  }

  private draw(now: number): void {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = Math.round(this.count / seconds);
    this.io.stderr.write(`\r\x1b[K${this.label}: ${this.count} records, ${rate}/s`);
  }
}
