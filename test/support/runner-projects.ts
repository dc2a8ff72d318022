// One small project per test runner for whole runs: task 1 names its own red test file, task 2 gets the reviewer's tests,
// and one unrelated test fails from the start. The worker's calls: a wrong first try, the fix, then task 2's code.
import fs from 'node:fs';
import path from 'node:path';
import { execaSync } from 'execa';

export type RunnerProject = {
  name: string;
  settings: Record<string, string>;
  /** The project as committed before the run. */
  files: Record<string, string>;
  /** Task 1's test file, named in its tasks.md line. */
  addTests: string;
  /** Task 2's test file and what the reviewer writes in it (and beside it). */
  mulTests: string;
  reviewerWrites: Record<string, string>;
  /** The plan's command for task 2's tests alone (the reviewer's red check). */
  mulCommand: string;
  /** The worker's files: round 1 (still wrong), round 2 (task 1 right), task 2. */
  wrongAdd: Record<string, string>;
  rightAdd: Record<string, string>;
  mul: Record<string, string>;
  /** The id of the test that failed before the run and is no task's. */
  legacyId: string;
  /** Which report or output the rounds' results come from. */
  source: RegExp;
  /** Tests in task 1's file marked skipped from the start (xtest, it.skip): allowed, the task still goes green. */
  skippedFromStart?: number;
  /** Node packages the project uses from factory's own node_modules (linked, not installed). */
  nodePackages?: string[];
  /** The program the runner needs; a reason to skip when it is missing (a failure under CI=true). */
  program: string;
};

const python = (add: string, mul = ''): string => `def add(a, b):\n    return ${add}\n${mul}`;
const pythonMul = '\n\ndef mul(a, b):\n    return a * b\n';

function pytestProject(name: string, flags: string): RunnerProject {
  return {
    name,
    program: 'python3',
    settings: {
      LANGUAGE: 'python',
      TEST_CMD: `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest ${flags} -p no:cacheprovider`.replace(/\s+/g, ' '),
    },
    files: {
      'calc.py': python('0'),
      'tests/test_add.py':
        'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n\n\ndef test_add_negative():\n    assert add(-1, -2) == -3\n',
      'tests/test_legacy.py': 'def test_legacy():\n    assert False, "broken before the run"\n',
      '.gitignore': '__pycache__/\n',
    },
    addTests: 'tests/test_add.py',
    mulTests: 'tests/test_mul.py',
    reviewerWrites: { 'tests/test_mul.py': 'from calc import mul\n\n\ndef test_mul():\n    assert mul(3, 4) == 12\n' },
    mulCommand: 'PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider tests/test_mul.py',
    wrongAdd: { 'calc.py': python('a - b') },
    rightAdd: { 'calc.py': python('a + b') },
    mul: { 'calc.py': python('a + b', pythonMul) },
    legacyId: 'tests/test_legacy.py::test_legacy',
    source: /^JUnit XML report (\.factory\/reports|\/\S*factory-verdict-\w+)\/pytest\.xml$/,
  };
}

const jestCalc = (add: string, mul = ''): string => `exports.add = (a, b) => ${add};\n${mul}`;

const jestProject: RunnerProject = {
  name: 'jest',
  program: 'node',
  skippedFromStart: 2,
  nodePackages: ['jest'],
  settings: { LANGUAGE: 'javascript', TEST_CMD: 'npx jest' },
  files: {
    'package.json': '{ "name": "calc", "private": true, "devDependencies": { "jest": "^30.5.2" } }\n',
    'calc.js': jestCalc('0'),
    // As teaching repositories do: one test live, the others marked xtest / it.skip from the start.
    'calc.spec.js': [
      "const { add } = require('./calc');",
      '',
      "describe('add', () => {",
      "  test('adds two numbers', () => { expect(add(2, 3)).toBe(5); });",
      "  xtest('adds negatives', () => { expect(add(-1, -2)).toBe(-3); });",
      "  it.skip('adds zero', () => { expect(add(0, 0)).toBe(0); });",
      '});',
      '',
    ].join('\n'),
    'legacy.spec.js': "test('legacy', () => { expect('broken before the run').toBe('fixed'); });\n",
    '.gitignore': 'node_modules/\n',
  },
  addTests: 'calc.spec.js',
  mulTests: 'mul.spec.js',
  reviewerWrites: {
    'mul.spec.js': "const { mul } = require('./calc');\n\ntest('multiplies', () => { expect(mul(3, 4)).toBe(12); });\n",
  },
  mulCommand: 'npx jest mul.spec.js',
  wrongAdd: { 'calc.js': jestCalc('a - b') },
  rightAdd: { 'calc.js': jestCalc('a + b') },
  mul: { 'calc.js': jestCalc('a + b', 'exports.mul = (a, b) => a * b;\n') },
  legacyId: 'legacy.spec.js::legacy',
  source: /^jest JSON report (\.factory\/reports|\/\S*factory-verdict-\w+)\/jest\.json$/,
};

