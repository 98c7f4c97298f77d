// The drawer kick is the one job that is never sent late. A receipt that prints an hour after the
// sale is still the customer's receipt; a drawer that opens an hour after the sale opens for
// nobody (the cashier was told to use the key, and may have left the till). So a kick that cannot
// reach the printer within a few seconds of the sale is dropped, journalled as not delivered, and
// the banner tells the cashier to open the drawer with the key.
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';

/** A kick older than this (since its job was queued) is not sent: the moment of the sale is over. */
export const DRAWER_WINDOW_MS = 5000;
/** How long the banner keeps saying the drawer did not open, unless a later kick gets through. */
export const DRAWER_NOTICE_MS = 120_000;
/** The job's last problem once it is dropped; the cause is in the journal and the log. */
export const DRAWER_NOT_DELIVERED = 'printer.drawer_not_delivered';

/** Drops a drawer job that could not be delivered in time: cancelled, never sent again, journalled with why. */
export function dropDrawerJob(db: Db, job: { id: number; document_id: string | null; reason: string | null }, cause: string, now: number): void {
  db.transaction(() => {
    const r = sql(
      db,
      "UPDATE print_jobs SET state = 'cancelled', last_error = ?, finished_at = ? WHERE id = ? AND kind = 'drawer' AND state IN ('queued', 'sending')",
    ).run(DRAWER_NOT_DELIVERED, now, job.id);
    if (r.changes === 0) return;
    appendJournal(db, 'drawer.not_opened', { jobId: job.id, saleId: job.document_id, reason: job.reason, cause }, now);
  })();
}

/** The latest drawer kick was dropped within the notice time: the cashier must open the drawer with the key. */
export function drawerNotOpened(db: Db, now: number): boolean {
  const last = sql(db, "SELECT state, last_error, finished_at FROM print_jobs WHERE kind = 'drawer' ORDER BY id DESC LIMIT 1").get() as
    { state: string; last_error: string | null; finished_at: number | null } | undefined;
  return last !== undefined && last.state === 'cancelled' && last.last_error === DRAWER_NOT_DELIVERED && (last.finished_at ?? 0) >= now - DRAWER_NOTICE_MS;
}
