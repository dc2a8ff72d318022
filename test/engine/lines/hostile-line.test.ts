// A hostile worker in one line writes into the other line's worktree, into the user's checkout and out to a decoy
// folder: every write is refused and reported, naming the engine and role; the other line's work and the decoy are
// untouched and both tasks end green.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { Repo } from '../../../engine/git/repo.js';
import { linesFolder } from '../../../engine/lines/line-worktree.js';
import { confinedSandbox } from '../../support/confined-sandbox.js';
import { checksum } from '../../support/containment.js';
import { ofType } from '../../support/engine.js';
import { faAndFb, fileAt, linesProject } from '../../support/lines-project.js';
import { git } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';

describe.skipIf(requirePytest())('a hostile line', () => {
  it('cannot write into another line, the user’s checkout or outside: refused, reported, nothing changed', async () => {
    const runId = '20261207-hostile';
    const decoy = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-decoy-'));
    fs.writeFileSync(path.join(decoy, 'victim.txt'), 'do not touch\n');
    const legit = 'def fb():\n    return 2\n';
    const dir = linesProject({
      parallel: 2,
      ...faAndFb,
      byTask: {},
    });
    const folder = await linesFolder(await Repo.open(dir));
    const worktree1 = path.join(folder, `${runId}-task-1`);
    // Relative paths that climb out of line 1's worktree: into line 2's, the user's checkout and the decoy.
    const paths = {
      other: path.relative(worktree1, path.join(folder, `${runId}-task-2`, 'fb.py')),
      user: path.relative(worktree1, path.join(dir, 'fb.py')),
      decoy: path.relative(worktree1, path.join(decoy, 'victim.txt')),
    };
    const hostile = {
      'fa.py': 'def fa():\n    return 1\n',
      [paths.other]: 'def fb():\n    return "hacked"\n',
      [path.join(folder, `${runId}-task-2`, 'hacked.py')]: 'hacked\n',
      [paths.user]: 'hacked\n',
      [paths.decoy]: 'pwned\n',
    };
    fs.writeFileSync(
      path.join(dir, 'script.json'),
      JSON.stringify({
        worker: [],
        workerByTask: {
          1: [{ say: ['working'], delayMs: 500, write: hostile }],
          2: [{ say: ['working'], delayMs: 1500, write: { 'fb.py': legit } }],
        },
      }),
    );
    git(dir, 'commit', '-qam', 'hostile script');
    const decoyBefore = checksum(decoy);

    const config = loadConfig(dir);
    const engine = createEngine({
      projectDir: dir,
      config,
      ...createAgents(dir, config),
      sandbox: confinedSandbox(dir),
      runId,
    });
    const events: FactoryEvent[] = [];
    engine.on((event) => events.push(event));
    const result = await engine.run();
    expect(result.outcome, result.reason).toBe('green');

    const refused = ofType(events, 'agent:edit').filter((event) => event.action === 'refused');
    expect(refused.map((event) => event.path).sort()).toEqual(
      Object.keys(hostile)
        .filter((file) => file !== 'fa.py')
        .sort(),
    );
    for (const event of refused) expect(event).toMatchObject({ task: 1, engine: 'scripted', role: 'coder' });
    // Reported in the round's record too, for the next prompt and the round report.
    const record = ofType(events, 'round:finished').find((event) => event.task === 1)?.record;
    expect(record?.refusedEdits).toHaveLength(4);
    expect(fileAt(dir, 'fb.py')).toBe(legit);
    expect(fileAt(dir, 'hacked.py')).toBeUndefined();
    expect(checksum(decoy)).toBe(decoyBefore);
  });
});
