// Which colour a line of a unified diff gets: file headers, added, removed, hunk markers, context.
import type { Tone } from './line-window.js';

export function diffTone(line: string): Tone {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff --git')) return 'heading';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'remove';
  if (line.startsWith('@@')) return 'hunk';
  return 'text';
}
