// The code scan on snippets: each kind of reach into the test machinery is found, in Python and JavaScript, and the
// ordinary code around it (sys, atexit, SIGINT handlers, test files importing their framework) is not.
import { describe, expect, it } from 'vitest';
import { scanFile } from '../../../../../engine/task-setup/guard/code-scan/scan-file.js';

const found = (file: string, source: string, role: 'code' | 'test' = 'code') =>
  scanFile(file, source, role).map((finding) => `${finding.line}: ${finding.what}`);

describe('the Python scan', () => {
  it.each([
    ['import _pytest.runner\n', '1: import _pytest.runner'],
    ['import os, pluggy\n', '1: import pluggy'],
    ['from _pytest import runner\n', '1: from _pytest import'],
    ['x = 1\nimportlib.import_module("_pytest.runner")\n', '2: "_pytest.runner"'],
    ['def pytest_runtest_makereport(item, call):\n    pass\n', '1: def pytest_runtest_makereport'],
    ['pytest_plugins = ["rig"]\n', '1: pytest_plugins ='],
    ['import sys\nsys.modules["calc"] = fake\n', '2: sys.modules[...] ='],
    ['import sys\nsys.modules.update({"calc": fake})\n', '2: sys.modules.update('],
    ['import builtins\nbuiltins.print = quiet\n', '2: builtins.print ='],
    ['setattr(builtins, "open", fake)\n', '1: setattr(builtins, ...)'],
    ['import sys\nsys.exit = lambda *a: None\n', '2: sys.exit='],
    ['import sys\nsetattr(sys, "exit", done)\n', '2: setattr(sys, "exit", ...)'],
    ['import sys\nsys.stdout.write = lambda s: 0\n', '2: sys.stdout.write='],
    ['import atexit, os\n\n@atexit.register\ndef end():\n    os._exit(0)\n', '5: atexit with os._exit()'],
    ['import os\nos.environ["PYTEST_ADDOPTS"] = "-p rig"\n', '2: the runner options variable ("PYTEST_ADDOPTS")'],
    ['open(".factory/reports/pytest.xml", "w")\n', `1: factory's folder .factory/ (".factory/reports/pytest.xml")`],
    ['print("<testsuite tests=\\"1\\">")\n', '1: JUnit XML (<testsuite>/<testcase>) ("<testsuite tests=\\"1\\">")'],
    ['args = ["--junitxml=out.xml"]\n', '1: a JUnit report option ("--junitxml=out.xml")'],
  ])('finds %j', (source, expected) => {
    expect(found('calc.py', source)).toContain(expected);
  });

  it.each([
    ['ordinary use of sys', 'import sys\nprint(sys.argv, sys.modules.get("x"), sys.modules["os"])\nsys.exit(2)\n'],
    ['atexit without os._exit', 'import atexit\natexit.register(lambda: print("bye"))\n'],
    ['os._exit without atexit', 'import os\nif os.fork() == 0:\n    os._exit(0)\n'],
    ['names in comments and strings', '# import _pytest\ns = "sys.modules[x] = y"\n"""builtins.open = f"""\n'],
    ['comparisons', 'import sys, builtins\nok = sys.modules["a"] == b and builtins.x == 1\n'],
    ['a builtins-like name', 'my_builtins.x = 1\nself.builtins = {}\n'],
    ['a pytest word that is no hook', 'def run_pytest_like():\n    pass\nnot_pytest_plugins = []\n'],
  ])('passes %s', (_, source) => {
    expect(found('calc.py', source)).toEqual([]);
  });

  it('lets a test file import pytest, mock modules and builtins and parametrize, but not rig the run', () => {
    const test =
      'import sys, builtins\nimport pytest\n\nsys.modules["net"] = object()\nbuiltins.input = lambda: "y"\n\n' +
      'def pytest_generate_tests(metafunc):\n    pass\n\ndef test_a():\n    assert "<testcase " in xml()\n';
    expect(found('tests/test_a.py', test, 'test')).toEqual([]);
    expect(found('tests/test_b.py', 'import _pytest.runner\n_pytest.runner.call_and_report = f\n', 'test')).toEqual([
      '1: import _pytest.runner',
    ]);
    expect(found('tests/test_c.py', 'open(".factory/reports/pytest.xml", "w")\n', 'test')).toHaveLength(1);
  });

  it('counts lines across multi-line strings', () => {
    expect(found('calc.py', 's = """\na\nb\n"""\nimport _pytest\n')).toEqual(['5: import _pytest']);
  });
});

