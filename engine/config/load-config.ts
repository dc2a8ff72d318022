// Resolves the run's settings: CLI flags over factory_config.md over user defaults over built-in defaults.
import fs from 'node:fs';
import path from 'node:path';
import { configKeys } from './keys.js';
import { checkSetting } from './check-setting.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { decodeConfigBytes, parseConfigText } from './parse-config-file.js';
import { toFactoryConfig, type FactoryConfig } from './factory-config.js';

export const configFileName = 'factory_config.md';

export type ConfigSources = {
  /** Settings given on the command line, KEY -> raw value. */
  flags?: Record<string, string>;
  /** The user's saved defaults (conf), KEY -> raw value. */
  userDefaults?: Record<string, string>;
};

export function loadConfig(projectDir: string, sources: ConfigSources = {}): FactoryConfig {
  const file = path.join(projectDir, configFileName);
  const problems: ConfigProblem[] = [];
  const values: Record<string, string> = Object.fromEntries(
    configKeys.map((definition) => [definition.key, definition.default]),
  );

  apply(sources.userDefaults ?? {}, 'user defaults (factory defaults)', values, problems);
  if (!fs.existsSync(file)) {
    problems.push({ file: configFileName, message: `not found in ${projectDir}; create it with \`factory init\`` });
  } else {
    const decoded = decodeConfigBytes(fs.readFileSync(file), configFileName);
    if ('problem' in decoded) problems.push(decoded.problem);
    else {
      const parsed = parseConfigText(decoded.text, configFileName);
      for (const problem of parsed.problems) problems.push(problem);
      for (const [key, setting] of parsed.settings) values[key] = setting.value;
    }
  }
  apply(sources.flags ?? {}, 'command line', values, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return toFactoryConfig(values);
}

function apply(
  entries: Record<string, string>,
  source: string,
  values: Record<string, string>,
  problems: ConfigProblem[],
): void {
  for (const [key, raw] of Object.entries(entries)) {
    const result = checkSetting(key, raw, source);
    if ('problem' in result) problems.push(result.problem);
    else values[key] = result.value;
  }
}
