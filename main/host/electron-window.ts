import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './electron-policy/app-url';
import { windowOptions } from './electron-policy/window-options';
import type { Logger } from '../log';

export interface RegisterWindowOptions {
  preload: string;
  devTools: boolean;
  icon?: string;
  log: Logger;
}

/** The cashier's window, showing app://ringup/index.html. */
export function createRegisterWindow(options: RegisterWindowOptions): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ preload: options.preload, devTools: options.devTools, ...(options.icon ? { icon: options.icon } : {}) }));
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    // The sale lives in main and SQLite, so a crashed page loses nothing; reload it.
    options.log.error(`renderer gone: ${details.reason}`);
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) void win.loadURL(APP_ENTRY_URL);
  });
  void win.loadURL(APP_ENTRY_URL).catch((error: unknown) => options.log.error('could not load the cashier page', error));
  return win;
}
