/** The streams a command writes to; tests pass buffers, `main.ts` passes the process's. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Standard input, for commands that read a secret (`hcc user add`); absent means empty. */
  readonly stdin?: AsyncIterable<Uint8Array | string> & {
    readonly isTTY?: boolean;
    setRawMode?(mode: boolean): unknown;
  };
  /** Milliseconds from an arbitrary origin; only progress display reads it. */
  readonly now: () => number;
}
