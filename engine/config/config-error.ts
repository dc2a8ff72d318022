// A bad setting, named by file, line and key, with what is allowed.
import { UserError } from '../util/errors.js';

export type ConfigProblem = { file: string; line?: number; key?: string; message: string };

export class ConfigError extends UserError {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.message}`;
}
