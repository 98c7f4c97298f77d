// The rules' view of the past on a live ledger: the watched facts from their index table
// (fraud_facts, one row per watched journal entry), the original sale from the documents, earlier
// alerts from their table; refused cash-outs from the journal itself (see recentCashOutRefusals). It reads inside the transaction appending the new entry, so it sees
// that entry and nothing a rollback would take back.
import type { FraudRule } from '../../preload/contract/fraud-views';
import type { Db } from '../ledger/database';
import type { JournalEvent } from '../ledger/journal-payloads';
import { INDEXED_KINDS, isIndexedKind } from '../ledger/journal-kind-index';
import { sql } from '../ledger/statements';
import { documentFigures } from '../documents/document-entry';
import {
  factOf,
  isTraining,
  refusalFact,
  WATCHED_KINDS,
  type CashOutRefusedFact,
  type DeclineFact,
  type Fact,
  type NoSaleFact,
  type SaleFact,
  type WatchedKind,
} from './fraud-facts';
import type { DayTotals, FraudHistory, OriginalSale, RecentQuery } from './fraud-rules';

/** The exchange credit inside a return's cash (see CreditSpentOf): what paid the new goods, not the cash handed back. */
export function creditSpentInExchange(db: Db, refundDocumentId: string): number {
  return (
    (sql(db, 'SELECT credit_minor + MIN(difference_minor, 0) FROM exchanges WHERE refund_document_id = ?').pluck().get(refundDocumentId) as
      number | undefined) ?? 0
  );
}

export function operatorOfIntent(db: Db, intentId: number): number | null {
  return (sql(db, 'SELECT operator_id FROM card_intents WHERE id = ?').get(intentId) as { operator_id: number } | undefined)?.operator_id ?? null;
}

/**
 * The kinds whose facts fraud_facts holds. Refused cash-outs are few (each one is already a
 * warning sign), so the rules read them from the journal's kind index rather than widening the
 * table's type CHECK (migration 11) with a schema step.
 */
const FILED_KINDS = WATCHED_KINDS.filter((kind) => kind !== 'cash.out_refused' && kind !== 'sale.cancelled' && kind !== 'shift.handover_differed');

