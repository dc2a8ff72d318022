// A Gemini CLI policy file for the worker: no shell on the host (the factory runs the tests in its sandbox), no edits to locked tests.
import fs from 'node:fs';
import path from 'node:path';

/** Above --yolo's allow-everything rule (user policies rank over the defaults). */
const priority = 900;

export function writeWorkerPolicy(scratchDir: string, projectDir: string, lockedPaths: ReadonlySet<string>): string {
  const project = `(${escapeRegex(projectDir)}/)?(\\./)?`;
  // .git/ needs no rule: Gemini CLI refuses it as outside the workspace.
  const rules = [
    rule('"run_shell_command"', undefined),
    ...[...lockedPaths].map((file) => rule('["write_file", "replace"]', `"file_path":"${project}${escapeRegex(file)}"`)),
  ];
  const file = path.join(scratchDir, 'factory-worker-policy.toml');
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