const vitestCalc = (add: string, mul = ''): string => `export const add = (a, b) => ${add};\n${mul}`;

const vitestProject: RunnerProject = {
  name: 'vitest',
  program: 'node',
  skippedFromStart: 1,
  nodePackages: ['vitest'],
  settings: { LANGUAGE: 'javascript', TEST_CMD: 'npx vitest run' },
  files: {
    'package.json':
      '{ "name": "calc", "private": true, "type": "module", "devDependencies": { "vitest": "^4.1.12" } }\n',
    'src/calc.js': vitestCalc('0'),
    'src/calc.test.js': [
      "import { describe, expect, it } from 'vitest';",
      "import { add } from './calc.js';",
      '',
      "describe('add', () => {",
      "  it('adds two numbers', () => { expect(add(2, 3)).toBe(5); });",
      "  it.skip('adds negatives', () => { expect(add(-1, -2)).toBe(-3); });",
      '});',
      '',
    ].join('\n'),
    'src/legacy.test.js':
      "import { expect, it } from 'vitest';\n\nit('legacy', () => { expect('broken before the run').toBe('fixed'); });\n",
    '.gitignore': 'node_modules/\n',
  },
  addTests: 'src/calc.test.js',
  mulTests: 'src/mul.test.js',
  reviewerWrites: {
    'src/mul.test.js':
      "import { expect, it } from 'vitest';\nimport * as calc from './calc.js';\n\nit('multiplies', () => { expect(calc.mul?.(3, 4)).toBe(12); });\n",
  },
  mulCommand: 'npx vitest run src/mul.test.js',
  wrongAdd: { 'src/calc.js': vitestCalc('a - b') },
  rightAdd: { 'src/calc.js': vitestCalc('a + b') },
  mul: { 'src/calc.js': vitestCalc('a + b', 'export const mul = (a, b) => a * b;\n') },
  legacyId: 'src/legacy.test.js::legacy',
  source: /^vitest JSON report (\.factory\/reports|\/\S*factory-verdict-\w+)\/vitest\.json$/,
};

const goCalc = (add: string, mul = ''): string => `package calc\n\nfunc Add(a, b int) int { return ${add} }\n${mul}`;

const goProject: RunnerProject = {
  name: 'go test',
  program: 'go',
  settings: { LANGUAGE: 'go', TEST_CMD: 'go test ./...' },
  files: {
    'go.mod': 'module example.com/calc\n\ngo 1.19\n',
    'calc.go': goCalc('0'),
    'add_test.go':
      'package calc\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {\n\tif got := Add(2, 3); got != 5 {\n\t\tt.Fatalf("Add(2, 3) = %d, want 5", got)\n\t}\n}\n',
    'legacy/legacy_test.go':
      'package legacy\n\nimport "testing"\n\nfunc TestLegacy(t *testing.T) { t.Fatal("broken before the run") }\n',
  },
  addTests: 'add_test.go',
  mulTests: 'mul_test.go',
  reviewerWrites: {
    'mul_test.go':
      'package calc\n\nimport "testing"\n\nfunc TestMul(t *testing.T) {\n\tif Mul(3, 4) != 12 {\n\t\tt.Fatal("Mul(3, 4) != 12")\n\t}\n}\n',
  },
  mulCommand: 'go test -run TestMul .',
  wrongAdd: { 'calc.go': goCalc('a - b') },
  rightAdd: { 'calc.go': goCalc('a + b') },
  mul: { 'calc.go': goCalc('a + b', '\nfunc Mul(a, b int) int { return a * b }\n') },
  legacyId: 'legacy/legacy_test.go::TestLegacy',
  source: /^go test -json events \(kept in \.factory\/reports\/go-test\.jsonl\)$/,
};

