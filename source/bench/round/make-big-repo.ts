// Generates a git repository of many small files (the round benchmark's 10,000-file project), committed once.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';

/** Files per folder: a realistic tree rather than one huge directory. */
const perFolder = 100;

export const gitIdentity = ['-c', 'user.name=factory-bench', '-c', 'user.email=bench@localhost'];

export function bigRepoFile(index: number): string {
  return path.join(
    `src${String(Math.floor(index / perFolder)).padStart(3, '0')}`,
    `file${String(index).padStart(5, '0')}.txt`,
  );
}

export async function makeBigRepo(dir: string, files: number, extra: Record<string, string> = {}): Promise<void> {
  for (let index = 0; index < files; index++) {
    const file = path.join(dir, bigRepoFile(index));
    if (index % perFolder === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `file ${index}\n${'some text of a source file\n'.repeat(8)}`);
  }
  for (const [name, content] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  await execa('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  await execa('git', ['add', '-A'], { cwd: dir });
  await execa('git', [...gitIdentity, 'commit', '-q', '-m', 'generated'], { cwd: dir });
}
