// The user's own defaults (any setting, e.g. AI_ENGINE or the theme), kept with conf outside every project.
import Conf from 'conf';

type Store = { settings: Record<string, string>; theme?: string };

export function userDefaultsStore(): Conf<Store> {
  // FACTORY_HOME keeps tests and CI away from the real user's defaults.
  return new Conf<Store>({ projectName: 'factory', cwd: process.env.FACTORY_HOME, defaults: { settings: {} } });
}

export function userSettings(): Record<string, string> {
  return userDefaultsStore().get('settings');
}
