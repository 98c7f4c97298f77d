// The fraud watch's verdicts recomputed from the journal: the entries in order, the thresholds as
// `fraud.settings_changed` set them, the original sales as their `sale.completed` entries say (or,
// for a slim entry, the document rows its digest binds), earlier alerts as this pass drafts them. The live watch must have raised exactly
// these; an auditor (or a test) can check that without trusting the alerts table.
import type { FraudRule } from '../../preload/contract/fraud-views';
import { businessDayOfNewDocument, type BusinessDayRule } from '../business-day/business-day';
import type { JournalEvent } from '../ledger/journal-payloads';
import { DEFAULT_FRAUD_THRESHOLDS } from './fraud-defaults';
import { allDocumentFigures, figuresOf, type DocumentFiguresOf } from '../documents/document-entry';
import type { Db } from '../ledger/db';
import {
  factOf,
  type CreditSpentOf,
  isTraining,
  isWatched,
  type CashOutRefusedFact,
  type DeclineFact,
  type Fact,
  type NoSaleFact,
  type SaleFact,
  type WatchedKind,
} from './fraud-facts';
import { evaluate, scopeKey, type AlertDraft, type DayTotals, type FraudHistory, type OriginalSale } from './fraud-rules';
import { withDefaults } from './fraud-settings';

const NO_SALES: DayTotals = { salesMinor: 0, discountMinor: 0, overrideMinor: 0 };

/**
 * The facts the ledger's query returns: `at >= since`, newest first (at, then seq), at most
 * `limit`. While the clock has only moved forward, seq order is time order and the walk back
 * stops at the first older fact; after a clock set back it sorts them all, as the query does.
 */
function recent<F extends Fact>(facts: readonly F[], since: number, limit: number, match: (f: F) => boolean, monotonic: boolean): F[] {
  if (monotonic) {
    const out: F[] = [];
    for (let i = facts.length - 1; i >= 0 && out.length < limit; i--) {
      const f = facts[i] as F;
      if (f.at < since) break;
      if (match(f)) out.push(f);
    }
    return out;
  }
  return facts
    .filter((f) => f.at >= since && match(f))
    .sort((a, b) => b.at - a.at || b.seq - a.seq)
    .slice(0, limit);
}

/**
 * `documents` gives the figures of the documents whose entries do not copy them: for a ledger,
 * allDocumentFigures (one pass over the tables, not a query per entry).
 */
