// The rules' view of the past on a live ledger: recent entries of one kind walked back through
// the journal's (kind, seq) index, the original sale from the documents, earlier alerts from
// their table. It reads inside the transaction appending the new entry, so it sees that entry and
// nothing a rollback would take back.
import type { FraudRule } from '../../preload/contract/fraud-views';
import type { Db } from '../ledger/database';
import type { JournalEvent } from '../ledger/journal-payloads';
import { sql } from '../ledger/statements';
import { factOf, type DeclineFact, type Fact, type NoSaleFact, type SaleFact, type WatchedKind } from './fraud-facts';
import type { FraudHistory, OriginalSale } from './fraud-rules';

export function operatorOfIntent(db: Db, intentId: number): number | null {
  return (sql(db, 'SELECT operator_id FROM card_intents WHERE id = ?').get(intentId) as { operator_id: number } | undefined)?.operator_id ?? null;
}

export class LedgerHistory implements FraudHistory {
  private readonly walks = new Map<string, Fact[]>();

  constructor(private readonly db: Db) {}

  /** Entries of `kind` with at >= since, newest first: stops at the first older one. */
  private walk(kind: WatchedKind, since: number): Fact[] {
    const memo = `${kind}@${since}`;
    const known = this.walks.get(memo);
    if (known) return known;
    const facts: Fact[] = [];
    const rows = sql(this.db, 'SELECT seq, at, payload FROM journal WHERE kind = ? ORDER BY seq DESC').raw().iterate(kind) as IterableIterator<
      [number, number, string]
    >;
    for (const [, at, payload] of rows) {
      if (at < since) break;
      facts.push(factOf(JSON.parse(payload) as JournalEvent<WatchedKind>, (id) => operatorOfIntent(this.db, id)));
    }
    this.walks.set(memo, facts);
    return facts;
  }

  salesSince(since: number): readonly SaleFact[] {
    return this.walk('sale.completed', since) as SaleFact[];
  }

  declinesSince(since: number): readonly DeclineFact[] {
    return this.walk('card.declined', since) as DeclineFact[];
  }

  noSalesSince(since: number): readonly NoSaleFact[] {
    return this.walk('drawer.opened', since) as NoSaleFact[];
  }

  original(documentId: string): OriginalSale | null {
    const doc = sql(this.db, "SELECT operator_id FROM documents WHERE id = ? AND kind = 'sale' AND status = 'completed'").get(documentId) as
      { operator_id: number } | undefined;
    if (!doc) return null;
    const electronic = sql(this.db, "SELECT 1 FROM payments WHERE document_id = ? AND method <> 'cash' LIMIT 1").get(documentId) !== undefined;
    return { operatorId: doc.operator_id, paidElectronically: electronic };
  }

  dayTotals(registerId: string, businessDay: string): { salesMinor: number; discountMinor: number } {
    const row = sql(
      this.db,
      `SELECT COALESCE(SUM(total_minor), 0) AS sales, COALESCE(SUM(discount_minor), 0) AS discount FROM documents
        WHERE register_id = ? AND business_day = ? AND status = 'completed' AND kind = 'sale'`,
    ).get(registerId, businessDay) as { sales: number; discount: number };
    return { salesMinor: row.sales, discountMinor: row.discount };
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
