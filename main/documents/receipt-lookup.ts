// Finding a completed document by what a cashier types or scans: the number as printed
// (`R1-000042`), the bare number, or the receipt's QR code. Refunds, the receipt lookup and
// sale.byReceipt all ask here, so the three forms work wherever a receipt is looked up.
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { parseReceiptCode } from './receipt-code';

/** The document a receipt code names (this register's numbers unless the code names another); `receipt.not_found` otherwise. */
export function documentIdByCode(db: Db, registerId: string, code: string): string {
  const parsed = parseReceiptCode(code);
  if (!parsed) throw new ServiceError('receipt.not_found', { receiptNo: code.slice(0, 64) });
  // The refusal repeats what the cashier typed or scanned, not our reading of it.
  const row = (
    parsed.kind === 'number'
      ? sql(db, 'SELECT id FROM documents WHERE register_id = ? AND receipt_no = ?').get(parsed.registerId ?? registerId, parsed.receiptNo)
      : // A QR code names the document itself; only a completed one has a receipt to look up.
        sql(db, "SELECT id FROM documents WHERE id = ? AND status = 'completed'").get(parsed.id)
  ) as { id: string } | undefined;
  if (!row) throw new ServiceError('receipt.not_found', { receiptNo: code.slice(0, 64) });
  return row.id;
}
