// Refunds and voids of the register still open while their card and wallet parts go back one by
// one, for the X. The report's figures count a document once it completes (a Z cannot close
// while one is open), so a card part already back at the terminal is in no figure yet: listed
// here, the owner can reconcile the X's card out with the terminal. Cash parts leave the drawer
// only when the correction completes, so only card and wallet money is "already back".
import type { CorrectionsInProgressView } from '../../preload/contract/day-close-views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

// Open corrections whose parts go back one by one have a plan (correction_plans); training ones complete at once.
const OPEN = `FROM documents d JOIN correction_plans c ON c.document_id = d.id
  WHERE d.register_id = ? AND d.status = 'open' AND d.kind IN ('refund', 'void') AND d.training = 0`;

export function correctionsInProgress(db: Db, registerId: string): CorrectionsInProgressView {
  const open = sql(
    db,
    `SELECT COUNT(*) AS count, COALESCE(SUM((SELECT COALESCE(SUM(l.total_minor), 0) FROM document_lines l WHERE l.document_pk = d.pk)), 0) AS totalMinor ${OPEN}`,
  ).get(registerId) as { count: number; totalMinor: number };
  const back = sql(
    db,
    `SELECT p.method, COUNT(*) AS count, SUM(p.amount_minor) AS amountMinor
       FROM payments p JOIN (SELECT d.pk ${OPEN}) o ON o.pk = p.document_pk
      WHERE p.method IN ('card', 'scan') GROUP BY p.method ORDER BY p.method = 'scan'`,
  ).all(registerId) as CorrectionsInProgressView['back'];
  return { count: open.count, totalMinor: open.totalMinor, back };
}
