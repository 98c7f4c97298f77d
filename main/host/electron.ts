// The Electron shell: the only code in main/ that imports electron (with its electron-*.ts
// helpers). It opens the register, serves the renderer on app://ringup, binds the router to one
// IPC channel, and refuses everything a cash register's window has no business doing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor, screen, session } from 'electron';
import { consoleLogger } from '../log';
import { LEDGER_FILE_NAME, ledgerPathIn, openRegister, type Register } from '../register';
import { legacyDataDir } from './data-dir';
import { bindRegisterToIpc } from './electron-ipc';
import { appMenuTemplate } from './electron-policy/app-menu';
import { electronLaunch, PRODUCT_NAME } from './electron-policy/launch';
import { handleAppProtocol, registerAppScheme } from './electron-protocol';
import { hardenAllWebContents, hardenSession } from './electron-security';
import { createCustomerDisplayWindow, createRegisterWindow, onScreen, showRegisterPage } from './electron-window';
import { APP_OPENING_URL } from './electron-policy/app-url';
import { startInOrder } from './electron-policy/start-order';
import { upgradeLedgerInWorker } from '../backup/upgrade-in-worker';
import { customerScreen } from './electron-policy/customer-display';
import { moveLegacyLedger } from './legacy-ledger';
import { electronSecretBox } from './electron-secrets';
import { electronUpdateInstaller } from './electron-updates';

export function startElectronShell(): void {
  const log = consoleLogger;

  // Before anything else: every renderer sandboxed, and app:// registered before 'ready'.
  app.enableSandbox();
  registerAppScheme();

  app.setName(PRODUCT_NAME);
  const launch = electronLaunch(process.argv.slice(1), process.env);
  // userData (Chromium's profile and the single-instance lock) follows the data folder, so two
  // registers on one ledger are impossible and tests can run side by side in separate folders.
  mkdirSync(launch.dataDir, { recursive: true });
  app.setPath('userData', launch.dataDir);

  if (!app.requestSingleInstanceLock()) {
    log.info('another Ringup is already running on this ledger; focusing it');
    app.quit();
    return;
  }

  if (launch.dataDirIsDefault && launch.ledgerFile === ledgerPathIn(launch.dataDir)) {
    const moved = moveLegacyLedger(legacyDataDir(process.env, process.platform), launch.dataDir, LEDGER_FILE_NAME);
    if (moved.moved) log.info(`moved the ledger from ${moved.from} to ${moved.to}`);
  }

  let register: Register | null = null;
  let unbind: (() => void) | null = null;
  let window: BrowserWindow | null = null;

  /** Close the ledger once, whichever way the app ends (quit, Windows logoff, OS shutdown). */
  const closeLedger = (why: string) => {
    unbind?.();
    unbind = null;
    if (register) {
      register.close();
      register = null;
      log.info(`ledger closed (${why})`);
    }
  };

  hardenAllWebContents(log);

  let customerDisplay: BrowserWindow | null = null;
  const windowOptions = { preload: join(__dirname, '..', 'preload', 'index.js'), devTools: !app.isPackaged, log };
  /** The cashier's window: first with the opening page while the ledger opens, later straight to the register. */
  const openWindow = (firstUrl?: string) => {
    const win = createRegisterWindow(windowOptions, firstUrl);
    window = win;
    // Windows ends the session without 'will-quit': close the ledger while we still can.
    win.on('session-end', () => closeLedger('session end'));
    win.on('closed', () => {
      if (window === win) window = null;
      customerDisplay?.close();
    });
    return win;
  };
  const openCustomerDisplay = () => {
    // A second screen faces the customer: the display goes there; with one screen there is none.
    const second = customerScreen(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    if (second && !customerDisplay) {
      customerDisplay = createCustomerDisplayWindow(windowOptions, second.bounds);
      customerDisplay.on('closed', () => {
        customerDisplay = null;
      });
    }
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => closeLedger('quit'));

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => {
      // No menu bar: Alt would show Electron's default one, whose Ctrl+W closes the till.
      const menu = appMenuTemplate(process.platform, PRODUCT_NAME);
      Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
      // Linux and macOS shutdown (powerMonitor exists only after 'ready').
      powerMonitor.on('shutdown', () => closeLedger('shutdown'));
      hardenSession(session.defaultSession, log);
      handleAppProtocol(join(__dirname, '..', 'renderer'));
      return startInOrder({
        showOpening: () => onScreen(openWindow(APP_OPENING_URL)),
        upgradeLedger: () => upgradeLedgerInWorker(launch.ledgerFile),
        stillWanted: () => !quitting && window !== null,
        openRegister: () =>
          openRegister({
            ledgerFile: launch.ledgerFile,
            demo: launch.demo,
            printerUrl: launch.printer,
            terminalAddress: launch.terminal,
            log,
            // Provider secrets sealed by the OS keychain (safeStorage is usable only after 'ready').
            secretBox: electronSecretBox(join(launch.dataDir, 'ringup-secrets.key')),
            updateInstaller: electronUpdateInstaller(log),
          }),
        showRegister: (opened) => {
          register = opened;
          log.info(`ledger: ${launch.ledgerFile}`);
          unbind = bindRegisterToIpc(opened, log);
          if (window) showRegisterPage(window, log);
          openCustomerDisplay();
        },
        log,
      });
    })
    .then((opened) => {
      if (!opened) return;
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) {
          openWindow();
          openCustomerDisplay();
        }
      });
    })
    .catch((error: unknown) => {
      log.error('Ringup could not start', error);
      // Say so on screen: a till that silently fails to open leaves the cashier guessing.
      dialog.showErrorBox('Ringup could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
