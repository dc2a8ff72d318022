// pytest's JUnit report (xunit1 family, which names each test's file) as per-test results with pytest's own ids.
import fs from 'node:fs';
import path from 'node:path';
import { testId } from '../test-id.js';
import type { ParsedRun } from '../../contract/test-summary.js';
import { parseJUnitXml, type JUnitCase } from './junit-xml.js';
import { tally } from './tally.js';

/**
 * "tests/test_a.py::TestK::test_m" from file="tests/test_a.py" classname="tests.test_a.TestK" name="test_m".
 * A file that did not collect is a case with an empty classname and the module as its name: its id is the file.
 */
function pytestCaseId(test: JUnitCase, projectDir: string): string {
  const file = test.file ?? moduleFile(test.classname, projectDir);
  if (!file) return test.classname ? `${test.classname}::${test.name}` : test.name;
  if (!test.classname) return testId(file);
  const module = file.replace(/\.py$/, '').replace(/[\\/]/g, '.');
  const classes = test.classname.startsWith(`${module}.`) ? test.classname.slice(module.length + 1).split('.') : [];
  return testId(file, [...classes, test.name].join('::'));
}

/** The longest dotted prefix of a classname that is a .py file in the project, for reports without file="". */
function moduleFile(classname: string, projectDir: string): string | undefined {
  const parts = classname.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const file = `${parts.slice(0, length).join('/')}.py`;
    if (fs.existsSync(path.join(projectDir, file))) return file;
  }
  return undefined;
}

export function readPytestJUnit(xml: string, projectDir: string, source: string): ParsedRun {
  const cases = parseJUnitXml(xml);
  return tally(
    'pytest',
    source,
    cases.map((test) => ({ id: pytestCaseId(test, projectDir), outcome: test.outcome, message: test.message })),
  );
}
