// Chooses the palette: NO_COLOR wins, then the --theme flag, then the saved choice, then dark.
import { UserError } from '../engine/util/errors.js';
import { dark } from './dark.js';
import { highContrast } from './high-contrast.js';
import { light } from './light.js';
import { noColor } from './no-color.js';
import type { Theme } from './theme.js';

/** @internal the tests render every theme. */
export const themes: Record<string, Theme> = { dark, light, 'high-contrast': highContrast };
const themeNames = Object.keys(themes);

export function pickTheme(
  flag: string | undefined,
  saved: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Theme {
  // https://no-color.org: any non-empty value turns colour off.
  if (env.NO_COLOR) return noColor;
  const name = flag ?? saved ?? 'dark';
  const theme = themes[name];
  if (!theme)
    throw new UserError(
      `${flag ? '--theme' : 'the saved theme (conf key "theme")'} is "${name}"; allowed: ${themeNames.join(', ')}`,
    );
  return theme;
}
