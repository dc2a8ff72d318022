// A throwaway git project with one failing pytest test (add() returns 0), configured by the settings given.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

export const buggyCalc = 'def add(a, b):\n    return 0\n';

export async function createPytestProject(settings: Record<string, string>): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-local-'));
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('RFP/requirements.md', '# Calculator\n\n`add(a, b)` in calc.py returns the sum of a and b.\n');
  write('RFP/tasks.md', '# Tasks\n\n- [ ] Add two numbers (tests: tests/test_calc.py)\n');
  write('calc.py', buggyCalc);
  write('tests/test_calc.py', 'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n');
  write('.gitignore', '__pycache__/\n.pytest_cache/\n');
  // PLAN=false: these projects test an engine as worker and supervisor; the plan phase has its own tests.
  const config = {
    SANDBOX: 'local',
    TEST_CMD: 'python3 -m pytest -q -p no:cacheprovider',
    MODE: 'Single',
    MAX_ROUNDS: '4',
    SUPERVISOR: 'none',
    PLAN: 'false',
    ...settings,
  };
  write(
    'factory_config.md',
    `# factory configuration\n\n${Object.entries(config)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n')}\n`,
  );
  const git = (...args: string[]) => execa('git', args, { cwd: dir });
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.email', 'test@example.com');
  await git('config', 'user.name', 'factory test');
  await git('add', '-A');
  await git('commit', '-qm', 'red project');
  return dir;
}
