// The status bar's layout rule alone: shorter forms level by level from the lowest priority up, then drops, never the first part.
import { describe, expect, it } from 'vitest';
import { type BarPart, layoutBar } from '../../components/status-bar-layout.js';

const part = (id: string, ...forms: [number, string][]): BarPart => ({
  id,
  forms: forms.map(([level, text]) => ({ level, segments: [{ text }] })),
});
const parts: BarPart[] = [
  { ...part('badge', [0, ' RUNNING ']), required: true },
  { ...part('task', [0, 'task 1/2 · round 3/8'], [2, 't1/2 r3/8']), lead: ' ' },
  part('cost', [0, '2.0k tok $0.25'], [1, '$0.25']),
  part('sandbox', [0, 'local processes'], [1, 'local']),
];
const text = (width: number): string =>
  layoutBar(parts, width)
    .parts.map((each) => each.lead + each.segments.map((segment) => segment.text).join(''))
    .join('');

describe('layoutBar', () => {
  it('keeps every full form when they fit', () => {
    expect(text(80)).toBe(' RUNNING  task 1/2 · round 3/8 · 2.0k tok $0.25 · local processes');
    expect(layoutBar(parts, 65).width).toBe(65);
  });

  it('shortens the lowest-priority parts first, and every level-1 form before any level-2 one', () => {
    expect(text(64)).toBe(' RUNNING  task 1/2 · round 3/8 · 2.0k tok $0.25 · local');
    expect(text(54)).toBe(' RUNNING  task 1/2 · round 3/8 · $0.25 · local');
    expect(text(45)).toBe(' RUNNING  t1/2 r3/8 · $0.25 · local');
  });

  it('takes a step at a time within a level: a higher part gives its form before a lower one gives its last', () => {
    const stepped: BarPart[] = [
      { ...part('badge', [0, ' X ']), required: true },
      part('high', [0, 'aaaaaaaaaa'], [1, 'a']),
      part('low', [0, 'bbbbbbbbbb'], [1, 'bbbbb'], [1, 'b']),
    ];
    const shown = (width: number): string =>
      layoutBar(stepped, width)
        .parts.map((each) => each.lead + each.segments.map((segment) => segment.text).join(''))
        .join('');
    expect(shown(24)).toBe(' X  · aaaaaaaaaa · bbbbb');
    expect(shown(20)).toBe(' X  · a · bbbbb');
    expect(shown(12)).toBe(' X  · a · b');
  });

  it('then drops optional parts from the lowest up, never the first', () => {
    expect(text(34)).toBe(' RUNNING  t1/2 r3/8 · $0.25');
    expect(text(26)).toBe(' RUNNING  t1/2 r3/8');
    expect(text(18)).toBe(' RUNNING ');
    expect(text(4)).toBe(' RUNNING ');
  });

  it('leaves a part out at the level of its empty form, before higher parts shorten further', () => {
    const leaving = parts.map((each) =>
      each.id === 'sandbox' ? { ...each, forms: [...each.forms, { level: 2, segments: [] }] } : each,
    );
    const text = layoutBar(leaving, 45)
      .parts.map((each) => each.lead + each.segments.map((segment) => segment.text).join(''))
      .join('');
    expect(text).toBe(' RUNNING  task 1/2 · round 3/8 · $0.25');
  });

  it('keeps a required part whatever the width, dropping the optional ones around it', () => {
    const required = parts.map((each) => (each.id === 'sandbox' ? { ...each, required: true } : each));
    const kept = layoutBar(required, 20).parts.map((each) => each.id);
    expect(kept).toEqual(['badge', 'sandbox']);
  });
});
