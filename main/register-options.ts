// The launch options of a register: its ledger file, demo mode, launch flags for the printer and the
// card terminal, and the pacing that tests shorten.
import type { Logger } from './log';
import type { PrinterRuntimeOptions } from './printing/printer-runtime';
import type { TerminalRuntimeOptions } from './card/terminal-runtime';
import type { SecretBox } from './scan-pay/secret-box';
import type { ScanPayRuntimeOptions } from './scan-pay/scan-pay-runtime';
import type { SyncRuntimeOptions } from './sync/sync-runtime';
import type { ProviderRefundsDeps } from './refund/provider-refunds';
import type { UpdateInstaller } from './updates/updates';

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
  terminal?: Pick<
    TerminalRuntimeOptions,
    'timeouts' | 'retryMs' | 'recoveryAttempts' | 'recoveryDelayMs' | 'silenceNoticeMs' | 'cancelGraceMs' | 'onMoment' | 'trace'
  >;
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
