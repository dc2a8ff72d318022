// Which lines the lines strip has room for: every one while they fit, else the shown line and those at work first, the
// rest counted on one last row.
import type { LineStatus } from '../engine/reports/line-status.js';

export type StripRows = { lines: LineStatus[]; more?: { count: number; green: number; stopped: number } };

/** The strip's height for a dashboard this tall: a few rows, more on a taller screen. */
export const stripRoom = (height: number): number => Math.max(3, Math.floor(height / 6));

export function stripRows(lines: readonly LineStatus[], shown: number | undefined, room: number): StripRows {
  const byTask = [...lines].sort((a, b) => a.task - b.task);
  if (byTask.length <= room) return { lines: byTask };
  // Kept first: the line on screen, the lines still at work, then the newest to start.
  const rank = (line: LineStatus): number => (line.task === shown ? 0 : !line.closed ? 1 : 2);
  const order = lines.map((line, at) => ({ line, at }));
  order.sort((a, b) => rank(a.line) - rank(b.line) || b.at - a.at);
  const kept = new Set(order.slice(0, Math.max(1, room - 1)).map(({ line }) => line));
  const left = byTask.filter((line) => !kept.has(line));
  return {
    lines: byTask.filter((line) => kept.has(line)),
    more: {
      count: left.length,
      green: left.filter((line) => line.state === 'green').length,
      stopped: left.filter((line) => line.state === 'stopped').length,
    },
  };
}
