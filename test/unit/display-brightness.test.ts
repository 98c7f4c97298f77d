import { describe, expect, it } from 'vitest';
import { brightnessFilter } from '../../renderer/src/display/brightness';

// The browser e2e (display-settings.spec.ts) sees the browser-mode half of this rule; the desktop
// shell's dimming needs Electron, which the test machines cannot download.
describe('screen brightness', () => {
  it('dims the page in the desktop shell by the percent chosen', () => {
    expect(brightnessFilter(60, true)).toBe('brightness(0.6)');
    expect(brightnessFilter(30, true)).toBe('brightness(0.3)');
  });

  it('leaves full brightness and a browser page (the system sets its brightness) undimmed', () => {
    expect(brightnessFilter(100, true)).toBe('');
    expect(brightnessFilter(60, false)).toBe('');
  });
});
