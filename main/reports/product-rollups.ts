// Per-product rollups: written when the Z is journalled, inside its transaction, so a closed day
// always has them and a Z that rolls back leaves none. A failure here fails the Z: a report that
// silently missed a day would be wrong for good. The category keeps both its names (the Chinese,
// else the English, and the English), so a report read in either language names it in that language.
import type { Db } from '../ledger/database';
import { journalFeed } from '../ledger/journal-feed';
import { sql } from '../ledger/statements';

export function writeProductRollups(db: Db, zId: number, registerId: string, businessDay: string): void {
  sql(
    db,
    `INSERT INTO product_rollups (z_id, register_id, business_day, product_key, name, category, category_en, lines, qty_milli, net_minor)
     SELECT ?, d.register_id, d.business_day,
            CASE WHEN l.product_id IS NOT NULL THEN 'p:' || l.product_id ELSE 'n:' || l.name END AS product_key,
            MAX(l.name), MAX(COALESCE(c.name_zh, c.name_en)), MAX(c.name_en), COUNT(*),
            SUM(CASE d.kind WHEN 'sale' THEN l.qty_milli ELSE -l.qty_milli END),
            SUM(CASE d.kind WHEN 'sale' THEN l.total_minor ELSE -l.total_minor END)
       FROM documents d JOIN document_lines l ON l.document_pk = d.pk
       LEFT JOIN products p ON p.id = l.product_id
       LEFT JOIN categories c ON c.id = p.category_id
      WHERE d.register_id = ? AND d.business_day = ? AND d.status = 'completed' AND d.training = 0
      GROUP BY product_key`,
  ).run(zId, registerId, businessDay);
}

/** Subscribes the reports to the day close; returns the unsubscribe. */
export function subscribeProductRollups(db: Db): () => void {
  return journalFeed(db).subscribe('day.closed', (e) => writeProductRollups(db, e.data.zId, e.data.registerId, e.data.businessDay));
}
