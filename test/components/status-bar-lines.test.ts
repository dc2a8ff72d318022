// The status bar's lines part: absent with one line or none, "lines N running, M green" when there is room, shorter
// forms as the width shrinks, and the bar never wider than its width.
import { describe, expect, it } from 'vitest';
import { layoutBar } from '../../components/status-bar-layout.js';
import { statusBarParts } from '../../components/status-bar-parts.js';
import { initialStatus, reduceStatus } from '../../engine/reports/run-status.js';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { event, runStart } from '../support/factory-events.js';

const started = (task: number): FactoryEvent =>
  event('line:started', { title: `t${task}`, branch: `b${task}`, worktree: `/w/${task}`, base: 'x' }, { task });
const bar = (events: FactoryEvent[], width: number): string => {
  const status = events.reduce(reduceStatus, initialStatus());
  const layout = layoutBar(statusBarParts(status, [], '01:02'), width);
  return layout.parts.map((part) => part.lead + part.segments.map((segment) => segment.text).join('')).join('');
};

describe('status bar with production lines', () => {
  const two = [...runStart(), started(1), started(2), event('line:merged', { branch: 'b2', sha: 'abc' }, { task: 2 })];

  it('says how many lines run and how many are green, shorter as the width shrinks', () => {
    expect(bar(two, 200)).toContain(' · lines 1 running, 1 green · ');
    const narrow = bar(two, 80);
    expect(narrow).toContain('lines 1▶ 1✓');
    expect([...narrow].length).toBeLessThanOrEqual(80);
    expect(bar(two, 60)).toContain(' · L1/1 · ');
    expect([...bar(two, 40)].length).toBeLessThanOrEqual(40);
  });

  it('has no lines part with one line or none', () => {
    expect(bar([...runStart(), started(1)], 200)).not.toContain('lines');
    expect(bar(runStart(), 200)).not.toContain('lines');
  });
});
