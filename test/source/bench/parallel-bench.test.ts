// `factory bench parallel`, run small: the same tasks at one and two lines, through the wiring of `factory run`, each
// ending green, with wall times, the engine's own time per round per line, their ratios and the goals.
import { describe, expect, it } from 'vitest';
import { parallelBench } from '../../../source/bench/parallel/parallel-bench.js';
import { requirePytest } from '../../support/python.js';

describe.skipIf(requirePytest())('the parallel benchmark', () => {
  it('plays the tasks at each MAX_PARALLEL and reports them against the serial run', { timeout: 240_000 }, async () => {
    const report = await parallelBench({
      tasks: 2,
      callMs: 300,
      runs: 1,
      lines: [1, 2],
      round: { files: 20, rounds: 2, warmup: 1 },
    });
    expect(report.figures.map((figure) => figure.id)).toEqual([
      'wall-1',
      'wall-2',
      'engine-1',
      'engine-2',
      'beside-1',
      'beside-2',
      'round',
    ]);
    // The two lines really ran at once; the serial run never had two.
    expect(report.figures[0]!.label).toContain('at most 1 line(s) at once');
    expect(report.figures[1]!.label).toContain('at most 2 line(s) at once');
    // Each task's round counted once: two tasks, one round each.
    expect(report.figures[2]!.stats.n).toBe(2);
    expect(report.figures[4]!.stats.n).toBe(2);
    // Every worker call takes 300 ms: a serial run of two tasks cannot be shorter than both.
    expect(report.figures[0]!.stats.median).toBeGreaterThan(600);
    expect(report.ratios.map((ratio) => [ratio.of, ratio.to])).toEqual([
      ['wall-2', 'wall-1'],
      ['engine-2', 'engine-1'],
      ['engine-2', 'round'],
    ]);
    expect(report.ratios[0]!.value).toBeCloseTo(report.figures[1]!.stats.median / report.figures[0]!.stats.median);
    expect(report.goals.map((goal) => [goal.subject, goal.limit])).toEqual([
      ['wall time, 2 lines / 1', 0.4],
      ['engine per round per line, 2 lines / bench round', 1.5],
    ]);
  });
});
