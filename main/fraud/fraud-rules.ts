// The rules: given one new fact and what came before it, which patterns it completes. Pure: what
// came before is asked of a `FraudHistory`, which the live watch answers from the ledger and the
// recomputation from the journal alone, so both reach the same verdicts by the same code.
//
// Window rules ("N within T minutes") count the facts at or after `at - T` up to and including
// the new one, and raise once per scope and window: a burst that goes on does not raise again
// until a whole window has passed since its alert. A count rule asks for at most N facts, so its
// cost does not grow with a busy window.
import type { FraudScope } from '../../preload/contract/fraud-views';
import { localHourOf } from '../business-day/business-day';
import type { CancelFact, CashOutRefusedFact, CorrectionFact, DeclineFact, Fact, NoSaleFact, SaleFact } from './fraud-facts';
import { draft, EVIDENCE_LIMIT, scopeKey, type AlertDraft, type RuleContext } from './fraud-rule-kit';
import { handoverDifference } from './handover-rule';

export { EVIDENCE_LIMIT, scopeKey } from './fraud-rule-kit';
export type { AlertDraft, DayTotals, FraudHistory, OriginalSale, RecentQuery, RuleContext } from './fraud-rule-kit';

const MINUTE = 60_000;

function smallSalesBurst(fact: SaleFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.small_sales_burst;
  if (!t.enabled || fact.totalMinor >= t.underMinor) return [];
  const since = fact.at - t.windowMinutes * MINUTE;
  // Only whether the count is reached matters: the walk stops at `count`, however busy the window.
  const q = { since, limit: t.count, registerId: fact.registerId, underMinor: t.underMinor };
  const scopes: [FraudScope, () => readonly SaleFact[]][] = [
    [{ kind: 'register', registerId: fact.registerId }, () => ctx.history.recentSales(q)],
    [{ kind: 'operator', operatorId: fact.operatorId }, () => ctx.history.recentSales({ ...q, operatorId: fact.operatorId })],
  ];
  const alerts: AlertDraft[] = [];
  for (const [scope, find] of scopes) {
    const sales = find();
    if (sales.length < t.count || ctx.history.alertedSince('small_sales_burst', scopeKey(scope), since)) continue;
    alerts.push(
      draft(fact, 'small_sales_burst', scope, ctx, [...sales].reverse(), {
        count: sales.length,
        sumMinor: sales.reduce((s, x) => s + x.totalMinor, 0),
        limitCount: t.count,
        underMinor: t.underMinor,
        windowMinutes: t.windowMinutes,
      }),
    );
  }
  return alerts;
}

function largeSalesWindow(fact: SaleFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.large_sales_window;
  if (!t.enabled || fact.totalMinor < t.largeSaleMinor) return [];
  const since = fact.at - t.windowMinutes * MINUTE;
  const scope: FraudScope = { kind: 'register', registerId: fact.registerId };
  const { count, sumMinor } = ctx.history.salesSum({ since, registerId: fact.registerId, atLeastMinor: t.largeSaleMinor });
  if (count < t.count && sumMinor < t.sumMinor) return [];
  if (ctx.history.alertedSince('large_sales_window', scopeKey(scope), since)) return [];
  const evidence = ctx.history.recentSales({ since, limit: EVIDENCE_LIMIT, registerId: fact.registerId, atLeastMinor: t.largeSaleMinor });
  return [
    draft(fact, 'large_sales_window', scope, ctx, [...evidence].reverse(), {
      count,
      sumMinor,
      largeSaleMinor: t.largeSaleMinor,
      limitCount: t.count,
      limitSumMinor: t.sumMinor,
      windowMinutes: t.windowMinutes,
    }),
  ];
}

function cardDeclines(fact: DeclineFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.card_declines;
  if (!t.enabled) return [];
  const since = fact.at - t.windowMinutes * MINUTE;
  const scopes: [FraudScope, () => readonly DeclineFact[]][] = [];
  const { maskedPan, operatorId } = fact;
  if (maskedPan) scopes.push([{ kind: 'card', maskedPan }, () => ctx.history.recentDeclines({ since, limit: t.count, maskedPan })]);
  if (operatorId !== null) scopes.push([{ kind: 'operator', operatorId }, () => ctx.history.recentDeclines({ since, limit: t.count, operatorId })]);
  const alerts: AlertDraft[] = [];
  for (const [scope, find] of scopes) {
    const list = find();
    if (list.length < t.count || ctx.history.alertedSince('card_declines', scopeKey(scope), since)) continue;
    alerts.push(draft(fact, 'card_declines', scope, ctx, [...list].reverse(), { count: list.length, limitCount: t.count, windowMinutes: t.windowMinutes }));
  }
  return alerts;
}

function noSaleOpenings(fact: NoSaleFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.no_sale_openings;
  if (!t.enabled) return [];
  const since = fact.at - t.windowMinutes * MINUTE;
  const scope: FraudScope = { kind: 'operator', operatorId: fact.operatorId };
  const list = ctx.history.recentNoSales({ since, limit: t.count, operatorId: fact.operatorId });
  if (list.length < t.count || ctx.history.alertedSince('no_sale_openings', scopeKey(scope), since)) return [];
  return [draft(fact, 'no_sale_openings', scope, ctx, [...list].reverse(), { count: list.length, limitCount: t.count, windowMinutes: t.windowMinutes })];
}

/**
 * Refused cash-outs: a cashier whose count is blind can find the drawer's expected cash by trying
 * amounts until one goes through. One refusal is a typing slip; a second soon after is the search.
 */
