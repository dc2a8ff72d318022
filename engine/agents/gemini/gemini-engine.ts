// The gemini engine: Gemini CLI's command lines, stream parser and JSON answer, and hints for the errors users can fix.
import path from 'node:path';
import type { CliEngine, OwnFolders, SupervisorAnswer } from '../cli/cli-engine.js';
import { geminiSupervisorArgs, geminiToolsEnv, geminiWorkerArgs } from './gemini-args.js';
import { geminiStreamParser } from './gemini-stream.js';

type TokenCounts = { tokens?: { prompt?: number; candidates?: number } };
type JsonOutput = { response?: string; error?: { message?: string }; stats?: { models?: Record<string, TokenCounts> } };

export function geminiEngine(binary = 'gemini'): CliEngine {
  return {
    name: 'gemini',
    binary,
    installHint: 'npm install -g @google/gemini-cli',
    workerArgs: geminiWorkerArgs,
    toolsEnv: geminiToolsEnv,
    streamParser: geminiStreamParser,
    supervisorArgs: geminiSupervisorArgs,
    readAnswer,
    ownFolders,
    explain,
  };
}

/** ~/.gemini: settings, login, its temp files and history. */
function ownFolders(home: string): OwnFolders {
  return { create: [path.join(home, '.gemini')], ifPresent: [] };
}

/** `--output-format json` prints one object: response, stats per model, or error. */
function readAnswer(stdout: string): SupervisorAnswer {
  let output: JsonOutput;
  try {
    // Warnings may come before the JSON object on stdout.
    output = JSON.parse(stdout.slice(Math.max(0, stdout.indexOf('{')))) as JsonOutput;
  } catch {
    return { garbage: stdout.trim().slice(0, 200) };
  }
  const models = Object.values(output.stats?.models ?? {});
  const sum = (pick: (counts: TokenCounts) => number | undefined): number | undefined =>
    models.length === 0 ? undefined : models.reduce((total, counts) => total + (pick(counts) ?? 0), 0);
  return {
    text: output.response,
    error: output.error?.message,
    inputTokens: sum((counts) => counts.tokens?.prompt),
    outputTokens: sum((counts) => counts.tokens?.candidates),
  };
}

/** The rate limit comes first: Gemini's quota message also mentions auth methods. */
function explain(error: string): string {
  if (/quota|\b429\b|rate limit|RESOURCE_EXHAUSTED/i.test(error))
    return `${error} — rate limited by the API; wait and resume, or use a key with a higher limit`;
  if (/auth method|GEMINI_API_KEY|API key not valid|\b401\b|\b403\b/i.test(error))
    return `${error} — set GEMINI_API_KEY (or choose an auth method by running \`gemini\` once)`;
  if (/ECONNREFUSED|fetch failed|ENOTFOUND|unable to connect/i.test(error))
    return `${error} — the API endpoint is unreachable (check GOOGLE_GEMINI_BASE_URL and the network)`;
  return error;
}
