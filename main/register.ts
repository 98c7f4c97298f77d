import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { version as appVersion } from '../package.json';
import type { Db } from './ledger/database';
import { openLedger } from './ledger/database';
import { BackupService } from './backup/backup-service';
import { openCheckedLedger } from './backup/open-checked-ledger';
import { carryOutSwap, planSwap, settleUnfinishedRestore, undoSwap, type RestoreIntent } from './backup/restore-intent';
import type { Dispatch } from './ipc/router';
import { consoleLogger } from './log';
import { Updates } from './updates/updates';
import { newScannerTestCode } from './self-check/self-check';
import { EventBus } from './common/event-bus';
import { followSalesForDisplay } from './customer-display/customer-display';
import { RegisterSession } from './operators/session';
import { HardwareStatusHub } from './hardware/hardware-status';
import { parsePrinterUrl } from './hardware/printer/printer-url';
import type { TerminalRuntime } from './card/terminal-runtime';
import { parseTerminalAddress } from './hardware/terminal/connection';
import { registerPlatform } from './hardware/serial-path';
import type { ScanPayRuntime } from './scan-pay/scan-pay-runtime';
import type { SyncRuntime } from './sync/sync-runtime';
import { PaymentWatch } from './payments/payment-watch';
import { startLedgerParts, stopParts, type LedgerParts, type LedgerPartsContext } from './ledger-parts';
import type { RegisterOptions } from './register-options';
import { fail } from '../preload/contract/result';

export type { RegisterOptions } from './register-options';

/** The register: ledger, session, events and the router, independent of any window or transport. */
export interface Register {
  /** The ledger connection now: a restore closes it and opens the restored ledger. */
  readonly db: Db;
  events: EventBus;
  session: RegisterSession;
  dispatch: Dispatch;
  /** Device states behind `hardware.status`; the card terminal reports its part here too. */
  hardware: HardwareStatusHub;
  /** The card terminal; `terminal.stop()` closes its line (close() does it without waiting). */
  readonly terminal: TerminalRuntime;
  /** Scan-to-pay; `scanPay.start()` has settled what a crash left open when it resolves. */
  readonly scanPay: ScanPayRuntime;
  /** The link to HQ (upload of the journal, pull of versions). */
  readonly sync: SyncRuntime;
  /** Resolves when the start-up work (scan-to-pay recovery) is done. */
  readonly started: Promise<void>;
  /** The daily backup, restore and the ledger's checks. */
  backup: BackupService;
  close(): void;
}

export const LEDGER_FILE_NAME = 'ringup-ledger.sqlite';

export function ledgerPathIn(dataDir: string): string {
  return join(dataDir, LEDGER_FILE_NAME);
}

/** A launch flag the register cannot use stops the start, with a sentence for the console or the error box. */
function launchRefusal(error: { code: string; params: Record<string, string | number | boolean | null> }): string {
  const { expected, issue, platform } = error.params;
  if (error.code.endsWith('.bad_serial_path')) return `not a serial port name on this computer; use a name like ${String(expected)}`;
  if (error.code === 'printer.device_unsupported') return `device:// (a USB printer device file) works only on Linux, not on ${String(platform)}`;
  return `${error.code} (${String(issue ?? 'invalid')})`;
}