function cashOutRefusals(fact: CashOutRefusedFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.cash_out_refusals;
  if (!t.enabled) return [];
  const since = fact.at - t.windowMinutes * MINUTE;
  const scope: FraudScope = { kind: 'operator', operatorId: fact.operatorId };
  const list = ctx.history.recentCashOutRefusals({ since, limit: t.count, operatorId: fact.operatorId });
  if (list.length < t.count || ctx.history.alertedSince('cash_out_refusals', scopeKey(scope), since)) return [];
  const params = { count: list.length, limitCount: t.count, windowMinutes: t.windowMinutes, sumMinor: list.reduce((s, f) => s + f.amountMinor, 0) };
  return [draft(fact, 'cash_out_refusals', scope, ctx, [...list].reverse(), params)];
}

/** Discounts and 改价 alike: both let goods leave for less than their price. */
function discountShare(fact: SaleFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.discount_share;
  if (!t.enabled || fact.discountMinor + fact.overrideMinor <= 0) return [];
  const scope: FraudScope = { kind: 'register', registerId: fact.registerId };
  const day = ctx.history.dayTotals(fact.registerId, fact.businessDay);
  const off = day.discountMinor + day.overrideMinor;
  // The share of what the goods were worth at their prices, before anything was taken off.
  const before = day.salesMinor + off;
  if (before < t.minDaySalesMinor || off * 10_000 <= t.shareBp * before) return [];
  if (ctx.history.alertedOnDay('discount_share', scopeKey(scope), fact.businessDay)) return [];
  return [
    draft(fact, 'discount_share', scope, ctx, [fact], {
      shareBp: Math.floor((off * 10_000) / before),
      limitBp: t.shareBp,
      discountMinor: day.discountMinor,
      overrideMinor: day.overrideMinor,
      beforeDiscountMinor: before,
    }),
  ];
}

function outsideHours(fact: SaleFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.outside_hours;
  if (!t.enabled) return [];
  const hour = localHourOf(fact.at, ctx.timeZone);
  if (hour >= t.opensAtHour && hour < t.closesAtHour) return [];
  return [
    draft(fact, 'outside_hours', { kind: 'document', documentId: fact.documentId }, ctx, [fact], {
      hour,
      opensAtHour: t.opensAtHour,
      closesAtHour: t.closesAtHour,
      totalMinor: fact.totalMinor,
    }),
  ];
}

function corrections(fact: CorrectionFact, ctx: RuleContext): AlertDraft[] {
  const th = ctx.thresholds;
  const scope: FraudScope = { kind: 'document', documentId: fact.documentId };
  const original = fact.originalDocumentId === null ? null : ctx.history.original(fact.originalDocumentId);
  const alerts: AlertDraft[] = [];
  const amount = { totalMinor: fact.totalMinor };
  if (
    fact.kind === 'refund' &&
    th.refund_without_receipt.enabled &&
    fact.originalDocumentId === null &&
    fact.totalMinor >= th.refund_without_receipt.minMinor
  ) {
    alerts.push(draft(fact, 'refund_without_receipt', scope, ctx, [fact], amount));
  }
  const cash = th.cash_refund_of_card_sale;
  if (cash.enabled && original?.paidElectronically && fact.cashMinor > 0 && fact.cashMinor >= cash.minMinor) {
    alerts.push(draft(fact, 'cash_refund_of_card_sale', scope, ctx, [fact], { ...amount, cashMinor: fact.cashMinor }));
  }
  if (fact.kind === 'void' && th.void_after_payment.enabled && fact.totalMinor >= th.void_after_payment.minMinor) {
    alerts.push(draft(fact, 'void_after_payment', scope, ctx, [fact], amount));
  }
  const same = th.same_operator_refund;
  if (fact.kind === 'refund' && same.enabled && original !== null && original.operatorId === fact.operatorId && fact.totalMinor >= same.minMinor) {
    alerts.push(draft(fact, 'same_operator_refund', scope, ctx, [fact], amount));
  }
  return alerts;
}

// Cash taken, then the sale cancelled "giving it back": kept, it shows on no receipt, Z or count.
// The evidence is the cancellation's journal entry (a cancelled sale has no receipt number).
function cancelAfterCash(fact: CancelFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.cancel_after_cash;
  const cashMinor = t.enabled ? ctx.history.cashReturned(fact.documentId) : 0;
  if (cashMinor <= 0 || cashMinor < t.minMinor) return [];
  return [draft(fact, 'cancel_after_cash', { kind: 'document', documentId: fact.documentId }, ctx, [fact], { cashMinor, totalMinor: fact.totalMinor })];
}

/** Every alert the new fact raises, in rule order. */
export function evaluate(fact: Fact, ctx: RuleContext): AlertDraft[] {
  switch (fact.type) {
    case 'sale':
      return [...smallSalesBurst(fact, ctx), ...largeSalesWindow(fact, ctx), ...discountShare(fact, ctx), ...outsideHours(fact, ctx)];
    case 'correction':
      return corrections(fact, ctx);
    case 'decline':
      return cardDeclines(fact, ctx);
    case 'no_sale':
      return noSaleOpenings(fact, ctx);
    case 'cash_out_refused':
      return cashOutRefusals(fact, ctx);
    case 'cancel':
      return cancelAfterCash(fact, ctx);
    case 'handover':
      return handoverDifference(fact, ctx);
  }
}
