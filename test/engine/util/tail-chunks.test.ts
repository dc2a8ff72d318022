// One tail of chunks for text and bytes: whole old chunks go once the newer ones hold the limit, and are counted.
import { describe, expect, it } from 'vitest';
import { CappedText, tail } from '../../../engine/util/capped-text.js';
import { TailChunks } from '../../../engine/util/tail-chunks.js';

describe('TailChunks', () => {
  it.each([
    ['strings', ['abcd', 'ef', 'ghij', 'kl'], ['ghij', 'kl'], 6],
    [
      'bytes',
      ['abcd', 'ef', 'ghij', 'kl'].map((text) => Buffer.from(text)),
      [Buffer.from('ghij'), Buffer.from('kl')],
      6,
    ],
  ] as const)('%s: keeps the newest chunks that still hold the limit', (_kind, chunks, kept, dropped) => {
    const chunksTail = new TailChunks<{ readonly length: number }>(5);
    for (const chunk of chunks) chunksTail.push(chunk);
    expect(chunksTail.length).toBe(6);
    expect(chunksTail.dropped).toBe(dropped);
    expect(chunksTail.take()).toEqual(kept);
    expect(chunksTail.length).toBe(0);
    expect(chunksTail.dropped).toBe(dropped);
  });

  it('never drops the newest chunk, however long', () => {
    const chunks = new TailChunks<string>(3);
    chunks.push('ab');
    chunks.push('cdefgh');
    expect(chunks.take()).toEqual(['cdefgh']);
    expect(chunks.dropped).toBe(2);
  });
});

describe('CappedText', () => {
  it('keeps the last characters and says how many were cut, across appends', () => {
    const text = new CappedText(5);
    for (const chunk of ['abcd', 'ef', 'ghij', 'kl']) text.append(chunk);
    expect(text.truncated).toBe(true);
    expect(text.toString()).toBe('[… 7 characters cut …]\nhijkl');
    text.append('m');
    expect(text.toString()).toBe('[… 8 characters cut …]\nijklm');
  });

  it('counts bytes never decoded apart from the characters', () => {
    const text = new CappedText(10);
    text.append('head');
    text.skipBytes(1000);
    text.append('end');
    expect(text.toString()).toBe('[… 4 characters and 1000 bytes cut …]\nend');
  });

  it('a text within the limit is whole and unmarked', () => {
    expect(tail('short', 10)).toBe('short');
    expect(tail('0123456789ab', 10)).toBe('[… 2 characters cut …]\n23456789ab');
  });
});
