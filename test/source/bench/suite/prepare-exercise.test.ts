import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { findExercises } from '../../../../source/bench/suite/find-exercises.js';
import { prepareExercise } from '../../../../source/bench/suite/prepare-exercise.js';
import { loadConfig } from '../../../../engine/config/load-config.js';
import { readRfp } from '../../../../engine/rfp/read-rfp.js';
import { makePythonExercise } from '../../../support/make-exercise.js';

const temps: string[] = [];
const temp = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-prepare-test-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const shipped = path.resolve('bench/exercises');

describe('findExercises', () => {
  it('finds the shipped exercises with their language, test and solution files', () => {
    const found = findExercises(shipped);
    expect(
      found.map((exercise) => [exercise.name, exercise.language, exercise.testFiles, exercise.solutionFiles]),
    ).toEqual([
      ['isogram', 'python', ['isogram_test.py'], ['isogram.py']],
      ['leap', 'python', ['leap_test.py'], ['leap.py']],
      ['raindrops', 'typescript', ['raindrops.test.ts'], ['raindrops.ts']],
      ['reverse-string', 'typescript', ['reverse-string.test.ts'], ['reverse-string.ts']],
    ]);
    expect(found.every((exercise) => exercise.script?.endsWith('.factory-script.json'))).toBe(true);
  });

  it('reads test files by name when there is no .meta/config.json, and takes a single exercise folder as a suite of one', () => {
    const suite = temp();
    const dir = makePythonExercise(suite, 'double', { worker: [] });
    fs.rmSync(path.join(dir, '.meta'), { recursive: true });
    const [exercise] = findExercises(dir);
    expect(exercise).toMatchObject({
      name: 'double',
      language: 'python',
      testFiles: ['double_test.py'],
      solutionFiles: ['double.py'],
    });
    expect(exercise!.instructions).toContain('returns twice n');
  });

  it('says what is missing: no exercises, or an exercise without a known test file', () => {
    const empty = temp();
    expect(() => findExercises(empty)).toThrow(/no exercises in .*\.docs\/instructions\.md/);
    fs.mkdirSync(path.join(empty, 'odd', '.docs'), { recursive: true });
    fs.writeFileSync(path.join(empty, 'odd', '.docs', 'instructions.md'), 'x');
    fs.writeFileSync(path.join(empty, 'odd', 'main.go'), 'package main');
    expect(() => findExercises(empty)).toThrow(/odd has no test file this runner knows/);
    expect(() => findExercises(path.join(empty, 'missing'))).toThrow(/is not a folder/);
  });
});

describe('prepareExercise', () => {
  it('copies the exercise without its solution or script, writes a config and an RFP the factory accepts, and commits', async () => {
    const suite = temp();
    const [exercise] = findExercises(makePythonExercise(suite, 'double', { worker: [] }));
    const work = path.join(temp(), 'double');
    await prepareExercise(exercise!, work);

    expect(fs.readdirSync(work).sort()).toEqual([
      '.docs',
      '.git',
      'RFP',
      'double.py',
      'double_test.py',
      'factory_config.md',
    ]);
    const config = loadConfig(work);
    expect(config).toMatchObject({ language: 'python', legoMode: false, script: exercise!.script });
    const rfp = readRfp(work);
    expect(rfp.requirements).toContain('returns twice n');
    expect(rfp.tasks).toEqual([
      expect.objectContaining({
        title: 'Solve the exercise "double": make double_test.py pass',
        tests: [],
        done: false,
      }),
    ]);
    expect((await execa('git', ['status', '--porcelain'], { cwd: work })).stdout).toBe('');
    expect((await execa('git', ['log', '--oneline'], { cwd: work })).stdout.split('\n')).toHaveLength(1);
  });

  it('gives a TypeScript exercise a node_modules link with vitest, kept out of git', async () => {
    const exercise = findExercises(shipped).find((entry) => entry.name === 'raindrops')!;
    const work = path.join(temp(), 'raindrops');
    await prepareExercise(exercise, work);
    expect(fs.lstatSync(path.join(work, 'node_modules')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(work, 'node_modules', 'vitest', 'package.json'))).toBe(true);
    expect((await execa('git', ['status', '--porcelain'], { cwd: work })).stdout).toBe('');
  });

  it("links the nearest node_modules of the exercise's folders when there is one (an Exercism track keeps it at its root)", async () => {
    const track = temp();
    fs.mkdirSync(path.join(track, 'node_modules', 'jest'), { recursive: true });
    const dir = path.join(track, 'exercises', 'hello');
    fs.mkdirSync(path.join(dir, '.docs'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.docs', 'instructions.md'), 'Say hello.');
    fs.writeFileSync(path.join(dir, 'package.json'), '{"devDependencies":{"jest":"*"}}');
    fs.writeFileSync(path.join(dir, 'hello.ts'), 'export const hello = () => ""');
    fs.writeFileSync(path.join(dir, 'hello.test.ts'), 'test');
    const work = path.join(temp(), 'hello');
    await prepareExercise(findExercises(dir)[0]!, work);
    expect(fs.realpathSync(path.join(work, 'node_modules'))).toBe(fs.realpathSync(path.join(track, 'node_modules')));
  });
});
