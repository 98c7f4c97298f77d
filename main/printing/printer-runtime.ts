// The printer as a long-lived part of the register: its transport, the print worker and the
// status poller (DLE EOT every few seconds and right after a failure), which publishes the
// printer's part of `hardware.status`. Started and stopped by openRegister.
import type { HardwareStatus } from '../../preload/contract/events';
import type { PrinterConfigView, TestPageView } from '../../preload/contract/printer';
import type { HardwareStatusHub } from '../hardware/hardware-status';
import {
  createTransport,
  printNow,
  printTestPage,
  type PrinterProfile,
  type ReceiptDocument,
  type PrinterStatus,
  type PrinterTransport,
  type TransportConfig,
} from '../hardware/printer';
import type { Db } from '../ledger/database';
import { journalFeed } from '../ledger/journal-feed';
import { rethrowStorageFailure } from '../ledger/storage-failure';
import type { Logger } from '../log';
import { getPrinterConfig, paperTimeZone } from './printer-config';
import { drawerWaiting, enqueueDrawer, enqueueReport, enqueueSale, makeAllDue, pendingCount, requeueInterrupted } from './print-jobs';
import { getMovement } from '../shift/shift-rows';
import { cashSlip } from '../shift/cash-slip';
import { zById } from '../day-close/z-store';
import { zReportPaper } from '../day-close/report-paper';
import { getSettings } from '../settings/settings';
import { saleOpensDrawer } from './receipt-output';
import { PrintWorker } from './print-worker';
import { ServiceError } from '../common/service-error';
import type { Locale } from '../../preload/contract/primitives';

export interface PrinterRuntimeOptions {
  db: Db;
  hub: HardwareStatusHub;
  log: Logger;
  clock: () => number;
  pollIntervalMs?: number;
  statusTimeoutMs?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Builds the transport from the saved settings; tests wrap it to script faults. */
  transportFactory?: (config: TransportConfig) => PrinterTransport;
}

export class PrinterRuntime {
  private transport: PrinterTransport | null = null;
  private transportKey = '';
  private chain: Promise<unknown> = Promise.resolve();
  private readonly worker: PrintWorker;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private stopped = true;
  private last: PrinterStatus | null = null;
  private lastFailure: string | null = null;

  private readonly unsubscribe: () => void;
  constructor(private readonly o: PrinterRuntimeOptions) {
    this.worker = new PrintWorker({
      db: o.db,
      log: o.log,
      clock: o.clock,
      config: () => this.config(),
      transport: () => this.currentTransport(),
      io: (work) => this.io(work),
      report: (status, failure) => this.report(status, failure),
      statusTimeoutMs: o.statusTimeoutMs ?? 1000,
      backoffMs: o.backoffMs ?? 1000,
      maxBackoffMs: o.maxBackoffMs ?? 30_000,
    });
    // From the first document on, whether or not the worker runs yet: a receipt is queued, never lost.
    // Refunds and voids print too, and open the drawer when cash goes back.
    const feed = journalFeed(o.db);
    const stops = (['sale.completed', 'refund.completed', 'void.completed'] as const).map((kind) =>
      feed.subscribe(kind, (entry) => this.queueReceipt(entry.data.saleId)),
    );
    // Cash in or out opens the drawer and prints a slip; a Z prints itself. Both inside their transactions.
    stops.push(
      feed.subscribe('cash.moved', (entry) =>
        this.queuePaper(`cash movement ${entry.data.movementId}`, (config) => {
          enqueueDrawer(o.db, `cash:${entry.data.movementId}`, entry.data.operatorId, o.clock());
          const slip = cashSlip(getMovement(o.db, entry.data.movementId), entry.data.registerId, getSettings(o.db), paperTimeZone(config, getSettings(o.db)));
          enqueueReport(o.db, slip, `cash:${entry.data.movementId}`, 0, entry.data.operatorId, o.clock());
        }),
      ),
      feed.subscribe('day.closed', (entry) =>
        this.queuePaper(`Z ${entry.data.zNo}`, (config) => {
          const paper = zReportPaper(zById(o.db, entry.data.zId), getSettings(o.db), paperTimeZone(config, getSettings(o.db)), null);
          enqueueReport(o.db, paper, `z:${entry.data.zNo}`, 0, entry.data.operatorId, o.clock());
        }),
      ),
    );
    this.unsubscribe = () => stops.forEach((stop) => stop());
  }

