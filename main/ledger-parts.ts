// What the register runs on one open ledger: the subscriptions that follow its journal, the printer,
// the card terminal, scan-to-pay, the link to HQ and the router. A restore stops these and starts
// new ones on the restored ledger; what outlives the swap comes in the context.
import { dirname, join } from 'node:path';
import type { Db } from './ledger/database';
import type { BackupService } from './backup/backup-service';
import { handlers } from './ipc/handler-table';
import type { RegisterServices } from './ipc/handler';
import { createRouter, type Dispatch } from './ipc/router';
import { reportingStorageFailures, StorageWatch } from './ledger/storage-failure';
import type { Logger } from './log';
import { seedDemo } from './catalog/demo-catalog';
import { indexPendingProducts } from './catalog/search-index';
import type { Updates } from './updates/updates';
import { subscribeCorrections } from './refund/refund-subscriptions';
import { subscribeExchanges } from './exchange/pending-exchange';
import { subscribeExchangeDrafts } from './exchange/exchange-draft-store';
import { subscribeFraudWatch } from './fraud/fraud-watch';
import { subscribeProductRollups } from './reports/product-rollups';
import { subscribeSaleHandover } from './sale/sale-subscriptions';
import type { EventBus } from './common/event-bus';
import type { RegisterSession } from './operators/session';
import type { HardwareStatusHub } from './hardware/hardware-status';
import { PrinterRuntime } from './printing/printer-runtime';
import { getPrinterConfig, setPrinterConfig } from './printing/printer-config';
import { TerminalRuntime } from './card/terminal-runtime';
import { setTerminalConfig } from './card/terminal-config';
import type { TerminalConfig } from './hardware/terminal/connection';
import { ScanPayRuntime } from './scan-pay/scan-pay-runtime';
import { FileKeySecretBox } from './scan-pay/secret-box';
import { SyncRuntime } from './sync/sync-runtime';
import { ProviderRefunds } from './refund/provider-refunds';
import type { PaymentWatch } from './payments/payment-watch';
import type { LedgerCheckView } from '../preload/contract/backup-views';
import type { TransportConfigOutput } from '../preload/contract/printer-schemas';
import type { RegisterOptions } from './register-options';

/** What the register runs on one open ledger; a restore stops these and starts new ones. */
export interface LedgerParts {
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
export async function stopParts(p: LedgerParts): Promise<void> {
  p.stopCorrections();
  p.stopHandover();
  p.printer.stop();
  p.providerRefunds.stop();
  await Promise.all([p.terminal.stop(), p.scanPay.stop(), p.sync.stop()]);
  if (p.db.open) p.db.close();
}

/** What outlives a ledger swap, and what the first ledger takes from the launch. */
export interface LedgerPartsContext {
  options: RegisterOptions;
  log: Logger;
  clock: () => number;
  platform: NodeJS.Platform;
  events: EventBus;
  session: RegisterSession;
  hardware: HardwareStatusHub;
  paymentWatch: PaymentWatch;
  backup: BackupService;
  selfCheck: RegisterServices['selfCheck'];
  updates: Updates;
  /** The launch ledger's check: a demo catalog is seeded only into a ledger that passed it. */
  check: LedgerCheckView;
  /** `--printer` and `--terminal`, saved into the first ledger. */
  printerTransport: TransportConfigOutput | null;
  terminalConfig: TerminalConfig | null;
}

export function startLedgerParts(ctx: LedgerPartsContext, db: Db, first: boolean): LedgerParts {
  const { options, clock, platform, events, session, hardware, paymentWatch, backup, updates, printerTransport, terminalConfig } = ctx;
  // A restored ledger starts writable; its router reports its own storage failures.
  const ledgerPart = (problem: string | null) => hardware.setLedger(problem ? { state: 'error', problems: [problem] } : { state: 'ok', problems: [] });
  ledgerPart(null);
  const storage = new StorageWatch(db, ledgerPart);
  // What writes in the background reports a full disk through its log, as a refused call would.
  const log = reportingStorageFailures(ctx.log, storage);
  // A ledger from before the search indexes (or a restored one) gets its products' keys once, here.
  indexPendingProducts(db);
  if (first && options.demo && ctx.check.ok) seedDemo(db, clock());
  // Corrections with a card part finish when the card domain journals the terminal's answer.
  const stopRefunds = subscribeCorrections(db);
  // An exchange whose difference is paid on the payment screen completes its return with its sale.
  const stopExchanges = subscribeExchanges(db);
  // An exchange being prepared ends with its sale (completed or cancelled) or its abandonment.
  const stopExchangeDrafts = subscribeExchangeDrafts(db);
  // The fraud watch judges sales, corrections, declines and no-sales as they are journalled.
  const stopFraudWatch = subscribeFraudWatch(db, log, clock());
  // Each Z writes its per-product rollups for the reports.
  const stopProductRollups = subscribeProductRollups(db);
  const stopCorrections = () => {
    stopRefunds();
    stopExchanges();
    stopExchangeDrafts();
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
    // Recovery's endings reach the windows as a live payment's do.
    onEnded: (saleId, outcome) => paymentWatch.settled(saleId, 'card', outcome),
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
    onEnded: (saleId, outcome) => paymentWatch.settled(saleId, 'scanpay', outcome),
  });
  const providerRefunds = new ProviderRefunds({ db, events, log, clock, provider: (id) => scanPay.provider(id), ...options.providerRefunds });
  const sync = new SyncRuntime({ db, events, log, clock, secrets, ...options.sync });
  const services: RegisterServices = {
    printer,
    terminal,
    scanPay,
    paymentWatch,
    providerRefunds,
    platform,
    backup,
    selfCheck: ctx.selfCheck,
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
