import { dirname, join } from 'node:path';
import { version as appVersion } from '../package.json';
import type { Db } from './ledger/database';
import { openLedger } from './ledger/database';
import { BackupService } from './backup/backup-service';
import { openCheckedLedger } from './backup/open-checked-ledger';
import { moveLedgerAside, putLedgerBack, putLedgerInPlace } from './backup/ledger-files';
import { handlers } from './ipc/handler-table';
import type { RegisterServices } from './ipc/handler';
import { createRouter, type Dispatch } from './ipc/router';
import { reportingStorageFailures, StorageWatch } from './ledger/storage-failure';
import { consoleLogger, type Logger } from './log';
import { seedDemo } from './catalog/demo-catalog';
import { indexPendingProducts } from './catalog/search-index';
import { Updates, type UpdateInstaller } from './updates/updates';
import { newScannerTestCode } from './self-check/self-check';
import { subscribeCorrections } from './refund/refund-subscriptions';
import { subscribeExchanges } from './exchange/pending-exchange';
import { subscribeFraudWatch } from './fraud/fraud-watch';
import { subscribeProductRollups } from './reports/product-rollups';
import { subscribeSaleHandover } from './sale/sale-subscriptions';
import { EventBus } from './common/event-bus';
import { followSalesForDisplay } from './customer-display/customer-display';
import { RegisterSession } from './operators/session';
import { HardwareStatusHub } from './hardware/hardware-status';
import { PrinterRuntime, type PrinterRuntimeOptions } from './printing/printer-runtime';
import { parsePrinterUrl } from './hardware/printer/printer-url';
import { getPrinterConfig, setPrinterConfig } from './printing/printer-config';
import { TerminalRuntime, type TerminalRuntimeOptions } from './card/terminal-runtime';
import { setTerminalConfig } from './card/terminal-config';
import { parseTerminalAddress } from './hardware/terminal/connection';
import { registerPlatform } from './hardware/serial-path';
import { ScanPayRuntime, type ScanPayRuntimeOptions } from './scan-pay/scan-pay-runtime';
import { FileKeySecretBox, type SecretBox } from './scan-pay/secret-box';
import { SyncRuntime, type SyncRuntimeOptions } from './sync/sync-runtime';
import { ProviderRefunds, type ProviderRefundsDeps } from './refund/provider-refunds';
import { PaymentWatch } from './payments/payment-watch';
import { fail } from '../preload/contract/result';

export interface RegisterOptions {
  /** The ledger file. */
  ledgerFile: string;
  demo?: boolean;
  log?: Logger;
  clock?: () => number;
  /** `--printer tcp://…` / RINGUP_PRINTER: point the saved printer settings at this printer and enable it. */
  printerUrl?: string | null;
  /** Poll interval, backoff and a transport wrapper; tests shorten them and script faults. */
  printer?: Pick<PrinterRuntimeOptions, 'pollIntervalMs' | 'statusTimeoutMs' | 'backoffMs' | 'maxBackoffMs' | 'transportFactory'>;
  /** `--terminal tcp://host:port` or a serial port (`COM3`, `/dev/ttyUSB0`) / RINGUP_TERMINAL: save and use this card terminal. */
  terminalAddress?: string | null;
  /** With `demo` and no terminal configured, run the terminal simulator in-process (default: same as demo). */
  demoTerminal?: boolean;
  /** Link timeouts, reconnect and recovery pacing, protocol trace; tests shorten and observe them. */
  terminal?: Pick<TerminalRuntimeOptions, 'timeouts' | 'retryMs' | 'recoveryAttempts' | 'recoveryDelayMs' | 'onMoment' | 'trace'>;
  /** Seals provider secrets: the desktop shell passes the OS keychain's; default: a key file beside the ledger. */
  secretBox?: SecretBox;
  /** With `demo` and no provider configured, answer scan-to-pay with the simulator in-process (default: same as demo). */
  demoScanPay?: boolean;
  /** Provider pacing and observation; tests shorten and watch them. */
  scanPay?: Pick<ScanPayRuntimeOptions, 'timings' | 'requestTimeoutMs' | 'sweepMs' | 'onMoment'>;
  /** Pacing of the upload to HQ and the pull of versions; tests shorten it. */
  sync?: Pick<SyncRuntimeOptions, 'idleMs' | 'backoffMs' | 'maxBackoffMs' | 'batchSize' | 'requestTimeoutMs' | 'onUpload' | 'auto'>;
  /** Pacing of refunds through a provider. */
  providerRefunds?: Pick<ProviderRefundsDeps, 'attempts' | 'retryMs' | 'sweepMs'>;
  /** The OS whose port names and devices the register accepts; tests play Windows or macOS on Linux. Default: this one. */
  platform?: NodeJS.Platform;
  /** The desktop shell's update installer (electron-updater); browser mode has none. */
  updateInstaller?: UpdateInstaller | null;
}

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

/** What the register runs on one open ledger; a restore stops these and starts new ones. */
interface LedgerParts {
  db: Db;
  printer: PrinterRuntime;
  terminal: TerminalRuntime;
  scanPay: ScanPayRuntime;
  sync: SyncRuntime;
  providerRefunds: ProviderRefunds;
  stopCorrections: () => void;
  stopHandover: () => void;
  started: Promise<void>;
  dispatch: Dispatch;
}