  config(): PrinterConfigView {
    return getPrinterConfig(this.o.db);
  }

  start(): void {
    this.stopped = false;
    requeueInterrupted(this.o.db, this.o.clock());
    this.worker.kick();
    void this.poll();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.worker.stop();
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    const t = this.transport;
    this.transport = null;
    void t?.close().catch(() => undefined);
  }

  /**
   * Subscribed to `sale.completed`, so it runs inside the completing sale's transaction: the drawer
   * kick and the receipt commit with the sale. Printer settings or layout problems only cost the
   * paper, never the sale, so nothing here may throw.
   */
  private queueReceipt(saleId: string): void {
    let drawer: boolean;
    try {
      const config = this.config();
      if (!config.enabled) return;
      drawer = saleOpensDrawer(this.o.db, saleId, config);
    } catch (error) {
      rethrowStorageFailure(error);
      this.o.log.error(`receipt for sale ${saleId} not queued`, error);
      return;
    }
    enqueueSale(this.o.db, saleId, drawer, null, this.o.clock());
    this.kick();
  }

  /** Like a receipt: paper for a journalled event, queued in its transaction, never at the cost of the event. */
  private queuePaper(what: string, queue: (config: PrinterConfigView) => void): void {
    try {
      const config = this.config();
      if (!config.enabled) return;
      queue(config);
    } catch (error) {
      // A full disk has already rolled the event's transaction back: carrying on would commit the rest of it piecemeal.
      rethrowStorageFailure(error);
      this.o.log.error(`paper for ${what} not queued`, error);
      return;
    }
    this.kick();
  }

  /** New jobs were committed (a sale, a reprint, a retry): look at the queue now. */
  kick(): void {
    if (this.stopped) return;
    this.publish();
    this.worker.kick();
  }

  /** Settings changed: drop the old connection and look at the printer again. */
  configChanged(): void {
    if (this.stopped) return;
    this.last = null;
    this.lastFailure = null;
    this.currentTransport();
    this.kick();
    void this.poll();
  }

  status(): HardwareStatus {
    this.publish();
    return this.o.hub.current();
  }

  /** Test page with the given (maybe unsaved) settings; a refusal carries the reason's code. */
  async testPage(transportConfig: TransportConfig | null, profile: PrinterProfile, locale: Locale): Promise<TestPageView> {
    if (!transportConfig) throw new ServiceError('printer.disabled');
    const saved = this.config();
    const sameAsSaved = saved.transport !== null && JSON.stringify(saved.transport) === JSON.stringify(transportConfig);
    const transport = sameAsSaved ? this.currentTransport() : this.makeTransport(transportConfig);
    if (!transport) throw new ServiceError('printer.disabled');
    try {
      const result = await this.io(() => printTestPage(profile, transport, { locale, statusTimeoutMs: this.o.statusTimeoutMs ?? 1500 }));
      if (!result.ok) throw new ServiceError(result.error.code, result.error.params.detail ? { detail: result.error.params.detail } : {});
      return { bytes: result.value.bytes, problems: result.value.status.problems };
    } finally {
      if (!sameAsSaved) await transport.close().catch(() => undefined);
      if (sameAsSaved) void this.poll();
    }
  }

  /**
   * Asks the printer now (the self-check): its status, or why it could not be asked. Also feeds
   * the banner, as a poll would.
   */
  async probe(): Promise<{ enabled: boolean; status: PrinterStatus | null; failure: string | null }> {
    const config = this.config();
    const transport = config.enabled ? this.currentTransport() : null;
    if (!transport) return { enabled: false, status: null, failure: null };
    try {
      const status = await this.io(() =>
        transport.queryStatus({ timeoutMs: this.o.statusTimeoutMs ?? 1000, drawerOpenLevel: config.profile.drawer.openLevel }),
      );
      this.report(status);
      return { enabled: true, status, failure: null };
    } catch {
      // queryStatus answers a silent printer with printer.no_answer; a throw is a fault in the transport.
      return { enabled: true, status: null, failure: 'printer.io_error' };
    }
  }

