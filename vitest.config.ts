// Tests live in test/, mirroring the source tree, in two projects: `unit` (pure code: no process, git, Docker or
// network; seconds in all) and `e2e` (real processes). `vitest run --project unit` runs the first alone.
import { defineConfig } from 'vitest/config';
import { unitTests } from './test/unit-tests.js';

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default on 2 cores is one worker; the e2e files mostly wait on child processes, so three overlap.
    maxWorkers: 3,
    // Generous for both: a loaded 2-core machine runs even the 10 MB parser tests for seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // The machine's pytest loads every plugin installed (hypothesis,
    // benchmark: seconds a run); no test project needs one.
    env: { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: unitTests, setupFiles: ['test/support/no-processes.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: unitTests,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
