// The terminal's end-of-day set against the card payments the register booked for that batch.
// Pure. The terminal reports per card slot (BMP 60: count and amount of payments), the total the
// bank will pay, and the range of its receipt numbers; the ledger has every payment with the
// terminal's receipt number. ZVT gives no amount per terminal receipt, so only the register's side
// can be named payment by payment: a payment the terminal cannot have (no number, or one outside
// the batch) is named with its own amount; what remains is compared slot by slot. A slot line's
// difference is only said to be the amount of the payments it names (`exact`) when nothing else in
// the slot can have gone into it; otherwise it is the slots' totals' difference, which may combine
// several differences (a foreign payment and an under-booking, say).
import type { CardReconciliationView, ReconciliationBrandView, ReconciliationDifferenceView } from '../../preload/contract/day-close-views';
import type { DocumentKind } from '../../preload/contract/document-views';
import { TOTAL_BRANDS } from '../hardware/terminal/status-info';

export interface ReconBatch {
  id: number;
  closedAt: number;
  terminalId: string | null;
  totalMinor: number;
  brands: readonly { brand: string; count: number; amountMinor: number }[];
  receiptFrom: number | null;
  receiptTo: number | null;
}

export interface ReconPayment {
  paymentId: number;
  documentKind: DocumentKind;
  documentReceiptNo: number;
  brand: string | null;
  amountMinor: number;
  terminalReceiptNo: number | null;
  /** A correction's part: the sale payment it gives back. */
  originalPaymentId: number | null;
  /**
   * Given back by reversing the payment on the terminal (06 30) rather than refunding it (06 31):
   * the terminal then drops the payment from its totals instead of counting a refund.
   */
  byReversal: boolean;
}

const OTHER = 'other';
// Names a card is booked under that settle in another slot ([CC]: the ec slot takes Maestro and V PAY).
const ALIASES: Record<string, string> = {
  amex: 'American Express',
  'american express': 'American Express',
  mastercard: 'Mastercard',
  eurocard: 'Mastercard',
  maestro: 'girocard',
  'v pay': 'girocard',
  'ec-card': 'girocard',
};

/** The terminal's totals slot a card brand counts in. */
export function brandSlot(brand: string | null): string {
  if (!brand) return OTHER;
  const key = brand.trim().toLowerCase();
  const alias = ALIASES[key];
  if (alias) return alias;
  return TOTAL_BRANDS.find((b) => b.toLowerCase() === key) ?? OTHER;
}

function slotOrder(brand: string): number {
  const i = (TOTAL_BRANDS as readonly string[]).indexOf(brand);
  return i < 0 ? TOTAL_BRANDS.length : i;
}

interface Sum {
  count: number;
  amountMinor: number;
}

function add(map: Map<string, Sum>, brand: string, count: number, amountMinor: number): void {
  const s = map.get(brand) ?? { count: 0, amountMinor: 0 };
  s.count += count;
  s.amountMinor += amountMinor;
  map.set(brand, s);
}

/** Longest list of unmatched terminal receipt numbers carried on a line. */
const MAX_LISTED = 100;

