// A temp git repo holding a small python project whose one pytest test fails until calc.add adds: the red starting point of loop tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { configKeys } from '../../engine/config/keys.js';
import { toFactoryConfig, type FactoryConfig } from '../../engine/config/factory-config.js';

export const buggyCalc = 'def add(a, b):\n    return a - b\n';
export const fixedCalc = 'def add(a, b):\n    return a + b\n';

const files: Record<string, string> = {
  'RFP/requirements.md': '# Calculator\n\n`calc.add(a, b)` returns the sum of a and b.\n',
  'RFP/tasks.md': '- [ ] Make add return the sum (tests: tests/test_calc.py)\n',
  'calc.py': buggyCalc,
  'tests/test_calc.py': 'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n',
  '.gitignore': '__pycache__/\n.pytest_cache/\n',
};

/** extra: more files to commit with the project (e.g. factory_config.md). */
export function makePythonProject(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-py-'));
  for (const [name, content] of Object.entries({ ...files, ...extra })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@localhost');
  git('config', 'user.name', 'test');
  git('add', '-A');
  git('commit', '-q', '-m', 'start');
  return dir;
}

/** The test command every loop test uses: the machine's python with pytest, no cache files in the project. */
export const pytestCommand = 'python3 -m pytest -q -p no:cacheprovider tests';

/** The defaults of every key, with these settings on top (KEY -> value, as in factory_config.md). */
export function testConfig(settings: Record<string, string> = {}): FactoryConfig {
  const defaults = Object.fromEntries(configKeys.map((definition) => [definition.key, definition.default]));
  return toFactoryConfig({ ...defaults, TEST_CMD: pytestCommand, SANDBOX: 'local', ...settings });
}
