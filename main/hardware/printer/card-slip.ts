// The card data block printed under a card tender and on the merchant copy. Only what the
// terminal returns for receipts is printed; the ledger never holds more (DESIGN §3), and the
// PAN is re-masked here in case a terminal ever sends more than first 6 / last 4 digits.
import type { CardDetailsView, PaymentView } from '../../../preload/contract/views';
import type { ReceiptBlock } from './receipt-document';
import type { Translate } from './receipt-strings';

/** Keep at most the first 6 and last 4 digits; everything else becomes '*'. */
export function maskPan(pan: string): string {
  const digits = pan.replace(/[^0-9*]/g, '');
  if (digits.length <= 10) return digits.replace(/[0-9](?=[0-9*]{4})/g, '*');
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

export function cardSlipBlocks(
  payment: PaymentView,
  card: CardDetailsView,
  t: Translate,
  money: (amountMinor: number) => string,
  terminalLines: readonly string[],
): ReceiptBlock[] {
  const rows: ReceiptBlock[] = [];
  const add = (label: string, value: string | null): void => {
    if (value) rows.push({ kind: 'row', left: label, right: value, indent: true });
  };
  add(t('card.brand'), card.brand);
  add(t('card.pan'), card.maskedPan ? maskPan(card.maskedPan) : null);
  add(t('card.auth'), card.authCode);
  add(t('card.terminal'), card.terminalId);
  add(t('card.trace'), card.trace);
  add(t('card.terminalReceipt'), card.terminalReceiptNo);
  add(t('card.entry'), card.entryMode);
  add(t('card.amount'), money(payment.amountMinor));
  for (const line of terminalLines) rows.push({ kind: 'text', text: line, align: 'left' });
  return rows;
}
