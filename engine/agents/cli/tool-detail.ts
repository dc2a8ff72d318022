// Short one-line descriptions of an agent's tool calls and the paths they touch, shared by the CLI stream parsers.
import path from 'node:path';

/** The path a tool call names, relative to the project when inside it. */
export function projectPath(projectDir: string, file: unknown): string | undefined {
  if (typeof file !== 'string' || file === '') return undefined;
  const relative = path.relative(projectDir, path.resolve(projectDir, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * The most telling argument of a tool call: its path, command or pattern, else its arguments as JSON, cut to one line.
 */
export function toolDetail(projectDir: string, input: Record<string, unknown>): string {
  const file = projectPath(projectDir, input.file_path ?? input.notebook_path ?? input.absolute_path ?? input.path);
  const main = file ?? input.command ?? input.pattern ?? input.url ?? JSON.stringify(input);
  const line = String(main).replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
