import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTornWrites, writeFileAtomic } from '../../../engine/util/atomic-write.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('removeTornWrites', () => {
  it("removes the temp files a killed process left, keeping every finished file and this process's own", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-torn-'));
    dirs.push(dir);
    writeFileAtomic(path.join(dir, 'round_1.md'), 'one');
    fs.writeFileSync(path.join(dir, 'round_2.md.31773.tmp'), 'torn');
    fs.writeFileSync(path.join(dir, `round_3.md.${process.pid}.tmp`), 'being written');
    fs.writeFileSync(path.join(dir, 'notes.tmp'), 'not a torn write');
    removeTornWrites(dir, path.join(dir, 'missing'));
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.tmp', 'round_1.md', `round_3.md.${process.pid}.tmp`]);
    expect(fs.readFileSync(path.join(dir, 'round_1.md'), 'utf8')).toBe('one');
  });
});
