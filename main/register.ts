import { join } from 'node:path';
import type { Db } from './ledger/database';
import { openLedger } from './ledger/database';
import { handlers } from './ipc/handler-table';
import type { RegisterServices } from './ipc/handler';
import { createRouter, type Dispatch } from './ipc/router';
import { consoleLogger, type Logger } from './log';
import { seedDemo } from './catalog/demo-catalog';
import { subscribeCorrections } from './refund/refund-subscriptions';
import { EventBus } from './common/event-bus';
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
import { ProviderRefunds, type ProviderRefundsDeps } from './refund/provider-refunds';
import { dirname } from 'node:path';
import { SyncRuntime, type SyncRuntimeOptions } from './sync/sync-runtime';

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
  /** Pacing of refunds through a provider. */
  providerRefunds?: Pick<ProviderRefundsDeps, 'attempts' | 'retryMs' | 'sweepMs'>;
  /** Pacing of the upload to HQ and the pull of versions; tests shorten it. */
  sync?: Pick<SyncRuntimeOptions, 'idleMs' | 'backoffMs' | 'maxBackoffMs' | 'batchSize' | 'requestTimeoutMs' | 'onUpload' | 'auto'>;
  /** The OS whose port names and devices the register accepts; tests play Windows or macOS on Linux. Default: this one. */
  platform?: NodeJS.Platform;
}

/** The register: ledger, session, events and the router, independent of any window or transport. */
export interface Register {
  db: Db;
  events: EventBus;
  session: RegisterSession;
  dispatch: Dispatch;
  /** Device states behind `hardware.status`; the card terminal reports its part here too. */
  hardware: HardwareStatusHub;
  /** The card terminal; `terminal.stop()` closes its line (close() does it without waiting). */
  terminal: TerminalRuntime;
  /** Scan-to-pay; `scanPay.start()` has settled what a crash left open when it resolves. */
  scanPay: ScanPayRuntime;
  /** The link to HQ (upload of the journal, pull of versions). */
  sync: SyncRuntime;
  /** Resolves when the start-up work (scan-to-pay recovery) is done. */
  started: Promise<void>;
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
  const db = openLedger(options.ledgerFile);
  const clock = options.clock ?? Date.now;
  if (options.demo) seedDemo(db, clock());
  // Corrections with a card part finish when the card domain journals the terminal's answer.
  const stopCorrections = subscribeCorrections(db);
  const events = new EventBus();
  const session = new RegisterSession(registerPlatform(platform));
  if (printerFlag) setPrinterConfig(db, { ...getPrinterConfig(db), enabled: true, transport: printerFlag.value }, null, clock());
  const hardware = new HardwareStatusHub((status) => events.emit('hardware.status', status));
  const printer = new PrinterRuntime({ db, hub: hardware, log, clock, ...options.printer });
  if (terminalFlag) setTerminalConfig(db, terminalFlag.value, null, clock());
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
    providerRefunds,
    sync: { runtime: sync, secrets },
    platform,
  };
  const dispatch = createRouter({ db, session, events, handlers, services, log, clock });
  printer.start();
  void terminal.start();
  sync.start();
  const started = scanPay
    .start()
    .then(() => providerRefunds.recover())
    .catch((e: unknown) => log.error('scan-to-pay did not start', e));
  return {
    db,
    events,
    session,
    dispatch,
    hardware,
    terminal,
    scanPay,
    sync,
    started,
    close: () => {
      stopCorrections();
      void sync.stop();
      printer.stop();
      void terminal.stop();
      void scanPay.stop();
      providerRefunds.stop();
      if (db.open) db.close();
    },
  };
}
