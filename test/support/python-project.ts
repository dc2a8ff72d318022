// Makes a committed Python project in a temp folder: factory_config.md, RFP/, a failing pytest test and a scripted worker's script.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { Script } from '../../engine/agents/scripted/script-schema.js';

export type ProjectSpec = {
  /** KEY -> value lines of factory_config.md (AI_ENGINE=scripted and SCRIPT are added). */
  config: Record<string, string>;
  script: Partial<Script>;
  /** Extra files, path -> content. */
  files?: Record<string, string>;
};

export async function makePythonProject(spec: ProjectSpec): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-py-'));
  const config = {
    AI_ENGINE: 'scripted',
    SCRIPT: 'script.json',
    LANGUAGE: 'python',
    MODE: 'Single',
    LEGO_MODE: 'false',
    ...spec.config,
  };
  const files: Record<string, string> = {
    'factory_config.md': `# test project\n\n${Object.entries(config)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n')}\n`,
    'script.json': JSON.stringify(spec.script, null, 2),
    'RFP/requirements.md': 'A calculator module `calc.py` with `add(a, b)`.\n',
    'RFP/tasks.md': '- [ ] add two numbers (tests: tests/test_calc.py)\n',
    'tests/test_calc.py': 'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n',
    'conftest.py': 'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n',
    ...spec.files,
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  const git = (...args: string[]) =>
    execa('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], { cwd: dir });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'start');
  return dir;
}
