// Test-runner configuration and plugins: files that can change which tests run or what their outcome is.
// Whole files are locked; in shared files (package.json, pyproject.toml, setup.cfg, tox.ini, Cargo.toml) only the
// runner's part is watched, and a change to it puts the whole file back.
import path from 'node:path';
import picomatch from 'picomatch';

/** Files that are runner configuration as a whole: a new one the model creates is refused. */
const wholeGlobs = [
  // pytest: its configfile is the first of these in the args' folders and their parents (pytest.toml since 9.0).
  '**/conftest.py',
  '**/{.,}pytest.{ini,toml}',
  // jest, and babel-jest's search for a transform's configuration (project-wide, then .babelrc files by folder).
  'jest.config.{js,ts,mjs,cjs,json,cts,mts}',
  'babel.config.{js,cjs,mjs,json,cts,ts,mts}',
  '**/.babelrc',
  '**/.babelrc.{js,cjs,mjs,json,cts,ts,mts}',
  // ts-jest and vitest read the TypeScript settings; vite/vitest their own configuration and workspaces.
  'tsconfig*.json',
  'jsconfig.json',
  '{vitest,vite}.config.{js,ts,mjs,cjs,mts,cts}',
  'vitest.{workspace,projects}.{js,ts,mjs,cjs,mts,cts,json}',
  // behave and cucumber-js.
  'features/environment.py',
  'behave.ini',
  '.behaverc',
  'cucumber.{js,cjs,mjs,ts,json,yaml,yml}',
  // go: a workspace file chooses which modules build; cargo: config can name a test runner, a toolchain file the
  // compiler.
  'go.work',
  '.cargo/config{,.toml}',
  'rust-toolchain{,.toml}',
  // Python runs these at start-up, before any test.
  '**/sitecustomize.py',
  '**/usercustomize.py',
  '**/*.pth',
];
const wholeMatch = picomatch(wholeGlobs, { dot: true });
/**
 * The names those globs can match, tried first: the guard asks of every file in the project each round, and the
 * globs alone took 15 ms on 10,000 files. Every glob's names are tried in runner-config-names.test.ts.
 */
const wholeNames =
  /^(conftest\.py|\.?pytest\.(ini|toml)|(jest|babel|vitest|vite)\.config\..+|\.babelrc(\..+)?|[tj]sconfig.*\.json|vitest\.(workspace|projects)\..+|environment\.py|behave\.ini|\.behaverc|cucumber\..+|go\.work|config(\.toml)?|rust-toolchain(\.toml)?|(site|user)customize\.py|.+\.pth)$/;
const isWhole = (file: string): boolean => wholeNames.test(path.posix.basename(file)) && wholeMatch(file);

/** The runner's part of a shared file, or undefined when the file has none. */
type Section = (text: string) => string | undefined;

/** The lines under the named headers ("[tool:pytest]", "[[test]]"), up to the next header. */
const iniSection =
  (headers: string[]): Section =>
  (text) => {
    const parts: string[] = [];
    let inside = false;
    for (const line of text.split(/\r?\n/)) {
      const [, header] = /^\s*(\[\[?[^\]]+\]\]?)\s*$/.exec(line) ?? [];
      if (header !== undefined) inside = headers.includes(header.replace(/\s+/g, ''));
      if (inside && line.trim() !== '') parts.push(line.trim());
    }
    return parts.length > 0 ? parts.join('\n') : undefined;
  };

const packageJson: Section = (text) => {
  try {
    const parsed = JSON.parse(text) as { jest?: unknown; babel?: unknown; scripts?: { test?: unknown } };
    if (parsed.jest === undefined && parsed.babel === undefined && parsed.scripts?.test === undefined) return undefined;
    return JSON.stringify({ jest: parsed.jest, babel: parsed.babel, test: parsed.scripts?.test });
  } catch {
    return 'unreadable';
  }
};

/** Cargo.toml: [[test]] targets, and the keys that turn test discovery or the harness off. */
const cargoToml: Section = (text) => {
  const targets = iniSection(['[[test]]'])(text);
  const keys = text
    .split(/\r?\n/)
    .filter((line) => /^\s*(autotests|test|harness)\s*=/.test(line))
    .map((line) => line.trim());
  const parts = [targets, ...keys].filter(Boolean);
  return parts.length > 0 ? parts.join('\n') : undefined;
};

/** Go build constraints: "//go:build ignore" takes a test file out of the package. */
const goBuildLines: Section = (text) => {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => /^\s*\/\/\s*(go:build|\+build)\s/.test(line))
    .map((line) => line.trim());
  return lines.length > 0 ? lines.join('\n') : '';
};

const sections: Record<string, Section> = {
  'package.json': packageJson,
  'pyproject.toml': iniSection(['[tool.pytest.ini_options]', '[tool.pytest]', '[tool.behave]']),
  'setup.cfg': iniSection(['[tool:pytest]', '[behave]']),
  'tox.ini': iniSection(['[pytest]', '[behave]']),
  'Cargo.toml': cargoToml,
};

function sectionOf(file: string): Section | undefined {
  if (file.split('/').includes('node_modules')) return undefined;
  return file.endsWith('_test.go') ? goBuildLines : sections[path.posix.basename(file)];
}

/** How a path is runner configuration: all of it, a watched part of it, or not at all. */
export function runnerConfigKind(file: string): 'whole' | 'section' | undefined {
  if (isWhole(file)) return 'whole';
  return sectionOf(file) ? 'section' : undefined;
}

/** The watched part of a shared file (undefined: it has none); the whole text for whole-file configuration. */
export function watchedPart(file: string, text: string): string | undefined {
  const section = sectionOf(file);
  return section ? section(text) : text;
}
