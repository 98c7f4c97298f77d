// What a cashier may type or scan to find a receipt: the number as printed (`R1-000042`), the bare
// number (`42`), or the receipt's QR code, which holds the document's id.

export type ReceiptCode = { kind: 'id'; id: string } | { kind: 'number'; registerId: string | null; receiptNo: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseReceiptCode(text: string): ReceiptCode | null {
  // A Chinese input method in full-width mode types Ｒ１－０００００１: NFKC reads it as R1-000001.
  const code = text.normalize('NFKC').trim();
  if (UUID.test(code)) return { kind: 'id', id: code.toLowerCase() };
  const printed = /^([A-Za-z0-9-]{1,16})-(\d{1,12})$/.exec(code);
  if (printed?.[1] && printed[2]) {
    const receiptNo = Number(printed[2]);
    return receiptNo > 0 ? { kind: 'number', registerId: printed[1], receiptNo } : null;
  }
  if (/^\d{1,12}$/.test(code) && Number(code) > 0) return { kind: 'number', registerId: null, receiptNo: Number(code) };
  return null;
}
