// The figures of an X or Z report from the rows of its documents. Pure: the ledger hands over the
// documents (one row each) and the per-rate and per-tender sums, this adds them up the way the
// report prints them. Refunds and voids are stored positive; here they count against the sales.
import type {
  HourFiguresView,
  KindFiguresView,
  OperatorFiguresView,
  ReportFiguresView,
  TaxFiguresView,
  TenderFiguresView,
} from '../../preload/contract/day-close-views';
import type { DocumentKind, PaymentMethod } from '../../preload/contract/document-views';
import type { CashMovementKind } from '../../preload/contract/shift-views';
import { localHourOf } from '../business-day/business-day';

export interface FigureDocument {
  kind: DocumentKind;
  receiptNo: number;
  operatorId: number;
  completedAt: number;
  totalMinor: number;
  taxMinor: number;
  discountMinor: number;
}

export interface FigureTaxRow {
  kind: DocumentKind;
  rateBp: number;
  grossMinor: number;
  taxMinor: number;
}

export interface FigurePaymentRow {
  kind: DocumentKind;
  method: PaymentMethod;
  count: number;
  amountMinor: number;
}

export interface FigureInput {
  documents: readonly FigureDocument[];
  taxRows: readonly FigureTaxRow[];
  paymentRows: readonly FigurePaymentRow[];
  operatorNames: ReadonlyMap<number, string>;
  timeZone: string;
  noSales: number;
  duplicates: number;
  movements: Record<CashMovementKind, { count: number; amountMinor: number }>;
  /** The credit exchanges spent on their new goods (see ReportFiguresView.exchangeCreditSpent). */
  exchangeCreditSpent: { count: number; amountMinor: number };
  /** The discount share of the goods refunded or voided in the scope (see ReportFiguresView.discounts). */
  returnedDiscounts: { count: number; amountMinor: number };
}

const KINDS: readonly DocumentKind[] = ['sale', 'refund', 'void'];
const METHODS: readonly PaymentMethod[] = ['cash', 'card', 'scan'];
const MOVEMENT_KINDS: readonly CashMovementKind[] = ['paid_in', 'paid_out', 'safe_drop', 'float_top_up'];

/** +1 for a sale, −1 for a refund or void: which way the money went. */
export function sign(kind: DocumentKind): 1 | -1 {
  return kind === 'sale' ? 1 : -1;
}

export function reportFigures(input: FigureInput): ReportFiguresView {
  const kinds = new Map<DocumentKind, KindFiguresView>(KINDS.map((k) => [k, { kind: k, count: 0, totalMinor: 0, taxMinor: 0 }]));
  const operators = new Map<number, OperatorFiguresView>();
  const hours: Required<HourFiguresView>[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    salesCount: 0,
    salesMinor: 0,
    refundsMinor: 0,
    voidsMinor: 0,
    discountMinor: 0,
    netMinor: 0,
  }));
  // Discounts are given on sales, gross, as the sales are; the share of goods that came back is
  // beside them, as the refunds are beside the sales (given − returned = kept).
  const discounts = { count: 0, amountMinor: 0, returnedCount: input.returnedDiscounts.count, returnedMinor: input.returnedDiscounts.amountMinor };
  let first: number | null = null;
  let last: number | null = null;

  for (const d of input.documents) {
    const k = kinds.get(d.kind);
    if (k) {
      k.count += 1;
      k.totalMinor += d.totalMinor;
      k.taxMinor += d.taxMinor;
    }
    first = first === null || d.receiptNo < first ? d.receiptNo : first;
    last = last === null || d.receiptNo > last ? d.receiptNo : last;
    let op = operators.get(d.operatorId);
    if (!op) {
      op = {
        operatorId: d.operatorId,
        operatorName: input.operatorNames.get(d.operatorId) ?? '',
        salesCount: 0,
        salesMinor: 0,
        correctionsCount: 0,
        correctionsMinor: 0,
        netMinor: 0,
      };
      operators.set(d.operatorId, op);
    }
    const hour = hours[localHourOf(d.completedAt, input.timeZone)];
    if (d.kind === 'sale') {
      op.salesCount += 1;
      op.salesMinor += d.totalMinor;
      if (hour) {
        hour.salesCount += 1;
        hour.salesMinor += d.totalMinor;
        hour.discountMinor += d.discountMinor;
      }
      if (d.discountMinor > 0) {
        discounts.count += 1;
        discounts.amountMinor += d.discountMinor;
      }
    } else {
      op.correctionsCount += 1;
      op.correctionsMinor += d.totalMinor;
      if (hour && d.kind === 'refund') hour.refundsMinor += d.totalMinor;
      else if (hour) hour.voidsMinor += d.totalMinor;
    }
    op.netMinor += sign(d.kind) * d.totalMinor;
    if (hour) hour.netMinor += sign(d.kind) * d.totalMinor;
  }

  const rates = new Map<number, TaxFiguresView>();
  for (const r of input.taxRows) {
    const entry = rates.get(r.rateBp) ?? { rateBp: r.rateBp, netMinor: 0, taxMinor: 0, grossMinor: 0 };
    const s = sign(r.kind);
    entry.grossMinor += s * r.grossMinor;
    entry.taxMinor += s * r.taxMinor;
    entry.netMinor += s * (r.grossMinor - r.taxMinor);
    rates.set(r.rateBp, entry);
  }

  const tenders = new Map<PaymentMethod, TenderFiguresView>(
    METHODS.map((m) => [m, { method: m, inCount: 0, inMinor: 0, outCount: 0, outMinor: 0, netMinor: 0 }]),
  );
  for (const p of input.paymentRows) {
    let t = tenders.get(p.method);
    if (!t) {
      t = { method: p.method, inCount: 0, inMinor: 0, outCount: 0, outMinor: 0, netMinor: 0 };
      tenders.set(p.method, t);
    }
    if (p.kind === 'sale') {
      t.inCount += p.count;
      t.inMinor += p.amountMinor;
    } else {
      t.outCount += p.count;
      t.outMinor += p.amountMinor;
    }
    t.netMinor += sign(p.kind) * p.amountMinor;
  }

  const kindList = KINDS.map((k) => kinds.get(k) ?? { kind: k, count: 0, totalMinor: 0, taxMinor: 0 });
  return {
    documentCount: input.documents.length,
    firstReceiptNo: first,
    lastReceiptNo: last,
    kinds: kindList,
    tenders: [...tenders.values()],
    taxRates: [...rates.values()].sort((a, b) => a.rateBp - b.rateBp),
    operators: [...operators.values()].sort((a, b) => a.operatorId - b.operatorId),
    hours,
    discounts,
    netMinor: kindList.reduce((s, k) => s + sign(k.kind) * k.totalMinor, 0),
    netTaxMinor: kindList.reduce((s, k) => s + sign(k.kind) * k.taxMinor, 0),
    noSales: input.noSales,
    duplicates: input.duplicates,
    cashMovements: MOVEMENT_KINDS.map((kind) => ({ kind, count: input.movements[kind].count, amountMinor: input.movements[kind].amountMinor })),
    exchangeCreditSpent: input.exchangeCreditSpent,
  };
}
