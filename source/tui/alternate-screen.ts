// Switches the terminal to the alternate screen and back: on normal exit, on signals and on a crash the user's screen returns.
const enter = '\u001b[?1049h\u001b[H';
const leave = '\u001b[?25h\u001b[?1049l';

/** Returns the function that leaves; it is safe to call more than once. */
export function enterAlternateScreen(stream: NodeJS.WriteStream = process.stdout): () => void {
  let inside = true;
  const restore = (): void => {
    if (!inside) return;
    inside = false;
    stream.write(leave);
    process.off('exit', restore);
    for (const signal of signals) process.off(signal, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    restore();
    process.kill(process.pid, signal);
  };
  const onCrash = (error: unknown): void => {
    restore();
    process.stderr.write(`factory: the dashboard crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  };
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  stream.write(enter);
  process.on('exit', restore);
  for (const signal of signals) process.once(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return restore;
}
