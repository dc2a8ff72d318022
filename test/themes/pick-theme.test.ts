// Theme choice: NO_COLOR wins, then --theme, then the saved choice, then dark; a wrong name says what is allowed.
import { describe, expect, it } from 'vitest';
import { pickTheme } from '../../themes/pick-theme.js';
import { UserError } from '../../engine/util/errors.js';

describe('pickTheme', () => {
  it('prefers NO_COLOR, then the flag, then the saved theme, then dark', () => {
    expect(pickTheme('light', 'dark', { NO_COLOR: '1' }).name).toBe('no-color');
    expect(pickTheme('light', 'high-contrast', {}).name).toBe('light');
    expect(pickTheme(undefined, 'high-contrast', {}).name).toBe('high-contrast');
    expect(pickTheme(undefined, undefined, {}).name).toBe('dark');
    expect(pickTheme(undefined, undefined, { NO_COLOR: '' }).name).toBe('dark');
  });

  it('names the setting and the allowed themes when the name is wrong', () => {
    expect(() => pickTheme('solarized', undefined, {})).toThrow(
      new UserError('--theme is "solarized"; allowed: dark, light, high-contrast'),
    );
    expect(() => pickTheme(undefined, 'pink', {})).toThrow(/the saved theme \(conf key "theme"\) is "pink"/);
  });
});
