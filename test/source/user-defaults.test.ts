// The user's defaults are read without conf from the very file conf writes, on every platform's path rule it uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { readUserDefaults, saveUserTheme, userDefaultsFile, userSettings } from '../../source/user-defaults.js';

const saved = { home: process.env.FACTORY_HOME, xdg: process.env.XDG_CONFIG_HOME };
const temp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'factory-defaults-'));
afterEach(() => {
  for (const [key, value] of [
    ['FACTORY_HOME', saved.home],
    ['XDG_CONFIG_HOME', saved.xdg],
  ] as const)
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
});

describe('user defaults', () => {
  it('reads what conf saved under FACTORY_HOME, and nothing but defaults when there is no file', async () => {
    process.env.FACTORY_HOME = temp();
    expect(readUserDefaults()).toEqual({ settings: {} });
    await saveUserTheme('light');
    new Conf({ projectName: 'factory', cwd: process.env.FACTORY_HOME }).set('settings', { AI_ENGINE: 'ollama' });
    expect(readUserDefaults().theme).toBe('light');
    expect(userSettings()).toEqual({ AI_ENGINE: 'ollama' });
  });

  it.skipIf(process.platform !== 'linux')('finds the file where conf puts it without FACTORY_HOME', () => {
    delete process.env.FACTORY_HOME;
    process.env.XDG_CONFIG_HOME = temp();
    const store = new Conf({ projectName: 'factory', defaults: { settings: {} } });
    store.set('theme', 'high-contrast');
    expect(userDefaultsFile()).toBe(store.path);
    expect(readUserDefaults().theme).toBe('high-contrast');
  });

  it('says which file is broken rather than throwing a parse error', () => {
    process.env.FACTORY_HOME = temp();
    fs.writeFileSync(path.join(process.env.FACTORY_HOME, 'config.json'), '{ not json');
    expect(() => readUserDefaults()).toThrow(`your defaults in ${userDefaultsFile()} are not valid JSON`);
  });
});
