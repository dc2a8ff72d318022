// Finds a python3 that can run pytest, so tests say clearly when the machine has none.
import { execaSync } from 'execa';

let found: string | undefined | null = null;

export function pythonWithPytest(): string | undefined {
  if (found !== null) return found;
  found = ['python3', '/usr/bin/python3'].find(
    (python) => execaSync(python, ['-m', 'pytest', '--version'], { reject: false }).exitCode === 0,
  );
  return found;
}

/** The pytest command the factory uses, with the python that has pytest. */
export function pytestCommand(): string {
  return `${pythonWithPytest() ?? 'python3'} -m pytest -rA -q -p no:cacheprovider --continue-on-collection-errors`;
}

/** Reason to skip when pytest is missing; under CI=true missing tools fail instead. */
export function requirePytest(): string | undefined {
  if (pythonWithPytest()) return undefined;
  if (process.env.CI === 'true')
    throw new Error('CI=true but no python3 with pytest was found (install python3-pytest)');
  return 'no python3 with pytest on this machine';
}
