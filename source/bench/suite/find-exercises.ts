// Finds the exercises of a suite folder laid out as Exercism's: .docs/instructions.md, a stub, a test file.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../engine/util/errors.js';

export type Exercise = {
  name: string;
  dir: string;
  language: 'python' | 'typescript' | 'javascript';
  /** .docs/instructions.md, then .docs/instructions.append.md when there is one. */
  instructions: string;
  testFiles: string[];
  solutionFiles: string[];
  /** The scripted engine's script for this exercise (.factory-script.json), when it has one. */
  script?: string;
};

export const scriptFile = '.factory-script.json';

const testPatterns: [RegExp, Exercise['language']][] = [
  [/(^test_.*|_test)\.py$/, 'python'],
  [/\.(test|spec)\.ts$/, 'typescript'],
  [/\.(test|spec)\.[cm]?js$/, 'javascript'],
];

/** The exercises in `dir` (or `dir` itself when it is one), sorted by name. */
export function findExercises(folder: string): Exercise[] {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new UserError(`bench suite: ${dir} is not a folder`);
  if (isExercise(dir)) return [readExercise(dir)];
  const found = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isExercise(path.join(dir, entry.name)))
    .map((entry) => readExercise(path.join(dir, entry.name)))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (found.length === 0)
    throw new UserError(
      `bench suite: no exercises in ${dir}: each exercise is a folder with .docs/instructions.md, a stub and a ` +
        'test file (the Exercism layout)',
    );
  return found;
}

function isExercise(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.docs', 'instructions.md'));
}

function readExercise(dir: string): Exercise {
  const name = path.basename(dir);
  const files = fs.readdirSync(dir).filter((file) => fs.statSync(path.join(dir, file)).isFile());
  const meta = readMeta(dir);
  const testFiles = meta?.test ?? files.filter((file) => testPatterns.some(([pattern]) => pattern.test(file)));
  const first = testFiles[0];
  const language = first === undefined ? undefined : testPatterns.find(([pattern]) => pattern.test(first))?.[1];
  if (!language)
    throw new UserError(
      `bench suite: ${dir} has no test file this runner knows (*_test.py, test_*.py, *.test.ts, *.test.js, or ` +
        '"files.test" in .meta/config.json)',
    );
  const extension = path.extname(first!);
  const solutionFiles =
    meta?.solution ??
    files.filter((file) => path.extname(file) === extension && !testFiles.includes(file) && !/config\./.test(file));
  const append = path.join(dir, '.docs', 'instructions.append.md');
  const instructions = [
    fs.readFileSync(path.join(dir, '.docs', 'instructions.md'), 'utf8'),
    fs.existsSync(append) ? fs.readFileSync(append, 'utf8') : '',
  ]
    .join('\n')
    .trim();
  const script = path.join(dir, scriptFile);
  return {
    name,
    dir,
    language,
    instructions,
    testFiles,
    solutionFiles,
    script: fs.existsSync(script) ? script : undefined,
  };
}

/** Exercism's .meta/config.json names the solution and test files. */
function readMeta(dir: string): { solution?: string[]; test?: string[] } | undefined {
  const file = path.join(dir, '.meta', 'config.json');
  if (!fs.existsSync(file)) return undefined;
  try {
    const files = (JSON.parse(fs.readFileSync(file, 'utf8')) as { files?: { solution?: string[]; test?: string[] } })
      .files;
    return { solution: files?.solution, test: files?.test?.length ? files.test : undefined };
  } catch (error) {
    throw new UserError(`bench suite: ${file} is not valid JSON (${(error as Error).message})`);
  }
}
