// What every rule is written with: the history it asks, the context it is judged in, and the
// alert it drafts. Pure, like the rules (fraud-rules.ts re-exports it for the rules' readers).
import type { FraudParams, FraudRule, FraudScope, FraudThresholds } from '../../preload/contract/fraud-views';
import type { CashOutRefusedFact, DeclineFact, Fact, NoSaleFact, SaleFact } from './fraud-facts';

export interface OriginalSale {
  operatorId: number;
  /** Paid, at least in part, by card or a payment code: money that did not come in as cash. */
  paidElectronically: boolean;
}

/** Which recent facts a rule asks for: at or after `since`, newest first (by journal seq), at most `limit`. */
export interface RecentQuery {
  since: number;
  limit: number;
}

/** A business day's completed sales on a register: what they came to, and what discounts and 改价 took off. */
export interface DayTotals {
  salesMinor: number;
  discountMinor: number;
  overrideMinor: number;
}

export interface FraudHistory {
  /** Completed sales of the register (and operator), under or at least an amount. */
  recentSales(q: RecentQuery & { registerId: string; operatorId?: number; underMinor?: number; atLeastMinor?: number }): readonly SaleFact[];
  /** Count and sum of the register's completed sales of at least an amount since `since`. */
  salesSum(q: { since: number; registerId: string; atLeastMinor: number }): { count: number; sumMinor: number };
  recentDeclines(q: RecentQuery & { maskedPan?: string; operatorId?: number }): readonly DeclineFact[];
  recentNoSales(q: RecentQuery & { operatorId: number }): readonly NoSaleFact[];
  recentCashOutRefusals(q: RecentQuery & { operatorId: number }): readonly CashOutRefusedFact[];
  original(documentId: string): OriginalSale | null;
  /** The cash handed back by cancelling the sale (its sale.cash_returned entries, added up). */
  cashReturned(saleId: string): number;
  /** Who confirmed the close of a shift (its shift.closed entry), or null if it has none. */
  shiftClosedBy(shiftId: number): number | null;
  /** The business day's completed sales on the register so far (the new one included). */
  dayTotals(registerId: string, businessDay: string): DayTotals;
  /** An alert of this rule and scope was raised at or after `since`. */
  alertedSince(rule: FraudRule, scopeKey: string, since: number): boolean;
  alertedOnDay(rule: FraudRule, scopeKey: string, businessDay: string): boolean;
}

/** At most this many facts are named as an alert's evidence (the figures still count them all). */
export const EVIDENCE_LIMIT = 50;

export interface AlertDraft {
  rule: FraudRule;
  scope: FraudScope;
  registerId: string;
  operatorId: number | null;
  businessDay: string;
  at: number;
  triggerSeq: number;
  documentIds: string[];
  seqs: number[];
  params: FraudParams;
}

export interface RuleContext {
  thresholds: FraudThresholds;
  history: FraudHistory;
  /** The register this ledger belongs to: facts without one (a decline, a no-sale) are its. */
  registerId: string;
  timeZone: string;
  /** The business day an entry without a document falls in. */
  businessDayOf(at: number): string;
}

export function scopeKey(scope: FraudScope): string {
  switch (scope.kind) {
    case 'register':
      return `register:${scope.registerId}`;
    case 'operator':
      return `operator:${scope.operatorId}`;
    case 'card':
      return `card:${scope.maskedPan}`;
    case 'document':
      return `document:${scope.documentId}`;
  }
}

/**
 * The receipts an alert names: each sale, and for a refund or void the sale it corrects before it,
 * so "void after payment" names the sale voided (R1-000001), not only the void (R1-000005).
 */
function evidenceDocuments(evidence: readonly Fact[]): string[] {
  const ids = evidence.flatMap((e) =>
    e.type === 'sale' ? [e.documentId] : e.type === 'correction' ? [...(e.originalDocumentId === null ? [] : [e.originalDocumentId]), e.documentId] : [],
  );
  return [...new Set(ids)];
}

export function draft(fact: Fact, rule: FraudRule, scope: FraudScope, ctx: RuleContext, evidence: Fact[], params: FraudParams): AlertDraft {
  const documented = fact.type === 'sale' || fact.type === 'correction';
  return {
    rule,
    scope,
    registerId: documented || fact.type === 'handover' ? fact.registerId : ctx.registerId,
    operatorId: fact.operatorId,
    businessDay: documented ? fact.businessDay : ctx.businessDayOf(fact.at),
    at: fact.at,
    triggerSeq: fact.seq,
    documentIds: evidenceDocuments(evidence),
    // Oldest first, as they happened.
    seqs: evidence.map((e) => e.seq).sort((a, b) => a - b),
    params,
  };
}
