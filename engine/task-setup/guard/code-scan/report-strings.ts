// Strings that only code rigging the verdict needs: factory's report folder, JUnit report names and content, and the
// environment variables that hand options to the runner. A test file may hold JUnit text (a parser's own tests do).
import { why } from './finding.js';
import type { FileRole } from './file-role.js';

const checks: { pattern: RegExp; what: string; why: string; inTests: boolean }[] = [
  { pattern: /(?:^|[\\/])\.factory(?:[\\/]|$)/, what: "factory's folder .factory/", why: why.report, inTests: true },
  { pattern: /junit[-_]?xml|junit_family/i, what: 'a JUnit report option', why: why.report, inTests: false },
  {
    pattern: /<testsuites?[\s>]|<testcase[\s>]/,
    what: 'JUnit XML (<testsuite>/<testcase>)',
    why: why.report,
    inTests: false,
  },
  {
    pattern: /^(?:PYTEST_ADDOPTS|PYTEST_PLUGINS)$/,
    what: 'the runner options variable',
    why: why.options,
    inTests: true,
  },
];

export function reportString(text: string, role: FileRole): { what: string; why: string } | undefined {
  const found = checks.find((check) => (role === 'code' || check.inTests) && check.pattern.test(text));
  return found && { what: `${found.what} ("${text.length > 60 ? `${text.slice(0, 57)}...` : text}")`, why: found.why };
}
