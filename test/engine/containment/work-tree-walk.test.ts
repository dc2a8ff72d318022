// The walk before an agent call takes the folders unchanged since the last call's check as that check read them: what
// was there before the call is still known (and left alone), a folder changed in between is read again, and what the
// call adds in a folder taken as last read is still removed.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execaSync } from 'execa';
import { expect, it } from 'vitest';
import { guardWorkTree } from '../../../engine/containment/work-tree-guard.js';
import { checksum, containmentProject } from '../../support/containment.js';

const options = { readOnly: false, watchDependencies: false };

it('keeps the links there before a call and removes the ones it makes, in folders not read again', async () => {
  const corpus = containmentProject({});
  const inProject = (name: string): string => path.join(corpus.dir, name);
  for (const folder of ['lib', 'pkg']) {
    fs.mkdirSync(inProject(folder));
    fs.writeFileSync(inProject(`${folder}/code.py`), 'x = 1\n');
  }
  fs.writeFileSync(path.join(corpus.decoy, 'shared.txt'), 'the user links this\n');
  fs.linkSync(path.join(corpus.decoy, 'shared.txt'), inProject('lib/kept-hard.txt'));
  execaSync('git', ['add', '-A'], { cwd: corpus.dir });
  execaSync('git', ['commit', '-q', '-m', 'two folders'], { cwd: corpus.dir });
  // Past the clock's tick, the folders are taken as last read from now on.
  await sleep(2100);
  const first = await guardWorkTree(corpus.dir, options);
  expect(await first.check()).toEqual([]);

  // Between the calls (a test run, say): a link in pkg/, which changes that folder.
  fs.linkSync(path.join(corpus.decoy, 'shared.txt'), inProject('pkg/between.txt'));
  const decoy = checksum(corpus.decoy);
  const second = await guardWorkTree(corpus.dir, options);
  // The call, in lib/ (unchanged since the first check).
  fs.linkSync(path.join(corpus.decoy, 'victim.txt'), inProject('lib/hard.txt'));
  fs.symlinkSync(corpus.decoy, inProject('lib/out'));
  fs.mkdirSync(inProject('lib/.GIT'));
  const refused = await second.check();

  expect(refused.map((refusal) => refusal.path).sort()).toEqual(['lib/.GIT', 'lib/hard.txt', 'lib/out']);
  for (const gone of ['lib/hard.txt', 'lib/out', 'lib/.GIT']) expect(fs.existsSync(inProject(gone))).toBe(false);
  // There before the call: left alone.
  expect(fs.existsSync(inProject('lib/kept-hard.txt'))).toBe(true);
  expect(fs.existsSync(inProject('pkg/between.txt'))).toBe(true);
  expect(checksum(corpus.decoy)).toBe(decoy);
});

it('walks a folder the call took out of .gitignore: what the call put there is removed', async () => {
  const corpus = containmentProject({});
  const inProject = (name: string): string => path.join(corpus.dir, name);
  fs.mkdirSync(inProject('vendor'));
  fs.writeFileSync(inProject('vendor/lib.py'), 'y = 2\n');
  fs.writeFileSync(inProject('.gitignore'), 'vendor/\n');
  execaSync('git', ['add', '-A'], { cwd: corpus.dir });
  execaSync('git', ['commit', '-q', '-m', 'an ignored folder'], { cwd: corpus.dir });
  // The first check keeps git's listing of what it ignores; the walk before the next call takes it as it was.
  const first = await guardWorkTree(corpus.dir, options);
  expect(await first.check()).toEqual([]);
  const decoy = checksum(corpus.decoy);
  const second = await guardWorkTree(corpus.dir, options);
  // The call: vendor/ is no longer ignored, and holds a link out and a hard link to a file outside.
  fs.writeFileSync(inProject('.gitignore'), '');
  fs.symlinkSync(corpus.decoy, inProject('vendor/out'));
  fs.linkSync(path.join(corpus.decoy, 'victim.txt'), inProject('vendor/hard.txt'));
  const refused = await second.check();

  expect(refused.map((refusal) => refusal.path).sort()).toEqual(['vendor/hard.txt', 'vendor/out']);
  for (const gone of ['vendor/hard.txt', 'vendor/out']) expect(fs.existsSync(inProject(gone))).toBe(false);
  expect(fs.existsSync(inProject('vendor/lib.py'))).toBe(true);
  expect(checksum(corpus.decoy)).toBe(decoy);
});
