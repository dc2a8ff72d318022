// Narrowing the test command to some tests, per runner: ids become quoted arguments, never shell text.
import { describe, expect, it } from 'vitest';
import { narrowTestCommand, shellQuote } from '../../../engine/worker-tools/narrow-test-command.js';
import { isTestTarget } from '../../../engine/worker-tools/tool-inputs.js';

describe('narrowTestCommand', () => {
  it('leaves the command alone when no test is named', () => {
    expect(narrowTestCommand('python3 -m pytest -q', [])).toEqual({ command: 'python3 -m pytest -q' });
  });

  it('gives pytest the ids and files as quoted arguments', () => {
    expect(narrowTestCommand('python3 -m pytest -q', ['tests/test_a.py::test_x[1-2]', 'tests/test_b.py'])).toEqual({
      command: "python3 -m pytest -q 'tests/test_a.py::test_x[1-2]' 'tests/test_b.py'",
    });
  });

  it('gives jest and vitest the files and the names as one -t pattern', () => {
    expect(narrowTestCommand('npx vitest run', ['src/a.test.ts::math > adds (1+1)'])).toEqual({
      command: "npx vitest run 'src/a.test.ts' --testNamePattern='math adds \\(1\\+1\\)'",
    });
    expect(narrowTestCommand('npx jest', ['a.test.js'])).toEqual({ command: "npx jest 'a.test.js'" });
  });

  it("gives go test the tests' packages and a -run pattern", () => {
    expect(narrowTestCommand('go test ./...', ['calc/calc_test.go::TestAdd'])).toEqual({
      command: "go test -run '^(TestAdd)$' './calc'",
    });
    expect(narrowTestCommand('go test -v ./...', ['calc_test.go::TestAdd'])).toEqual({
      command: "go test -v -run '^(TestAdd)$' '.'",
    });
  });

  it('puts cargo test filters before the "--" of the test binary', () => {
    expect(narrowTestCommand('cargo test -- --nocapture', ['calc::adds'])).toEqual({
      command: "cargo test 'adds' -- --nocapture",
    });
    expect(narrowTestCommand('cargo test', ['tests/calc.rs'])).toHaveProperty('problem');
  });

  it('refuses a cargo test name that cargo would read as an option', () => {
    const narrowed = narrowTestCommand('cargo test', ['calc::--config=build.rustc="./pwn"']);
    expect(narrowed).toEqual({ problem: 'cargo would read the test name "--config=build.rustc="./pwn"" as an option' });
  });

  it('joins name patterns to their option, so one starting with "-" stays a pattern', () => {
    for (const [command, option] of [
      ['npx jest', '--testNamePattern'],
      ['npx vitest run', '--testNamePattern'],
      ['behave', '--name'],
      ['npx cucumber-js', '--name'],
    ])
      expect(narrowTestCommand(command!, ['a.test.js::--watch'])).toEqual({
        command: `${command} 'a.test.js' ${option}='--watch'`,
      });
  });

  it('refuses to narrow a shell list it cannot extend', () => {
    const narrowed = narrowTestCommand('cd app && pytest', ['tests/test_a.py']);
    expect(narrowed).toHaveProperty('problem');
    expect((narrowed as { problem: string }).problem).toMatch(/without tests/);
  });

  it('quotes single quotes so the shell reads them as text', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('isTestTarget', () => {
  it('takes project-relative files and ids', () => {
    for (const target of [
      'tests/test_a.py',
      'tests/test_a.py::TestX::test_y',
      'a.spec.js::adds > "quoted" $x',
      'packages/@scope/a.test.ts',
      'src/routes/+page.test.ts',
    ])
      expect(isTestTarget(target)).toBe(true);
  });

  it('refuses options, files of arguments ("@"), absolute paths, "..", shell text and control characters', () => {
    for (const target of [
      '-x',
      '--junitxml=/etc/x',
      '/etc/passwd',
      '../outside.py',
      'tests/../../x.py',
      'a.py; touch pwned',
      '$(touch pwned)',
      'a.py`id`',
      'a.py::name\nline two',
      '@test_args.py',
      '@tests/args.txt::x',
      '+nightly',
      '',
    ])
      expect(isTestTarget(target), target).toBe(false);
  });
});
