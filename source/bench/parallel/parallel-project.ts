// The parallel benchmark's project: independent pytest tasks, each made green by one scripted worker call of its own
// (workerByTask) that takes `callMs`, as a model's answer would.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { renderConfigTemplate } from '../../../engine/project/config-template.js';

export type ParallelProject = { tasks: number; callMs: number; python: string };

const moduleFile = (task: number): string => `value_${task}.py`;
const testFile = (task: number): string => `tests/test_value_${task}.py`;

/** A git repository in `dir` (empty or new) with the tasks, their red tests, the script and factory_config.md. */
export async function makeParallelProject(dir: string, project: ParallelProject): Promise<void> {
  const tasks = Array.from({ length: project.tasks }, (_, at) => at + 1);
  const workerByTask = Object.fromEntries(
    tasks.map((task) => [
      String(task),
      [
        {
          say: [`writing ${moduleFile(task)}`],
          delayMs: project.callMs,
          write: { [moduleFile(task)]: valueCode(task) },
        },
      ],
    ]),
  );
  const files: Record<string, string> = {
    'factory_config.md': renderConfigTemplate({
      AI_ENGINE: 'scripted',
      SCRIPT: '.factory-script.json',
      SANDBOX: 'local',
      LEGO_MODE: 'false',
      PLAN: 'false',
      TEST_CMD: `${project.python} -m pytest -rA -q -p no:cacheprovider --continue-on-collection-errors`,
    }),
    'RFP/requirements.md': '# Requirements\n\nSmall independent functions (parallel benchmark).\n',
    'RFP/tasks.md': `# Tasks\n\n${tasks.map((task) => `- [ ] Value ${task} (tests: ${testFile(task)})`).join('\n')}\n`,
    'conftest.py': 'import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n',
    '.factory-script.json': `${JSON.stringify({ worker: [], workerByTask }, null, 2)}\n`,
    '.gitignore': '.factory/\n',
    ...Object.fromEntries(tasks.map((task) => [testFile(task), testCode(task)])),
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  const git = (...args: string[]) => execa('git', args, { cwd: dir });
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.name', 'factory-bench');
  await git('config', 'user.email', 'bench@localhost');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'parallel benchmark project');
}

const valueCode = (task: number): string => `def value_${task}():\n    return ${task}\n`;

const testCode = (task: number): string =>
  `from value_${task} import value_${task}\n\n\ndef test_value_${task}():\n    assert value_${task}() == ${task}\n`;
