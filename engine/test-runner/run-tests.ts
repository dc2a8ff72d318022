// Runs the test command in the sandbox, streaming its output as events, and reads the result: the runner's report where
// factory could ask for one (runner-report.ts), else its text output.
import fs from 'node:fs';
import path from 'node:path';
import type { ExecResult, Sandbox } from '../sandbox/sandbox.js';
import { outputCap } from '../sandbox/sandbox.js';
import { CappedText } from '../util/capped-text.js';
import { errorMessage } from '../util/errors.js';
import { parseTestOutput } from './parse-test-output.js';
import { requestReport, type ReportRequest, type ResultContext } from './runner-report.js';
import type { ParsedRun, TestSummary } from '../contract/test-summary.js';
import {
  canariesFor,
  checkVerdict,
  openVerdictFolder,
  type VerdictFolder,
  type VerdictOptions,
} from './verdict-run.js';

export type TestRunOptions = {
  command: string;
  /** The project on the host: reports are read from its .factory/reports/, wherever the command ran. */
  projectDir: string;
  timeoutSeconds: number;
  signal: AbortSignal;
  onOutput: (text: string) => void;
  /** A run that decides a verdict: report outside the project, canaries, no silent fallback (verdict-run.ts). */
  verdict?: VerdictOptions;
};

export async function runTests(sandbox: Sandbox, options: TestRunOptions): Promise<TestSummary> {
  const folder = options.verdict ? openVerdictFolder(sandbox) : undefined;
  try {
    return await runIn(sandbox, options, folder);
  } finally {
    folder?.remove();
  }
}

async function runIn(
  sandbox: Sandbox,
  options: TestRunOptions,
  folder: VerdictFolder | undefined,
): Promise<TestSummary> {
  const request = requestReport(options.command, folder);
  const canaries = folder && request ? canariesFor(request.runner, folder) : undefined;
  const command = request ? (canaries?.command(request.command) ?? request.command) : options.command;
  const roots = [...new Set([options.projectDir, sandbox.projectRoot])];
  const context: ResultContext = { projectDir: options.projectDir, roots };
  if (request) clearReports(options.projectDir, request.paths);
  const shown = new CappedText(outputCap);
  const stream = request?.stream;
  const onOutput = stream
    ? (chunk: string): void => {
        const text = stream.push(chunk);
        shown.append(text);
        if (text) options.onOutput(text);
      }
    : options.onOutput;
  const timeoutMs = options.timeoutSeconds * 1000;
  const writableDirs = folder && !sandbox.verdictMount ? [folder.host] : undefined;
  const ran = await sandbox.exec(command, { timeoutMs, onOutput, signal: options.signal, writableDirs });
  let run: ExecResult = ran;
  if (stream) {
    const rest = stream.finish();
    shown.append(rest);
    if (rest) options.onOutput(rest);
    const [recordTo] = request.paths;
    if (recordTo !== undefined) fs.writeFileSync(path.resolve(options.projectDir, recordTo), stream.recorded());
    run = { ...ran, output: shown.toString(), truncated: shown.truncated };
  }
  const { report, why } = readReport(request, context);
  const verdict = options.verdict && checkVerdict(report, why, run.exitCode, canaries, options.verdict, run.output);
  const exitCode = verdict ? verdict.exitCode : run.exitCode;
  const summary = parseTestOutput(options.command, { ...run, exitCode }, context, verdict?.run ?? report, why);
  return verdict?.untrusted ? untrusted(summary, verdict.untrusted) : summary;
}

/** A run that cannot count: red, the reason in its headline and at the end of its output. */
function untrusted(summary: TestSummary, reason: string): TestSummary {
  return {
    ...summary,
    green: false,
    untrusted: reason,
    headline: `${summary.headline} — not trusted: ${reason}`,
    output: `${summary.output}\n\nfactory: this test run does not count: ${reason}\n`,
  };
}

/** The report folder exists (the runner does not always make it) and holds nothing from an earlier run. */
function clearReports(projectDir: string, paths: string[]): void {
  for (const file of paths) {
    const full = path.resolve(projectDir, file);
    fs.rmSync(full, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(full), { recursive: true });
  }
}

function readReport(request: ReportRequest | undefined, context: ResultContext): { report?: ParsedRun; why?: string } {
  if (!request?.read) return {};
  const where = request.paths[0];
  try {
    const report = request.read(context);
    return report ? { report } : { why: `no report: ${where} was not written` };
  } catch (error) {
    return { why: `report ${where} unreadable: ${errorMessage(error).split('\n')[0]}` };
  }
}
