// The real claude and gemini CLIs as supervisors of the loop: each decision, malformed answers, and how the loop reacts to them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../../../engine/agents/agent.js';
import { claudeEngine } from '../../../../engine/agents/claude/claude-engine.js';
import type { CliEngine } from '../../../../engine/agents/cli/cli-engine.js';
import { CliSupervisor } from '../../../../engine/agents/cli/cli-supervisor.js';
import { CliWorker } from '../../../../engine/agents/cli/cli-worker.js';
import { geminiEngine } from '../../../../engine/agents/gemini/gemini-engine.js';
import { scriptSchema } from '../../../../engine/agents/scripted/script-schema.js';
import { ScriptedWorker } from '../../../../engine/agents/scripted/scripted-worker.js';
import { createEngine, type FactoryEngine } from '../../../../engine/engine.js';
import type { FactoryEvent } from '../../../../engine/contract/events.js';
import { LocalSandbox } from '../../../../engine/sandbox/local-sandbox.js';
import { claudeEnv, geminiEnv, skipWithout } from '../../../support/agent-clis.js';
import { startAnthropicServer, type ScriptedServer } from '../../../support/anthropic-server.js';
import { startGeminiServer } from '../../../support/gemini-server.js';
import { calcProject } from '../../../support/calc-project.js';
import { ofType as of } from '../../../support/engine.js';
import { rightAdd } from '../../../support/project.js';

/** One engine's way to script its model: plain text answers, and the tool calls that fix calc.py. */
type Rig = {
  name: 'claude' | 'gemini';
  engine: () => CliEngine;
  env: (url: string) => Record<string, string>;
  start: (texts: string[], fix: string[]) => Promise<ScriptedServer>;
  mode: 'Single' | 'Dual';
  /** Also play the malformed answers (one engine is enough: the retry logic is shared, and each CLI call costs seconds). */
  malformed: boolean;
};

const rigs: Rig[] = [
  {
    name: 'claude',
    engine: () => claudeEngine(),
    env: (url) => claudeEnv(url),
    // Claude Code refuses to overwrite a file it has not read in the session.
    start: (texts, [file = '']) =>
      startAnthropicServer([
        ...texts.map((text) => ({ text })),
        { tools: [{ name: 'Read', input: { file_path: file } }] },
        { tools: [{ name: 'Write', input: { file_path: file, content: rightAdd } }] },
        { text: 'Fixed.' },
      ]),
    mode: 'Single',
    malformed: true,
  },
  {
    name: 'gemini',
    engine: () => geminiEngine(),
    env: (url) => geminiEnv(url),
    start: (texts, [file = '']) =>
      startGeminiServer([
        ...texts.map((text) => ({ text })),
        { calls: [{ name: 'write_file', args: { file_path: file, content: rightAdd } }] },
        { text: 'Fixed.' },
      ]),
    mode: 'Dual',
    malformed: false,
  },
];

const decision = (value: Record<string, string>): string => JSON.stringify(value);
const redirect = decision({
  decision: 'REDIRECT',
  reason: 'the worker edits the wrong file',
  instructions: 'Fix calc.add: it must use +',
});
/** Twice unusable (no JSON, then a decision that is not one): CONTINUE with the problem. */
const unusableTwice = ['Looks fine to me.', '```json\n{"decision": "MAYBE", "reason": "unsure"}\n```'];
/** Unusable, then a usable answer on the retry. */
const usableOnRetry = [
  'I would say CONTINUE.',
  'Here is my decision:\n```json\n{"decision": "continue", "reason": "some progress"}\n```',
];
const plainContinue = decision({ decision: 'CONTINUE', reason: 'some progress', instructions: '' });
const escalate = decision({ decision: 'ESCALATE', reason: 'the tests may be wrong', instructions: '' });
const intervene = decision({ decision: 'INTERVENE', reason: 'I will fix it myself', instructions: '' });

/** A worker that keeps failing: it writes notes, never the fix. */
function notesWorker(): Worker {
  return new ScriptedWorker(
    scriptSchema.parse({
      worker: [{ say: 'trying', write: { 'notes.txt': 'round {{round}}\n' } }],
      afterLast: 'repeat',
    }),
  );
}

let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

