// Whole runs with SANDBOX=local on the real bubblewrap: the model's code writes outside the project, into .git/ and a
// locked test (code naming factory's records is the code guard's: confined-local-sandbox.test.ts tries them), at import, from a test of its own and from a background process, in factory's
// test runs and in the worker's run_tests calls mid-round. Nothing of it lands; the run is judged on its tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { asOnAUsersMachine, checksum, containmentProject } from '../../support/containment.js';
import { startOpenaiServer } from '../../support/openai-server.js';
import { isRunning, uniqueSleep } from '../../support/processes.js';
import { git, rightAdd, wrongAdd } from '../../support/project.js';
import { createPytestProject } from '../../support/pytest-project.js';
import { runEngine } from '../../support/run-engine.js';

asOnAUsersMachine();
const homeDecoy = fs.mkdtempSync(path.join(os.homedir(), '.factory-decoy-'));
fs.writeFileSync(path.join(homeDecoy, 'victim.txt'), 'do not touch\n');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(() => fs.rmSync(homeDecoy, { recursive: true, force: true }));

/** Python that appends to each target it can and leaves a sleep running in a session of its own. */
function attack(targets: string[], sleep: string, indent = ''): string {
  const [, seconds] = sleep.split(' ');
  return [
    'import subprocess',
    `for target in ${JSON.stringify(targets)}:`,
    '    try:',
    '        with open(target, "a") as handle:',
    '            handle.write("pwned\\n")',
    '    except OSError:',
    '        pass',
    `subprocess.Popen(["sleep", "${seconds}"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, ` +
      'stderr=subprocess.DEVNULL, start_new_session=True)',
  ]
    .map((line) => `${indent}${line}`)
    .join('\n');
}

describe('SANDBOX=local confines the code under test', () => {
  it("factory's test runs: writes at import, from a test and from a background process all fail; green on the tests", async () => {
    const corpus = containmentProject({ SANDBOX: 'local', MAX_ROUNDS: '3' });
    const targets = [
      path.join(homeDecoy, 'victim.txt'),
      path.join(corpus.decoy, 'victim.txt'),
      path.join(path.dirname(corpus.dir), corpus.besideName),
      '.git/config',
      corpus.lockedTest,
    ];
    const sleep = uniqueSleep(120);
    const withAttack = (body: string): string => `${attack(targets, sleep)}\n\n\n${body}`;
    const ownTest = `def test_extra():\n${attack(targets, sleep, '    ')}\n`;
    const script = {
      worker: [
        { write: { 'calc.py': withAttack(wrongAdd), 'tests/test_extra.py': ownTest } },
        { write: { 'calc.py': withAttack(rightAdd) } },
      ],
    };
    fs.writeFileSync(path.join(corpus.dir, 'script.json'), JSON.stringify(script));
    git(corpus.dir, 'commit', '-qam', 'the hostile script');
    const before = [corpus.fingerprint(), checksum(homeDecoy)];

    const { result, events } = await runEngine(corpus.dir);

    const rounds = events.flatMap((event) => (event.type === 'round:finished' ? [event.record] : []));
    expect(rounds.map((round) => round.green)).toEqual([false, true]);
    expect(rounds[0]?.tests.excerpt).toContain('assert -1 == 5');
    expect(result.outcome).toBe('green');
    expect([corpus.fingerprint(), checksum(homeDecoy)]).toEqual(before);
    expect(fs.readFileSync(path.join(corpus.dir, '.git', 'config'), 'utf8')).not.toContain('pwned');
    expect(isRunning(sleep)).toBe(false);
  }, 180_000);

  it("the worker's run_tests mid-round runs the model's code confined too", async () => {
    const sleep = uniqueSleep(120);
    const targets = [path.join(homeDecoy, 'victim.txt'), '.git/config', 'tests/test_calc.py'];
    const block = (body: string): string => `calc.py\n\`\`\`python\n${attack(targets, sleep)}\n\n\n${body}\`\`\`\n`;
    const server = await startOpenaiServer({
      answers: [
        { content: `Trying.\n\n${block(wrongAdd)}`, toolCalls: [{ name: 'run_tests', arguments: {} }] },
        `Fixed.\n\n${block(rightAdd)}`,
      ],
    });
    closers.push(server.close);
    const dir = await createPytestProject({
      AI_ENGINE: 'openai',
      WORKER_MODEL: 'local-coder',
      OPENAI_BASE_URL: server.url,
      SANDBOX: 'local',
      TEST_CMD: 'PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider',
      MAX_ROUNDS: '1',
    });
    const before = checksum(homeDecoy);
    const tests = fs.readFileSync(path.join(dir, 'tests', 'test_calc.py'), 'utf8');

    const { result } = await runEngine(dir);

    expect(server.toolResults.map((message) => message.content)).toEqual([expect.stringContaining('assert -1 == 5')]);
    expect(result.outcome).toBe('green');
    expect(checksum(homeDecoy)).toBe(before);
    expect(fs.readFileSync(path.join(dir, 'tests', 'test_calc.py'), 'utf8')).toBe(tests);
    expect(fs.readFileSync(path.join(dir, '.git', 'config'), 'utf8')).not.toContain('pwned');
    expect(isRunning(sleep)).toBe(false);
  }, 180_000);
});