/** Files a watched entry's fact where the rules will look for it. */
export function recordFact(db: Db, fact: Fact): void {
  // Rules read these from the journal, not from the table (see FILED_KINDS); a handover is judged alone.
  if (fact.type === 'cash_out_refused' || fact.type === 'cancel' || fact.type === 'handover') return;
  const registerId = fact.type === 'sale' || fact.type === 'correction' ? fact.registerId : null;
  const documentId = fact.type === 'sale' || fact.type === 'correction' ? fact.documentId : null;
  const total = fact.type === 'sale' || fact.type === 'correction' ? fact.totalMinor : null;
  const pan = fact.type === 'decline' ? fact.maskedPan : null;
  sql(
    db,
    'INSERT OR IGNORE INTO fraud_facts (seq, at, type, register_id, operator_id, document_id, total_minor, masked_pan, fact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(fact.seq, fact.at, fact.type, registerId, fact.operatorId, documentId, total, pan, JSON.stringify(fact));
}

/** The longest any rule looks back (a window is at most a day), with a margin. */
const LOOK_BACK_MS = 48 * 3600_000;

/** Drops the facts no rule can look back to any more; returns how many. */
export function pruneFacts(db: Db, now: number): number {
  return sql(db, 'DELETE FROM fraud_facts WHERE at < ?').run(now - LOOK_BACK_MS).changes;
}

/**
 * Files the facts of watched entries the table does not have: a ledger from before the watch,
 * or entries journalled while it was not subscribed. Only as far back as a rule can look; older
 * facts are dropped, so the index stays two days long (the journal keeps everything).
 */
export function catchUpFacts(db: Db, now: number): number {
  const after = (sql(db, 'SELECT COALESCE(MAX(seq), 0) FROM fraud_facts').pluck().get() as number) ?? 0;
  let filed = 0;
  db.transaction(() => {
    pruneFacts(db, now);
    for (const kind of FILED_KINDS) {
      // A document entry is found by seq (journal_kind leaves them out); the others by their kind.
      const indexed = isIndexedKind(kind) ? ` AND ${INDEXED_KINDS}` : '';
      const rows = sql(db, `SELECT payload FROM journal WHERE kind = ?${indexed} AND seq > ? AND at >= ? ORDER BY seq`)
        .pluck()
        .all(kind, after, now - LOOK_BACK_MS) as string[];
      for (const payload of rows) {
        const event = JSON.parse(payload) as JournalEvent<WatchedKind>;
        if (isTraining(event)) continue;
        recordFact(
          db,
          factOf(
            event,
            (id) => operatorOfIntent(db, id),
            (id) => documentFigures(db, id),
            (id) => creditSpentInExchange(db, id),
          ),
        );
        filed += 1;
      }
    }
  })();
  return filed;
}

function facts<F extends Fact>(rows: unknown[]): F[] {
  return (rows as string[]).map((text) => JSON.parse(text) as F);
}

export class LedgerHistory implements FraudHistory {
  constructor(private readonly db: Db) {}

  recentSales(q: RecentQuery & { registerId: string; operatorId?: number; underMinor?: number; atLeastMinor?: number }): readonly SaleFact[] {
    const where = ["type = 'sale'", 'register_id = ?', 'at >= ?'];
    const args: (string | number)[] = [q.registerId, q.since];
    if (q.operatorId !== undefined) {
      where.push('operator_id = ?');
      args.push(q.operatorId);
    }
    if (q.underMinor !== undefined) {
      where.push('total_minor < ?');
      args.push(q.underMinor);
    }
    if (q.atLeastMinor !== undefined) {
      where.push('total_minor >= ?');
      args.push(q.atLeastMinor);
    }
    // Walks the (type, register|operator, at) index from the newest back and stops at `limit`.
    const index = q.operatorId !== undefined ? 'fraud_facts_operator' : 'fraud_facts_register';
    const rows = sql(this.db, `SELECT fact FROM fraud_facts INDEXED BY ${index} WHERE ${where.join(' AND ')} ORDER BY at DESC, seq DESC LIMIT ?`)
      .pluck()
      .all(...args, q.limit);
    return facts<SaleFact>(rows);
  }

  salesSum(q: { since: number; registerId: string; atLeastMinor: number }): { count: number; sumMinor: number } {
    const row = sql(
      this.db,
      "SELECT COUNT(*) AS n, COALESCE(SUM(total_minor), 0) AS total FROM fraud_facts WHERE type = 'sale' AND register_id = ? AND at >= ? AND total_minor >= ?",
    ).get(q.registerId, q.since, q.atLeastMinor) as { n: number; total: number };
    return { count: row.n, sumMinor: row.total };
  }

  recentDeclines(q: RecentQuery & { maskedPan?: string; operatorId?: number }): readonly DeclineFact[] {
    const rows =
      q.maskedPan !== undefined
        ? sql(this.db, "SELECT fact FROM fraud_facts WHERE type = 'decline' AND masked_pan = ? AND at >= ? ORDER BY at DESC, seq DESC LIMIT ?")
            .pluck()
            .all(q.maskedPan, q.since, q.limit)
        : sql(this.db, "SELECT fact FROM fraud_facts WHERE type = 'decline' AND operator_id = ? AND at >= ? ORDER BY at DESC, seq DESC LIMIT ?")
            .pluck()
            .all(q.operatorId ?? null, q.since, q.limit);
    return facts<DeclineFact>(rows);
  }

  recentNoSales(q: RecentQuery & { operatorId: number }): readonly NoSaleFact[] {
    const rows = sql(this.db, "SELECT fact FROM fraud_facts WHERE type = 'no_sale' AND operator_id = ? AND at >= ? ORDER BY at DESC, seq DESC LIMIT ?")
      .pluck()
      .all(q.operatorId, q.since, q.limit);
    return facts<NoSaleFact>(rows);
  }

  recentCashOutRefusals(q: RecentQuery & { operatorId: number }): readonly CashOutRefusedFact[] {
    // Through journal_kind (kind, seq): every refusal ever, a short list, then the operator and time.
    const rows = sql(
      this.db,
      `SELECT payload FROM journal WHERE kind = 'cash.out_refused' AND ${INDEXED_KINDS} AND at >= ? AND json_extract(payload, '$.data.operatorId') = ?
        ORDER BY at DESC, seq DESC LIMIT ?`,
    )
      .pluck()
      .all(q.since, q.operatorId, q.limit) as string[];
    return rows.map((p) => refusalFact(JSON.parse(p) as JournalEvent<'cash.out_refused'>));
  }

  original(documentId: string, depth = 0): OriginalSale | null {
    const doc = sql(this.db, "SELECT operator_id FROM documents WHERE id = ? AND kind = 'sale' AND status = 'completed'").get(documentId) as
      { operator_id: number } | undefined;
    if (!doc) return null;
    const electronic =
      sql(this.db, "SELECT 1 FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) AND method <> 'cash' LIMIT 1").get(documentId) !==
      undefined;
    // An exchange's new goods paid with the credit of goods bought by card or payment code were
    // paid with that money too (as the recomputation learns from exchange.completed).
    const exchangedFrom =
      electronic || depth > 64
        ? undefined
        : (sql(this.db, 'SELECT original_document_id FROM exchanges WHERE sale_document_id = ?').pluck().get(documentId) as string | undefined);
    const viaCredit = exchangedFrom !== undefined && this.original(exchangedFrom, depth + 1)?.paidElectronically === true;
    return { operatorId: doc.operator_id, paidElectronically: electronic || viaCredit };
  }

  cashReturned(saleId: string): number {
    // Through journal_kind: cash handed back by a cancel is rare, and each one is a warning sign.
    return sql(
      this.db,
      `SELECT COALESCE(SUM(json_extract(payload, '$.data.amountMinor')), 0) FROM journal
        WHERE kind = 'sale.cash_returned' AND ${INDEXED_KINDS} AND json_extract(payload, '$.data.saleId') = ?`,
    )
      .pluck()
      .get(saleId) as number;
  }

  shiftClosedBy(shiftId: number): number | null {
    // Through journal_kind: a few closes a day; the newest entry for the shift is the one that closed it.
    const id = sql(
      this.db,
      `SELECT json_extract(payload, '$.data.operatorId') FROM journal
        WHERE kind = 'shift.closed' AND ${INDEXED_KINDS} AND json_extract(payload, '$.data.shiftId') = ? ORDER BY seq DESC LIMIT 1`,
    )
      .pluck()
      .get(shiftId) as number | undefined;
    return id ?? null;
  }

  dayTotals(registerId: string, businessDay: string): DayTotals {
    const row = sql(
      this.db,
      `SELECT COALESCE(SUM(total_minor), 0) AS sales, COALESCE(SUM(discount_minor), 0) AS discount, COALESCE(SUM(override_minor), 0) AS override FROM documents
        WHERE register_id = ? AND business_day = ? AND status = 'completed' AND kind = 'sale' AND training = 0`,
    ).get(registerId, businessDay) as { sales: number; discount: number; override: number };
    return { salesMinor: row.sales, discountMinor: row.discount, overrideMinor: row.override };
  }

  alertedSince(rule: FraudRule, scopeKey: string, since: number): boolean {
    return sql(this.db, 'SELECT 1 FROM fraud_alerts WHERE rule = ? AND scope_key = ? AND at >= ? LIMIT 1').get(rule, scopeKey, since) !== undefined;
  }

  alertedOnDay(rule: FraudRule, scopeKey: string, businessDay: string): boolean {
    return (
      sql(this.db, 'SELECT 1 FROM fraud_alerts WHERE rule = ? AND scope_key = ? AND business_day = ? LIMIT 1').get(rule, scopeKey, businessDay) !== undefined
    );
  }
}
