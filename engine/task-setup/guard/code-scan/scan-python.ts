// The Python scan: regexes over the code with comments dropped and strings blanked (python-text.ts), so that a name in
// a comment or a string is never taken for code, and strings checked on their own.
import { type CodeFinding, why } from './finding.js';
import { splitPython } from './python-text.js';
import type { FileRole } from './file-role.js';
import { reportString } from './report-strings.js';

const internal = /^(_pytest|pluggy)(\.|$)/;
type Rule = { pattern: RegExp; what: (match: RegExpMatchArray) => string; why: string; inTests: boolean };

const rules: Rule[] = [
  {
    pattern: /(?:^|;)[ \t]*from[ \t]+((?:_pytest|pluggy)[\w.]*)[ \t]+import\b/gm,
    what: (match) => `from ${match[1]} import`,
    why: why.internals,
    inTests: true,
  },
  {
    pattern: /\bsys\s*\.\s*modules\s*(?:\[[^\n]*?\]\s*=(?!=)|=(?!=)|\.\s*(?:update|setdefault|__setitem__)\s*\()/g,
    what: (match) => tidy(match[0]),
    why: why.modules,
    inTests: false,
  },
  {
    pattern: /(?<![\w.])(?:__builtins__|builtins)\s*(?:\.\s*\w+|\[[^\n]*?\])+\s*=(?!=)/g,
    what: (match) => tidy(match[0]),
    why: why.builtins,
    inTests: false,
  },
  {
    pattern: /\bsetattr\s*\(\s*(?:__builtins__|builtins)\b/g,
    what: (match) => `${match[0]}, ...)`,
    why: why.builtins,
    inTests: false,
  },
  {
    pattern:
      /(?<![\w.])(?:sys\s*\.\s*exit|os\s*\.\s*_exit|sys\s*\.\s*(?:stdout|stderr|__stdout__|__stderr__)\s*\.\s*write)\s*=(?!=)/g,
    what: (match) => match[0].replace(/\s+/g, ''),
    why: why.exit,
    inTests: true,
  },
  {
    pattern: /^[ \t]*(?:async[ \t]+)?def[ \t]+(pytest_\w+)\s*\(/gm,
    what: (match) => `def ${match[1]}`,
    why: why.hook,
    inTests: true,
  },
  {
    pattern: /^[ \t]*pytest_plugins\s*=/gm,
    what: () => 'pytest_plugins =',
    why: why.hook,
    inTests: true,
  },
];

export function scanPython(file: string, source: string, role: FileRole): CodeFinding[] {
  const { code, withStrings, strings } = splitPython(source);
  const lineAt = (index: number): number => code.slice(0, index).split('\n').length;
  const findings: CodeFinding[] = [];
  const add = (line: number, what: string, reason: string): void => {
    findings.push({ path: file, line, what, why: reason });
  };
  for (const [index, names] of imports(code)) {
    const found = names.find((name) => internal.test(name));
    if (found) add(lineAt(index), `import ${found}`, why.internals);
  }
  for (const rule of rules) {
    if (role === 'test' && !rule.inTests) continue;
    for (const match of code.matchAll(rule.pattern)) {
      // pytest runs pytest_generate_tests from a test module itself: it is how a test file parametrizes.
      if (role === 'test' && match[1] === 'pytest_generate_tests') continue;
      add(lineAt(match.index + (match[0].length - match[0].trimStart().length)), rule.what(match), rule.why);
    }
  }
  // Strings are the same positions in both texts up to the first literal: lines come from `line`, not from an index.
  for (const match of withStrings.matchAll(/\bsetattr\s*\(\s*sys\s*,\s*(['"])(exit|modules|stdout|stderr)\1/g))
    add(withStrings.slice(0, match.index).split('\n').length, `setattr(sys, "${match[2]}", ...)`, why.exit);
  // os._exit registered at exit: the process ends with the code the hook picks, whatever the runner decided.
  if (/\batexit\b/.test(code))
    for (const match of code.matchAll(/\bos\s*\.\s*_exit\s*\(/g))
      add(lineAt(match.index), 'atexit with os._exit()', why.exit);
  for (const { text, line } of strings) {
    if (internal.test(text) && /^[\w.]+$/.test(text)) add(line, `"${text}"`, why.internals);
    const report = reportString(text, role);
    if (report) add(line, report.what, report.why);
  }
  return findings.sort((a, b) => a.line - b.line);
}

/** Each `import a, b.c as d` statement: its index and the modules it names. */
function imports(code: string): [number, string[]][] {
  return [...code.matchAll(/(?:^|;)[ \t]*import[ \t]+([^\n;]+)/gm)].map((match) => [
    match.index + match[0].indexOf('import'),
    (match[1] ?? '')
      .replace(/[()\\]/g, ' ')
      .split(',')
      .map((part) => part.trim().split(/\s+/)[0] ?? ''),
  ]);
}

/** The matched code on one line, subscripts shown as [...] (their strings are blanked). */
const tidy = (code: string): string => code.replace(/\[[^\]]*\]/g, '[...]').replace(/\s+/g, ' ');
