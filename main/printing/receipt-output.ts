// What a job puts on paper and what the screen previews, both from the same receipt documents.
// Built when the job is sent, not when it is queued: documents are immutable, so the paper is the
// same either way, and the sale's transaction stays short.
import type { PrinterConfigView, ReceiptPreviewView } from '../../preload/contract/printer';
import type { DocumentView } from '../../preload/contract/views';
import { buildReceiptDocuments, drawerKickBytes, encodeReceipt, receiptOpensDrawer, renderReceiptSvg, type ReceiptDocument } from '../hardware/printer';
import type { Db } from '../ledger/database';
import type { PrintJob } from './print-jobs';
import { reprintCount } from './print-jobs';
import { documentView, findDocument } from '../documents/document-view';
import { ServiceError } from '../common/service-error';
import { getSettings } from '../settings/settings';
import { sql } from '../ledger/statements';
import { paperTimeZone } from './printer-config';
import { exchangeCreditPaymentId } from '../exchange/sale-exchange';
import { withSoldDiscounts } from '../hardware/printer/return-discounts';

export function receiptDocuments(db: Db, saleId: string, copyNo: number, config: PrinterConfigView): ReceiptDocument[] {
  const sale = documentView(db, saleId);
  if (sale.status !== 'completed') throw new ServiceError('receipt.not_completed', { saleId });
  const original = sale.originalDocumentId ? findDocument(db, sale.originalDocumentId) : null;
  const store = getSettings(db);
  const pair = exchangePair(db, saleId);
  // A correction prints the discount shares of the sale it corrects, as that sale's receipt printed them.
  const shown = original ? withSoldDiscounts(sale, documentView(db, original.id)) : sale;
  return buildReceiptDocuments(shown, store, {
    exchangeWith: pair?.receipt_no
      ? { registerId: pair.register_id, receiptNo: pair.receipt_no, creditPaymentId: pair.credit_payment_id, creditedMinor: pair.credited_minor }
      : null,
    timeZone: paperTimeZone(config, store),
    duplicateCopy: copyNo > 0 ? copyNo : null,
    // A practice sale's number is kept negated; its practice correction names it as it was printed (R1-T-000003).
    refundOf: original?.receipt_no
      ? { registerId: original.training === 1 ? `${original.register_id}-T` : original.register_id, receiptNo: Math.abs(original.receipt_no) }
      : null,
    terminalLines: config.terminalReceiptLines,
  });
}

interface ExchangePair {
  register_id: string;
  receipt_no: number | null;
  /** On the new sale: its payment that is the credit (see exchangeCreditPaymentId). */
  credit_payment_id: number | null;
  /** On the return: how much of its money the new sale took as its credit (the amount of that payment). */
  credited_minor: number | null;
}

/** The other document of an exchange (the return of a new sale, the new sale of a return), if this one is part of one. */
function exchangePair(db: Db, documentId: string): ExchangePair | undefined {
  const pair = sql(
    db,
    `SELECT d.register_id, d.receipt_no, e.sale_document_id FROM exchanges e
         JOIN documents d ON d.id = CASE WHEN e.sale_document_id = ? THEN e.refund_document_id ELSE e.sale_document_id END
        WHERE e.sale_document_id = ? OR e.refund_document_id = ?`,
  ).get(documentId, documentId, documentId) as { register_id: string; receipt_no: number | null; sale_document_id: string } | undefined;
  if (!pair) return undefined;
  if (pair.sale_document_id === documentId) {
    return { register_id: pair.register_id, receipt_no: pair.receipt_no, credit_payment_id: exchangeCreditPaymentId(db, documentId), credited_minor: null };
  }
  const creditId = exchangeCreditPaymentId(db, pair.sale_document_id);
  const credited = creditId === null ? null : (sql(db, 'SELECT amount_minor FROM payments WHERE id = ?').pluck().get(creditId) as number);
  return { register_id: pair.register_id, receipt_no: pair.receipt_no, credit_payment_id: null, credited_minor: credited };
}

/**
 * Whether completing this sale should kick the drawer (a cash tender and the store's setting),
 * by the receipt's own rule. Asked inside the sale's transaction, so it reads the row and whether
 * cash was taken, not the receipt: building that (the whole view, dates and money formatted in the
 * store's zone) took about a tenth of a millisecond there, and the job builds it when it is sent.
 */
export function saleOpensDrawer(db: Db, saleId: string): boolean {
  const row = sql(
    db,
    "SELECT kind, status, training, EXISTS (SELECT 1 FROM payments WHERE document_pk = d.pk AND method = 'cash') AS cash FROM documents d WHERE d.id = ?",
  ).get(saleId) as { kind: DocumentView['kind']; status: string; training: number; cash: number } | undefined;
  if (!row) throw new ServiceError('sale.not_found', { saleId });
  if (row.status !== 'completed') throw new ServiceError('receipt.not_completed', { saleId });
  return receiptOpensDrawer({ kind: row.kind, training: row.training === 1, paidInCash: row.cash === 1 }, getSettings(db), false);
}

export function jobBytes(db: Db, job: PrintJob, config: PrinterConfigView): Buffer {
  if (job.kind === 'drawer') return Buffer.from(drawerKickBytes(config.profile));
  if (job.kind === 'report') return Buffer.from(encodeReceipt(JSON.parse(job.content ?? 'null') as ReceiptDocument, config.profile, { openDrawer: false }));
  const docs = receiptDocuments(db, job.document_id ?? '', job.copy_no, config);
  // The kick travels as its own job ahead of the receipt; never again inside it.
  return Buffer.concat(docs.map((d) => encodeReceipt(d, config.profile, { openDrawer: false })));
}

export function receiptPreview(db: Db, saleId: string, config: PrinterConfigView, copyNo = 0): ReceiptPreviewView {
  const [receipt] = receiptDocuments(db, saleId, copyNo, config);
  const sale = documentView(db, saleId);
  return {
    saleId,
    registerId: sale.registerId,
    receiptNo: sale.receiptNo,
    svg: receipt ? renderReceiptSvg(receipt, config.profile) : '',
    copyNo,
    reprints: reprintCount(db, saleId),
  };
}
