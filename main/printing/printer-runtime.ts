// The printer as a long-lived part of the register: its transport, the print worker and the
// status poller (DLE EOT every few seconds and right after a failure), which publishes the
// printer's part of `hardware.status`. Started and stopped by openRegister.
import type { HardwareStatus } from '../../preload/contract/events';
import type { PrinterConfigView, PrintJobView, TestPageView } from '../../preload/contract/printer';
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
import type { Logger } from '../log';
import { getPrinterConfig } from './printer-config';
import { getJob, makeAllDue, pendingCount, requeueInterrupted } from './print-jobs';
import { DRAWER_WINDOW_MS } from './drawer-jobs';
import { PrintWorker } from './print-worker';
import { ServiceError } from '../common/service-error';
import type { Locale } from '../../preload/contract/primitives';
import { queuePaperFromJournal } from './paper-queue';
import { printerBanner } from './printer-banner';

export interface PrinterRuntimeOptions {
  db: Db;
  hub: HardwareStatusHub;
  log: Logger;
  clock: () => number;
  pollIntervalMs?: number;
  statusTimeoutMs?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A drawer kick not delivered within this long of its sale is dropped (default drawer-jobs.ts). */
  drawerWindowMs?: number;
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
      ...(o.drawerWindowMs ? { drawerWindowMs: o.drawerWindowMs } : {}),
    });
    this.unsubscribe = queuePaperFromJournal({ db: o.db, log: o.log, clock: o.clock, config: () => this.config(), kick: () => this.kick() });
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

  /** New jobs were committed (a sale, a reprint, a retry): look at the queue now. */
  kick(): void {
    if (this.stopped) return;
    // Kicked from inside a transaction (a sale's receipt is queued in the sale's), the banner is
    // read once that has committed: its queue count then includes the job only if it was kept,
    // and the sale does not spend its transaction counting the queue and comparing statuses.
    if (this.o.db.inTransaction) this.publishSoon();
    else this.publish();
    this.worker.kick();
  }

  private publishPending = false;

  private publishSoon(): void {
    if (this.publishPending) return;
    this.publishPending = true;
    setImmediate(() => {
      this.publishPending = false;
      this.publish();
    });
  }

  /**
   * A drawer kick's outcome, once the worker has sent it or dropped it (it never waits longer than
   * the moment of its sale, drawer-jobs.ts): so the one who asked is told what happened, not that it
   * was asked for. Still queued after that (the printer is slow to answer), it says so.
   */
  async drawerOutcome(jobId: number): Promise<PrintJobView> {
    const until = Date.now() + (this.o.drawerWindowMs ?? DRAWER_WINDOW_MS) + (this.o.statusTimeoutMs ?? 1000) + 1000;
    for (;;) {
      const job = getJob(this.o.db, jobId);
      if (job.state === 'printed' || job.state === 'cancelled' || this.stopped || Date.now() >= until) return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
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
    this.o.hub.setPrinter(printerBanner(this.o.db, this.config().enabled, this.last, this.lastFailure, this.o.clock()));
  }
}
