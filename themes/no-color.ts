// What NO_COLOR gets: no colour at all, emphasis by inverse video and bold only.
import type { Theme } from './theme.js';

export const noColor: Theme = { name: 'no-color', inverseEmphasis: true };
