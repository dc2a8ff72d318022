// A model that forges factory's own records (.factory/locks.json with no locks, .factory/protected.json holding a
// factory_config.md with TEST_CMD=true, hash and all), then the run is SIGKILLed: the resumed run refuses the records
// by their digests in .git, never runs `true`, and leaves the user's RFP files where they are.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFactory } from '../support/cli.js';
import { shellWrite } from '../support/hostile-cheats.js';
import { makeProject, read } from '../support/project.js';
import { pytestCommand, requirePytest } from '../support/python.js';

describe.skipIf(requirePytest())("a model that forges factory's records, then a crash", () => {
  for (const forged of ['an entry with TEST_CMD=true', 'no files at all']) {
    it(`refuses a forged protected.json (${forged}) and locks.json on resume`, { timeout: 300_000 }, async () => {
      const killed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-kill-')), 'killed');
      const testCmd = `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ${pytestCommand()}`;
      const forge = path.join(path.dirname(killed), 'forge.py');
      fs.writeFileSync(
        forge,
        forged === 'no files at all'
          ? 'import json\njson.dump({"files": []}, open(".factory/protected.json", "w"))\n'
          : 'import hashlib, json, re\nc = re.sub(r"(?m)^TEST_CMD=.*$", "TEST_CMD=true", open("factory_config.md").read())\n' +
              'entry = {"path": "factory_config.md", "what": "factory", "content": c, ' +
              '"watched": hashlib.sha256(c.encode()).hexdigest()}\n' +
              'json.dump({"files": [entry]}, open(".factory/protected.json", "w"))\n',
      );
      const dir = makeProject({
        config: { TEST_CMD: testCmd, MAX_ROUNDS: '2', MODE: 'Single', PLAN: 'false' },
        script: {
          worker: [
            {
              say: 'the records say TEST_CMD=true',
              run: [
                shellWrite('.factory/locks.json', JSON.stringify({ locks: [], tested: [] })),
                `python3 ${forge}`,
                "sed -i 's/^TEST_CMD=.*/TEST_CMD=true/' factory_config.md",
                `test -f ${killed} || { touch ${killed}; kill -9 $PPID; }`,
              ],
            },
          ],
        },
      });
      const config = read(dir, 'factory_config.md');
      const rfp = fs.readdirSync(path.join(dir, 'RFP')).sort();

      const crashed = await runFactory(dir, ['run', '--json']);
      expect(crashed.exitCode).not.toBe(0);
      expect(fs.existsSync(killed)).toBe(true);

      const resumed = await runFactory(dir, ['run']);
      expect(resumed.exitCode).not.toBe(0);
      expect(resumed.stderr).toContain('.factory/protected.json was changed outside factory');
      expect(resumed.stderr).toContain('refused');
      expect(resumed.stdout).not.toContain('tests: true');
      expect(resumed.stdout).not.toContain('every task is green');
      expect(fs.readdirSync(path.join(dir, 'RFP')).sort()).toEqual(rfp);
      // Nothing was put back from the forged record: factory_config.md is as the model left it, for the user to see.
      expect(read(dir, 'factory_config.md')).toContain('TEST_CMD=true');

      // factory reset drops the records and their digests; the next run starts from the user's files again.
      expect((await runFactory(dir, ['reset'])).exitCode).toBe(0);
      fs.writeFileSync(path.join(dir, 'factory_config.md'), config);
      const fresh = await runFactory(dir, ['run']);
      expect(fresh.stderr).not.toContain('outside factory');
      expect(fresh.stdout).toContain(`tests: ${testCmd}`);
    });
  }
});
