import type { CliIo } from './cli-io.js';

const REDRAW_MS = 100;

const BAR_WIDTH = 24;

/**
 * A one-line progress display on a terminal's stderr: a bar when the total is known, the count
 * and the rate always. Silent when stderr is not a terminal, so logs and pipes stay clean.
 */
export class Progress {
  private count = 0;
  private readonly started: number;
  private lastDraw = -Infinity;

  constructor(
    private readonly io: CliIo,
    private readonly label: string,
    private readonly total?: number,
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
    const total = this.total;
    const bar =
      total === undefined || total === 0
        ? ''
        : `[${'#'.repeat(Math.min(BAR_WIDTH, Math.round((this.count / total) * BAR_WIDTH))).padEnd(BAR_WIDTH, '-')}] `;
    const count = total === undefined ? `${this.count} records` : `${this.count}/${total} records`;
    this.io.stderr.write(`\r\x1b[K${this.label}: ${bar}${count}, ${rate}/s`);
  }
}
