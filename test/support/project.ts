// Builds throwaway factory projects in temp folders: a git repo with factory_config.md, an RFP, tests and a script.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execaSync } from 'execa';
import { renderConfigTemplate } from '../../engine/project/config-template.js';
import { pytestCommand } from './python.js';

export type ProjectSpec = {
  /** Settings written into factory_config.md (over the documented defaults). */
  config?: Record<string, string>;
  /** Files to create, path -> content. */
  files?: Record<string, string>;
  tasks?: string[];
  /** The scripted engine's script (default: a worker that does nothing). */
  script?: unknown;
  /** Leave these files uncommitted. */
  dirty?: Record<string, string>;
};

export function makeProject(spec: ProjectSpec = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-test-'));
  const config = {
    AI_ENGINE: 'scripted',
    SANDBOX: 'local',
    LEGO_MODE: 'false',
    TEST_CMD: pytestCommand(),
    TEST_TIMEOUT: '60',
    SCRIPT: 'script.json',
    ...spec.config,
  };
  const files: Record<string, string> = {
    'factory_config.md': renderConfigTemplate(config),
    'RFP/requirements.md': '# Requirements\n\nA calculator library.\n',
    'RFP/tasks.md': `# Tasks\n\n${(spec.tasks ?? ['Add numbers (tests: tests/test_calc.py)']).map((task) => `- [ ] ${task}`).join('\n')}\n`,
    'conftest.py': 'import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n',
    'tests/test_calc.py':
      'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n\n\ndef test_add_negative():\n    assert add(-1, 1) == 0\n',
    '.gitignore': '.factory/\n',
    ...spec.files,
  };
  files['script.json'] = JSON.stringify(spec.script ?? { worker: [] }, null, 2);
  writeFiles(dir, files);
  const git = (...args: string[]): void => void execaSync('git', args, { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  git('add', '-A');
  git('commit', '-q', '-m', 'start');
  if (spec.dirty) writeFiles(dir, spec.dirty);
  return dir;
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

export const wrongAdd = 'def add(a, b):\n    return a - b\n';
export const rightAdd = 'def add(a, b):\n    return a + b\n';

export function git(dir: string, ...args: string[]): string {
  return execaSync('git', args, { cwd: dir }).stdout;
}

export function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}
