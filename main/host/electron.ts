// The Electron shell: the only code in main/ that imports electron (with its electron-*.ts
// helpers). It opens the register, serves the renderer on app://ringup, binds the router to one
// IPC channel, and refuses everything a cash register's window has no business doing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { consoleLogger } from '../log';
import { openRegister, type Register } from '../register';
import { bindRegisterToIpc } from './electron-ipc';
import { handleAppProtocol, registerAppScheme } from './electron-protocol';
import { hardenAllWebContents, hardenSession } from './electron-security';
import { createRegisterWindow } from './electron-window';
import { devSqliteAddon, useElectronSqliteAddon } from './electron-policy/dev-sqlite';
import { electronLaunch, PRODUCT_NAME } from './electron-policy/launch';

export function startElectronShell(): void {
  const log = consoleLogger;

  // Before anything else: every renderer sandboxed, and app:// registered before 'ready'.
  app.enableSandbox();
  registerAppScheme();

  // One ledger folder per product name, dev or packaged (package.json's name is lower-case).
  app.setName(PRODUCT_NAME);
  const launch = electronLaunch(process.argv.slice(1), process.env, join(app.getPath('appData'), PRODUCT_NAME));
  // userData (Chromium's profile and the single-instance lock) follows the data folder, so two
  // registers on one ledger are impossible and tests can run side by side in separate folders.
  mkdirSync(launch.dataDir, { recursive: true });
  app.setPath('userData', launch.dataDir);

  if (!app.requestSingleInstanceLock()) {
    log.info('another Ringup is already running on this ledger; focusing it');
    app.quit();
    return;
  }

  // From source, node_modules has the Node build of better-sqlite3; use the Electron one that
  // `npm start` fetched (see electron-policy/dev-sqlite.ts). Never in a packaged app.
  const sqliteAddon = devSqliteAddon(process.env, app.isPackaged);
  if (sqliteAddon) useElectronSqliteAddon(process, sqliteAddon);

  let register: Register | null = null;
  let unbind: (() => void) | null = null;
  let window: BrowserWindow | null = null;

  hardenAllWebContents(log);

  const openWindow = () => {
    window = createRegisterWindow({
      preload: join(__dirname, '..', 'preload', 'index.js'),
      devTools: !app.isPackaged,
      log,
    });
    window.on('closed', () => {
      window = null;
    });
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    unbind?.();
    unbind = null;
    if (register) {
      register.close();
      register = null;
      log.info('ledger closed');
    }
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, log);
      handleAppProtocol(join(__dirname, '..', 'renderer'));
      register = openRegister({ ledgerFile: launch.ledgerFile, demo: launch.demo, printerUrl: launch.printer, terminalAddress: launch.terminal, log });
      log.info(`ledger: ${launch.ledgerFile}`);
      unbind = bindRegisterToIpc(register, log);
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      log.error('Ringup could not start', error);
      // Say so on screen: a till that silently fails to open leaves the cashier guessing.
      dialog.showErrorBox('Ringup could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
