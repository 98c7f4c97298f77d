// A document as the cashier sees it. An open document is computed from its lines every time, so
// no stale total can exist; a completed one is read from the amounts frozen at completion and is
// never recomputed (a later change to the money rules cannot change an old receipt).
import type { CardDetailsView, DocumentView, LineView, PaymentView, ScanDetailsView, TaxBreakdownView, TotalsView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { roundToStep } from '../money/integer-math';
import { computeSale } from '../money/sale-totals';
import { defaultSettings } from '../settings/settings';
import { documentLines, documentPayments, findDocument, parseDiscount, type DocumentRow, type LineRow, type PaymentRow } from './document-rows';

export { findDocument } from './document-rows';

/**
 * How many views have been built from the ledger since start. A call should build at most one
 * (tests count it): building means reading every line and payment and, for an open document,
 * recomputing its money.
 */
export const viewBuilds = { count: 0 };

function cashRoundingStep(db: Db): number {
  const row = sql(db, "SELECT value FROM settings WHERE key = 'cashRoundingStepMinor'").get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as number) : defaultSettings.cashRoundingStepMinor;
}

function operatorName(db: Db, id: number): string {
  return (sql(db, 'SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
}

/** The document `id`, read once. `cashStep` saves a settings read when the caller has them. */
export function documentView(db: Db, id: string, cashStep?: number): DocumentView {
  return viewOfRow(db, findDocument(db, id), { cashStep });
}

/** What a caller already holds, so that building the view does not read it again. */
export interface KnownParts {
  cashStep?: number | undefined;
  /** The name of the document's operator (`doc.operator_id`). */
  operatorName?: string | undefined;
  /** The document's payments, read in this transaction (an open sale being edited has none). */
  payments?: readonly PaymentRow[] | undefined;
  /** The document's lines as they are now in this transaction, in order of position. */
  lines?: readonly LineRow[] | undefined;
}

/** The view of a document whose row the caller has just read in this transaction. */
export function viewOfRow(db: Db, doc: DocumentRow, known: KnownParts = {}): DocumentView {
  viewBuilds.count += 1;
  return assembleView(
    doc,
    known.lines ?? documentLines(db, doc.id),
    known.payments ?? documentPayments(db, doc.id),
    known.operatorName ?? operatorName(db, doc.operator_id),
    known.cashStep ?? cashRoundingStep(db),
  );
}

export function paymentView(p: PaymentRow): PaymentView {
  return {
    id: p.id,
    method: p.method,
    amountMinor: p.amount_minor,
    tenderedMinor: p.tendered_minor,
    changeMinor: p.change_minor,
    card: p.card ? (JSON.parse(p.card) as CardDetailsView) : null,
    scan: p.scan ? (JSON.parse(p.scan) as ScanDetailsView) : null,
    originalPaymentId: p.original_payment_id,
  };
}

/**
 * Read, not computed: a completed document (frozen at completion), or an open one whose lines were
 * written with fixed amounts (a refund gives back shares of what was sold, never a new price).
 */
function hasStoredAmounts(doc: DocumentRow, lines: readonly LineRow[]): boolean {
  if (!lines.every((l) => l.total_minor !== null)) return false;
  return doc.status === 'completed' ? doc.total_minor !== null : lines.length > 0;
}

/** The tax per rate of frozen lines, the way computeSale derives it for open ones. */
function breakdownOf(lines: readonly { taxRateBp: number; totalMinor: number; taxMinor: number }[], pricesIncludeTax: boolean): TaxBreakdownView[] {
  const byRate = new Map<number, TaxBreakdownView>();
  for (const l of lines) {
    const entry = byRate.get(l.taxRateBp) ?? { rateBp: l.taxRateBp, baseMinor: 0, taxMinor: 0 };
    entry.baseMinor += pricesIncludeTax ? l.totalMinor : l.totalMinor - l.taxMinor;
    entry.taxMinor += l.taxMinor;
    byRate.set(l.taxRateBp, entry);
  }
  return [...byRate.values()].sort((a, b) => a.rateBp - b.rateBp);
}

function lineView(l: LineRow, amounts: Pick<LineView, 'grossMinor' | 'lineDiscountMinor' | 'orderDiscountMinor' | 'totalMinor' | 'taxMinor'>): LineView {
  return {
    id: l.id,
    productId: l.product_id,
    sku: l.sku,
    name: l.name,
    names: l.product_id === null ? null : { zh: l.name_zh, en: l.name_en },
    qtyMilli: l.qty_milli,
    unitPriceMinor: l.unit_price_minor,
    listUnitPriceMinor: l.list_unit_price_minor,
    taxRateBp: l.tax_rate_bp,
    discount: parseDiscount(l.discount),
    originalLineId: l.original_line_id,
    restock: l.restock === null ? null : l.restock === 1,
    scaleLabel: l.scale_label,
    soldByWeight: l.sold_by_weight === 1,
    ...amounts,
  };
}

/** Pure: the view of a document from its rows. */
export function assembleView(
  doc: DocumentRow,
  lines: readonly LineRow[],
  paymentRows: readonly PaymentRow[],
  operator: string,
  cashStep: number,
): DocumentView {
  const pricesIncludeTax = doc.prices_include_tax === 1;
  let lineViews: LineView[];
  let totals: TotalsView;
  if (hasStoredAmounts(doc, lines)) {
    lineViews = lines.map((l) =>
      lineView(l, {
        grossMinor: l.gross_minor ?? 0,
        lineDiscountMinor: l.line_discount_minor ?? 0,
        orderDiscountMinor: l.order_discount_minor ?? 0,
        totalMinor: l.total_minor ?? 0,
        taxMinor: l.tax_minor ?? 0,
      }),
    );
    const sum = (pick: (l: LineView) => number) => lineViews.reduce((s, l) => s + pick(l), 0);
    totals = {
      grossMinor: doc.gross_minor ?? sum((l) => l.grossMinor),
      discountMinor: doc.discount_minor ?? sum((l) => l.lineDiscountMinor + l.orderDiscountMinor),
      taxMinor: doc.tax_minor ?? sum((l) => l.taxMinor),
      totalMinor: doc.total_minor ?? sum((l) => l.totalMinor),
      taxBreakdown: breakdownOf(lineViews, pricesIncludeTax),
    };
  } else {
    const amounts = computeSale(
      lines.map((l) => ({ qtyMilli: l.qty_milli, unitPriceMinor: l.unit_price_minor, taxRateBp: l.tax_rate_bp, discount: parseDiscount(l.discount) })),
      parseDiscount(doc.order_discount),
      pricesIncludeTax,
    );
    lineViews = lines.map((l, i) => {
      const a = amounts.lines[i];
      if (!a) throw new Error('line amounts out of step');
      return lineView(l, a);
    });
    totals = amounts.totals;
  }
  const base: DocumentView = {
    id: doc.id,
    kind: doc.kind,
    status: doc.status,
    registerId: doc.register_id,
    // Training numbers are kept negated (ledger/migrations/012-training.ts); shown positive beside the mark.
    receiptNo: doc.receipt_no === null ? null : Math.abs(doc.receipt_no),
    training: doc.training === 1,
    businessDay: doc.business_day,
    operatorId: doc.operator_id,
    operatorName: operator,
    originalDocumentId: doc.original_document_id,
    reason: doc.reason,
    approverId: doc.approver_id,
    openedAt: doc.opened_at,
    completedAt: doc.completed_at,
    note: doc.note,
    heldAt: doc.held_at ?? null,
    orderDiscount: parseDiscount(doc.order_discount),
    lines: lineViews,
    totals,
    payments: [],
    paidMinor: 0,
    remainingMinor: 0,
    cashDueMinor: 0,
    roundingMinor: doc.rounding_minor ?? 0,
    changeMinor: 0,
    grandTotalMinor: doc.grand_total_minor,
  };
  return withPayments(base, paymentRows.map(paymentView), cashStep, doc.change_minor);
}

/**
 * The same view with `payments` in place of its payments and every figure that depends on them
 * recomputed: how a call that has just taken a payment answers without reading the document again.
 */
export function withPayments(view: DocumentView, payments: PaymentView[], cashStep: number, frozenChangeMinor: number | null = null): DocumentView {
  const paidMinor = payments.reduce((s, p) => s + p.amountMinor, 0);
  const remainingMinor = Math.max(0, view.totals.totalMinor + view.roundingMinor - paidMinor);
  return {
    ...view,
    payments,
    paidMinor,
    remainingMinor,
    cashDueMinor: view.status === 'open' ? roundToStep(remainingMinor, cashStep) : 0,
    changeMinor: frozenChangeMinor ?? payments.reduce((s, p) => s + p.changeMinor, 0),
  };
}
