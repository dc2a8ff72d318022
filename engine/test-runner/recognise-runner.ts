// Which test runner a command starts ("python3 -m pytest -q", "npx jest", "go test ./..."), and whether factory may add
// flags to it.
export type RunnerId = 'pytest' | 'jest' | 'vitest' | 'go test' | 'cargo test' | 'behave' | 'cucumber';

export type RecognisedRunner = {
  runner: RunnerId;
  /**
   * A single simple command: factory can add its report flags at the end (or after "go test" / "cargo test").
   * False for shell lists and redirections ("cd app && npx jest", "pytest | tee log"): only the output is read.
   */
  extendable: boolean;
};

/** Words that start the runner rather than being it: "npx jest", "uv run pytest", "python3 -m pytest". */
const launchers = new Set([
  'npx',
  'bunx',
  'pnpx',
  'exec',
  'run',
  'uv',
  'poetry',
  'pipenv',
  'pdm',
  'hatch',
  'yarn',
  'pnpm',
  '--',
  'env',
  'time',
  'nice',
]);
/** python3, python3.12, .venv/bin/python. */
const python = /(^|\/)python(\d+(\.\d+)?)?$/;
/** Anything that makes the line more than one plain command. */
const shellSyntax = /&&|\|\||[;|<>`]|\$\(|\n/;

export function recogniseRunner(command: string): RecognisedRunner | undefined {
  const extendable = !shellSyntax.test(command);
  // In a shell list, the last part that names a runner is the one whose output ends the run.
  const parts = command.split(/&&|\|\||;|\n/).reverse();
  for (const part of parts) {
    const runner = runnerOf(part.split(/\s+/).filter(Boolean));
    if (runner) return { runner, extendable };
  }
  return undefined;
}

function runnerOf(words: string[]): RunnerId | undefined {
  let at = 0;
  // Environment assignments, launchers and "python -m" come before the runner itself.
  for (let word = words[at]; word !== undefined; word = words[at]) {
    if (/^\w+=/.test(word) || launchers.has(word)) at += 1;
    else if (python.test(word) && words[at + 1] === '-m') at += 2;
    else break;
  }
  const program = (words[at] ?? '').split('/').at(-1)!;
  const next = words[at + 1];
  if (program === 'pytest' || program === 'py.test') return 'pytest';
  if (program === 'jest') return 'jest';
  if (program === 'vitest') return 'vitest';
  if (program === 'go' && next === 'test') return 'go test';
  if (program === 'cargo' && next === 'test') return 'cargo test';
  if (program === 'behave') return 'behave';
  if (program === 'cucumber-js') return 'cucumber';
  return undefined;
}