export function openRegister(options: RegisterOptions): Register {
  const log = options.log ?? consoleLogger;
  const platform = options.platform ?? process.platform;
  // Launch flags are read before the ledger opens, so one the register cannot use leaves nothing open.
  const printerFlag = options.printerUrl ? parsePrinterUrl(options.printerUrl, platform) : null;
  if (printerFlag && !printerFlag.ok) throw new Error(`--printer ${options.printerUrl}: ${launchRefusal(printerFlag.error)}`);
  const terminalFlag = options.terminalAddress ? parseTerminalAddress(options.terminalAddress, platform) : null;
  if (terminalFlag && !terminalFlag.ok) throw new Error(`--terminal ${options.terminalAddress}: ${launchRefusal(terminalFlag.error)}`);
  const printerTransport = printerFlag?.ok ? printerFlag.value : null;
  const terminalConfig = terminalFlag?.ok ? terminalFlag.value : null;
  const clock = options.clock ?? Date.now;
  // A restore a crash interrupted is finished or undone before anything opens the ledger, which
  // would otherwise create an empty one beside the real books.
  settleUnfinishedRestore(options.ledgerFile, log, clock);
  const opened = openCheckedLedger(options.ledgerFile, log);
  const events = new EventBus();
  // Before the terminal and the providers start: it hears the steps of attempts settled at start-up too.
  const paymentWatch = new PaymentWatch(events, clock);
  const session = new RegisterSession(registerPlatform(platform));
  const hardware = new HardwareStatusHub((status) => events.emit('hardware.status', status));
  let parts: LedgerParts | null = null;
  const current = (): LedgerParts => {
    if (!parts) throw new Error('the ledger is being replaced');
    return parts;
  };

  const backup = new BackupService({
    db: () => current().db,
    ledgerFile: options.ledgerFile,
    events,
    log,
    clock,
    appVersion,
    startCheck: opened.check,
    replaceLedger: async (staged) => {
      const old = current();
      parts = null;
      await stopParts(old);
      // The restore's marker names where the ledger goes; each step below is settled at start-up after a crash.
      const hadLedger = existsSync(options.ledgerFile);
      let intent: RestoreIntent | null = null;
      try {
        intent = planSwap(options.ledgerFile, staged, clock());
        carryOutSwap(options.ledgerFile, intent);
        parts = startParts(openLedger(options.ledgerFile), false);
      } catch (error) {
        // The verified copy would not open here: put the previous ledger back as it was.
        if (intent) undoSwap(options.ledgerFile, intent, clock());
        parts = startParts(openLedger(hadLedger && opened.check.problem !== 'unreadable' ? options.ledgerFile : ':memory:'), false);
        throw error;
      }
      return { movedAsideTo: hadLedger && intent.aside ? join(dirname(options.ledgerFile), intent.aside) : null };
    },
  });

  // Outlive a restore's swap of the ledger: the scanner test code on screen and the updater.
  const selfCheckState = { ledgerFile: options.ledgerFile, scannerTestCode: newScannerTestCode(), scannerSeenAt: null as number | null };
  const updates = new Updates(options.updateInstaller ?? null, platform);

  const ledgerContext: LedgerPartsContext = {
    options,
    log,
    clock,
    platform,
    events,
    session,
    hardware,
    paymentWatch,
    backup,
    selfCheck: selfCheckState,
    updates,
    check: opened.check,
    printerTransport,
    terminalConfig,
  };
  function startParts(db: Db, first: boolean): LedgerParts {
    return startLedgerParts(ledgerContext, db, first);
  }

  parts = startParts(opened.db, true);
  followSalesForDisplay(events, () => current().db, clock);
  backup.start();
  return {
    get db() {
      return current().db;
    },
    events,
    session,
    // Calls that arrive while a restore swaps the ledger wait for nothing: they are refused as busy.
    dispatch: (name, input) => (parts ? parts.dispatch(name, input) : Promise.resolve(fail('backup.busy', { job: 'restore' }))),
    hardware,
    get terminal() {
      return current().terminal;
    },
    get scanPay() {
      return current().scanPay;
    },
    get sync() {
      return current().sync;
    },
    get started() {
      return current().started;
    },
    backup,
    close: () => {
      backup.stop();
      const p = parts;
      if (!p) return;
      // The ledger closes now; the terminal's and scan-to-pay's lines finish closing on their own.
      p.stopCorrections();
      p.stopHandover();
      p.printer.stop();
      p.providerRefunds.stop();
      void p.terminal.stop();
      void p.scanPay.stop();
      void p.sync.stop();
      if (p.db.open) p.db.close();
    },
  };
}
