// Checks a setting changed while a run goes on (`factory set`, the dashboard's form): a live key, validated like the
// file.
import { checkSetting } from './check-setting.js';
import { formatProblem } from './config-error.js';
import { configKeys, findKey } from './keys.js';

export const liveKeys: readonly string[] = configKeys
  .filter((definition) => 'live' in definition && definition.live)
  .map((definition) => definition.key);

export function checkLiveSetting(key: string, value: string, source: string): { value: string } | { message: string } {
  const definition = findKey(key);
  if (definition && !definition.live)
    return {
      message: `${source}: ${key} cannot change while a run goes on; settings that can: ${liveKeys.join(', ')}`,
    };
  const checked = checkSetting(key, value, source);
  return 'problem' in checked ? { message: formatProblem(checked.problem) } : checked;
}
