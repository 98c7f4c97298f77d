// Completing a document, whatever its kind: freeze its amounts, take the register's next gapless
// receipt number, add it to the perpetual grand total, stamp its business day and its shift, and
// journal it, all in the caller's transaction at synchronous=FULL so none of it can exist without
// the rest. Triggers make the document immutable from then on. No document completes outside an
// open shift, and none joins a business day a Z has closed.
import type { DocumentView } from '../../preload/contract/views';
import type { BusinessDayRule } from '../business-day/business-day';
import { newDocumentDay } from '../day-close/closed-days';
import type { Db } from '../ledger/database';
import { assertFullDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { priceOverrideMinor } from '../money/sale-totals';
import { documentDigest } from './document-digest';
import { requireOpenShift } from '../shift/shift-rows';
import type { DocumentCompleted } from './document-journal';

export interface Completion {
  /** Who completes it (the cashier at the till when the last tender arrived). */
  operatorId: number;
  operatorName: string;
  /** Cash rounding of the last tender, in minor units (may be negative). */
  roundingMinor: number;
  now: number;
  businessDay: BusinessDayRule;
}

/**
 * Completes `view`, the document as it stands with every payment taken (read once by the caller,
 * in this transaction), and returns it completed, without reading it again.
 */
export function completeDocument(db: Db, view: DocumentView, c: Completion): DocumentView {
  assertFullDurability(db);
  const shift = requireOpenShift(db, view.registerId);
  const freeze = sql(
    db,
    'UPDATE document_lines SET gross_minor = ?, line_discount_minor = ?, order_discount_minor = ?, total_minor = ?, tax_minor = ? WHERE id = ?',
  );
  for (const line of view.lines) freeze.run(line.grossMinor, line.lineDiscountMinor, line.orderDiscountMinor, line.totalMinor, line.taxMinor, line.id);

  const counter = sql(
    db,
    `INSERT INTO register_counters (register_id, last_receipt_no, grand_total_minor) VALUES (?, 1, ?)
     ON CONFLICT(register_id) DO UPDATE SET last_receipt_no = last_receipt_no + 1, grand_total_minor = grand_total_minor + excluded.grand_total_minor
     RETURNING last_receipt_no, grand_total_minor`,
  ).get(counterKey(view), signedTotal(view)) as { last_receipt_no: number; grand_total_minor: number };
  const receiptNo = view.training ? -counter.last_receipt_no : counter.last_receipt_no;
  const changeMinor = view.payments.reduce((s, p) => s + p.changeMinor, 0);
  const businessDay = newDocumentDay(db, view.registerId, c.businessDay, c.now);
  const overrideMinor = priceOverrideMinor(view.lines);
  sql(
    db,
    `UPDATE documents SET status = 'completed', receipt_no = ?, business_day = ?, shift_id = ?, completed_at = ?, operator_id = ?,
       gross_minor = ?, discount_minor = ?, tax_minor = ?, total_minor = ?, rounding_minor = ?, change_minor = ?, grand_total_minor = ?,
       override_minor = ?
     WHERE id = ?`,
  ).run(
    receiptNo,
    businessDay,
    shift.id,
    c.now,
    c.operatorId,
    view.totals.grossMinor,
    view.totals.discountMinor,
    view.totals.taxMinor,
    view.totals.totalMinor,
    c.roundingMinor,
    changeMinor,
    counter.grand_total_minor,
    overrideMinor,
    view.id,
  );

  const completed: DocumentView = {
    ...view,
    status: 'completed',
    receiptNo: counter.last_receipt_no,
    businessDay,
    completedAt: c.now,
    operatorId: c.operatorId,
    operatorName: c.operatorName,
    roundingMinor: c.roundingMinor,
    changeMinor,
    grandTotalMinor: counter.grand_total_minor,
    remainingMinor: Math.max(0, view.totals.totalMinor + c.roundingMinor - view.paidMinor),
    cashDueMinor: 0,
  };
  // The digest is read back from the rows just written, so it is what verification will recompute.
  const digest = documentDigest(db, view.id);
  if (digest === null) throw new Error(`document ${view.id} vanished while completing`);
  appendJournal(db, `${view.kind}.completed`, completedEntry(completed, digest), c.now);
  return completed;
}

/**
 * The counter a document takes its number and grand total from. Training documents have their
 * own (registerId + '#training': '#' is not allowed in a register id), so they never move the
 * real series or the perpetual grand total.
 */
function counterKey(v: Pick<DocumentView, 'registerId' | 'training'>): string {
  return v.training ? `${v.registerId}#training` : v.registerId;
}

/**
 * What a document adds to the perpetual grand total: a sale its total, a correction (refund,
 * void) minus its total. Documents store positive amounts; the kind says which way money went.
 */
export function signedTotal(v: Pick<DocumentView, 'kind' | 'totals'>): number {
  return v.kind === 'sale' ? v.totals.totalMinor : -v.totals.totalMinor;
}

/**
 * The entry binds the document to the chain by its digest and names it; every figure is in the
 * rows the digest covers (see document-journal.ts for why each field is kept).
 */
function completedEntry(v: DocumentView, documentSha256: string): DocumentCompleted {
  return {
    saleId: v.id,
    receiptNo: v.receiptNo ?? 0,
    documentSha256,
    ...(v.training ? { training: true as const } : {}),
  };
}
