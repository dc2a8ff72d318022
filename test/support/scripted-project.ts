// A real git project in a temp folder with factory_config.md, an RFP and a scripted-engine script, run by the real engine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createAgents } from '../../engine/agents/create-agents.js';
import { loadConfig } from '../../engine/config/load-config.js';
import { createEngine, type FactoryEngine, type RunResult } from '../../engine/engine.js';
import type { FactoryEvent, FactoryEventOf, FactoryEventType } from '../../engine/contract/events.js';
import { confinedSandbox } from './confined-sandbox.js';

export type ProjectSpec = {
  requirements?: string;
  tasks: string[];
  /** The scripted engine's script (worker, reviewer, architect, supervisor sections). */
  script: Record<string, unknown>;
  /** Extra factory_config.md lines, KEY=value. */
  settings?: Record<string, string>;
  /** Files committed before the run. */
  files?: Record<string, string>;
};

export function makeProject(spec: ProjectSpec): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-phases-'));
  const settings = {
    AI_ENGINE: 'scripted',
    SANDBOX: 'local',
    MODE: 'Single',
    LANGUAGE: 'python',
    TEST_TIMEOUT: '120',
    ...spec.settings,
  };
  const files: Record<string, string> = {
    'factory_config.md': `# factory\n\n${Object.entries(settings)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n')}\n`,
    'RFP/requirements.md': spec.requirements ?? '# Calculator\n\nA tiny calculator library in Python.\n',
    'RFP/tasks.md': `# Tasks\n\n${spec.tasks.map((task) => `- [ ] ${task}`).join('\n')}\n`,
    '.factory-script.json': JSON.stringify(spec.script, null, 2),
    ...spec.files,
  };
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=test', '-c', 'user.email=test@localhost', 'commit', '-q', '-m', 'start');
  return dir;
}

/**
 * One task, "Add two numbers", judged by tests/test_calc.py under a quiet pytest: no plan, LEGO check or supervisor,
 * one round per worker call. `files` holds calc.py and the tests, over an empty conftest.py and a .gitignore.
 */
export function addTaskProject(worker: Record<string, unknown>[], files: Record<string, string>): string {
  return makeProject({
    tasks: ['Add two numbers (tests: tests/test_calc.py)'],
    settings: {
      PLAN: 'false',
      LEGO_MODE: 'false',
      SUPERVISOR: 'none',
      TEST_CMD: 'PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider',
      MAX_ROUNDS: String(worker.length),
    },
    files: { 'conftest.py': '', '.gitignore': '__pycache__/\n', ...files },
    script: { worker },
  });
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}

export type FinishedRun = {
  result: RunResult;
  events: FactoryEvent[];
  of: <T extends FactoryEventType>(type: T) => FactoryEventOf<T>[];
};

/** Runs the engine as `factory run` wires it: config from the folder, agents from the script, a local sandbox. */
export async function runProject(
  dir: string,
  extra: { unlock?: string[]; before?: (engine: FactoryEngine) => void } = {},
): Promise<FinishedRun> {
  const config = loadConfig(dir);
  const engine = createEngine({
    projectDir: dir,
    config,
    ...createAgents(dir, config),
    sandbox: confinedSandbox(dir),
    unlock: extra.unlock,
  });
  const events: FactoryEvent[] = [];
  engine.on((event) => events.push(event));
  extra.before?.(engine);
  const result = await engine.run();
  const of = <T extends FactoryEventType>(type: T): FactoryEventOf<T>[] =>
    events.filter((event) => event.type === type) as unknown as FactoryEventOf<T>[];
  return { result, events, of };
}

export const read = (dir: string, file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');
export const exists = (dir: string, file: string): boolean => fs.existsSync(path.join(dir, file));
