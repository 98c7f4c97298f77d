// Moves queued jobs to the printer, one at a time, outside any call: a sale never waits for
// paper. Before any paper job (a receipt, an X or Z report, a cash slip) is sent the printer must
// say it can print: a printer that is out of paper still takes bytes, and one switched off and on
// to load paper loses them, while the queue would say printed and nobody would send that Z or
// signed paid-out slip again. Paper goes out in queue order: a job waits behind an older one
// that waits for the printer. After the send the job is marked printed and never sent again,
// even if the printer then reports paper out: it holds the bytes and prints them once it recovers.
import type { PrinterConfigView } from '../../preload/contract/printer';
import { drawerKickFor, type PrinterStatus, type PrinterTransport, type TransportResult } from '../hardware/printer';
import type { Db } from '../ledger/database';
import type { Logger } from '../log';
import { dueJobs, markPrinted, markSending, markWaiting, nextAttemptAt, type PrintJob } from './print-jobs';
import { DRAWER_WINDOW_MS, dropDrawerJob } from './drawer-jobs';
import { jobBytes } from './receipt-output';

export interface PrintWorkerDeps {
  db: Db;
  log: Logger;
  clock: () => number;
  config(): PrinterConfigView;
  transport(): PrinterTransport | null;
  /** Runs printer I/O one exchange at a time (the poller shares the line). */
  io<T>(work: () => Promise<T>): Promise<T>;
  /** Every status the worker learns, and a failure code when a send failed. */
  report(status: PrinterStatus | null, failure?: string): void;
  statusTimeoutMs: number;
  /** First retry after this long, doubling up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A drawer kick not delivered within this long of its sale is dropped, never sent later (drawer-jobs.ts). */
  drawerWindowMs?: number;
}

export class PrintWorker {
  private running = false;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: PrintWorkerDeps) {}

  /** Look at the queue soon (after the caller's transaction has committed). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    setImmediate(() => void this.run());
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.stopped);
    } catch (error) {
      if (!this.stopped) this.deps.log.error('print queue pass failed', error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  /** Wake up when the earliest waiting job is due again. */
  private schedule(): void {
    if (this.stopped || !this.deps.db.open) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const at = nextAttemptAt(this.deps.db);
    if (at === null) return;
    this.timer = setTimeout(() => void this.run(), Math.max(10, at - this.deps.clock()));
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    const { db } = this.deps;
    const config = this.deps.config();
    const transport = this.deps.transport();
    if (!config.enabled || !transport) return;
    let paperBlockedBy: string | null = null;
    // Drawer kicks first, then paper in queue order (print-jobs.ts dueJobs).
    for (const job of dueJobs(db, this.deps.clock())) {
      if (this.stopped || !db.open) return;
      if (job.kind !== 'drawer' && paperBlockedBy) {
        // Paper prints in order: what is behind a job waiting for the printer waits with it.
        markWaiting(db, job.id, paperBlockedBy, this.retryAt(job));
        continue;
      }
      const blocked = await this.send(job, config, transport);
      // A job that could not be rendered is a fault of its own, not the printer's: it holds nothing back.
      if (blocked && job.kind !== 'drawer' && blocked !== 'internal') paperBlockedBy = blocked;
    }
  }

  private retryAt(job: PrintJob): number {
    const delay = Math.min(this.deps.maxBackoffMs, this.deps.backoffMs * 2 ** Math.min(job.attempts, 16));
    return this.deps.clock() + delay;
  }

  /** Past the moment of its sale: a kick sent now would open the drawer for nobody. */
  private late(job: PrintJob): boolean {
    return this.deps.clock() - job.created_at > (this.deps.drawerWindowMs ?? DRAWER_WINDOW_MS);
  }

  /** The kick did not get through: dropped (the banner tells the cashier to use the key), not retried. */
  private drop(job: PrintJob, cause: string): string {
    this.deps.log.info(`drawer kick ${job.id} not delivered (${cause}): dropped, the cashier opens the drawer with the key`);
    dropDrawerJob(this.deps.db, job, cause, this.deps.clock());
    this.deps.report(null);
    return cause;
  }

  /** Returns the reason the job waits, or null once it is printed. */
  private async send(job: PrintJob, config: PrinterConfigView, transport: PrinterTransport): Promise<string | null> {
    const { db, io, report } = this.deps;
    if (job.kind === 'drawer' && this.late(job)) return this.drop(job, job.last_error ?? 'printer.drawer_late');
    let bytes: Buffer;
    try {
      bytes = jobBytes(db, job, config);
    } catch (error) {
      this.deps.log.error(`print job ${job.id} could not be rendered`, error);
      markWaiting(db, job.id, 'internal', this.retryAt(job));
      return 'internal';
    }
    const statusOptions = { timeoutMs: this.deps.statusTimeoutMs, drawerOpenLevel: config.profile.drawer.openLevel };
    const before = await io(() => transport.queryStatus(statusOptions));
    report(before);
    if (this.stopped || !db.open) return 'stopped';
    // Every paper job waits for a printer that says it can print. A printer that does not answer at
    // all may just not support status (USB without a return channel): try, and a failed send waits.
    // A drawer kick is no paper: it needs no paper and must not wait for it (a cashier giving change
    // cannot wait for a roll to be loaded), so it is decided by what the printer can do without
    // printing, below: the real-time pulse opens the drawer while paper end, an open cover or
    // offline stop printing; only an error leaves nothing sure to open it.
    if (job.kind !== 'drawer' && before.answered && !before.ready) {
      const reason = before.problems[0] ?? 'printer.offline';
      markWaiting(db, job.id, reason, this.retryAt(job));
      return reason;
    }
    if (job.kind === 'drawer') {
      // A stopped printer holds ESC p behind its stopped print; the real-time pulse opens the
      // drawer now where the printer runs it (drawer.ts). Where nothing can, or the status took
      // so long that the sale's moment is over, the kick is dropped and the banner tells the cashier.
      const kick = drawerKickFor(before, config.profile);
      if (!kick.ok) return this.drop(job, kick.reason);
      if (this.late(job)) return this.drop(job, before.answered ? 'printer.drawer_late' : 'printer.no_answer');
      bytes = Buffer.from(kick.bytes);
    }
    markSending(db, job.id);
    const sent = await io(() => transport.send(bytes)).catch((error: unknown): TransportResult<void> => {
      // Transports answer with a Result; a throw is a fault in one, and the job still waits for its retry.
      this.deps.log.error(`print job ${job.id}: the transport threw`, error);
      return { ok: false, error: { code: 'printer.io_error', params: { detail: String(error) } } };
    });
    if (!sent.ok) {
      const code = sent.error.code;
      if (!db.open) return code;
      if (job.kind === 'drawer') {
        report(null, code);
        return this.drop(job, code);
      }
      markWaiting(db, job.id, code, this.retryAt({ ...job, attempts: job.attempts + 1 }));
      report(null, code);
      return code;
    }
    if (!db.open) return null;
    markPrinted(db, job.id, this.deps.clock());
    // Paper running out during the job shows up here; the bytes wait in the printer, not in the queue.
    const after = await io(() => transport.queryStatus(statusOptions));
    if (!this.stopped) report(after);
    return null;
  }
}
