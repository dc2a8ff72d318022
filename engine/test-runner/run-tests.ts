// Runs the test command in the sandbox, streaming its output as events, and reads the result: the runner's report where
// factory could ask for one (runner-report.ts), else its text output.
import fs from 'node:fs';
import path from 'node:path';
import type { ExecResult, Sandbox } from '../sandbox/sandbox.js';
import { outputCap } from '../sandbox/sandbox.js';
import { CappedText } from '../util/capped-text.js';
import { errorMessage } from '../util/errors.js';
import { parseTestOutput } from './parse-test-output.js';
import { requestReport, type ReportRequest } from './runner-report.js';
import type { ParsedRun, ResultContext, TestSummary } from './test-result.js';

export type TestRunOptions = {
  command: string;
  /** The project on the host: reports are read from its .factory/reports/, wherever the command ran. */
  projectDir: string;
  timeoutSeconds: number;
  signal: AbortSignal;
  onOutput: (text: string) => void;
};

export async function runTests(sandbox: Sandbox, options: TestRunOptions): Promise<TestSummary> {
  const request = requestReport(options.command);
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
  const ran = await sandbox.exec(request?.command ?? options.command, { timeoutMs, onOutput, signal: options.signal });
  let run: ExecResult = ran;
  if (stream) {
    const rest = stream.finish();
    shown.append(rest);
    if (rest) options.onOutput(rest);
    const [recordTo] = request.paths;
    if (recordTo !== undefined) fs.writeFileSync(path.join(options.projectDir, recordTo), stream.recorded());
    run = { ...ran, output: shown.toString(), truncated: shown.truncated };
  }
  const { report, why } = readReport(request, context);
  return parseTestOutput(options.command, run, context, report, why);
}

/** The report folder exists (the runner does not always make it) and holds nothing from an earlier run. */
function clearReports(projectDir: string, paths: string[]): void {
  for (const file of paths) {
    const full = path.join(projectDir, file);
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
