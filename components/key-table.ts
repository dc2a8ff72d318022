// The README's key table, generated from the keymap (scripts/generate-key-table.mjs writes it; a test fails when it is
// stale).
import { keyLabel, keymap, type KeyScope } from './keymap.js';

const scopeNames: Record<KeyScope, string> = {
  global: 'dashboard',
  diff: 'Diff pane focused',
  overlay: 'any overlay',
  help: 'help overlay',
  redirect: 'redirect input',
  quit: 'quit question',
  limits: 'limits form',
  'limits-edit': 'limits form, editing a value',
};

export const keyTableStart =
  '<!-- keys:start (generated from components/keymap.ts by scripts/generate-key-table.mjs) -->';
export const keyTableEnd = '<!-- keys:end -->';

export function keyTable(): string {
  const rows = keymap.map(
    (binding) =>
      `| ${keyLabel(binding)
        .split('/')
        .map((key) => `\`${key === '|' ? '\\|' : key}\``)
        .join(' ')} | ${scopeNames[binding.scope]} | ${binding.description} |`,
  );
  return ['| keys | where | what it does |', '|---|---|---|', ...rows].join('\n');
}

/**
 * Puts the table between the markers in the README's text.
 * @public scripts/generate-key-table.mjs bundles this file and calls it.
 */
export function withKeyTable(readme: string): string {
  const start = readme.indexOf(keyTableStart);
  const end = readme.indexOf(keyTableEnd);
  if (start < 0 || end < start) throw new Error(`README.md has no ${keyTableStart} … ${keyTableEnd} markers`);
  return `${readme.slice(0, start + keyTableStart.length)}\n${keyTable()}\n${readme.slice(end)}`;
}
