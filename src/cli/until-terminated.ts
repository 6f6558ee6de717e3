/**
 * Resolves on the first SIGINT or SIGTERM, for commands that run until stopped (`serve`,
 * `mail-catcher`, `demo`); the handlers exist only while it waits.
 */
export function untilTerminated(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
