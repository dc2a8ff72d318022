// Checks one KEY=value the same way everywhere (config file, flags, user defaults, `factory set`).
import { findKey, keyNames } from './keys.js';
import { checkValue } from './validate-value.js';
import type { ConfigProblem } from './config-error.js';
import { caseHint, suggest } from './suggest.js';

export function checkSetting(
  key: string,
  raw: string,
  file: string,
  line?: number,
): { value: string } | { problem: ConfigProblem } {
  const definition = findKey(key);
  if (!definition && key !== key.toUpperCase()) {
    const hint = caseHint(key);
    const meant = hint ? `: did you mean ${hint}?` : `; known settings: ${keyNames.join(', ')}`;
    return { problem: { file, line, key, message: `unknown setting ${key}: setting names are upper case${meant}` } };
  }
  if (!definition) {
    const hint = suggest(key, keyNames);
    return {
      problem: {
        file,
        line,
        key,
        message:
          `unknown setting ${key}${hint ? ` (did you mean ${hint}?)` : ''}; known settings: ` +
          `${keyNames.join(', ')}`,
      },
    };
  }
  const checked = checkValue(definition.spec, raw);
  if (!checked.ok)
    return { problem: { file, line, key, message: `${key}=${raw} is not allowed: expected ${checked.allowed}` } };
  return { value: checked.value };
}
