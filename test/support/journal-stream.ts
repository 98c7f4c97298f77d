// Journal streams as the register writes them, for the fraud rule tests: sales, refunds, voids,
// no-sale openings and card declines at chosen moments, judged by the recomputation.
import type { FraudThresholds } from '../../preload/contract/fraud-views';
import type { TotalsDocumentCompleted } from '../../main/documents/document-journal';
import type { JournalEvent, JournalKind, JournalPayloads } from '../../main/ledger/journal-payloads';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import { recomputeAlerts } from '../../main/fraud/fraud-recompute';
import type { AlertDraft } from '../../main/fraud/fraud-rules';
import '../../main/fraud/fraud-journal';
import '../../main/documents/document-journal';
import '../../main/printing/printing-journal';
import '../../main/card/card-journal';

export const T0 = Date.parse('2026-11-29T10:00:00+08:00');
export const MIN = 60_000;
export const STORE = { registerId: 'R1', timeZone: 'Asia/Shanghai', businessDayRule: { timeZone: 'Asia/Shanghai', startsAtMinutes: 0 } };

export class Stream {
  readonly entries: JournalEvent[] = [];
  private docs = 0;

  private push<K extends JournalKind>(kind: K, data: JournalPayloads[K], at: number): void {
    this.entries.push({ seq: this.entries.length + 1, at, kind, data });
  }

  settings(to: FraudThresholds, at = T0): this {
    this.push('fraud.settings_changed', { operatorId: 1, from: DEFAULT_FRAUD_THRESHOLDS, to }, at);
    return this;
  }

  private doc(totalMinor: number, operatorId: number, extra: Partial<TotalsDocumentCompleted> = {}): TotalsDocumentCompleted {
    this.docs += 1;
    return {
      saleId: `doc-${this.docs}`,
      registerId: 'R1',
      receiptNo: this.docs,
      businessDay: '2026-11-29',
      shiftId: 1,
      operatorId,
      totalMinor,
      taxMinor: 0,
      discountMinor: 0,
      roundingMinor: 0,
      taxes: [],
      payments: [{ method: 'cash', amountMinor: totalMinor }],
      grandTotalMinor: 0,
      documentSha256: 'x',
      ...extra,
    };
  }

  sale(at: number, totalMinor: number, operatorId = 3, extra: Partial<TotalsDocumentCompleted> = {}): string {
    const d = this.doc(totalMinor, operatorId, extra);
    this.push('sale.completed', d, at);
    return d.saleId;
  }

  refund(at: number, totalMinor: number, operatorId: number, original: string | null, method: 'cash' | 'card' = 'cash'): string {
    const d = this.doc(totalMinor, operatorId, {
      payments: [{ method, amountMinor: totalMinor }],
      correction: { originalDocumentId: original, reason: 'not_wanted', approverId: null },
    });
    this.push('refund.completed', d, at);
    return d.saleId;
  }

  void(at: number, original: string, totalMinor: number, operatorId = 3): string {
    const d = this.doc(totalMinor, operatorId, { correction: { originalDocumentId: original, reason: 'cashier_error', approverId: null } });
    this.push('void.completed', d, at);
    return d.saleId;
  }

  noSale(at: number, operatorId = 3): void {
    this.push('drawer.opened', { reason: 'change', operatorId, approverId: null, jobId: 1, noSale: true }, at);
  }

  refusedCashOut(at: number, amountMinor: number, operatorId = 3): void {
    this.push('cash.out_refused', { operatorId, shiftId: 1, asked: 'paid_out', amountMinor }, at);
  }

  decline(at: number, intentId: number, operatorId: number, maskedPan: string | null): void {
    this.push('card.intent_created', { intentId, saleId: 's', amountMinor: 100, operatorId, previousReceiptNo: null }, at);
    this.push(
      'card.declined',
      {
        intentId,
        saleId: 's',
        from: 'in_progress',
        amountMinor: 100,
        step: null,
        resultCode: 5,
        reason: 'declined',
        receiptNo: null,
        trace: null,
        authCode: null,
        maskedPan,
        terminalId: null,
        resolvedBy: 'terminal',
        resolverId: null,
        paymentId: null,
      },
      at,
    );
  }

  alerts(): AlertDraft[] {
    // The stream's entries copy their figures, as registers wrote them before the slim entry: no rows to read.
    return recomputeAlerts(this.entries, STORE, () => null);
  }
}

export const rules = (alerts: AlertDraft[]) => alerts.map((a) => `${a.rule}/${a.scope.kind}`);
export const lastSeq = (s: Stream) => s.entries.at(-1)?.seq;
