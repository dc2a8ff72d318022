// A crash while the dashboard is up: Ink leaves its alternate screen on unmount, so unmount first, then say what broke.
// (Printed before, the error would land on the alternate screen and vanish with it.)

/** Returns the function that removes the hooks; Ink itself restores the screen on exit and on signals. */
export function restoreOnCrash(unmount: () => void): () => void {
  const onCrash = (error: unknown): void => {
    remove();
    unmount();
    process.stderr.write(
      `factory: the dashboard crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  };
  const remove = (): void => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return remove;
}
