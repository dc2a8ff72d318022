// The claude engine: Claude Code's command lines, stream parser and JSON answer, and hints for the errors users can
// fix.
import path from 'node:path';
import type { CliEngine, OwnFolders, SupervisorAnswer } from '../cli/cli-engine.js';
import { projectPath } from '../cli/tool-detail.js';
import { claudeSupervisorArgs, claudeWorkerArgs } from './claude-args.js';
import { claudeStreamParser } from './claude-stream.js';

export function claudeEngine(binary = 'claude'): CliEngine {
  return {
    name: 'claude',
    binary,
    installHint: 'npm install -g @anthropic-ai/claude-code',
    workerArgs: claudeWorkerArgs,
    // factory's two tools are sent with the others, not deferred behind ToolSearch (a round trip for every call).
    toolsEnv: () => ({ ENABLE_TOOL_SEARCH: 'false' }),
    streamParser: claudeStreamParser,
    supervisorArgs: claudeSupervisorArgs,
    readAnswer,
    ownFolders,
    explain,
  };
}

/** Its config folder (login, sessions; CLAUDE_CONFIG_DIR moves it), ~/.claude.json beside it, its cache. */
function ownFolders(home: string, env: Record<string, string | undefined>): OwnFolders {
  const config = env.CLAUDE_CONFIG_DIR || path.join(home, '.claude');
  return {
    create: [config],
    ifPresent: [path.join(home, '.claude.json'), path.join(home, '.cache', 'claude-cli-nodejs')],
  };
}

type Denial = { tool_name?: string; tool_input?: { file_path?: unknown; notebook_path?: unknown } };

/** `--output-format json` prints one result object: the answer text, cost and usage. */
function readAnswer(stdout: string, projectDir: string): SupervisorAnswer {
  let result: { result?: string; permission_denials?: Denial[] };
  try {
    result = JSON.parse(stdout) as { result?: string; permission_denials?: Denial[] };
  } catch {
    return { garbage: stdout.trim().slice(0, 200) };
  }
  // The JSON result has the same fields as the stream's last event.
  const parser = claudeStreamParser('.');
  parser.line(JSON.stringify(result));
  const outcome = parser.finish();
  if (!outcome.done) return { garbage: stdout.trim().slice(0, 200) };
  const refused = (result.permission_denials ?? []).flatMap((denial) => {
    const file = projectPath(projectDir, denial.tool_input?.file_path ?? denial.tool_input?.notebook_path);
    return file ? [{ path: file, reason: `${denial.tool_name ?? 'edit'} denied: the supervisor may only read` }] : [];
  });
  return {
    text: result.result,
    error: outcome.error,
    costUsd: outcome.costUsd,
    inputTokens: outcome.inputTokens,
    outputTokens: outcome.outputTokens,
    refused,
  };
}

function explain(error: string): string {
  if (/\(HTTP 429\)|rate limit/i.test(error))
    return `${error} — rate limited by the API; wait and resume, or use a key with a higher limit`;
  if (/not logged in|invalid api key|authentication|x-api-key|\(HTTP 401\)/i.test(error))
    return `${error} — set ANTHROPIC_API_KEY, or log in by running \`claude\` once`;
  if (/unable to connect|ECONNREFUSED|ConnectionRefused|fetch failed/i.test(error))
    return `${error} — the API endpoint is unreachable (check ANTHROPIC_BASE_URL and the network)`;
  return error;
}
