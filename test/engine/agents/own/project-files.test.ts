// What the own agent shows the model of the project: git-visible text files with their content, locked ones marked, the rest only named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProjectFiles } from '../../../../engine/agents/own/project-files.js';

let dir: string;
const write = (file: string, content: string | Buffer): void => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-files-'));
  await execa('git', ['init', '-q'], { cwd: dir });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('describeProjectFiles', () => {
  it('shows text files in the edit format, marks locked tests, and only names what it leaves out', async () => {
    write('calc.py', 'def add(a, b):\n    return 0\n');
    write('tests/test_calc.py', 'def test_add(): ...\n');
    write('notes.md', 'Use ```code``` fences.\n');
    write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    write('big.json', `[${'1,'.repeat(30_000)}1]\n`);
    write('.gitignore', 'build/\n');
    write('build/out.js', 'ignored\n');
    write('.factory/events.ndjson', '{}\n');
    write('RFP/tasks.md', '- [ ] x\n');
    write('factory_config.md', 'AI_ENGINE=ollama\n');

    const text = await describeProjectFiles(dir, new Set(['tests/test_calc.py']));

    expect(text).toContain('calc.py\n```\ndef add(a, b):\n    return 0\n```');
    expect(text).toContain('tests/test_calc.py (locked: read only)\n```\ndef test_add(): ...\n```');
    expect(text).toContain('notes.md\n````\nUse ```code``` fences.\n````');
    expect(text).toMatch(/Other files \(not shown\):\n- big\.json\n- logo\.png/);
    for (const hidden of ['build/out.js', '.factory', 'RFP/tasks.md', 'factory_config.md'])
      expect(text).not.toContain(hidden);
  });

  it('says so when the project has no files yet', async () => {
    expect(await describeProjectFiles(dir, new Set())).toBe('## Project files\nThe project has no files yet.');
  });
});
