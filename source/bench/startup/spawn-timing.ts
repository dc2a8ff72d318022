// Times child processes: from spawn to exit, or from spawn to the first visible text on a terminal (a first frame).
import { execa } from 'execa';
import { stripVTControlCharacters } from 'node:util';
import { killGroup } from '../../../engine/sandbox/kill-group.js';

export async function timeToExit(file: string, args: string[]): Promise<number> {
  const start = performance.now();
  const result = await execa(file, args, { reject: false, stdin: 'ignore' });
  if (result.exitCode !== 0)
    throw new Error(`${[file, ...args].join(' ')} exited with ${result.exitCode}: ${result.stderr || result.stdout}`);
  return performance.now() - start;
}

/**
 * Milliseconds until the process shows text other than escape sequences; it is then stopped. It runs on an
 * 80x24 pseudo-terminal made by `script` (util-linux or BSD), as a dashboard would in a real terminal.
 */
export async function timeToFirstText(
  file: string,
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<number> {
  const [command, commandArgs] = onTerminal(file, args);
  const start = performance.now();
  const child = execa(command, commandArgs, {
    reject: false,
    stdin: 'ignore',
    env,
    extendEnv: false,
    buffer: false,
    detached: true,
  });
  const what = [file, ...args].join(' ');
  try {
    return await new Promise<number>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`${what} showed nothing in ${timeoutMs} ms`)), timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (stripVTControlCharacters(seen).trim() === '') return;
        clearTimeout(timer);
        resolve(performance.now() - start);
      });
      void child.then((result) => {
        clearTimeout(timer);
        reject(new Error(`${what} ended (exit ${result.exitCode}) before showing anything`));
      });
    });
  } finally {
    killGroup(child.pid, 0);
    await child.catch(() => undefined);
  }
}

function onTerminal(file: string, args: string[]): [string, string[]] {
  const line = `stty cols 80 rows 24 2>/dev/null; exec ${[file, ...args].map(quote).join(' ')}`;
  if (process.platform === 'darwin') return ['script', ['-q', '/dev/null', 'sh', '-c', line]];
  return ['script', ['-qfec', line, '/dev/null']];
}

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;
