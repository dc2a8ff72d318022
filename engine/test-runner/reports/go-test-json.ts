// `go test -json` read as it streams: the user sees go's own text (each event's Output), factory keeps each test's
// result.
import { CappedText } from '../../util/capped-text.js';
import type { ParsedRun, TestOutcome } from '../../contract/test-summary.js';
import type { GoTestIds } from './go-test-ids.js';
import { tally, type ReportedTest } from './tally.js';

type GoEvent = { Action?: string; Package?: string; Test?: string; Output?: string };

const outcomes: Record<string, TestOutcome> = { pass: 'passed', fail: 'failed', skip: 'skipped' };
/** go 1.19 prints a package that did not build as plain text among the events. */
const buildFailed = /^FAIL\s+(\S+)\s+\[(?:build|setup) failed\]/;
/** go's own lines around a test, not the test's message. */
const framing = /^\s*(=== (RUN|PAUSE|CONT|NAME)|--- (PASS|FAIL|SKIP):)/;
/** The events kept for .factory/reports/go-test.jsonl: the results themselves never depend on this cap. */
const recordCap = 16 * 1024 * 1024;

export class GoTestJsonStream {
  private partial = '';
  private sawEvent = false;
  private readonly results: { pkg: string; test?: string; outcome: TestOutcome }[] = [];
  private readonly messages = new Map<string, string>();
  private readonly failedPackages = new Set<string>();
  private readonly raw = new CappedText(recordCap);

  /** Takes a chunk of go's output and returns the text a person would have seen for the complete lines in it. */
  push(chunk: string): string {
    const text = this.partial + chunk;
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.partial = text;
      return '';
    }
    this.partial = text.slice(end + 1);
    const complete = text.slice(0, end + 1);
    this.raw.append(complete);
    return complete
      .split('\n')
      .slice(0, -1)
      .map((line) => this.line(line))
      .join('');
  }

  /** The rest of the output, at the end of the run. */
  finish(): string {
    const rest = this.partial;
    this.partial = '';
    if (!rest) return '';
    this.raw.append(rest);
    return this.line(rest);
  }

  /** Every line go printed, events and plain text, for the report file. */
  recorded(): string {
    return this.raw.toString();
  }

  /** The run's results, or undefined when go printed no event at all (it did not start, or not with -json). */
  result(ids: GoTestIds, source: string): ParsedRun | undefined {
    if (!this.sawEvent && this.failedPackages.size === 0) return undefined;
    const reported: ReportedTest[] = [];
    const packagesWithFailures = new Set(
      this.results.filter((item) => item.test && item.outcome === 'failed').map((item) => item.pkg),
    );
    for (const item of this.results) {
      if (item.test) {
        const id = ids.id(item.pkg, item.test);
        reported.push({ id, outcome: item.outcome, message: this.messages.get(`${item.pkg}\n${item.test}`) });
      } else if (item.outcome === 'failed' && !packagesWithFailures.has(item.pkg)) {
        // The package failed with no failing test: its init, TestMain or the test binary itself.
        reported.push({
          id: ids.id(item.pkg),
          outcome: 'errored',
          message: this.messages.get(item.pkg) ?? `package ${item.pkg} failed`,
        });
      }
    }
    for (const pkg of this.failedPackages)
      reported.push({ id: ids.id(pkg), outcome: 'errored', message: `package ${pkg} did not build` });
    return tally('go test', source, reported);
  }

  private line(line: string): string {
    const event = parseEvent(line);
    if (!event) {
      const [, failed] = buildFailed.exec(line) ?? [];
      if (failed !== undefined) this.failedPackages.add(failed);
      return `${line}\n`;
    }
    this.sawEvent = true;
    const pkg = event.Package ?? '';
    const outcome = event.Action ? outcomes[event.Action] : undefined;
    if (outcome && (event.Test || event.Action !== 'skip')) this.results.push({ pkg, test: event.Test, outcome });
    if (event.Action === 'output' && event.Output) {
      const key = event.Test ? `${pkg}\n${event.Test}` : pkg;
      const text = event.Output.trim();
      if (text && !framing.test(event.Output) && !this.messages.has(key) && !/^(PASS|FAIL|ok\s)/.test(text))
        this.messages.set(key, text);
    }
    return event.Output ?? '';
  }
}

function parseEvent(line: string): GoEvent | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const event = JSON.parse(line) as unknown;
    return typeof event === 'object' && event !== null && 'Action' in event ? (event as GoEvent) : undefined;
  } catch {
    return undefined;
  }
}
