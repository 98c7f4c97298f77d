import type { CallName, CallResult, ParsedInput } from '../../preload/contract';
import type { Role } from '../../preload/contract/primitives';
import type { StoreSettings } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import type { EventBus } from '../common/event-bus';
import type { Actor } from '../sale/sale';
import type { RegisterSession } from '../operators/session';
import type { PrinterRuntime } from '../printing/printer-runtime';
import type { TerminalRuntime } from '../card/terminal-runtime';
import type { PaymentWatch } from '../payments/payment-watch';
import type { ScanPayRuntime } from '../scan-pay/scan-pay-runtime';
import type { ProviderRefunds } from '../refund/provider-refunds';
import type { BackupService } from '../backup/backup-service';
import type { Updates } from '../updates/updates';
import type { SecretBox } from '../scan-pay/secret-box';
import type { SyncRuntime } from '../sync/sync-runtime';

/**
 * Who may make a call. `public` is for the login screen only; `setup` only while the register
 * has no operator at all. Every other call names the least role it needs.
 */
export type Access = 'public' | 'setup' | Role;

export interface HandlerContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  session: RegisterSession;
  events: EventBus;
  /** The logged-in operator; always set for non-public calls. */
  actor: Actor;
  /** Hardware and other long-lived parts of the register, for handlers that need them. */
  services: RegisterServices;
}

/** Parts of the register beyond the ledger. Later capabilities (printer, terminal) add theirs here. */
export interface RegisterServices {
  /** The receipt printer: its queue worker, status poller and test page. */
  printer: Pick<PrinterRuntime, 'kick' | 'configChanged' | 'status' | 'testPage' | 'printNow' | 'probe' | 'drawerOutcome'>;
  /** The card terminal: card payments (intent journal, recovery), its config and end-of-day. */
  terminal: Pick<TerminalRuntime, 'payments' | 'getConfig' | 'setConfig' | 'endOfDay' | 'batches' | 'inUse' | 'probe'>;
  /** Scan-to-pay: payments through WeChat Pay / Alipay (attempts, recovery) and the providers' settings. */
  scanPay: Pick<ScanPayRuntime, 'payments' | 'providersView' | 'getConfig' | 'setConfig'>;
  /** The sale payments running now and how each sale's last one ended, for windows loaded meanwhile. */
  paymentWatch: Pick<PaymentWatch, 'follow' | 'view' | 'settled' | 'giveBackView'>;
  /** Refunds and voids going back through a scan-to-pay provider, completed when it confirms. */
  providerRefunds: Pick<ProviderRefunds, 'settle'>;
  /** The link to HQ: its uploader/puller and the box that seals the register's key. */
  sync: { runtime: Pick<SyncRuntime, 'kick' | 'retryNow' | 'runOnce'>; secrets: SecretBox };
  /** `process.platform` of the register: which serial port names and printer devices it accepts. */
  platform: NodeJS.Platform;
  /** The daily backup: exports, verification, restore, and the ledger's checks that gate selling. */
  backup: Pick<
    BackupService,
    'db' | 'status' | 'getConfig' | 'setConfig' | 'run' | 'runAutomatic' | 'list' | 'verify' | 'restore' | 'ledgerCheck' | 'fullCheck' | 'publishStatus'
  >;
  /** The self-check's state that outlives one call: the scanner test code and when it was last read. */
  selfCheck: { ledgerFile: string; scannerTestCode: string; scannerSeenAt: number | null };
  /** Update checks, and in the desktop shell the installer. */
  updates: Pick<Updates, 'shell' | 'check' | 'install'>;
}

export interface Handler<N extends CallName> {
  access: Access;
  /**
   * Talks to hardware and keeps its own durable records (a card intent): the router must not hold
   * a transaction open around it, because the intent has to be committed before the terminal is
   * asked. Its idempotent result is stored when it resolves.
   */
  awaitsHardware?: true;
  handle(input: ParsedInput<N>, ctx: HandlerContext): CallResult<N> | Promise<CallResult<N>>;
  /**
   * A money call whose answer the ledger holds anyway (a completed, immutable document) keeps
   * only a reference under its idempotency key, and a repeat rebuilds the same answer from it.
   * `keep` returns null when the answer must be kept whole (a part payment: the open sale it
   * shows will change).
   */
  replay?: Replay<CallResult<N>>;
}

export interface Replay<R> {
  keep(result: R): unknown;
  rebuild(kept: unknown, ctx: HandlerContext): R;
}

export type HandlerTable = { [N in CallName]: Handler<N> };

export function handler<N extends CallName>(access: Access, handle: Handler<N>['handle']): Handler<N> {
  return { access, handle };
}
