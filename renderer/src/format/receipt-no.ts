/** A receipt number as printed (R1-000042): per register, zero-padded so it reads as on paper. */
export function formatReceiptNo(registerId: string, receiptNo: number | null): string {
  return receiptNo === null ? '—' : `${registerId}-${String(receiptNo).padStart(6, '0')}`;
}
