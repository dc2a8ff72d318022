// cargo test: "test foo ... ok" lines under each target's "Running tests/calc.rs (…)" line, and "test result: …"
// totals.
import { testId } from '../test-id.js';
import { noCounts, type ParsedRun, type TestOutcome } from '../../contract/test-summary.js';

/** Where cargo's closing lines are (see parse-test-output). */
export const cargoSummary = /^test result: /gm;
/** Names may hold spaces: doc-tests are "src/lib.rs - add (line 3)". */
const testLine = /^test (.+?) \.\.\. (ok|FAILED|ignored)\b/;
const resultLine = /^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/;
/**
 * "Running unittests src/lib.rs (target/…)", "Running
 * tests/calc.rs (target/…)": the target's source names its tests.
 */
const targetLine = /^\s*Running (?:unittests )?(\S+\.rs) \(/;
const docTests = /^\s*Doc-tests \S+/;
/** "src/lib.rs - add (line 3)": the line moves with every edit above it, so the id keeps the file and the item. */
const docTest = /^(\S+\.rs) - (.+?)(?: \(line \d+\))?$/;

/**
 * Ids are "tests/calc.rs::adds", "src/lib.rs::tests::adds", "src/lib.rs::add (doc-test)". cargo's JSON output needs a
 * nightly toolchain (`-Z unstable-options` is refused on stable), so this text is what factory reads for cargo.
 */
export function parseCargoTest(output: string): ParsedRun | undefined {
  const counts = noCounts();
  const tests: Record<string, TestOutcome> = {};
  let target: string | undefined;
  let inDocTests = false;
  const errors: Record<string, string> = {};
  let failing: { id: string; panicked: boolean } | undefined;
  let found = false;
  for (const line of output.split('\n')) {
    // "---- tests::fails stdout ----", "thread 'tests::fails' (123) panicked at src/lib.rs:13:18:", then the message.
    const [, failingName] = /^---- (.+) stdout ----$/.exec(line) ?? [];
    if (failingName !== undefined) {
      failing = { id: target && !inDocTests ? testId(target, failingName) : failingName, panicked: false };
      continue;
    }
    if (failing && /^thread '.*' .*panicked at /.test(line)) {
      failing.panicked = true;
      continue;
    }
    if (failing?.panicked && line.trim()) {
      errors[failing.id] ??= line.trim();
      failing = undefined;
    }
    const running = targetLine.exec(line);
    if (running) {
      target = running[1];
      inDocTests = false;
      continue;
    }
    if (docTests.test(line)) {
      inDocTests = true;
      continue;
    }
    const [, name, result] = testLine.exec(line) ?? [];
    if (name !== undefined) {
      const outcome: TestOutcome = result === 'ok' ? 'passed' : result === 'FAILED' ? 'failed' : 'skipped';
      const [, docFile, docName] = (inDocTests && docTest.exec(name)) || [];
      const id =
        docFile !== undefined ? testId(docFile, `${docName} (doc-test)`) : target ? testId(target, name) : name;
      tests[id] = outcome;
    }
    const total = resultLine.exec(line);
    if (total) {
      found = true;
      counts.passed += Number(total[1]);
      counts.failed += Number(total[2]);
      counts.skipped += Number(total[3]);
    }
  }
  if (/^error(\[E\d+\])?:/m.test(output) && !found) {
    counts.errored += 1;
    found = true;
  }
  return found ? { runner: 'cargo test', source: 'cargo test output', ...counts, tests, errors } : undefined;
}
