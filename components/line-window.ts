// A pane's bounded window of lines: appends cleaned text, drops the oldest lines past the cap (the full text is on
// disk).
import { cleanText } from '../engine/util/clean-text.js';

/** tone picks the semantic colour a line is drawn in. */
export type Tone =
  | 'text'
  | 'dim'
  | 'tool'
  | 'edit'
  | 'refused'
  | 'success'
  | 'failure'
  | 'warning'
  | 'add'
  | 'remove'
  | 'hunk'
  | 'heading';
export type Line = { text: string; tone: Tone };

/** @internal the tests size their input by it. */
export const paneLineCap = 1_000;

export function toLines(text: string, tone: Tone | ((line: string) => Tone)): Line[] {
  const body = cleanText(text).replace(/\n$/, '').replaceAll('\t', '  ');
  return body.split('\n').map((line) => ({ text: line, tone: typeof tone === 'function' ? tone(line) : tone }));
}

export function appendLines(window: readonly Line[], added: readonly Line[], cap = paneLineCap): Line[] {
  if (added.length === 0) return window as Line[];
  const next = window.concat(added);
  return next.length > cap ? next.slice(next.length - cap) : next;
}
