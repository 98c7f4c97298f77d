// The Z recomputed independently, for the day-close property: from the completed documents as the
// document core reads them, the cash movements and the journal, without any of the report code.
import { documentView } from '../../main/documents/document-view';
import type { ExpectedCashView, ReportFiguresView } from '../../preload/contract/views';
import type { DocumentView } from '../../preload/contract/document-views';
import { SHANGHAI, type Shop } from './day-close-shop';

const hourOf = new Intl.DateTimeFormat('en-US', { timeZone: SHANGHAI, hour: 'numeric', hourCycle: 'h23' });
const sign = (v: DocumentView) => (v.kind === 'sale' ? 1 : -1);

/** The Z's figures, recomputed from the documents without any of the report code. */
export function recompute(s: Shop, day: string, shiftIds: number[]): { figures: ReportFiguresView; expected: Map<number, ExpectedCashView>; grand: number } {
  const db = s.reg.db;
  const rows = db.prepare("SELECT id, shift_id FROM documents WHERE business_day = ? AND status = 'completed' ORDER BY receipt_no").all(day) as {
    id: string;
    shift_id: number;
  }[];
  const views = rows.map((r) => ({ view: documentView(db, r.id), shiftId: r.shift_id }));
  const kinds = (['sale', 'refund', 'void'] as const).map((kind) => {
    const of = views.filter((v) => v.view.kind === kind);
    return {
      kind,
      count: of.length,
      totalMinor: of.reduce((n, v) => n + v.view.totals.totalMinor, 0),
      taxMinor: of.reduce((n, v) => n + v.view.totals.taxMinor, 0),
    };
  });
  const tenders = (['cash', 'card', 'scan'] as const).map((method) => {
    const t = { method, inCount: 0, inMinor: 0, outCount: 0, outMinor: 0, netMinor: 0 };
    for (const { view } of views)
      for (const p of view.payments.filter((x) => x.method === method)) {
        if (view.kind === 'sale') {
          t.inCount++;
          t.inMinor += p.amountMinor;
        } else {
          t.outCount++;
          t.outMinor += p.amountMinor;
        }
        t.netMinor += sign(view) * p.amountMinor;
      }
    return t;
  });
  const rates = new Map<number, { rateBp: number; netMinor: number; taxMinor: number; grossMinor: number }>();
  for (const { view } of views)
    for (const l of view.lines) {
      const r = rates.get(l.taxRateBp) ?? { rateBp: l.taxRateBp, netMinor: 0, taxMinor: 0, grossMinor: 0 };
      r.grossMinor += sign(view) * l.totalMinor;
      r.taxMinor += sign(view) * l.taxMinor;
      r.netMinor += sign(view) * (l.totalMinor - l.taxMinor);
      rates.set(l.taxRateBp, r);
    }
  const operators = [...new Set(views.map((v) => v.view.operatorId))]
    .sort((a, b) => a - b)
    .map((operatorId) => {
      const of = views.filter((v) => v.view.operatorId === operatorId).map((v) => v.view);
      const sales = of.filter((v) => v.kind === 'sale');
      const corrections = of.filter((v) => v.kind !== 'sale');
      return {
        operatorId,
        operatorName: of[0]?.operatorName ?? '',
        salesCount: sales.length,
        salesMinor: sales.reduce((n, v) => n + v.totals.totalMinor, 0),
        correctionsCount: corrections.length,
        correctionsMinor: corrections.reduce((n, v) => n + v.totals.totalMinor, 0),
        netMinor: of.reduce((n, v) => n + sign(v) * v.totals.totalMinor, 0),
      };
    });
  const hours = Array.from({ length: 24 }, (_, hour) => {
    const of = views.map((v) => v.view).filter((v) => Number(hourOf.format(new Date(v.completedAt ?? 0))) === hour);
    const sales = of.filter((v) => v.kind === 'sale');
    const total = (kind: string) => of.filter((v) => v.kind === kind).reduce((n, v) => n + v.totals.totalMinor, 0);
    return {
      hour,
      salesCount: sales.length,
      salesMinor: sales.reduce((n, v) => n + v.totals.totalMinor, 0),
      refundsMinor: total('refund'),
      voidsMinor: total('void'),
      discountMinor: sales.reduce((n, v) => n + v.totals.discountMinor, 0),
      netMinor: of.reduce((n, v) => n + sign(v) * v.totals.totalMinor, 0),
    };
  });
  const discounted = views.map((v) => v.view).filter((v) => v.kind === 'sale' && v.totals.discountMinor > 0);
  // The discount share of the goods back: each returned quantity's part of its sold line's discounts.
  const returnedShares = views
    .map((v) => v.view)
    .filter((v) => v.kind !== 'sale' && v.originalDocumentId !== null)
    .map((v) => {
      const sold = documentView(db, v.originalDocumentId ?? '').lines;
      return v.lines.reduce((n, l) => {
        const o = sold.find((x) => x.id === l.originalLineId);
        if (!o || l.qtyMilli <= 0) return n;
        return n + Math.round(((o.lineDiscountMinor + o.orderDiscountMinor) * l.qtyMilli) / o.qtyMilli);
      }, 0);
    });
  const moves = db.prepare(`SELECT kind, amount_minor, shift_id FROM cash_movements WHERE shift_id IN (${shiftIds.join(',') || '0'})`).all() as {
    kind: string;
    amount_minor: number;
    shift_id: number;
  }[];
  const journal = (kind: string) => (db.prepare('SELECT COUNT(*) AS n FROM journal WHERE kind = ?').get(kind) as { n: number }).n;
  const receipts = views.map((v) => v.view.receiptNo ?? 0);
  // An exchange's credit, for each of the day's sales that holds the new goods of one.
  // The credit that paid the new goods: all of it, less what a cheaper exchange handed back in cash.
  const creditOf = db.prepare('SELECT credit_minor - MAX(0, -difference_minor) FROM exchanges WHERE sale_document_id = ?').pluck();
  const credits = views.flatMap(({ view }) => (view.kind === 'sale' ? (creditOf.all(view.id) as number[]) : []));
  const figures: ReportFiguresView = {
    documentCount: views.length,
    firstReceiptNo: receipts.length ? Math.min(...receipts) : null,
    lastReceiptNo: receipts.length ? Math.max(...receipts) : null,
    kinds,
    tenders,
    taxRates: [...rates.values()].sort((a, b) => a.rateBp - b.rateBp),
    operators,
    hours,
    discounts: {
      count: discounted.length,
      amountMinor: discounted.reduce((n, v) => n + v.totals.discountMinor, 0),
      returnedCount: returnedShares.filter((n) => n > 0).length,
      returnedMinor: returnedShares.reduce((n, m) => n + m, 0),
    },
    netMinor: views.reduce((n, v) => n + sign(v.view) * v.view.totals.totalMinor, 0),
    netTaxMinor: views.reduce((n, v) => n + sign(v.view) * v.view.totals.taxMinor, 0),
    noSales: journal('drawer.opened'),
    duplicates: journal('receipt.reprinted'),
    cashMovements: (['paid_in', 'paid_out', 'safe_drop', 'float_top_up'] as const).map((kind) => {
      const of = moves.filter((m) => m.kind === kind);
      return { kind, count: of.length, amountMinor: of.reduce((n, m) => n + m.amount_minor, 0) };
    }),
    exchangeCreditSpent: { count: credits.length, amountMinor: credits.reduce((n, c) => n + c, 0) },
  };
  const expected = new Map<number, ExpectedCashView>();
  for (const shiftId of shiftIds) {
    const float = (db.prepare('SELECT float_minor FROM shifts WHERE id = ?').get(shiftId) as { float_minor: number }).float_minor;
    const inShift = views.filter((v) => v.shiftId === shiftId).map((v) => v.view);
    const cash = (kind: string, pick: (p: DocumentView['payments'][number]) => number) =>
      inShift.filter((v) => v.kind === kind).reduce((n, v) => n + v.payments.filter((p) => p.method === 'cash').reduce((m, p) => m + pick(p), 0), 0);
    const moved = (kind: string) => moves.filter((m) => m.shift_id === shiftId && m.kind === kind).reduce((n, m) => n + m.amount_minor, 0);
    const e = {
      floatMinor: float,
      cashTakenMinor: cash('sale', (p) => p.tenderedMinor),
      changeGivenMinor: cash('sale', (p) => p.changeMinor),
      paidInMinor: moved('paid_in'),
      floatTopUpMinor: moved('float_top_up'),
      paidOutMinor: moved('paid_out'),
      safeDropMinor: moved('safe_drop'),
      cashRefundsMinor: cash('refund', (p) => p.amountMinor),
      cashVoidsMinor: cash('void', (p) => p.amountMinor),
    };
    expected.set(shiftId, {
      ...e,
      expectedMinor:
        e.floatMinor +
        e.cashTakenMinor -
        e.changeGivenMinor +
        e.paidInMinor +
        e.floatTopUpMinor -
        e.paidOutMinor -
        e.safeDropMinor -
        e.cashRefundsMinor -
        e.cashVoidsMinor,
    });
  }
  const last = views[views.length - 1]?.view.grandTotalMinor ?? 0;
  return { figures, expected, grand: last };
}
