// Corrections whose money goes back through a scan-to-pay provider: the document stays open
// until the provider has confirmed every part (each under its own refund number, repeated until
// it answers), then its payments are taken and it completes through the document core. A part the
// provider refuses cancels the correction, so the goods and money are refundable again. After a
// crash, open corrections are picked up again at start-up; the refund numbers make a repeat safe.
import type { EventBus } from '../common/event-bus';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import type { Logger } from '../log';
import type { PaymentProvider, ScanPayProvider } from '../providers/provider';
import { getSettings } from '../settings/settings';
import { documentView } from '../documents/document-view';
import { refundDetails, scanRefundsOf, sendScanRefund } from '../scan-pay/scan-refunds';
import type { PaymentMethod } from '../../preload/contract/views';
import { finishCorrection } from './refund';
import { cancelCorrection } from './refund-subscriptions';
import { anyPartBack, completeIfAllBack, goesPartByPart, planParts, type PlanPart } from './correction-parts';
import { Rounds } from './rounds';

export interface ProviderRefundsDeps {
  db: Db;
  events: EventBus;
  log: Logger;
  clock: () => number;
  provider: (id: PaymentProvider) => ScanPayProvider | null;
  /** Repeats of one refund request in a round, the pause between, and the pause between rounds. */
  attempts?: number;
  retryMs?: number;
  sweepMs?: number;
}

interface PlanRow {
  document_id: string;
  parts: string;
  rounding_minor: number;
  operator_id: number;
}

/** No part of the correction went back, and none is with a provider now (a refund number not yet sent is not). */
function nothingOnItsWay(db: Db, documentId: string, parts: readonly PlanPart[]): boolean {
  return !anyPartBack(db, documentId, parts) && scanRefundsOf(db, documentId).every((r) => r.state === 'failed' || r.state === 'created');
}

export class ProviderRefunds {
  private readonly rounds = new Rounds((documentId) =>
    this.settleOnce(documentId).catch((e: unknown) => this.deps.log.error(`provider refund of ${documentId} failed`, e)),
  );
  private sweeper: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: ProviderRefundsDeps) {}

  /**
   * Settles one correction; called after the transaction that opened it committed, and again for
   * a part sent anew (a retry). A round reads the refund rows once, when it starts: asked for
   * while a round runs (a retry during a timed round), one more round follows right after it
   * (rounds.ts), so a refund number written meanwhile is sent now, not at the next timed round.
   * Rounds never overlap: a refund number is never with the provider twice at once.
   */
  settle(documentId: string): Promise<void> {
    return this.rounds.run(documentId);
  }

  /** Every correction still waiting for a provider (at start-up, and again while any is pending). */
  async recover(): Promise<void> {
    // A register closed while scan-to-pay was still starting has nothing left to recover here.
    if (this.stopped || !this.deps.db.open) return;
    const open = sql(this.deps.db, "SELECT p.document_id FROM correction_plans p JOIN documents d ON d.id = p.document_id WHERE d.status = 'open'").all() as {
      document_id: string;
    }[];
    for (const r of open) if (!this.stopped) await this.settle(r.document_id);
  }

  private later(): void {
    if (this.sweeper || this.stopped) return;
    this.sweeper = setTimeout(() => {
      this.sweeper = null;
      void this.recover();
    }, this.deps.sweepMs ?? 15_000);
  }

  private async settleOnce(documentId: string): Promise<void> {
    const { db } = this.deps;
    // A round queued behind one that ran while the register closed has nothing to do.
    if (this.stopped || !db.open) return;
    const parts = planParts(db, documentId);
    const asked = scanRefundsOf(db, documentId);
    for (const row of asked) {
      if (this.stopped) return;
      const state = await sendScanRefund(db, row, this.deps.provider, {
        clock: this.deps.clock,
        attempts: this.deps.attempts ?? 3,
        retryMs: this.deps.retryMs ?? 2000,
        reason: 'refund',
      });
      if (!db.open) return;
      // Parts in turn: the first refused with nothing back or on its way, the rest are never sent, and nothing is given back.
      if (state === 'failed' && goesPartByPart(parts) && nothingOnItsWay(db, documentId, parts)) return this.cancel(documentId);
    }
    if (this.stopped || !db.open) return;
    const rows = scanRefundsOf(db, documentId);
    if (goesPartByPart(parts)) {
      // Parts going back one after another (part-refunds.ts): a refused part waits for the cashier, never cancels what went back.
      const completed = db.transaction(() => completeIfAllBack(db, documentId, this.deps.clock()))();
      // A part that moved (refused after processing, say) is news to the return screen, which lists the parts again on it.
      const moved = rows.some((r) => asked.find((a) => a.id === r.id)?.state !== r.state);
      if (completed || moved) this.emit(documentId);
      if (!completed && rows.some((r) => r.state !== 'done' && r.state !== 'failed')) this.later();
      return;
    }
    const failed = rows.filter((r) => r.state === 'failed');
    const done = rows.filter((r) => r.state === 'done');
    if (failed.length > 0 && done.length === 0) return this.cancel(documentId);
    if (done.length < rows.length) {
      // Pending, or part refused after another part went back: asked again later (a supervisor sees it open).
      this.later();
      return;
    }
    const completion = db.transaction(() => {
      const plan = sql(db, 'SELECT document_id, parts, rounding_minor, operator_id FROM correction_plans WHERE document_id = ?').get(documentId) as PlanRow;
      if (documentView(db, documentId).status !== 'open') return null;
      const parts = JSON.parse(plan.parts) as { paymentId: number | null; method: PaymentMethod; amountMinor: number }[];
      const byPayment = new Map(rows.map((r) => [r.original_payment_id, r]));
      return finishCorrection(
        { db, now: this.deps.clock(), settings: getSettings(db), actor: { id: plan.operator_id, role: 'cashier' } },
        documentId,
        parts,
        plan.rounding_minor,
        (part) => {
          const r = part.paymentId === null ? undefined : byPayment.get(part.paymentId);
          return r ? refundDetails(db, r) : null;
        },
      );
    })();
    if (completion) this.emit(documentId);
  }

  /** Nothing went back: the correction never happened, and what it would have refunded is refundable again. */
  private cancel(documentId: string): void {
    const { db } = this.deps;
    db.transaction(() => {
      const refused = scanRefundsOf(db, documentId).find((r) => r.state === 'failed');
      cancelCorrection(
        db,
        documentId,
        { intentId: null, ...(refused ? { scanRefundId: refused.id } : {}), reason: refused?.provider_code ?? null },
        this.deps.clock(),
      );
    })();
    this.deps.log.info(`correction ${documentId}: the provider refused its refund; cancelled`);
    this.emit(documentId);
  }

  private emit(documentId: string): void {
    try {
      this.deps.events.emit('sale.changed', documentView(this.deps.db, documentId));
    } catch {
      // a courtesy to the windows
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.sweeper) clearTimeout(this.sweeper);
    this.sweeper = null;
  }
}
