// The supervisor's verdicts, the humans' actions and setting changes, valves and caps, with their times.
import { memo } from 'react';
import type { Line, Tone } from './line-window.js';
import Pane from './Pane.js';
import type { SupervisorEntry } from './supervisor-entries.js';

type Props = {
  readonly entries: readonly SupervisorEntry[];
  readonly width: number;
  readonly height: number;
  readonly focused: boolean;
  readonly scroll: number;
};

const tones: Record<string, Tone> = {
  CONTINUE: 'success',
  REDIRECT: 'warning',
  INTERVENE: 'warning',
  ESCALATE: 'failure',
  VALVE: 'failure',
  CAP: 'failure',
  PAUSED: 'warning',
  REFUSED: 'failure',
};

function SupervisorPane({ entries, width, height, focused, scroll }: Props) {
  const lines: Line[] = entries.map((entry) => ({
    text:
      `${entry.ts.slice(11, 19)} ${entry.who === 'human' ? 'you' : 'sup'} ` +
      `${entry.label}${entry.text ? `: ${entry.text.replaceAll('\n', ' ')}` : ''}`,
    tone: tones[entry.label] ?? (entry.who === 'human' ? 'tool' : 'text'),
  }));
  return <Pane title="3 Supervisor" lines={lines} width={width} height={height} focused={focused} scroll={scroll} />;
}

/** Redrawn only when its own slice of state changes, not on every batch of worker lines. */
export default memo(SupervisorPane);