/** Stops what runs on one ledger; the terminal's and scan-to-pay's lines close in the background unless awaited. */
async function stopParts(p: LedgerParts): Promise<void> {
  p.stopCorrections();
  p.stopHandover();
  p.printer.stop();
  p.providerRefunds.stop();
  await Promise.all([p.terminal.stop(), p.scanPay.stop(), p.sync.stop()]);
  if (p.db.open) p.db.close();
}

export function openRegister(options: RegisterOptions): Register {
  const log = options.log ?? consoleLogger;
  const registerLog = log;
  const platform = options.platform ?? process.platform;
  // Launch flags are read before the ledger opens, so one the register cannot use leaves nothing open.
  const printerFlag = options.printerUrl ? parsePrinterUrl(options.printerUrl, platform) : null;
  if (printerFlag && !printerFlag.ok) throw new Error(`--printer ${options.printerUrl}: ${launchRefusal(printerFlag.error)}`);
  const terminalFlag = options.terminalAddress ? parseTerminalAddress(options.terminalAddress, platform) : null;
  if (terminalFlag && !terminalFlag.ok) throw new Error(`--terminal ${options.terminalAddress}: ${launchRefusal(terminalFlag.error)}`);
  const printerTransport = printerFlag?.ok ? printerFlag.value : null;
  const terminalConfig = terminalFlag?.ok ? terminalFlag.value : null;
  const opened = openCheckedLedger(options.ledgerFile, log);
  const clock = options.clock ?? Date.now;
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
      const movedAsideTo = moveLedgerAside(options.ledgerFile, clock());
      try {
        putLedgerInPlace(staged, options.ledgerFile);
        parts = startParts(openLedger(options.ledgerFile), false);
      } catch (error) {
        // The verified copy would not open here: put the previous ledger back as it was.
        if (movedAsideTo) {
          moveLedgerAside(options.ledgerFile, clock());
          putLedgerBack(movedAsideTo, options.ledgerFile);
        }
        parts = startParts(openLedger(movedAsideTo && opened.check.problem !== 'unreadable' ? options.ledgerFile : ':memory:'), false);
        throw error;
      }
      return { movedAsideTo };
    },
  });

  // Outlive a restore's swap of the ledger: the scanner test code on screen and the updater.
  const selfCheckState = { ledgerFile: options.ledgerFile, scannerTestCode: newScannerTestCode(), scannerSeenAt: null as number | null };
  const updates = new Updates(options.updateInstaller ?? null, platform);

  function startParts(db: Db, first: boolean): LedgerParts {
    // A restored ledger starts writable; its router reports its own storage failures.
    const ledgerPart = (problem: string | null) => hardware.setLedger(problem ? { state: 'error', problems: [problem] } : { state: 'ok', problems: [] });
    ledgerPart(null);
    const storage = new StorageWatch(db, ledgerPart);
    // What writes in the background reports a full disk through its log, as a refused call would.
    const log = reportingStorageFailures(registerLog, storage);
    // A ledger from before the search indexes (or a restored one) gets its products' keys once, here.
    indexPendingProducts(db);
    if (first && options.demo && opened.check.ok) seedDemo(db, clock());
    // Corrections with a card part finish when the card domain journals the terminal's answer.
    const stopRefunds = subscribeCorrections(db);
    // An exchange whose difference is paid on the payment screen completes its return with its sale.
    const stopExchanges = subscribeExchanges(db);
    // The fraud watch judges sales, corrections, declines and no-sales as they are journalled.
    const stopFraudWatch = subscribeFraudWatch(db, log, clock());
    // Each Z writes its per-product rollups for the reports.
    const stopProductRollups = subscribeProductRollups(db);
    const stopCorrections = () => {
      stopRefunds();
      stopExchanges();
      stopFraudWatch();
      stopProductRollups();
    };
    // A logout that leaves a cart on the counter is journalled with the logout.
    const stopHandover = subscribeSaleHandover(db);
    if (first && printerTransport) setPrinterConfig(db, { ...getPrinterConfig(db), enabled: true, transport: printerTransport }, null, clock());
    const printer = new PrinterRuntime({ db, hub: hardware, log, clock, ...options.printer });
    if (first && terminalConfig) setTerminalConfig(db, terminalConfig, null, clock());
    const terminal = new TerminalRuntime({
      db,
      events,
      log,
      clock,
      hub: hardware,
      demo: options.demoTerminal ?? options.demo ?? false,
      ...options.terminal,
    });
    const secrets = options.secretBox ?? new FileKeySecretBox(join(dirname(options.ledgerFile), 'ringup-secrets.key'), platform);
    const scanPay = new ScanPayRuntime({
      db,
      events,
      log,
      clock,
      secrets,
      demo: options.demoScanPay ?? options.demo ?? false,
      ...options.scanPay,
    });
    const providerRefunds = new ProviderRefunds({ db, events, log, clock, provider: (id) => scanPay.provider(id), ...options.providerRefunds });
    const sync = new SyncRuntime({ db, log, clock, secrets, ...options.sync });
    const services: RegisterServices = {
      printer,
      terminal,
      scanPay,
      paymentWatch,
      providerRefunds,
      platform,
      backup,
      selfCheck: selfCheckState,
      updates,
      sync: { runtime: sync, secrets },
    };
    const dispatch = createRouter({ db, session, events, handlers, services, log, clock, storage });
    printer.start();
    void terminal.start();
    const started = scanPay
      .start()
      .then(() => providerRefunds.recover())
      .catch((e: unknown) => log.error('scan-to-pay did not start', e));
    sync.start();
    return { db, printer, terminal, scanPay, sync, providerRefunds, stopCorrections, stopHandover, started, dispatch };
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
