// Hands the chosen palette to every component; components read semantic tokens from it, never raw colours.
import { createContext, useContext } from 'react';
import { dark } from '../themes/dark.js';
import type { Theme } from '../themes/theme.js';

export const ThemeContext = createContext<Theme>(dark);

export const useTheme = (): Theme => useContext(ThemeContext);
