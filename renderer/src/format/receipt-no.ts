/**
 * A receipt number as printed (R1-000042): per register, zero-padded so it reads as on paper. A
 * training number reads R1-T-000003 (lists carry it negated, as the ledger keeps it).
 */
export function formatReceiptNo(registerId: string, receiptNo: number | null, training = false): string {
  if (receiptNo === null) return '—';
  const series = training || receiptNo < 0 ? `${registerId}-T` : registerId;
  return `${series}-${String(Math.abs(receiptNo)).padStart(6, '0')}`;
}
