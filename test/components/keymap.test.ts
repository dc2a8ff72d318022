// The key registry: every binding described, keys unique per scope, every footer binding handled, the README table current.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialDashboard } from '../../components/dashboard-state.js';
import { keyActions } from '../../components/key-actions.js';
import { keyTable, keyTableEnd, keyTableStart } from '../../components/key-table.js';
import { keyIds, keymap } from '../../components/keymap.js';

describe('keymap', () => {
  it('describes every id once, with a footer word', () => {
    expect(keymap.map((binding) => binding.id).sort()).toEqual([...keyIds].sort());
    for (const binding of keymap) {
      expect(binding.description.length, binding.id).toBeGreaterThan(8);
      expect(binding.short.length, binding.id).toBeGreaterThan(0);
      expect(binding.keys.length, binding.id).toBeGreaterThan(0);
    }
  });

  it('never gives one key two meanings in a scope', () => {
    const seen = new Map<string, string>();
    for (const binding of keymap) {
      for (const key of binding.keys) {
        const slot = `${binding.scope}:${key}`;
        expect(seen.get(slot), `${slot} is bound to ${seen.get(slot)} and ${binding.id}`).toBeUndefined();
        seen.set(slot, binding.id);
      }
    }
  });

  it('has a handler for every binding the footer shows', () => {
    const handlers = keyActions({
      state: initialDashboard(),
      dispatch: () => undefined,
      send: () => undefined,
      quit: () => undefined,
      page: 5,
    });
    for (const binding of keymap.filter((entry) => entry.footer))
      expect(typeof handlers[binding.id], binding.id).toBe('function');
  });

  it('matches the key table in README.md (regenerate with node scripts/generate-key-table.mjs)', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(keyTableStart);
    const end = readme.indexOf(keyTableEnd);
    expect(start, 'README.md lacks the key table markers').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start + keyTableStart.length, end).trim()).toBe(keyTable());
  });
});
