// The fraud watch's verdicts recomputed from the journal alone: the entries in order, the
// thresholds as `fraud.settings_changed` set them, the original sales as their `sale.completed`
// entries say, earlier alerts as this pass drafts them. The live watch must have raised exactly
// these; an auditor (or a test) can check that without trusting the alerts table.
import type { FraudRule } from '../../preload/contract/fraud-views';
import { businessDayOfNewDocument, type BusinessDayRule } from '../business-day/business-day';
import type { JournalEvent } from '../ledger/journal-payloads';
import { DEFAULT_FRAUD_THRESHOLDS } from './fraud-defaults';
import { factOf, isWatched, type DeclineFact, type Fact, type NoSaleFact, type SaleFact, type WatchedKind } from './fraud-facts';
import { evaluate, scopeKey, type AlertDraft, type FraudHistory, type OriginalSale } from './fraud-rules';
import { withDefaults } from './fraud-settings';

/** Newest first while at >= since, as the live watch walks the journal back. */
function walkBack<F extends Fact>(facts: readonly F[], since: number): F[] {
  const out: F[] = [];
  for (let i = facts.length - 1; i >= 0; i--) {
    const f = facts[i] as F;
    if (f.at < since) break;
    out.push(f);
  }
  return out;
}

export function recomputeAlerts(
  entries: Iterable<JournalEvent>,
  store: { registerId: string; timeZone: string; businessDayRule: BusinessDayRule },
): AlertDraft[] {
  let thresholds = DEFAULT_FRAUD_THRESHOLDS;
  const sales: SaleFact[] = [];
  const declines: DeclineFact[] = [];
  const noSales: NoSaleFact[] = [];
  const originals = new Map<string, OriginalSale>();
  const days = new Map<string, { salesMinor: number; discountMinor: number }>();
  const intents = new Map<number, number>();
  const alerts: AlertDraft[] = [];
  let lastClosed: string | null = null;

  const history: FraudHistory = {
    salesSince: (since) => walkBack(sales, since),
    declinesSince: (since) => walkBack(declines, since),
    noSalesSince: (since) => walkBack(noSales, since),
    original: (id) => originals.get(id) ?? null,
    dayTotals: (registerId, day) => days.get(`${registerId}/${day}`) ?? { salesMinor: 0, discountMinor: 0 },
    alertedSince: (rule: FraudRule, key, since) => alerts.some((a) => a.rule === rule && scopeKey(a.scope) === key && a.at >= since),
    alertedOnDay: (rule: FraudRule, key, day) => alerts.some((a) => a.rule === rule && scopeKey(a.scope) === key && a.businessDay === day),
  };

  for (const entry of entries) {
    if (entry.kind === 'fraud.settings_changed') {
      thresholds = withDefaults((entry as JournalEvent<'fraud.settings_changed'>).data.to);
      continue;
    }
    if (entry.kind === 'card.intent_created') {
      const d = (entry as JournalEvent<'card.intent_created'>).data;
      intents.set(d.intentId, d.operatorId);
      continue;
    }
    if (entry.kind === 'day.closed') {
      const d = (entry as JournalEvent<'day.closed'>).data;
      if (d.registerId === store.registerId && (lastClosed === null || d.businessDay > lastClosed)) lastClosed = d.businessDay;
      continue;
    }
    if (!isWatched(entry.kind)) continue;
    const fact = factOf(entry as JournalEvent<WatchedKind>, (id) => intents.get(id) ?? null);
    // The entry is part of its own past, as in the live ledger where it is appended before it is judged.
    if (fact.type === 'sale') {
      sales.push(fact);
      const d = (entry as JournalEvent<'sale.completed'>).data;
      originals.set(fact.documentId, { operatorId: fact.operatorId, paidElectronically: d.payments.some((p) => p.method !== 'cash') });
      const key = `${fact.registerId}/${fact.businessDay}`;
      const day = days.get(key) ?? { salesMinor: 0, discountMinor: 0 };
      days.set(key, { salesMinor: day.salesMinor + fact.totalMinor, discountMinor: day.discountMinor + fact.discountMinor });
    } else if (fact.type === 'decline') declines.push(fact);
    else if (fact.type === 'no_sale') noSales.push(fact);
    const closedBefore = lastClosed;
    alerts.push(
      ...evaluate(fact, {
        thresholds,
        history,
        registerId: store.registerId,
        timeZone: store.timeZone,
        businessDayOf: (at) => businessDayOfNewDocument(at, store.businessDayRule, closedBefore),
      }),
    );
  }
  return alerts;
}