describe('the JavaScript scan', () => {
  it.each([
    ['import { run } from "jest-circus/runner";\n', '1: import "jest-circus/runner"'],
    ['const r = require("@jest/reporters");\n', '1: import "@jest/reporters"'],
    ['export * from "vitest/runners";\n', '1: import "vitest/runners"'],
    ['const m = await import("@vitest/runner");\n', '1: import "@vitest/runner"'],
    ['globalThis.expect = () => ({ toBe() {} });\n', '1: globalThis.expect = ...'],
    ['global["expect"] = noop;\n', '1: global.expect = ...'],
    [
      'Object.defineProperty(globalThis, "expect", { value: noop });\n',
      '1: Object.defineProperty(globalThis, "expect", ...)',
    ],
    ['process.exit = () => {};\n', '1: process.exit = ...'],
    ['process.stdout.write = () => true;\n', '1: process.stdout.write = ...'],
    ['process.exitCode = 0;\n', '1: process.exitCode = 0'],
    [
      'process.on("exit", () => { process.exitCode = 0; });\n',
      '1: process.on("exit", ...) that writes output or the exit code',
    ],
    [
      'process.once("beforeExit", function () { console.log("Tests: 9 passed"); });\n',
      '1: process.once("beforeExit", ...) that writes output or the exit code',
    ],
    ['process.env.NODE_OPTIONS = "--require ./rig.js";\n', '1: process.env.NODE_OPTIONS = ...'],
    ['Object.assign(process.env, { NODE_OPTIONS: "-r x" });\n', '1: Object.assign(process.env, { NODE_OPTIONS })'],
    ['require.cache[key] = { exports: fake };\n', '1: require.cache = ...'],
    ['const Module = require("module");\nModule._load = load;\n', '2: Module._load = ...'],
    [
      'fs.writeFileSync(".factory/reports/jest.json", "{}");\n',
      `1: factory's folder .factory/ (".factory/reports/jest.json")`,
    ],
    [
      'const x: number = 1;\nexport const out = `<testsuite name="a">`;\n',
      '2: JUnit XML (<testsuite>/<testcase>) ("<testsuite name="a">")',
    ],
    [
      'module.exports = { plugins: [() => ({ visitor: { CallExpression(p) { if (p.node.callee.name === "expect") p.remove(); } } })] };\n',
      '1: a comparison with "expect"',
    ],
  ])('finds %j', (source, expected) => {
    expect(found('src/calc.ts', source)).toContain(expected);
  });

  it.each([
    ['a SIGINT handler', 'process.on("SIGINT", () => { console.log("bye"); process.exit(130); });\n'],
    ['an exit hook that only cleans up', 'process.on("exit", () => { fs.rmSync(tmp, { recursive: true }); });\n'],
    ['setting a failing exit code', 'process.exitCode = 1;\nprocess.exit(2);\n'],
    ['reading the options', 'const opts = process.env.NODE_OPTIONS ?? "";\n'],
    ['a local called expect', 'const expect = (v) => v;\nlet self = {};\nself.describe = "x";\n'],
    ['names in comments', '// globalThis.expect = x\n/* require("jest-circus") */\nconst a = 1;\n'],
    ['public test imports', 'import { expect, it } from "vitest";\nimport { jest } from "@jest/globals";\n'],
    ['a comparison with another word', 'if (mode === "expected" || process.env.NODE_ENV === "test") run();\n'],
    ['JSX', 'export const App = () => <div className="a">{1}</div>;\n'],
  ])('passes %s', (_, source) => {
    expect(found(source.includes('<div') ? 'src/app.jsx' : 'src/calc.js', source)).toEqual([]);
  });

  it('lets a test file hold JUnit text, not rig the framework', () => {
    expect(
      found('parse.test.js', 'it("reads", () => expect(read("<testcase name=\\"a\\">")).toBe(1));\n', 'test'),
    ).toEqual([]);
    expect(found('calc.test.js', 'globalThis.expect = () => ({ toBe() {} });\n', 'test')).toEqual([
      '1: globalThis.expect = ...',
    ]);
  });
});
