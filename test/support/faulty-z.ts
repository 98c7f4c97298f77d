// A Z journalled by hand, with its Z row, that claims more than its documents: what a bug in a
// register's Z would chain and upload. HQ's consistency check must name the difference.
import { appendJournal } from '../../main/ledger/journal';
import type { TestRegister } from './register-fixture';

/** A Z journalled by hand that claims `skewMinor` more than its documents: what a bug in a register's Z would chain. */
export function faultyZ(reg: TestRegister, skewMinor: number): void {
  const at = Date.now();
  const days = reg.db
    .prepare(
      `SELECT register_id, business_day, COUNT(*) AS n, SUM(CASE WHEN kind = 'sale' THEN total_minor ELSE -total_minor END) AS net,
              MIN(receipt_no) AS first, MAX(receipt_no) AS last, MAX(grand_total_minor) AS grand
         FROM documents WHERE status = 'completed' GROUP BY register_id, business_day ORDER BY business_day`,
    )
    .all() as { register_id: string; business_day: string; n: number; net: number; first: number; last: number; grand: number }[];
  // A Z row as the faulty Z writes it beside its entry (the upload carries both), without rollups or shifts.
  reg.db.pragma('foreign_keys = OFF');
  days.forEach((d, i) => {
    reg.db.transaction(() => {
      const figures = { figures: { documentCount: d.n, netMinor: d.net + skewMinor }, shifts: [], overShortMinor: 0, reconciliation: null };
      const zId = reg.db
        .prepare(
          `INSERT INTO z_reports (register_id, z_no, business_day, closed_at, operator_id, first_receipt_no, last_receipt_no, grand_total_before_minor,
             grand_total_after_minor, last_journal_seq, figures) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, (SELECT MAX(seq) FROM journal), ?)`,
        )
        .run(d.register_id, i + 1, d.business_day, at, d.first, d.last, d.grand - d.net, d.grand, JSON.stringify(figures)).lastInsertRowid;
      appendJournal(
        reg.db,
        'day.closed',
        {
          zId: Number(zId),
          zNo: i + 1,
          registerId: d.register_id,
          businessDay: d.business_day,
          operatorId: 1,
          firstReceiptNo: d.first,
          lastReceiptNo: d.last,
          documentCount: d.n,
          netMinor: d.net + skewMinor,
          grandTotalBeforeMinor: d.grand - d.net,
          grandTotalAfterMinor: d.grand,
          overShortMinor: 0,
          shiftIds: [],
          reconciliation: { status: 'no_terminal', batchIds: [], differences: 0, skipReason: null },
        } as never,
        at,
      );
    })();
  });
  reg.db.pragma('foreign_keys = ON');
}
