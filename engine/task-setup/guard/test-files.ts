// Test files by the usual names of each runner, and the tests a file declares in its source (its least count, its
// names).
import picomatch from 'picomatch';

/** pytest, jest/vitest, go, cargo integration tests and behave features and steps. */
const testFileGlobs = [
  '**/test_*.py',
  '**/*_test.py',
  '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '**/__tests__/**/*.{js,jsx,ts,tsx,mjs,cjs}',
  '**/*_test.go',
  'tests/**/*.rs',
  '**/*.feature',
  '**/features/steps/**/*.py',
];
const isTestFile = picomatch(testFileGlobs, { dot: false });

export function looksLikeTestFile(file: string): boolean {
  return !file.startsWith('node_modules/') && !file.includes('/node_modules/') && isTestFile(file);
}

/** Declarations of one test, per language: the name is the last group. */
const declarations: [RegExp, RegExp][] = [
  [/\.py$/, /^\s*(?:async\s+)?def\s+(test\w*)\s*\(/gm],
  [/\.[cm]?[jt]sx?$/, /\b(?:x?it|x?test)(?:\.(?:skip|only|todo|each\([^)]*\)))?\s*\(\s*(['"`])(.+?)\1/g],
  [/\.go$/, /^func\s+(Test\w+)\s*\(/gm],
  [/\.rs$/, /#\[(?:tokio::)?test\][\s\S]*?\bfn\s+(\w+)/g],
  [/\.feature$/, /^\s*Scenario(?: Outline| Template)?:\s*(.+?)\s*$/gm],
];

/** The names of the tests the file declares (empty for files that declare none, such as conftest.py or steps). */
export function declaredTests(file: string, text: string): string[] {
  const found = declarations.find(([extension]) => extension.test(file));
  if (!found) return [];
  return [...text.matchAll(found[1])].flatMap((match) => match.at(-1)?.trim() ?? []);
}
