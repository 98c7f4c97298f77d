import { BrowserWindow } from 'electron';
import { APP_CRASHED_URL, APP_ENTRY_URL } from './electron-policy/app-url';
import { RendererRecovery } from './electron-policy/renderer-recovery';
import { windowOptions } from './electron-policy/window-options';
import { APP_DISPLAY_URL } from './electron-policy/customer-display';
import type { Logger } from '../log';

export interface RegisterWindowOptions {
  preload: string;
  devTools: boolean;
  icon?: string;
  log: Logger;
}

/** The cashier's window, showing app://ringup/index.html, or first the opening page while the ledger opens. */
export function createRegisterWindow(options: RegisterWindowOptions, firstUrl: string = APP_ENTRY_URL): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ preload: options.preload, devTools: options.devTools, ...(options.icon ? { icon: options.icon } : {}) }));
  win.once('ready-to-show', () => win.show());
  const recovery = new RendererRecovery();
  win.webContents.on('render-process-gone', (_event, details) => {
    // The sale lives in main and SQLite, so a crashed page loses nothing; reload it, but not forever.
    options.log.error(`renderer gone: ${details.reason}`);
    const action = recovery.onGone(details.reason, Date.now());
    if (action === 'ignore' || win.isDestroyed()) return;
    if (action === 'show-error-page') options.log.error('the cashier page keeps crashing; showing the error page');
    void win.loadURL(action === 'reload' ? APP_ENTRY_URL : APP_CRASHED_URL).catch((error: unknown) => options.log.error('could not reload the page', error));
  });
  void win.loadURL(firstUrl).catch((error: unknown) => options.log.error('could not load the cashier page', error));
  return win;
}

/** Resolves once the window has painted its page and is shown, or after `limitMs` whatever happened. */
export function onScreen(win: BrowserWindow, limitMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    win.once('show', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Turns the window (showing the opening page) into the register. */
export function showRegisterPage(win: BrowserWindow, log: Logger): void {
  if (win.isDestroyed()) return;
  void win.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('could not load the cashier page', error));
}

/** The customer display on the screen that faces the customer: full screen, read-only (electron-policy/customer-display.ts). */
export function createCustomerDisplayWindow(options: RegisterWindowOptions, bounds: { x: number; y: number; width: number; height: number }): BrowserWindow {
  const win = new BrowserWindow({ ...windowOptions({ preload: options.preload, devTools: options.devTools }), ...bounds, fullscreen: true });
  win.once('ready-to-show', () => win.showInactive());
  void win.loadURL(APP_DISPLAY_URL).catch((error: unknown) => options.log.error('could not load the customer display', error));
  return win;
}