describe.each(rigs)('$name as supervisor', (rig) => {
  const cli = skipWithout(rig.name);

  it.skipIf(cli.skip)(
    `issues each decision and the loop reacts${rig.malformed ? '; malformed answers are asked again once' : ''}${cli.title}`,
    { timeout: 240_000 },
    async () => {
      const { dir, config } = calcProject({
        SUPERVISOR: rig.name,
        MODE: rig.mode,
        MAX_SAME_FAILURE: '50',
        MAX_FAIL_STREAK: '50',
        MAX_IDLE_ROUNDS: '50',
      });
      const answers = rig.malformed
        ? [redirect, ...unusableTwice, ...usableOnRetry, escalate, intervene]
        : [redirect, plainContinue, escalate, intervene];
      const decisions = rig.malformed
        ? ['REDIRECT', 'CONTINUE', 'CONTINUE', 'ESCALATE', 'INTERVENE']
        : ['REDIRECT', 'CONTINUE', 'ESCALATE', 'INTERVENE'];
      server = await rig.start(answers, [path.join(dir, 'calc.py')]);
      const options = { env: rig.env(server.url), timeoutMs: 120_000 };
      const engine = createEngine({
        projectDir: dir,
        config,
        worker: notesWorker(),
        supervisor: new CliSupervisor(rig.engine(), options),
        supervisorWorker: new CliWorker(rig.engine(), options),
        sandbox: new LocalSandbox(dir),
      });
      const events = record(engine, 'resume');

      const result = await engine.run();

      expect(result.outcome).toBe('green');
      const verdicts = of(events, 'verdict:issued').map((event) => event.verdict);
      expect(verdicts.map((verdict) => verdict.decision)).toEqual(decisions);
      expect(verdicts.at(-3)?.reason).toBe('some progress');
      if (rig.malformed) {
        expect(verdicts[1]?.reason).toMatch(
          /^supervisor answer unusable twice, continuing: the decision does not match \{decision, reason, instructions\} \(decision: /,
        );
        // The retry told the model what was wrong with its first answer.
        expect(JSON.stringify(server.requests[2])).toContain(
          'Your previous answer could not be used: no JSON object in the answer',
        );
      }
      // REDIRECT: the instructions go into the next prompt, and only that one.
      const prompt = (round: number): string =>
        fs.readFileSync(path.join(dir, '.factory', 'prompts', `round_${round}.md`), 'utf8');
      expect(prompt(2)).toContain('Fix calc.add: it must use +');
      expect(prompt(3)).not.toContain('Fix calc.add: it must use +');
      // ESCALATE pauses for the human, whatever the MODE.
      expect(of(events, 'engine:paused')).toMatchObject([
        { kind: 'escalation', round: decisions.indexOf('ESCALATE') + 1 },
      ]);
      expect(of(events, 'engine:resumed')).toHaveLength(1);
      // INTERVENE: the supervisor's engine works the next round and fixes the project.
      expect(of(events, 'round:finished').map((event) => event.record.worker)).toEqual([
        ...decisions.map(() => 'scripted'),
        rig.name,
      ]);
      expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(rightAdd);
      const log = fs.readFileSync(path.join(dir, '.factory', 'supervisor_log.txt'), 'utf8');
      expect(log.match(/supervisor: (\w+)/g)).toEqual(decisions.map((name) => `supervisor: ${name}`));
    },
  );
});

describe('an escalation the human answers with stop', () => {
  const cli = skipWithout('claude');

  it.skipIf(cli.skip)(`stops the run at the pause${cli.title}`, async () => {
    const { dir, config } = calcProject({ SUPERVISOR: 'claude' });
    server = await startAnthropicServer([
      { text: decision({ decision: 'ESCALATE', reason: 'requirements unclear', instructions: '' }) },
    ]);
    const options = { env: claudeEnv(server.url), timeoutMs: 120_000 };
    const engine = createEngine({
      projectDir: dir,
      config,
      worker: notesWorker(),
      supervisor: new CliSupervisor(claudeEngine(), options),
      sandbox: new LocalSandbox(dir),
    });
    const events = record(engine, 'stop');

    const result = await engine.run();

    expect(result.outcome).toBe('stopped');
    expect(of(events, 'engine:paused')).toMatchObject([
      { kind: 'escalation', reason: 'the supervisor escalated: requirements unclear' },
    ]);
    expect(of(events, 'round:finished')).toHaveLength(1);
  });
});

/** Collects events; answers every pause with the given command, as a human at the dashboard would. */
function record(engine: FactoryEngine, answer: 'resume' | 'stop'): FactoryEvent[] {
  const events: FactoryEvent[] = [];
  engine.on((event) => {
    events.push(event);
    if (event.type === 'engine:paused') setImmediate(() => engine.send({ type: answer }));
  });
  return events;
}
