// The machine-readable report factory asks a recognised runner for: the flags it adds, where the report lands, how it
// is read.
import fs from 'node:fs';
import path from 'node:path';
import { recogniseRunner, type RunnerId } from './recognise-runner.js';
import type { ParsedRun } from '../contract/test-summary.js';
import { readPytestJUnit } from './reports/pytest-junit.js';
import { readJestJson } from './reports/jest-json.js';
import { readBehaveJUnit } from './reports/behave-junit.js';
import { readCucumberJson } from './reports/cucumber-json.js';
import { GoTestJsonStream } from './reports/go-test-json.js';
import { GoTestIds } from './reports/go-test-ids.js';
import { launchPytest } from './python-launcher.js';

/**
 * Where the results are read: the project on the host, and the folders the runner may have seen it as (/app in Docker).
 */
export type ResultContext = { projectDir: string; roots: string[] };

/** Project-relative, so the same flags work on the host and in the container (the project is /app there). */
const reportsFolder = '.factory/reports';

export type ReportRequest = {
  runner: RunnerId;
  /** The command as it runs: the user's, with factory's report flags. */
  command: string;
  /** Project-relative paths the run writes its report to: removed before it runs, so an old report is never read. */
  paths: string[];
  /** go test -json: turns the events back into go's text as they stream, and keeps each test's result. */
  stream?: GoTestJsonStream;
  /** The results from the report, or undefined when the run wrote none; absent where the text is the report (cargo). */
  read?: (context: ResultContext) => ParsedRun | undefined;
};

const readIfThere = (context: ResultContext, file: string): string | undefined => {
  const full = path.resolve(context.projectDir, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
};

/** Flags before a "--" that ends the runner's own options, else at the end. */
export function addFlags(command: string, flags: string): string {
  const end = command.search(/\s--(\s|$)/);
  return end < 0 ? `${command.trimEnd()} ${flags}` : `${command.slice(0, end)} ${flags}${command.slice(end)}`;
}

/**
 * The request for `command`, or undefined when factory cannot add flags to it (a shell list, `make test`, a command
 * that already names its own report): then the runner's text output is read, as before. `folder`: where the report
 * goes, the project's .factory/reports by default, or a verdict run's folder outside the project (its path as the
 * command sees it, and on the host).
 */
export function requestReport(command: string, folder?: { inside: string; host: string }): ReportRequest | undefined {
  const reportPath = (name: string): string => `${folder?.inside ?? reportsFolder}/${name}`;
  // The flags name the report as the command sees it; factory reads it on the host.
  const onHost = (file: string): string => (folder ? folder.host + file.slice(folder.inside.length) : file);
  const recognised = recogniseRunner(command);
  if (!recognised?.extendable) return undefined;
  const { runner } = recognised;
  switch (runner) {
    case 'pytest': {
      if (/--junit-?xml\b/.test(command)) return undefined;
      const file = reportPath('pytest.xml');
      // xunit1 is the family that writes file="tests/test_a.py" on every case, so ids need no guessing.
      return {
        runner,
        command: launchPytest(addFlags(command, `--junitxml=${file} -o junit_family=xunit1`)),
        paths: [onHost(file)],
        read: (context) => {
          const xml = readIfThere(context, onHost(file));
          return xml === undefined ? undefined : readPytestJUnit(xml, context.projectDir, `JUnit XML report ${file}`);
        },
      };
    }
    case 'jest':
    case 'vitest': {
      if (/--json\b|--outputFile\b/.test(command)) return undefined;
      const file = reportPath(`${runner}.json`);
      // vitest: the default reporter stays for the person reading the output, unless the command picked its own.
      const reporters = /--reporters?\b/.test(command) ? '--reporter=json' : '--reporter=default --reporter=json';
      const flags = runner === 'jest' ? `--json --outputFile=${file}` : `${reporters} --outputFile.json=${file}`;
      return {
        runner,
        command: addFlags(command, flags),
        paths: [onHost(file)],
        read: (context) => {
          const text = readIfThere(context, onHost(file));
          return text === undefined
            ? undefined
            : readJestJson(text, runner, context.roots, `${runner} JSON report ${file}`);
        },
      };
    }
    case 'go test': {
      // factory writes this record itself, from the stream it read: it stays in the project's reports.
      const file = `${reportsFolder}/go-test.jsonl`;
      const stream = new GoTestJsonStream();
      return {
        runner,
        command: /(^|\s)-json\b/.test(command) ? command : command.replace(/\bgo\s+test\b/, 'go test -json'),
        paths: [file],
        stream,
        read: (context) => stream.result(new GoTestIds(context.projectDir), `go test -json events (kept in ${file})`),
      };
    }
    case 'cargo test': {
      // Every target runs, not only those before the first failing one; the results are read from cargo's text. Its
      // "Running tests/x.rs" lines go to stderr and the tests' lines to stdout: through two pipes they can arrive
      // out of order (a test then counted under the next target), through one they keep cargo's order.
      const allTargets = /--no-fail-fast\b/.test(command)
        ? command
        : command.replace(/\bcargo\s+test\b/, 'cargo test --no-fail-fast');
      return { runner, command: `${allTargets} 2>&1`, paths: [] };
    }
    case 'behave': {
      if (/--junit\b/.test(command)) return undefined;
      const dir = reportPath('behave');
      return {
        runner,
        command: addFlags(command, `--junit --junit-directory ${dir}`),
        paths: [onHost(dir)],
        read: (context) => {
          const full = path.resolve(context.projectDir, onHost(dir));
          return fs.existsSync(full)
            ? readBehaveJUnit(full, context.projectDir, `JUnit XML reports ${dir}/`)
            : undefined;
        },
      };
    }
    case 'cucumber': {
      if (/(--format|-f)\s+json\b/.test(command)) return undefined;
      const file = reportPath('cucumber.json');
      return {
        runner,
        command: addFlags(command, `--format json:${file}`),
        paths: [onHost(file)],
        read: (context) => {
          const text = readIfThere(context, onHost(file));
          return text === undefined ? undefined : readCucumberJson(text, context.roots, `cucumber JSON report ${file}`);
        },
      };
    }
  }
}
