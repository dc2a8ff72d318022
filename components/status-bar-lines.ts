// The status bar's lines part: how many production lines are at work and how many are green, once there are lines.
import { lineCounts, type LineStatus } from '../engine/reports/line-status.js';
import type { BarPart } from './status-bar-layout.js';

/** None with one line or none: the bar reads as it does when tasks run one after the other. */
export function linesParts(lines: readonly LineStatus[]): BarPart[] {
  if (lines.length < 2) return [];
  const { running, green } = lineCounts(lines);
  const text = (words: string) => [{ text: words, tone: 'text' as const }];
  return [
    {
      id: 'lines',
      forms: [
        { level: 0, segments: text(`lines ${running} running, ${green} green`) },
        { level: 2, segments: text(`lines ${running}▶ ${green}✓`) },
        { level: 3, segments: text(`L${running}/${green}`) },
      ],
    },
  ];
}
