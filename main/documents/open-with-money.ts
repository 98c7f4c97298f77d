import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

/**
 * A document of this register that money has moved for but that is not completed: a sale that took
 * a part payment, or a return or void that gave part of the money back (a split correction whose
 * later part was refused). The shift count and the day close wait for it; which one it is decides
 * what they tell the operator to do.
 */
export function openDocumentWithMoney(db: Db, registerId: string): { id: string; kind: 'sale' | 'refund' | 'void' } | null {
  return (
    (sql(
      db,
      "SELECT d.id, d.kind FROM documents d WHERE d.register_id = ? AND d.status = 'open' AND EXISTS (SELECT 1 FROM payments p WHERE p.document_pk = d.pk) ORDER BY d.kind = 'sale' LIMIT 1",
    ).get(registerId) as { id: string; kind: 'sale' | 'refund' | 'void' } | undefined) ?? null
  );
}