  /**
   * Prints a document now, outside the receipt queue (an operator badge): nothing is kept to print
   * later, so a printer that cannot print says why and the owner prints again.
   */
  async printNow(doc: ReceiptDocument): Promise<{ printed: true } | { printed: false; code: string }> {
    const config = this.config();
    const transport = config.enabled ? this.currentTransport() : null;
    if (!transport) return { printed: false, code: 'printer.disabled' };
    const result = await this.io(() => printNow(doc, config.profile, transport, { statusTimeoutMs: this.o.statusTimeoutMs ?? 1500 }));
    void this.poll();
    return result.ok ? { printed: true } : { printed: false, code: result.error.code };
  }

  private makeTransport(config: TransportConfig): PrinterTransport {
    return (this.o.transportFactory ?? createTransport)(config);
  }

  private currentTransport(): PrinterTransport | null {
    const config = this.config();
    const key = config.enabled && config.transport ? JSON.stringify(config.transport) : '';
    if (key !== this.transportKey) {
      void this.transport?.close().catch(() => undefined);
      this.transport = key && config.transport ? this.makeTransport(config.transport) : null;
      this.transportKey = key;
    }
    return this.transport;
  }

  /** One exchange with the printer at a time: most printers serve one connection, and a serial line has one reader. */
  private io<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.polling) return;
    this.polling = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    try {
      const config = this.config();
      const transport = this.currentTransport();
      if (!transport) {
        this.publish();
        return;
      }
      const status = await this.io(() =>
        transport.queryStatus({ timeoutMs: this.o.statusTimeoutMs ?? 1000, drawerOpenLevel: config.profile.drawer.openLevel }),
      );
      if (this.stopped || !this.o.db.open) return;
      this.report(status);
      // Back from paper out or offline: print what waited now, not after its backoff.
      if (status.ready && pendingCount(this.o.db) > 0) {
        makeAllDue(this.o.db, this.o.clock());
        this.worker.kick();
      }
    } catch (error) {
      if (!this.stopped) this.o.log.error('printer status poll failed', error);
    } finally {
      this.polling = false;
      if (!this.stopped) {
        this.pollTimer = setTimeout(() => void this.poll(), this.o.pollIntervalMs ?? 2000);
        this.pollTimer.unref();
      }
    }
  }

  private report(status: PrinterStatus | null, failure?: string): void {
    if (this.stopped) return;
    if (status) {
      this.last = status;
      this.lastFailure = null;
    } else if (failure) {
      this.lastFailure = failure;
      // Look again right away: the banner should say what is wrong, not wait for the next tick.
      setImmediate(() => void this.poll());
    }
    this.publish();
  }

  private publish(): void {
    if (this.stopped || !this.o.db.open) return;
    const config = this.config();
    const queuedJobs = pendingCount(this.o.db);
    // The cashier must know the drawer did not open (and use the key), before any other problem.
    const drawer = queuedJobs > 0 && drawerWaiting(this.o.db) ? ['printer.drawer_not_opened'] : [];
    if (!config.enabled) {
      this.o.hub.setPrinter({ state: 'disabled', problems: [], drawerOpen: null, queuedJobs });
      return;
    }
    const s = this.last;
    if (!s) {
      this.o.hub.setPrinter({
        state: this.lastFailure || drawer.length ? 'error' : 'unknown',
        problems: [...drawer, ...(this.lastFailure ? [this.lastFailure] : [])],
        drawerOpen: null,
        queuedJobs,
      });
      return;
    }
    const problems: string[] = [...s.problems];
    if (this.lastFailure && !problems.includes(this.lastFailure)) problems.unshift(this.lastFailure);
    problems.unshift(...drawer);
    const state = !s.answered || !s.ready || this.lastFailure || drawer.length ? 'error' : problems.length > 0 ? 'warning' : 'ok';
    this.o.hub.setPrinter({ state, problems, drawerOpen: s.drawerOpen, queuedJobs });
  }
}