const rustCalc = (add: string, mul = ''): string => `pub fn add(a: i32, b: i32) -> i32 {\n    ${add}\n}\n${mul}`;

const cargoProject: RunnerProject = {
  name: 'cargo test',
  program: 'cargo',
  settings: { LANGUAGE: 'rust', TEST_CMD: 'cargo test' },
  files: {
    'Cargo.toml': '[package]\nname = "calc"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
    'src/lib.rs': rustCalc('let _ = (a, b);\n    0'),
    'tests/add.rs': '#[test]\nfn adds() {\n    assert_eq!(calc::add(2, 3), 5);\n}\n',
    'tests/legacy.rs': '#[test]\nfn legacy() {\n    panic!("broken before the run");\n}\n',
    '.gitignore': 'target/\n',
  },
  addTests: 'tests/add.rs',
  mulTests: 'tests/mul.rs',
  reviewerWrites: { 'tests/mul.rs': '#[test]\nfn multiplies() {\n    assert_eq!(calc::mul(3, 4), 12);\n}\n' },
  mulCommand: 'cargo test --test mul',
  wrongAdd: { 'src/lib.rs': rustCalc('a - b') },
  rightAdd: { 'src/lib.rs': rustCalc('a + b') },
  mul: { 'src/lib.rs': rustCalc('a + b', '\npub fn mul(a: i32, b: i32) -> i32 {\n    a * b\n}\n') },
  legacyId: 'tests/legacy.rs::legacy',
  source: /^cargo test output$/,
};

const behaveSteps = [
  'from behave import given, then',
  '',
  'import calc',
  '',
  '',
  "@given('the numbers {a:d} and {b:d}')",
  'def numbers(context, a, b):',
  '    context.numbers = (a, b)',
  '',
  '',
  "@then('their sum is {c:d}')",
  'def the_sum(context, c):',
  '    assert calc.add(*context.numbers) == c, f"got {calc.add(*context.numbers)}"',
  '',
  '',
  "@then('their product is {c:d}')",
  'def the_product(context, c):',
  '    assert calc.mul(*context.numbers) == c',
  '',
].join('\n');

const behaveProject: RunnerProject = {
  name: 'behave',
  program: 'behave',
  settings: { LANGUAGE: 'python', TEST_CMD: 'behave' },
  files: {
    'calc.py': python('0'),
    'features/steps/steps.py': behaveSteps,
    'features/add.feature':
      'Feature: Adding\n  Scenario: Add two numbers\n    Given the numbers 2 and 3\n    Then their sum is 5\n',
    'features/legacy.feature':
      'Feature: Legacy\n  Scenario: Broken before the run\n    Given the numbers 1 and 1\n    Then their sum is 3\n',
    '.gitignore': '__pycache__/\n',
  },
  addTests: 'features/add.feature',
  mulTests: 'features/mul.feature',
  reviewerWrites: {
    'features/mul.feature':
      'Feature: Multiplying\n  Scenario: Multiply two numbers\n    Given the numbers 3 and 4\n    Then their product is 12\n',
  },
  mulCommand: 'behave features/mul.feature',
  wrongAdd: { 'calc.py': python('a - b') },
  rightAdd: { 'calc.py': python('a + b') },
  mul: { 'calc.py': python('a + b', pythonMul) },
  legacyId: 'features/legacy.feature::Broken before the run',
  source: /^JUnit XML reports (\.factory\/reports|\/\S*factory-verdict-\w+)\/behave\/$/,
};

const cucumberSteps = [
  "const { Given, Then } = require('@cucumber/cucumber');",
  "const assert = require('node:assert');",
  "const calc = require('../../calc');",
  '',
  "Given('the numbers {int} and {int}', function (a, b) { this.numbers = [a, b]; });",
  "Then('their sum is {int}', function (c) { assert.strictEqual(calc.add(...this.numbers), c); });",
  "Then('their product is {int}', function (c) { assert.strictEqual(calc.mul(...this.numbers), c); });",
  '',
].join('\n');

