/** The streams a command writes to; tests pass buffers, `main.ts` passes the process's. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Milliseconds from an arbitrary origin; only progress display reads it. */
  readonly now: () => number;
}