export function reconcileCards(batches: readonly ReconBatch[], payments: readonly ReconPayment[]): CardReconciliationView {
  const ranges = batches.filter((b) => b.receiptFrom !== null && b.receiptTo !== null).map((b) => ({ from: b.receiptFrom ?? 0, to: b.receiptTo ?? 0 }));
  const inBatch = (n: number) => ranges.some((r) => n >= r.from && n <= r.to);

  const terminal = new Map<string, Sum>();
  for (const b of batches) for (const x of b.brands) add(terminal, brandSlot(x.brand), x.count, x.amountMinor);
  const terminalTotal = batches.reduce((s, b) => s + b.totalMinor, 0);

  const reversed = new Set(payments.filter((p) => p.byReversal && p.originalPaymentId !== null).map((p) => p.originalPaymentId));
  const sales = payments.filter((p) => p.documentKind === 'sale' && !reversed.has(p.paymentId));
  const refundsMinor = payments.filter((p) => p.documentKind !== 'sale' && !p.byReversal).reduce((s, p) => s + p.amountMinor, 0);
  const registerAll = new Map<string, Sum>();
  const matched = new Map<string, Sum>();
  const matchedPayments = new Map<string, ReconPayment[]>();
  const differences: ReconciliationDifferenceView[] = [];

  for (const p of sales) {
    const slot = brandSlot(p.brand);
    add(registerAll, slot, 1, p.amountMinor);
    if (p.terminalReceiptNo !== null && inBatch(p.terminalReceiptNo)) {
      add(matched, slot, 1, p.amountMinor);
      matchedPayments.set(slot, [...(matchedPayments.get(slot) ?? []), p]);
      continue;
    }
    differences.push({
      kind: 'missing_on_terminal',
      brand: slot,
      count: 1,
      terminalMinor: 0,
      registerMinor: p.amountMinor,
      differenceMinor: -p.amountMinor,
      documentReceiptNo: p.documentReceiptNo,
      terminalReceiptNo: p.terminalReceiptNo,
      terminalReceiptNos: [],
      exact: true,
    });
  }

  const slots = [...new Set([...terminal.keys(), ...registerAll.keys()])].sort((a, b) => slotOrder(a) - slotOrder(b));
  const missingOnRegister: ReconciliationDifferenceView[] = [];
  for (const slot of slots) {
    const t = terminal.get(slot) ?? { count: 0, amountMinor: 0 };
    const r = matched.get(slot) ?? { count: 0, amountMinor: 0 };
    const dc = t.count - r.count;
    const da = t.amountMinor - r.amountMinor;
    if (dc === 0 && da === 0) continue;
    // The difference is the named payments' own amount only when the other side of the slot is
    // empty, or when each side holds the one payment (then it is that payment's difference).
    const exact = dc > 0 ? r.count === 0 : dc < 0 ? t.count === 0 : t.count === 1;
    const [only] = matchedPayments.get(slot) ?? [];
    const single = exact && dc <= 0 && r.count === 1 && only ? only : null;
    const line: ReconciliationDifferenceView = {
      kind: dc > 0 ? 'missing_on_register' : dc < 0 ? 'missing_on_terminal' : 'amount_differs',
      brand: slot,
      count: dc === 0 ? t.count : Math.abs(dc),
      terminalMinor: t.amountMinor,
      registerMinor: r.amountMinor,
      differenceMinor: da,
      documentReceiptNo: single?.documentReceiptNo ?? null,
      terminalReceiptNo: single?.terminalReceiptNo ?? null,
      terminalReceiptNos: [],
      exact,
    };
    differences.push(line);
    if (line.kind === 'missing_on_register') missingOnRegister.push(line);
  }

  // Numbers in the batch no payment of ours carries. Reversals take numbers too, so they are
  // only pinned on a line when exactly one slot is short of payments.
  const known = new Set(payments.map((p) => p.terminalReceiptNo).filter((n): n is number => n !== null));
  const [onlyMissing] = missingOnRegister;
  if (missingOnRegister.length === 1 && onlyMissing) {
    for (const r of ranges) {
      for (let n = r.from; n <= r.to && onlyMissing.terminalReceiptNos.length < MAX_LISTED; n++) if (!known.has(n)) onlyMissing.terminalReceiptNos.push(n);
    }
  }

  // What the slot lines explain of the total; what they do not (refunds, which BMP 60 does not split) is a line of its own.
  const registerNet = sales.reduce((s, p) => s + p.amountMinor, 0) - refundsMinor;
  const explained = differences.reduce((s, d) => s + d.differenceMinor, 0);
  const unexplained = terminalTotal - registerNet - explained;
  if (unexplained !== 0) {
    differences.push({
      kind: 'total_differs',
      brand: null,
      count: 0,
      terminalMinor: terminalTotal,
      registerMinor: registerNet,
      differenceMinor: unexplained,
      documentReceiptNo: null,
      terminalReceiptNo: null,
      terminalReceiptNos: [],
      exact: false,
    });
  }

  const brands: ReconciliationBrandView[] = slots.map((brand) => ({
    brand,
    terminalCount: terminal.get(brand)?.count ?? 0,
    terminalMinor: terminal.get(brand)?.amountMinor ?? 0,
    registerCount: registerAll.get(brand)?.count ?? 0,
    registerMinor: registerAll.get(brand)?.amountMinor ?? 0,
  }));
  const from = ranges.length ? Math.min(...ranges.map((r) => r.from)) : null;
  const to = ranges.length ? Math.max(...ranges.map((r) => r.to)) : null;
  return {
    status: differences.length > 0 ? 'differences' : 'matched',
    skipReason: null,
    batchIds: batches.map((b) => b.id),
    terminalId: batches.find((b) => b.terminalId !== null)?.terminalId ?? null,
    receiptFrom: from,
    receiptTo: to,
    terminalTotalMinor: terminalTotal,
    registerTotalMinor: registerNet,
    registerRefundsMinor: refundsMinor,
    brands,
    differences,
  };
}

/** No terminal, or its end of day could not run and the closer went on with a reason: the day's card takings as the register booked them. */
export function noReconciliation(
  status: 'no_terminal' | 'skipped',
  reason: string | null,
  card: { inMinor: number; outMinor: number },
): CardReconciliationView {
  return {
    status,
    skipReason: reason,
    batchIds: [],
    terminalId: null,
    receiptFrom: null,
    receiptTo: null,
    terminalTotalMinor: 0,
    registerTotalMinor: card.inMinor - card.outMinor,
    registerRefundsMinor: card.outMinor,
    brands: [],
    differences: [],
  };
}
