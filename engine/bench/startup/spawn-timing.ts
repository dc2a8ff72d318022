// Times child processes: from spawn to exit, or from spawn to the first visible text on stdout (a first frame).
import { execa } from 'execa';
import { stripVTControlCharacters } from 'node:util';

export async function timeToExit(file: string, args: string[]): Promise<number> {
  const start = performance.now();
  const result = await execa(file, args, { reject: false, stdin: 'ignore' });
  if (result.exitCode !== 0) throw new Error(`${[file, ...args].join(' ')} exited with ${result.exitCode}: ${result.stderr || result.stdout}`);
  return performance.now() - start;
}

/** Milliseconds until stdout shows text other than escape sequences; the process is then stopped. */
export async function timeToFirstText(file: string, args: string[], env: Record<string, string | undefined>, timeoutMs: number): Promise<number> {
  const start = performance.now();
  const child = execa(file, args, { reject: false, stdin: 'pipe', env, extendEnv: false, buffer: false });
  try {
    return await new Promise<number>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`${[file, ...args].join(' ')} showed nothing in ${timeoutMs} ms`)), timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (stripVTControlCharacters(seen).trim() === '') return;
        clearTimeout(timer);
        resolve(performance.now() - start);
      });
      void child.then((result) => {
        clearTimeout(timer);
        reject(new Error(`${[file, ...args].join(' ')} ended (exit ${result.exitCode}) before showing anything`));
      });
    });
  } finally {
    child.kill('SIGKILL');
    await child.catch(() => undefined);
  }
}
