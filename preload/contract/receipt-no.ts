// The receipt number as printed (R1-000042). Shared by the receipt (main) and every screen (the
// renderer), so that the completion screen, the lists and the paper never disagree; it holds no
// zod and no I/O.

/**
 * Per register, zero-padded so numbers read and sort alike. A training receipt reads R1-T-000003
 * (lists carry its number negated, as the ledger keeps it). No number yet reads as a dash.
 */
export function formatReceiptNo(registerId: string, receiptNo: number | null, training = false): string {
  if (receiptNo === null) return '—';
  const series = training || receiptNo < 0 ? `${registerId}-T` : registerId;
  return `${series}-${String(Math.abs(receiptNo)).padStart(6, '0')}`;
}