const cucumberProject: RunnerProject = {
  name: 'cucumber-js',
  program: 'node',
  nodePackages: ['@cucumber/cucumber'],
  settings: { LANGUAGE: 'javascript', TEST_CMD: 'npx cucumber-js' },
  files: {
    'package.json': '{ "name": "calc", "private": true, "devDependencies": { "@cucumber/cucumber": "^13.3.0" } }\n',
    'calc.js': jestCalc('0'),
    'features/step_definitions/steps.js': cucumberSteps,
    'features/add.feature': behaveProject.files['features/add.feature']!,
    'features/legacy.feature': behaveProject.files['features/legacy.feature']!,
    '.gitignore': 'node_modules/\n',
  },
  addTests: 'features/add.feature',
  mulTests: 'features/mul.feature',
  reviewerWrites: { 'features/mul.feature': behaveProject.reviewerWrites['features/mul.feature']! },
  mulCommand: 'npx cucumber-js features/mul.feature',
  wrongAdd: { 'calc.js': jestCalc('a - b') },
  rightAdd: { 'calc.js': jestCalc('a + b') },
  mul: { 'calc.js': jestCalc('a + b', 'exports.mul = (a, b) => a * b;\n') },
  legacyId: 'features/legacy.feature::Broken before the run',
  source: /^cucumber JSON report (\.factory\/reports|\/\S*factory-verdict-\w+)\/cucumber\.json$/,
};

export const runnerProjects: RunnerProject[] = [
  pytestProject('pytest -q', '-q'),
  pytestProject('pytest', ''),
  pytestProject('pytest -rA', '-rA -q'),
  jestProject,
  vitestProject,
  goProject,
  cargoProject,
  behaveProject,
  cucumberProject,
];

/** The scripted engine's script for a runner project: the plan, the reviewer's tests, the worker's three calls. */
export function runnerScript(project: RunnerProject): Record<string, unknown> {
  const code = Object.keys(project.mul).map((file) => ({ path: file, job: 'the calculator' }));
  return {
    architect: [
      {
        summary: 'A calculator.',
        tasks: [
          {
            task: 1,
            title: 'Add numbers',
            files: code,
            testFiles: [project.addTests],
            scenarios: ['2 + 3 is 5'],
            testCommand: project.settings.TEST_CMD,
          },
          {
            task: 2,
            title: 'Multiply numbers',
            files: code,
            testFiles: [project.mulTests],
            scenarios: ['3 * 4 is 12'],
            testCommand: project.mulCommand,
          },
        ],
      },
    ],
    reviewer: [{ write: project.reviewerWrites }],
    worker: [{ write: project.wrongAdd }, { write: project.rightAdd }, { write: project.mul }],
  };
}

/** Links factory's own copies of the runner's packages into the project, as an install would (bins included). */
export function linkNodePackages(dir: string, packages: string[]): void {
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(modules, '.bin'), { recursive: true });
  for (const name of packages) {
    const source = path.resolve('node_modules', name);
    fs.mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    fs.symlinkSync(source, path.join(modules, name));
    const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as {
      bin?: string | Record<string, string>;
    };
    const bins = typeof manifest.bin === 'string' ? { [name]: manifest.bin } : (manifest.bin ?? {});
    for (const [bin, file] of Object.entries(bins))
      fs.symlinkSync(path.join(modules, name, file), path.join(modules, '.bin', bin));
  }
}

/** Why a runner's test cannot run here, or undefined; under CI=true a missing runner fails instead (.ci/run installs them). */
export function missingRunner(project: RunnerProject): string | undefined {
  const probe: Record<string, string[]> = {
    python3: ['-m', 'pytest', '--version'],
    node: ['--version'],
    go: ['version'],
    cargo: ['--version'],
    behave: ['--version'],
  };
  const found = execaSync(project.program, probe[project.program] ?? ['--version'], { reject: false }).exitCode === 0;
  if (found) return undefined;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but ${project.program} is not installed (for the ${project.name} tests)`);
  return `${project.program} is not installed`;
}
