// Work under way that a restore would throw away without a word: a sale (or return, or void) open in
// a window with lines or money on it, a card or scan-to-pay payment in flight, sales held for later.
// None of it is in a bundle's completed books, so over a ledger that passes its checks the restore
// is refused, names what is open and changes nothing; the owner finishes or cancels it first.
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/db';
import { openIntents } from '../card/card-intents';

const OPEN_SCAN = "SELECT COUNT(*) FROM scan_attempts WHERE state IN ('created', 'sent', 'waiting', 'unknown', 'reversing')";

interface OpenDocument {
  id: string;
  kind: 'sale' | 'refund' | 'void';
  lines: number;
  payments: number;
}

/** The oldest open, not held document with lines or payments on it, if any. */
function openDocument(db: Db): OpenDocument | null {
  const rows = db
    .prepare(
      `SELECT d.id, d.kind,
              (SELECT COUNT(*) FROM document_lines l WHERE l.document_pk = d.pk) AS lines,
              (SELECT COUNT(*) FROM payments p WHERE p.document_pk = d.pk) AS payments
         FROM documents d
        WHERE d.status = 'open' AND d.held_at IS NULL
        ORDER BY d.opened_at`,
    )
    .all() as OpenDocument[];
  return rows.find((d) => d.lines > 0 || d.payments > 0) ?? null;
}

/**
 * The payment under way, named by what it waits on: a card at the terminal or a scan-to-pay
 * customer (either may be charging now), else a sale part paid (in cash, say); null if none.
 */
function paymentUnderWay(db: Db, open: OpenDocument | null): 'payment_card' | 'payment_scan' | 'payment' | null {
  if (openIntents(db).length > 0) return 'payment_card';
  if ((db.prepare(OPEN_SCAN).pluck().get() as number) > 0) return 'payment_scan';
  return open !== null && open.payments > 0 && open.kind === 'sale' ? 'payment' : null;
}

/** Refuses a restore while work is open in the books in place (nothing has been changed yet). */
export function refuseOnOpenWork(db: Db): void {
  const open = openDocument(db);
  const payment = paymentUnderWay(db, open);
  if (payment !== null) throw new ServiceError('backup.restore_open_sale', { scope: payment, lines: open?.lines ?? 0 });
  if (open !== null) throw new ServiceError('backup.restore_open_sale', { scope: open.kind, lines: open.lines });
  const held = db.prepare("SELECT COUNT(*) FROM documents WHERE kind = 'sale' AND status = 'open' AND held_at IS NOT NULL").pluck().get() as number;
  if (held > 0) throw new ServiceError('backup.restore_held_sales', { held });
}
