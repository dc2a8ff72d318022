// Decides whether the reviewer's new tests are red for the right reason: they run, and fail because the code is
// missing.
//
// The rule:
// - never accepted: a timeout, a green run (the tests test nothing new), a run that collects no tests;
// - pytest: a file that does not collect is accepted only when it stops on ModuleNotFoundError/ImportError of a module
//   the plan says this task creates (the implementation is missing); a SyntaxError, a NameError, an import of anything
//   else, or an error at setup (a missing fixture) is the test file's own fault and goes back to the reviewer;
// - other runners: accepted when some test fails or errors and the output shows no SyntaxError.
import type { TaskPlan } from '../plan/plan-schema.js';
import type { TestSummary } from '../../contract/test-summary.js';

export type RedVerdict = { ok: true } | { ok: false; reason: string };

const collectError = /^_+ ERROR collecting (\S+) _+$/gm;
const setupError = /^_+ ERROR at (?:setup|teardown) of (\S+) _+$/m;
const errorLine = /^E\s+(\w+): (.*)$/gm;

export function judgeRed(tests: TestSummary, plan: TaskPlan): RedVerdict {
  if (tests.timedOut) return { ok: false, reason: `the tests timed out (${tests.headline})` };
  if (tests.green)
    return {
      ok: false,
      reason:
        'the tests pass before any implementation is written: they must fail until the task is done (a task that ' +
        'only changes the code\'s shape says "(refactor)" in its RFP/tasks.md line)',
    };
  if (tests.runner !== 'pytest') {
    if (/\bSyntaxError\b/.test(tests.output))
      return { ok: false, reason: 'the output shows a SyntaxError: the tests themselves do not compile' };
    return tests.failed + tests.errored > 0
      ? { ok: true }
      : { ok: false, reason: `no failing test found (${tests.headline})` };
  }
  for (const section of sections(tests.output, collectError)) {
    const [type, message] = lastError(section.body);
    if (!missingImplementation(type, message, plan))
      return {
        ok: false,
        reason:
          `${section.name} does not collect: ${type ? `${type}: ${message}` : 'see the output'}` +
          (type === 'ModuleNotFoundError' || type === 'ImportError'
            ? ' (not a module this task creates: a typo, or a library that is not installed?)'
            : ''),
      };
  }
  const setup = setupError.exec(tests.output);
  if (setup) return { ok: false, reason: `the tests error at setup of ${setup[1]} (a missing or broken fixture)` };
  if (tests.passed + tests.failed + tests.errored === 0)
    return { ok: false, reason: `no tests were collected (${tests.headline})` };
  return { ok: true };
}

function missingImplementation(type: string | undefined, message: string, plan: TaskPlan): boolean {
  const module =
    type === 'ModuleNotFoundError'
      ? /No module named '([\w.]+)'/.exec(message)?.[1]
      : type === 'ImportError'
        ? /cannot import name '\w+' from '([\w.]+)'/.exec(message)?.[1]
        : undefined;
  if (!module) return false;
  const base = module.replaceAll('.', '/');
  return plan.files.some((file) => file.path === `${base}.py` || file.path.startsWith(`${base}/`));
}

function sections(output: string, header: RegExp): { name: string; body: string }[] {
  const found = [...output.matchAll(header)];
  return found.map((match, index) => {
    const start = match.index + match[0].length;
    const next = found[index + 1]?.index ?? output.length;
    const body = output.slice(start, next);
    return { name: match[1] ?? '', body: body.replace(/^=+ .* =+$[\s\S]*/m, '') };
  });
}

function lastError(body: string): [string | undefined, string] {
  const matches = [...body.matchAll(errorLine)];
  const last = matches[matches.length - 1];
  return [last?.[1], last?.[2] ?? ''];
}
