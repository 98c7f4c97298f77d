import type { BrowserWindowConstructorOptions } from 'electron';

// The one place the window's powers are written down. Defaults are spelled out anyway: they
// are the security boundary, and Electronegativity (and a reviewer) should not have to know them.

export interface WindowOptionsInput {
  preload: string;
  /** Dev tools only for an unpackaged build (app.isPackaged === false). */
  devTools: boolean;
  icon?: string;
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Ringup',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: input.devTools,
    },
  };
}
