// The real claude CLI as the worker of two lines at once, against the scripted Anthropic server: a CLI process per
// line, each working in its own worktree, both tasks green on the run branch; a line writing outside its worktree
// (into the other line's, or the user's checkout) is refused and reported.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeEngine } from '../../../engine/agents/claude/claude-engine.js';
import { CliWorker } from '../../../engine/agents/cli/cli-worker.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { ContainedWorker } from '../../../engine/containment/contained-roles.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { claudeEnv, skipWithout } from '../../support/agent-clis.js';
import { startAnthropicServer, type ScriptStep, type ScriptedServer } from '../../support/anthropic-server.js';
import { confinedSandbox } from '../../support/confined-sandbox.js';
import { asOnAUsersMachine } from '../../support/containment.js';
import { ofType } from '../../support/engine.js';
import { fileAt, linesProject, worktrees } from '../../support/lines-project.js';

const cli = skipWithout('claude');
asOnAUsersMachine();
let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

/** Each request answered for the task and worktree it comes from: a Write of the task's module, then done. */
const lineReply: ScriptStep = (request) => {
  const text = JSON.stringify(request);
  const task = text.includes('# Task 2:') ? 2 : 1;
  const cwd = /Primary working directory: ([^\s"\\]+)/.exec(text)?.[1];
  if (text.includes('"tool_result"')) return { text: `Task ${task} written.` };
  const content = `def f${task}():\n    return ${task}\n`;
  return {
    text: `Writing f${task}.py.`,
    tools: [{ name: 'Write', input: { file_path: `${cwd}/f${task}.py`, content } }],
  };
};

/** Two tasks, f1() == 1 and f2() == 2, for two lines whose worker is claude. */
const twoClaudeLines = (): string =>
  linesProject({
    parallel: 2,
    config: { AI_ENGINE: 'claude', WORKER_TOOLS: 'off' },
    tasks: ['Make f1 (tests: tests/test_f1.py)', 'Make f2 (tests: tests/test_f2.py)'],
    tests: {
      'tests/test_f1.py': 'from f1 import f1\n\n\ndef test_f1():\n    assert f1() == 1\n',
      'tests/test_f2.py': 'from f2 import f2\n\n\ndef test_f2():\n    assert f2() == 2\n',
    },
    byTask: {},
  });

/** The run with the real claude CLI as its contained coder, every request answered by `step`. */
async function runClaudeLines(dir: string, step: ScriptStep) {
  server = await startAnthropicServer(Array.from({ length: 12 }, () => step));
  const worker = new ContainedWorker(
    new CliWorker(claudeEngine(), { env: claudeEnv(server.url), timeoutMs: 120_000 }),
    'coder',
  );
  const engine = createEngine({ projectDir: dir, config: loadConfig(dir), worker, sandbox: confinedSandbox(dir) });
  const events: FactoryEvent[] = [];
  engine.on((event) => events.push(event));
  return { result: await engine.run(), events };
}

describe.skipIf(cli.skip)(`claude in two lines at once, real CLI${cli.title}`, () => {
  it('runs a CLI per line in its own worktree, and both tasks end green on the run branch', async () => {
    const dir = twoClaudeLines();
    const { result, events } = await runClaudeLines(dir, lineReply);
    expect(result.outcome, result.reason).toBe('green');

    const started = ofType(events, 'line:started');
    expect(started.map((event) => event.engine)).toEqual([
      'claude: a CLI process of its own',
      'claude: a CLI process of its own',
    ]);
    // The two calls overlapped: each line's worker started before the other's ended.
    const at = (type: string, task: number) => events.findIndex((e) => e.type === type && e.task === task);
    expect(at('round:started', 2)).toBeLessThan(at('agent:finished', 1));
    expect(at('round:started', 1)).toBeLessThan(at('agent:finished', 2));
    // Each CLI wrote in its own line's worktree, never in the run's checkout.
    for (const task of [1, 2]) {
      const edits = ofType(events, 'agent:edit').filter((event) => event.task === task);
      expect(edits.map((event) => `${event.action} ${event.path}`)).toEqual([`write f${task}.py`]);
    }
    expect(fileAt(dir, 'f1.py')).toBe('def f1():\n    return 1\n');
    expect(fileAt(dir, 'f2.py')).toBe('def f2():\n    return 2\n');
    expect(worktrees(dir)).toHaveLength(1);
    for (const line of started) expect(fs.existsSync(path.join(line.worktree))).toBe(false);
  });

  it('refuses a claude line writing into the other line’s worktree or the user’s checkout, and reports it', async () => {
    const dir = twoClaudeLines();
    // Line 1 also writes over line 2's module and into the user's checkout, by absolute path.
    const hostile: ScriptStep = (request) => {
      const text = JSON.stringify(request);
      const cwd = /Primary working directory: ([^\s"\\]+)/.exec(text)?.[1] ?? '';
      if (!text.includes('# Task 1:') || text.includes('"tool_result"')) return lineReply(request);
      const other = cwd.replace(/-task-1$/, '-task-2');
      return {
        tools: [
          { name: 'Write', input: { file_path: `${cwd}/f1.py`, content: 'def f1():\n    return 1\n' } },
          { name: 'Write', input: { file_path: `${other}/f2.py`, content: 'def f2():\n    return "hacked"\n' } },
          { name: 'Write', input: { file_path: `${dir}/hacked.py`, content: 'hacked\n' } },
        ],
      };
    };
    const { result, events } = await runClaudeLines(dir, hostile);
    expect(result.outcome, result.reason).toBe('green');

    const refused = ofType(events, 'agent:edit').filter((event) => event.action === 'refused');
    expect(refused.map((event) => event.task)).toEqual([1, 1]);
    expect(refused.map((event) => path.basename(event.path)).sort()).toEqual(['f2.py', 'hacked.py']);
    for (const event of refused) expect(event).toMatchObject({ engine: 'claude', role: 'coder' });
    expect(fileAt(dir, 'f2.py')).toBe('def f2():\n    return 2\n');
    expect(fileAt(dir, 'hacked.py')).toBeUndefined();
  });
});
