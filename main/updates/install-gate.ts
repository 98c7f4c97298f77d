// When an update may be installed: never with a sale open (a restart would leave the customer
// at the counter), and never while the business day that has sales is not closed (its Z must be
// taken by the version that rang the sales up). The day close journals `day.closed` with its
// business day (main/day-close); until a day has that entry it is open.
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';

export type InstallBlocker = 'sale_open' | 'day_open';

export function installBlocker(db: Db): InstallBlocker | null {
  const openSale = sql(
    db,
    `SELECT 1 FROM documents d WHERE d.status = 'open'
       AND (EXISTS (SELECT 1 FROM document_lines l WHERE l.document_pk = d.pk) OR EXISTS (SELECT 1 FROM payments p WHERE p.document_pk = d.pk)) LIMIT 1`,
  ).get();
  if (openSale) return 'sale_open';
  const lastDay = sql(db, "SELECT business_day FROM documents WHERE status = 'completed' ORDER BY completed_at DESC LIMIT 1").pluck().get() as
    string | undefined;
  if (lastDay === undefined) return null;
  const closed = sql(
    db,
    `SELECT 1 FROM journal WHERE kind = 'day.closed' AND ${INDEXED_KINDS} AND json_extract(payload, '$.data.businessDay') = ? LIMIT 1`,
  ).get(lastDay);
  return closed ? null : 'day_open';
}
