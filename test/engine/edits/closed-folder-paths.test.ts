// The edit paths (own agent's blocks, scripted writes) refuse .factory/ and the installed dependency folders, whatever
// git ignores: a forged record or a replaced runner there would never show in a round's diff.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEditPath } from '../../../engine/edits/safe-path.js';

describe('edit paths into closed folders', () => {
  it('refuses .factory/ and dependency folders, names why, and allows ordinary files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-closed-'));
    const refused = (file: string): string | undefined => {
      const check = checkEditPath(dir, file, new Set());
      return check.ok ? undefined : check.reason;
    };
    expect(refused('.factory/locks.json')).toBe(".factory/locks.json is inside .factory/, factory's own records");
    expect(refused('.factory/protected.json')).toContain("factory's own records");
    expect(refused('node_modules/.bin/jest')).toBe(
      'node_modules/.bin/jest is inside node_modules/, installed dependencies: only the user installs or changes them',
    );
    expect(refused('.venv/lib/python3.12/site-packages/rt.pth')).toContain('inside .venv/');
    expect(refused('venv/bin/python')).toContain('inside venv/');
    expect(refused('lib/site-packages/sitecustomize.py')).toContain('inside site-packages/');
    expect(refused('target/debug/deps/x')).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "x"\n');
    expect(refused('target/debug/deps/x')).toContain('inside target/');
    expect(refused('src/node_modules_helper.js')).toBeUndefined();
    expect(refused('calc.py')).toBeUndefined();
  });
});
