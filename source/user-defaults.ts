// The user's own defaults (any setting, e.g. AI_ENGINE or the theme), kept with conf outside every project.
// They are read without conf: conf loads a JSON-schema validator, which was a good part of a dashboard's start-up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../engine/util/errors.js';

export type UserDefaults = { settings: Record<string, string>; theme?: string };

const projectName = 'factory';

/**
 * The file conf keeps them in: under FACTORY_HOME (tests and
 * CI), else the platform's config folder as env-paths names it.
 * @internal the tests read the file it names.
 */
export function userDefaultsFile(): string {
  return path.resolve(process.env.FACTORY_HOME || configFolder(`${projectName}-nodejs`), 'config.json');
}

function configFolder(name: string): string {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', name);
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA || path.join(home, 'AppData', 'Roaming'), name, 'Config');
  return path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), name);
}

export function readUserDefaults(): UserDefaults {
  const file = userDefaultsFile();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: {} };
    throw error;
  }
  try {
    const stored = JSON.parse(text) as Partial<UserDefaults>;
    return { ...stored, settings: stored.settings ?? {} };
  } catch {
    throw new UserError(`your defaults in ${file} are not valid JSON: fix the file or delete it`);
  }
}

export function userSettings(): Record<string, string> {
  return readUserDefaults().settings;
}

/** Written through conf (atomic writes, the file's mode), loaded only when something is saved. */
export async function saveUserTheme(theme: string): Promise<void> {
  const { default: Conf } = await import('conf');
  const store = new Conf<UserDefaults>({ projectName, cwd: process.env.FACTORY_HOME, defaults: { settings: {} } });
  store.set('theme', theme);
}
