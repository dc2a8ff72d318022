// pytest's canaries: a plugin module in the verdict folder, loaded with -p from a PYTHONPATH outside the project, that
// adds two tests of factory's own in the collection hook, so they run through the same reporting the code under test
// could patch (`_pytest.runner.call_and_report`, a makereport hook): one must pass, one must fail.
import fs from 'node:fs';
import path from 'node:path';
import { addFlags } from '../runner-report.js';
import type { Canaries } from './canaries.js';

const plugin = (nonce: string, pass: string, fail: string): string => `# factory's canaries for one test run (${nonce}).
import pytest


class FactoryCanary(pytest.Item):
    def __init__(self, *, must_fail, **kwargs):
        super().__init__(**kwargs)
        self.must_fail = must_fail

    def runtest(self):
        if self.must_fail:
            raise AssertionError("factory canary: fails on purpose")

    def reportinfo(self):
        return __file__, None, self.name

    def repr_failure(self, excinfo, style=None):
        return "factory canary: fails on purpose (factory checks the run reports it); not counted"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    for name, must_fail in (("${pass}", False), ("${fail}", True)):
        items.append(FactoryCanary.from_parent(session, name=name, nodeid="factory_canary_${nonce}.py::" + name, must_fail=must_fail))
`;

/** The PYTHONPATH the plugin is found on: added to the command's own assignment, or put before the command. */
function withPythonPath(command: string, dir: string): string {
  const quoted = `'${dir}'`;
  if (/(^|\s)PYTHONPATH=/.test(command)) return command.replace(/(^|\s)PYTHONPATH=/, `$1PYTHONPATH=${quoted}:`);
  return `PYTHONPATH=${quoted}\${PYTHONPATH:+:$PYTHONPATH} ${command}`;
}

/** hostDir: the verdict folder on the host; insideDir: the same folder as the command sees it. */
export function pytestCanaries(nonce: string, hostDir: string, insideDir: string): Canaries {
  const pass = `factory_canary_pass_${nonce}`;
  const fail = `factory_canary_fail_${nonce}`;
  const module = `factory_canary_${nonce}`;
  fs.writeFileSync(path.join(hostDir, `${module}.py`), plugin(nonce, pass, fail));
  return { pass, fail, command: (command) => withPythonPath(addFlags(command, `-p ${module}`), insideDir) };
}
