// Setup of the `unit` project: a unit test that starts a process (git, pytest, a CLI) fails at once, naming the file
// to move to the e2e project (test/unit-tests.ts), so the unit run stays a matter of seconds.
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const starters = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
for (const name of starters) {
  Object.assign(childProcess, {
    [name]: () => {
      throw new Error(
        `a unit test started a process (child_process.${name}): take its file out of test/unit-tests.ts (it is end-to-end)`,
      );
    },
  });
}
// ES module imports of node:child_process (execa's among them) see the replaced functions too.
syncBuiltinESMExports();
