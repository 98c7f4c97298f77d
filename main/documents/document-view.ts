import type { Discount } from '../../preload/contract/primitives';
import type { CardDetailsView, PaymentView, LineView, DocumentView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { computeSale } from '../money/sale-totals';
import { roundToStep } from '../money/integer-math';
import { defaultSettings } from '../settings/settings';
import { ServiceError } from '../common/service-error';
import { sql } from '../ledger/statements';

export interface DocumentRow {
  id: string;
  kind: DocumentView['kind'];
  status: DocumentView['status'];
  register_id: string;
  receipt_no: number | null;
  business_day: string | null;
  operator_id: number;
  opened_at: number;
  completed_at: number | null;
  note: string | null;
  order_discount: string | null;
  prices_include_tax: number;
  gross_minor: number | null;
  discount_minor: number | null;
  tax_minor: number | null;
  total_minor: number | null;
  rounding_minor: number | null;
  change_minor: number | null;
  grand_total_minor: number | null;
}

export interface LineRow {
  id: number;
  product_id: number | null;
  sku: string | null;
  name: string;
  qty_milli: number;
  unit_price_minor: number;
  tax_rate_bp: number;
  discount: string | null;
}

interface PaymentRow {
  id: number;
  method: PaymentView['method'];
  amount_minor: number;
  tendered_minor: number;
  change_minor: number;
  card: string | null;
}

function cashRoundingStep(db: Db): number {
  const row = sql(db, "SELECT value FROM settings WHERE key = 'cashRoundingStepMinor'").get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as number) : defaultSettings.cashRoundingStepMinor;
}

export function parseDiscount(json: string | null): Discount | null {
  return json === null ? null : (JSON.parse(json) as Discount);
}

export function findDocument(db: Db, id: string): DocumentRow {
  const row = sql(db, 'SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!row) throw new ServiceError('sale.not_found', { saleId: id });
  return row;
}

export function documentLines(db: Db, id: string): LineRow[] {
  return sql(
    db,
    'SELECT id, product_id, sku, name, qty_milli, unit_price_minor, tax_rate_bp, discount FROM document_lines WHERE document_id = ? ORDER BY position, id',
  ).all(id) as LineRow[];
}

/**
 * The whole sale as the cashier sees it. An open sale is computed from its lines every time, so
 * no stale total can exist; a completed one reads the same computation, frozen at completion.
 */
export function documentView(db: Db, id: string): DocumentView {
  const doc = findDocument(db, id);
  const lines = documentLines(db, id);
  const orderDiscount = parseDiscount(doc.order_discount);
  const amounts = computeSale(
    lines.map((l) => ({ qtyMilli: l.qty_milli, unitPriceMinor: l.unit_price_minor, taxRateBp: l.tax_rate_bp, discount: parseDiscount(l.discount) })),
    orderDiscount,
    doc.prices_include_tax === 1,
  );
  const payments = (
    sql(db, 'SELECT id, method, amount_minor, tendered_minor, change_minor, card FROM payments WHERE document_id = ? ORDER BY id').all(id) as PaymentRow[]
  ).map((p): PaymentView => ({
    id: p.id,
    method: p.method,
    amountMinor: p.amount_minor,
    tenderedMinor: p.tendered_minor,
    changeMinor: p.change_minor,
    card: p.card ? (JSON.parse(p.card) as CardDetailsView) : null,
  }));
  const operator = sql(db, 'SELECT name FROM operators WHERE id = ?').get(doc.operator_id) as { name: string } | undefined;
  const lineViews: LineView[] = lines.map((l, i) => {
    const a = amounts.lines[i];
    if (!a) throw new Error('line amounts out of step');
    return {
      id: l.id,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      qtyMilli: l.qty_milli,
      unitPriceMinor: l.unit_price_minor,
      taxRateBp: l.tax_rate_bp,
      discount: parseDiscount(l.discount),
      grossMinor: a.grossMinor,
      lineDiscountMinor: a.lineDiscountMinor,
      orderDiscountMinor: a.orderDiscountMinor,
      totalMinor: a.totalMinor,
      taxMinor: a.taxMinor,
    };
  });
  const totals =
    doc.status === 'completed' && doc.total_minor !== null
      ? {
          ...amounts.totals,
          grossMinor: doc.gross_minor ?? 0,
          discountMinor: doc.discount_minor ?? 0,
          taxMinor: doc.tax_minor ?? 0,
          totalMinor: doc.total_minor,
        }
      : amounts.totals;
  const paidMinor = payments.reduce((s, p) => s + p.amountMinor, 0);
  const roundingMinor = doc.rounding_minor ?? 0;
  const remainingMinor = Math.max(0, totals.totalMinor + roundingMinor - paidMinor);
  return {
    id: doc.id,
    kind: doc.kind,
    status: doc.status,
    registerId: doc.register_id,
    receiptNo: doc.receipt_no,
    businessDay: doc.business_day,
    operatorId: doc.operator_id,
    operatorName: operator?.name ?? '',
    openedAt: doc.opened_at,
    completedAt: doc.completed_at,
    note: doc.note,
    orderDiscount,
    lines: lineViews,
    totals,
    payments,
    paidMinor,
    remainingMinor,
    cashDueMinor: doc.status === 'open' ? roundToStep(remainingMinor, cashRoundingStep(db)) : 0,
    roundingMinor,
    changeMinor: doc.change_minor ?? payments.reduce((s, p) => s + p.changeMinor, 0),
    grandTotalMinor: doc.grand_total_minor,
  };
}