export function recomputeAlerts(
  entries: Iterable<JournalEvent>,
  store: { registerId: string; timeZone: string; businessDayRule: BusinessDayRule },
  documents: DocumentFiguresOf,
  creditSpentOf: CreditSpentOf = () => 0,
): AlertDraft[] {
  let thresholds = DEFAULT_FRAUD_THRESHOLDS;
  const sales: SaleFact[] = [];
  const declines: DeclineFact[] = [];
  const noSales: NoSaleFact[] = [];
  const refusals: CashOutRefusedFact[] = [];
  const originals = new Map<string, OriginalSale>();
  const days = new Map<string, DayTotals>();
  const intents = new Map<number, number>();
  const cashReturned = new Map<string, number>();
  const closedBy = new Map<number, number>();
  const alerts: AlertDraft[] = [];
  let lastClosed: string | null = null;

  let monotonic = true;
  let lastAt = -Infinity;
  const amountMatches = (f: SaleFact, q: { underMinor?: number; atLeastMinor?: number }) =>
    (q.underMinor === undefined || f.totalMinor < q.underMinor) && (q.atLeastMinor === undefined || f.totalMinor >= q.atLeastMinor);
  const history: FraudHistory = {
    recentSales: (q) =>
      recent(
        sales,
        q.since,
        q.limit,
        (f) => f.registerId === q.registerId && (q.operatorId === undefined || f.operatorId === q.operatorId) && amountMatches(f, q),
        monotonic,
      ),
    salesSum: (q) => {
      const list = recent(sales, q.since, Infinity, (f) => f.registerId === q.registerId && f.totalMinor >= q.atLeastMinor, monotonic);
      return { count: list.length, sumMinor: list.reduce((s, f) => s + f.totalMinor, 0) };
    },
    recentDeclines: (q) =>
      recent(
        declines,
        q.since,
        q.limit,
        (f) => (q.maskedPan === undefined || f.maskedPan === q.maskedPan) && (q.operatorId === undefined || f.operatorId === q.operatorId),
        monotonic,
      ),
    recentNoSales: (q) => recent(noSales, q.since, q.limit, (f) => f.operatorId === q.operatorId, monotonic),
    recentCashOutRefusals: (q) => recent(refusals, q.since, q.limit, (f) => f.operatorId === q.operatorId, monotonic),
    original: (id) => originals.get(id) ?? null,
    cashReturned: (saleId) => cashReturned.get(saleId) ?? 0,
    shiftClosedBy: (shiftId) => closedBy.get(shiftId) ?? null,
    dayTotals: (registerId, day) => days.get(`${registerId}/${day}`) ?? NO_SALES,
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
    if (entry.kind === 'sale.cash_returned') {
      const d = (entry as JournalEvent<'sale.cash_returned'>).data;
      cashReturned.set(d.saleId, (cashReturned.get(d.saleId) ?? 0) + d.amountMinor);
      continue;
    }
    if (entry.kind === 'shift.closed') {
      const d = (entry as JournalEvent<'shift.closed'>).data;
      closedBy.set(d.shiftId, d.operatorId);
      continue;
    }
    if (entry.kind === 'exchange.completed') {
      // New goods paid with the credit of goods bought by card or payment code were paid with that money.
      const d = (entry as JournalEvent<'exchange.completed'>).data;
      const sale = originals.get(d.saleDocumentId);
      if (sale && originals.get(d.originalDocumentId)?.paidElectronically) originals.set(d.saleDocumentId, { ...sale, paidElectronically: true });
      continue;
    }
    if (entry.kind === 'day.closed') {
      const d = (entry as JournalEvent<'day.closed'>).data;
      if (d.registerId === store.registerId && (lastClosed === null || d.businessDay > lastClosed)) lastClosed = d.businessDay;
      continue;
    }
    if (!isWatched(entry.kind) || isTraining(entry)) continue;
    const fact = factOf(entry as JournalEvent<WatchedKind>, (id) => intents.get(id) ?? null, documents, creditSpentOf);
    if (fact.at < lastAt) monotonic = false;
    lastAt = Math.max(lastAt, fact.at);
    // The entry is part of its own past, as in the live ledger where it is appended before it is judged.
    if (fact.type === 'sale') {
      sales.push(fact);
      const d = (entry as JournalEvent<'sale.completed'>).data;
      const payments = figuresOf(d, documents).payments;
      originals.set(fact.documentId, { operatorId: fact.operatorId, paidElectronically: payments.some((p) => p.method !== 'cash') });
      const key = `${fact.registerId}/${fact.businessDay}`;
      const day = days.get(key) ?? NO_SALES;
      days.set(key, {
        salesMinor: day.salesMinor + fact.totalMinor,
        discountMinor: day.discountMinor + fact.discountMinor,
        overrideMinor: day.overrideMinor + fact.overrideMinor,
      });
    } else if (fact.type === 'decline') declines.push(fact);
    else if (fact.type === 'no_sale') noSales.push(fact);
    else if (fact.type === 'cash_out_refused') refusals.push(fact);
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

/** recomputeAlerts over a whole ledger: its journal in order and its documents' figures. */
export function recomputeLedgerAlerts(db: Db, store: { registerId: string; timeZone: string; businessDayRule: BusinessDayRule }): AlertDraft[] {
  const figures = allDocumentFigures(db);
  const payloads = db.prepare('SELECT payload FROM journal ORDER BY seq').pluck().iterate() as Iterable<string>;
  function* events(): Generator<JournalEvent> {
    for (const p of payloads) yield JSON.parse(p) as JournalEvent;
  }
  // The exchanges rows, like the documents' figures, are the ledger's immutable rows.
  const credits = new Map(
    (
      db.prepare('SELECT refund_document_id AS id, credit_minor + MIN(difference_minor, 0) AS spent FROM exchanges').all() as { id: string; spent: number }[]
    ).map((r) => [r.id, r.spent]),
  );
  return recomputeAlerts(events(), store, figures, (id) => credits.get(id) ?? 0);
}
