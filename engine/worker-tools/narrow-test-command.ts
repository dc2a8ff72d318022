// The test command narrowed to some tests, in each runner's own way; every id is a quoted argument, never shell text.
import { recogniseRunner } from '../test-runner/recognise-runner.js';
import { idSeparator } from '../test-runner/test-id.js';

export type Narrowed = { command: string } | { problem: string };

/** @internal tested by itself. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** targets: checked test ids or files (tool-inputs.ts). */
export function narrowTestCommand(command: string, targets: readonly string[]): Narrowed {
  if (targets.length === 0) return { command };
  const recognised = recogniseRunner(command);
  if (!recognised?.extendable)
    return {
      problem:
        `the test command (${command}) cannot be narrowed to some tests: ` +
        'call run_tests without tests to run them all',
    };
  const split = targets.map((target) => {
    const at = target.indexOf(idSeparator);
    return at < 0 ? { file: target } : { file: target.slice(0, at), name: target.slice(at + idSeparator.length) };
  });
  const files = [...new Set(split.map((part) => part.file))];
  const names = [...new Set(split.flatMap((part) => (part.name ? [part.name] : [])))];
  const add = (...words: string[]): Narrowed => ({ command: addArguments(command, words.join(' ')) });
  // Patterns go as "--option=pattern": a pattern starting with "-" after "-t" would be read as options of its own.
  const anyName = (list: string[]): string => shellQuote(list.map(escapeRegex).join('|'));
  switch (recognised.runner) {
    case 'pytest':
      return add(...targets.map(shellQuote));
    case 'jest':
    case 'vitest': {
      // Their -t matches the full name, the describe titles joined by spaces (factory's ids join them with " > ").
      const full = names.map((name) => name.replace(/ > /g, ' ').replace(/ #\d+$/, ''));
      return add(...files.map(shellQuote), ...(full.length > 0 ? [`--testNamePattern=${anyName(full)}`] : []));
    }
    case 'go test': {
      const packages = [...new Set(files.map((file) => (file.endsWith('.go') ? file.replace(/\/?[^/]+$/, '') : file)))];
      const run = names.length > 0 ? ['-run', shellQuote(`^(${names.map(escapeRegex).join('|')})$`)] : [];
      return { command: goCommand(command, packages, run) };
    }
    case 'cargo test': {
      // cargo takes the name as its TESTNAME argument: one starting with "-" would be an option of cargo's.
      const option = names.find((name) => name.startsWith('-'));
      if (option !== undefined) return { problem: `cargo would read the test name "${option}" as an option` };
      return names.length > 0
        ? add(...names.map(shellQuote))
        : { problem: 'cargo test narrows by test name: give ids ("target::test_name"), not files' };
    }
    case 'behave':
      return add(...files.map(shellQuote), ...(names.length > 0 ? [`--name=${anyName(names)}`] : []));
    case 'cucumber':
      return add(...files.map(shellQuote), ...(names.length > 0 ? [`--name=${anyName(names)}`] : []));
  }
}

/** Before a "--" that ends the runner's options (cargo's test binary flags), else at the end. */
function addArguments(command: string, words: string): string {
  const end = command.search(/\s--(\s|$)/);
  return end < 0 ? `${command.trimEnd()} ${words}` : `${command.slice(0, end)} ${words}${command.slice(end)}`;
}

/** go test's package patterns ("./...") give way to the tests' own packages. */
function goCommand(command: string, packages: string[], run: string[]): string {
  if (packages.length === 0) return command.replace(/\bgo\s+test\b/, ['go test', ...run].join(' '));
  const kept = command
    .trim()
    .split(/\s+/)
    .filter((word) => !/^\.{1,2}(\/|$)/.test(word));
  const dirs = packages.map((dir) => shellQuote(dir === '' || dir === '.' ? '.' : `./${dir}`));
  return [...kept, ...run, ...dirs].join(' ');
}
