import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../main/host/electron-policy/window-options';

describe('windowOptions', () => {
  const packaged = windowOptions({ preload: '/app/out/preload/index.js', devTools: false });
  const web = packaged.webPreferences ?? {};

  it('isolates, sandboxes and keeps Node out of the page', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and every risky feature off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.disableBlinkFeatures).toBe('Auxclick');
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('additionalArguments');
  });

  it('loads the given preload', () => {
    expect(web.preload).toBe('/app/out/preload/index.js');
  });

  it('has dev tools only when asked (unpackaged builds)', () => {
    expect(web.devTools).toBe(false);
    expect(windowOptions({ preload: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until the page is ready', () => {
    expect(packaged.show).toBe(false);
  });
});
