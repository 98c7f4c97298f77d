// Finding a completed document by what a cashier types or scans: the number as printed
// (`R1-000042`), the bare number, or the receipt's QR code. Refunds, the receipt lookup and
// sale.byReceipt all ask here, so the three forms work wherever a receipt is looked up.
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { parseReceiptCode } from './receipt-code';

/**
 * The document a receipt code names (this register's numbers unless the code names another);
 * `receipt.not_found` otherwise. A printed number says its series (`R1-T-000003` a practice
 * receipt, whose number is kept negated; `R1-000003` a real one); a bare number is read in the
 * practice series when `bareIsPractice` (the operator is in training), as refunds read it.
 */
export function documentIdByCode(db: Db, registerId: string, code: string, bareIsPractice = false): string {
  const parsed = parseReceiptCode(code);
  if (!parsed) throw new ServiceError('receipt.not_found', { receiptNo: code.slice(0, 64) });
  let row: { id: string } | undefined;
  if (parsed.kind === 'number') {
    const practice = parsed.registerId === null ? bareIsPractice : parsed.registerId.endsWith('-T');
    const named = parsed.registerId?.replace(/-T$/, '') ?? registerId;
    row = sql(db, 'SELECT id FROM documents WHERE register_id = ? AND receipt_no = ? AND training = ?').get(
      named,
      practice ? -parsed.receiptNo : parsed.receiptNo,
      practice ? 1 : 0,
    ) as { id: string } | undefined;
  } else {
    // A QR code names the document itself; only a completed one has a receipt to look up.
    row = sql(db, "SELECT id FROM documents WHERE id = ? AND status = 'completed'").get(parsed.id) as { id: string } | undefined;
  }
  // The refusal repeats what the cashier typed or scanned, not our reading of it.
  if (!row) throw new ServiceError('receipt.not_found', { receiptNo: code.slice(0, 64) });
  return row.id;
}
