// Run options as data: `factory tui` and `factory tmux` hand them to the run they start in a JSON file under .factory/,
// checked by the schema that also gives their type, instead of turning them back into arguments to parse again.
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { factoryPaths } from '../../engine/reports/factory-dir.js';
import { UserError } from '../../engine/util/errors.js';
import { flagAttribute, flagKeys, type FlagValues } from './flag-keys.js';

/** A field for each flag of the key table, typed by the same table (flag-keys.ts). */
const flagFields = Object.fromEntries(
  flagKeys.map((definition) => [flagAttribute(definition.flag), z.string().optional()]),
) as {
  [Field in keyof FlagValues]-?: z.ZodOptional<z.ZodString>;
};

/** The flags that set factory_config.md keys (also used by `factory bench suite`). */
const settingOptionsSchema = z.object({ set: z.array(z.string()), ...flagFields });

/** Everything that starts a run; other fields (a dashboard's --pane, --theme) are dropped when it is written. */
export const runOptionsSchema = settingOptionsSchema.extend({
  dir: z.string(),
  allowDirty: z.boolean().optional(),
  unlock: z.array(z.string()).optional(),
});

export type SettingOptions = z.infer<typeof settingOptionsSchema>;
export type RunOptions = z.infer<typeof runOptionsSchema>;

const runOptionsFile = (projectDir: string): string => path.join(factoryPaths(projectDir).root, 'run-options.json');

/** Writes the run options of the run about to start in projectDir (its folder made absolute); returns the file. */
export function writeRunOptions(projectDir: string, options: RunOptions): string {
  const file = runOptionsFile(projectDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const data = runOptionsSchema.parse({ ...options, dir: projectDir });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** --options-file: the options in the file take the place of the run options on the command line. */
export function withOptionsFile<T extends RunOptions & { optionsFile?: string }>(options: T): T {
  if (options.optionsFile === undefined) return options;
  const { optionsFile, ...rest } = options;
  return { ...rest, ...readRunOptions(optionsFile) } as T;
}

function readRunOptions(file: string): RunOptions {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`--options-file ${file}: cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = runOptionsSchema.strict().safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
  throw new UserError(`--options-file ${file}: not run options (${problems.join('; ')})`);
}
