// Gemini CLI policy files: the worker gets no shell on the host (the factory runs the tests in its sandbox), no web
// tools, no edits to .git/ or the locked tests; the read-only roles get no edit tool at all.
import fs from 'node:fs';
import path from 'node:path';

/** Above every built-in rule, --approval-mode's included (user policies rank over the defaults). */
const priority = 900;
const editTools = '["write_file", "replace"]';
const neverTools = '["run_shell_command", "web_fetch", "google_web_search"]';

/** tools: factory's own MCP tools, allowed without asking (they run in factory's sandbox, not on the host). */
export function writeWorkerPolicy(
  scratchDir: string,
  projectDir: string,
  lockedPaths: ReadonlySet<string>,
  tools: readonly string[] = [],
): string {
  const project = `(${escapeRegex(projectDir)}/)?(\\./)?`;
  const protectedPaths = [`${escapeRegex('.git')}(/.*)?`, ...[...lockedPaths].map(escapeRegex)];
  const rules = [
    rule(neverTools, undefined),
    ...protectedPaths.map((file) => rule(editTools, `"file_path":"${project}${file}"`)),
    ...(tools.length > 0 ? [factoryToolsRule(tools)] : []),
  ];
  return writePolicy(scratchDir, rules);
}

/** The architect and the supervisor: reading only. */
export function writeReadOnlyPolicy(scratchDir: string): string {
  return writePolicy(scratchDir, [rule(neverTools, undefined), rule(editTools, undefined)]);
}

function writePolicy(scratchDir: string, rules: string[]): string {
  const file = path.join(scratchDir, 'factory-policy.toml');
  fs.writeFileSync(file, rules.join('\n'));
  return file;
}

function rule(toolName: string, argsPattern: string | undefined): string {
  // JSON string syntax is valid TOML basic-string syntax, escapes included.
  const pattern = argsPattern === undefined ? '' : `argsPattern = ${JSON.stringify(argsPattern)}\n`;
  return `[[rule]]\ntoolName = ${toolName}\n${pattern}decision = "deny"\npriority = ${priority}\n`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function factoryToolsRule(tools: readonly string[]): string {
  return (
    `[[rule]]\nmcpName = "factory"\ntoolName = ${JSON.stringify(tools)}\n` +
    `decision = "allow"\npriority = ${priority}\n`
  );
}
