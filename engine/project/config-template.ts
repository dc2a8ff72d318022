// The documented factory_config.md that `factory init` writes: every setting with its default and allowed values.
import { configKeys } from '../config/keys.js';
import { describeAllowed } from '../config/validate-value.js';

export function renderConfigTemplate(overrides: Record<string, string> = {}): string {
  const lines = [
    '# factory configuration',
    '',
    'One `KEY=value` per line, the key in upper case (`max_rounds=` is an error); everything else in this file ' +
      'is ignored,',
    'so write notes freely. A `#` after a space starts a comment (`MAX_ROUNDS=5 # per task`), but not inside quotes:',
    "a test command such as sh -c 'echo #1; pytest' keeps its `#`. Quotes around a whole value are removed.",
    'Command-line flags override these values, and these override your user defaults.',
    '',
  ];
  for (const definition of configKeys) {
    lines.push(
      `## ${definition.key}`,
      '',
      `${definition.doc} Allowed: ${describeAllowed(definition.spec)}.` +
        ('live' in definition ? ' Can be changed while a run goes on (`factory set`).' : ''),
      '',
      `${definition.key}=${overrides[definition.key] ?? definition.default}`,
      '',
    );
  }
  return lines.join('\n');
}
