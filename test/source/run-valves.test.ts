// Each valve stops a task with its own reason and exit code 3 (MODE=Single).
import { describe, expect, it } from 'vitest';
import type { FactoryEventOf } from '../../engine/contract/events.js';
import { parseEvents, runFactory } from '../support/cli.js';
import { makeProject } from '../support/project.js';
import { requirePytest } from '../support/python.js';

const skip = requirePytest();
// A wrong answer that differs every round, so only the intended valve can trip.
const changingWrong = {
  worker: [{ write: { 'calc.py': 'def add(a, b):\n    return a - b - {{round}}\n' } }],
  afterLast: 'repeat',
};

async function valveOf(
  config: Record<string, string>,
  script: unknown,
): Promise<{ exitCode?: number; valve: FactoryEventOf<'valve:tripped'>; rounds: number }> {
  const dir = makeProject({ config: { MODE: 'Single', ...config }, script });
  const result = await runFactory(dir, ['run', '--json']);
  const events = parseEvents(result.stdout);
  const valve = events.find((event): event is FactoryEventOf<'valve:tripped'> => event.type === 'valve:tripped');
  if (!valve) throw new Error(`no valve tripped: ${result.stdout.slice(-2000)}\n${result.stderr}`);
  return { exitCode: result.exitCode, valve, rounds: events.filter((event) => event.type === 'round:started').length };
}

describe.skipIf(skip)('valves', () => {
  it('MAX_ROUNDS stops the task after that many rounds', async () => {
    const { exitCode, valve, rounds } = await valveOf({ MAX_ROUNDS: '3', MAX_FAIL_STREAK: '10' }, changingWrong);
    expect(valve.valve).toBe('max_rounds');
    expect(valve.reason).toBe('MAX_ROUNDS reached (3 rounds)');
    expect(rounds).toBe(3);
    expect(exitCode).toBe(3);
  });

  it('MAX_FAIL_STREAK stops after that many failing rounds in a row', async () => {
    const { exitCode, valve, rounds } = await valveOf({ MAX_FAIL_STREAK: '2' }, changingWrong);
    expect(valve.valve).toBe('fail_streak');
    expect(valve.reason).toContain('MAX_FAIL_STREAK reached (2 failing rounds in a row)');
    expect(valve.evidence).toContain('0/2 passing');
    expect(rounds).toBe(2);
    expect(exitCode).toBe(3);
  });

  it('MAX_IDLE_ROUNDS stops a worker that changes nothing', async () => {
    const { exitCode, valve, rounds } = await valveOf(
      { MAX_IDLE_ROUNDS: '2' },
      { worker: [{ say: 'thinking, but writing nothing' }], afterLast: 'repeat' },
    );
    expect(valve.valve).toBe('idle_rounds');
    expect(valve.evidence).toBe('2 rounds in a row changed no file');
    expect(rounds).toBe(2);
    expect(exitCode).toBe(3);
  });
});
