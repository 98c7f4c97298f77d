// The card and scan-to-pay parts of a correction that gives money back to more than one of them,
// read from the ledger: the plan (correction_plans, written with the correction) names each part,
// and a part has gone back once the correction holds a payment for it (to its card, its wallet,
// or in cash with a supervisor). Nothing here talks to a terminal or a provider.
import type { CorrectionPartView } from '../../preload/contract/refund';
import type { PaymentMethod } from '../../preload/contract/views';
import { businessDayRule } from '../business-day/business-day';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import { findDocument } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { refundDetails, type ScanRefundRow } from '../scan-pay/scan-refunds';
import { getSettings } from '../settings/settings';

export interface PlanPart {
  paymentId: number;
  method: PaymentMethod;
  amountMinor: number;
  /**
   * Payments of the correction up to this id are not this part going back: an exchange's credit,
   * booked as cash from the same sale payment when the correction opened (the money that paid the
   * new goods), while the rest of that payment goes back to its card.
   */
  afterPaymentId?: number;
}

interface IntentSummary {
  id: number;
  state: string;
  reason: string | null;
}

/** The correction's card and scan-to-pay parts in the order they go back (cards first), or null when it has none planned. */
export function planParts(db: Db, documentId: string): PlanPart[] | null {
  const row = sql(db, 'SELECT parts FROM correction_plans WHERE document_id = ?').get(documentId) as { parts: string } | undefined;
  return row ? (JSON.parse(row.parts) as PlanPart[]) : null;
}

/**
 * A plan whose parts go back one after another and are listed one by one, so that a part refused
 * after another went back waits for the cashier (retry, or cash): one with a card part, or with
 * more than one part (two wallets). A single wallet part is the provider refunds' alone.
 */
export function goesPartByPart(parts: readonly PlanPart[] | null): parts is PlanPart[] {
  return parts !== null && (parts.some((p) => p.method === 'card') || parts.length > 1);
}

/** The correction's payment given for `paymentId` (to the card, the wallet, or in cash), if any; `afterPaymentId` see PlanPart. */
export function paymentFor(db: Db, documentId: string, paymentId: number, afterPaymentId = 0): { id: number; method: PaymentMethod } | undefined {
  return sql(
    db,
    'SELECT p.id, p.method FROM payments p JOIN documents d ON d.pk = p.document_pk WHERE d.id = ? AND p.original_payment_id = ? AND p.id > ? ORDER BY p.id LIMIT 1',
  ).get(documentId, paymentId, afterPaymentId) as { id: number; method: PaymentMethod } | undefined;
}

export function latestIntent(db: Db, documentId: string, paymentId: number): IntentSummary | undefined {
  return sql(db, 'SELECT id, state, reason FROM card_intents WHERE sale_id = ? AND original_payment_id = ? ORDER BY id DESC LIMIT 1').get(
    documentId,
    paymentId,
  ) as IntentSummary | undefined;
}

export function latestScanRefund(db: Db, documentId: string, paymentId: number): ScanRefundRow | undefined {
  return sql(db, 'SELECT * FROM scan_refunds WHERE document_id = ? AND original_payment_id = ? ORDER BY id DESC LIMIT 1').get(documentId, paymentId) as
    ScanRefundRow | undefined;
}

/** Has any card or scan-to-pay part of the correction gone back (or been given in cash instead)? */
export function anyPartBack(db: Db, documentId: string, parts: readonly PlanPart[]): boolean {
  return parts.some((p) => paymentFor(db, documentId, p.paymentId, p.afterPaymentId) !== undefined);
}

/** Books a scan part the provider confirmed, once (call in a transaction). */
export function takeScanPart(db: Db, documentId: string, row: ScanRefundRow, now: number): void {
  if (row.state !== 'done' || paymentFor(db, documentId, row.original_payment_id)) return;
  takePayment(
    db,
    documentView(db, documentId),
    {
      method: 'scan',
      amountMinor: row.amount_minor,
      tenderedMinor: row.amount_minor,
      changeMinor: 0,
      card: null,
      scan: refundDetails(db, row),
      originalPaymentId: row.original_payment_id,
    },
    now,
    0,
  );
}

/**
 * Completes the open correction once every planned part has gone back (call in a transaction);
 * the cash parts were taken when it opened and leave the drawer now. Returns whether it completed.
 */
export function completeIfAllBack(db: Db, documentId: string, now: number): boolean {
  const doc = findDocument(db, documentId);
  if (doc.status !== 'open') return false;
  const parts = planParts(db, documentId) ?? [];
  for (const part of parts) {
    if (part.method !== 'scan') continue;
    const row = latestScanRefund(db, documentId, part.paymentId);
    if (row) takeScanPart(db, documentId, row, now);
  }
  if (!parts.every((p) => paymentFor(db, documentId, p.paymentId, p.afterPaymentId))) return false;
  completeCorrection(db, documentId, doc.operator_id, now);
  return true;
}

/** Completes a correction whose money has all gone back, in the name of the operator who started it. */
export function completeCorrection(db: Db, documentId: string, operatorId: number, now: number): void {
  const settings = getSettings(db);
  const view = documentView(db, documentId, settings.cashRoundingStepMinor);
  const operatorName = (sql(db, 'SELECT name FROM operators WHERE id = ?').get(operatorId) as { name: string } | undefined)?.name ?? '';
  completeDocument(db, view, {
    operatorId,
    operatorName,
    roundingMinor: view.paidMinor - view.totals.totalMinor,
    now,
    businessDay: businessDayRule(settings),
  });
}

const OPEN_INTENT = new Set(['created', 'sent', 'in_progress']);
const OPEN_SCAN = new Set(['created', 'sent', 'pending']);

/** Where each planned part stands, as the return screen lists them. */
export function partViews(db: Db, documentId: string): CorrectionPartView[] {
  const parts = planParts(db, documentId) ?? [];
  return parts.map((part) => {
    const paid = sql(db, 'SELECT card, scan FROM payments WHERE id = ?').get(part.paymentId) as { card: string | null; scan: string | null } | undefined;
    const card = paid?.card ? (JSON.parse(paid.card) as { maskedPan?: string | null }) : null;
    const scan = paid?.scan ? (JSON.parse(paid.scan) as { provider?: 'wechat' | 'alipay' }) : null;
    const base = {
      paymentId: part.paymentId,
      method: part.method,
      amountMinor: part.amountMinor,
      maskedPan: card?.maskedPan ?? null,
      scanProvider: scan?.provider ?? null,
    };
    const given = paymentFor(db, documentId, part.paymentId, part.afterPaymentId);
    if (given) return { ...base, state: given.method === 'cash' ? 'cash' : 'back', reason: null };
    if (part.method === 'card') {
      const intent = latestIntent(db, documentId, part.paymentId);
      if (!intent) return { ...base, state: 'waiting', reason: null };
      if (OPEN_INTENT.has(intent.state)) return { ...base, state: 'running', reason: null };
      if (intent.state === 'unknown') return { ...base, state: 'unknown', reason: intent.reason };
      return { ...base, state: 'refused', reason: intent.reason ?? `terminal.result.${intent.state}` };
    }
    const row = latestScanRefund(db, documentId, part.paymentId);
    if (!row) return { ...base, state: 'waiting', reason: null };
    if (OPEN_SCAN.has(row.state)) return { ...base, state: 'running', reason: null };
    return { ...base, state: row.state === 'done' ? 'back' : 'refused', reason: row.provider_code };
  });
}
