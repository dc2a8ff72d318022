import { describe, expect, it } from 'vitest';
import { goal, ratio, type BenchReport, type Figure } from '../../../source/bench/bench-report.js';
import { stats } from '../../../source/bench/stats.js';
import { formatMarkdown, formatText } from '../../../source/bench/format-report.js';

const engine: Figure = { id: 'engine', label: 'engine overhead per round', stats: stats([50, 60, 70, 80, 90]) };
const floor: Figure = { id: 'floor', label: 'git add | commit', stats: stats([35, 35, 35]) };
const versus = ratio('engine / floor', engine, floor);
const report: BenchReport = {
  name: 'round',
  method: 'test figures',
  figures: [engine, floor],
  ratios: [versus],
  goals: [
    goal('engine overhead per round', 'engine', 100, engine.stats.median),
    goal('engine within 1.5x of the floor', 'engine / floor', 1.5, versus.value),
  ],
  unavailable: [{ label: 'first dashboard frame', reason: 'no demo command' }],
};

describe('stats', () => {
  it('gives the median and quartiles by interpolation', () => {
    expect(stats([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, p25: 1.75, p75: 3.25, min: 1, max: 4 });
  });
});

describe('formatMarkdown', () => {
  it('writes one row per figure and ratio, with goals met or missed, and what was not measured', () => {
    expect(formatMarkdown([report]).split('\n')).toEqual([
      '| benchmark | measure | median | p25–p75 | goal |',
      '|---|---|---:|---:|---|',
      '| round | engine overhead per round | 70.0 ms | 60.0–80.0 | ≤ 100 ms ✅ |',
      '| round | git add \\| commit | 35.0 ms | 35.0–35.0 |  |',
      '| round | engine / floor | 2.00x | | ≤ 1.5x ❌ |',
      '| round | first dashboard frame | n/a | | no demo command |',
    ]);
  });
});

describe('formatText', () => {
  it('names every figure with its spread, the ratio and each goal', () => {
    const text = formatText(report);
    expect(text).toContain('engine overhead per round  median   70.0 ms   p25-p75 60.0-80.0   min-max 50.0-90.0   n=5');
    expect(text).toContain('engine / floor: 2.00x');
    expect(text).toContain('MET  engine overhead per round: 70.0 ms (goal ≤ 100 ms)');
    expect(text).toContain('MISSED engine within 1.5x of the floor: 2.00x (goal ≤ 1.5x)');
    expect(text).toContain('not measured: first dashboard frame: no demo command');
  });
});
