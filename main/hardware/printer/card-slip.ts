// The card data block printed under a card tender and on the merchant copy. Only what the
// terminal returns for receipts is printed; the ledger never holds more (DESIGN §3), and the
// PAN is re-masked here in case a terminal ever sends more than first 6 / last 4 digits.
import type { CardDetailsView, PaymentView } from '../../../preload/contract/views';
import type { ReceiptBlock } from './receipt-document';
import type { ReceiptStringKey, Translate } from './receipt-strings';

/** What the card transaction was, as bank slips name it (消费 / 退货 / 撤销). */
export type CardTransaction = 'sale' | 'refund' | 'reversal';

/** Which copies carry the terminal's own receipt text (a printer setting; default none). */
export type TerminalLinesPlacement = 'none' | 'merchant' | 'both';

const transactionKeys: Record<CardTransaction, ReceiptStringKey> = {
  sale: 'card.type.sale',
  refund: 'card.type.refund',
  reversal: 'card.type.reversal',
};

// The terminal reports how the card was read as a code word; the paper speaks the store's language.
const entryKeys: Record<string, ReceiptStringKey> = {
  contactless: 'card.entry.contactless',
  chip: 'card.entry.chip',
  magstripe: 'card.entry.magstripe',
  manual: 'card.entry.manual',
};

/** Keep at most the first 6 and last 4 digits; everything else becomes '*'. */
export function maskPan(pan: string): string {
  const digits = pan.replace(/[^0-9*]/g, '');
  if (digits.length <= 10) return digits.replace(/[0-9](?=[0-9*]{4})/g, '*');
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

/**
 * A line of the terminal's own receipt that asks for a signature: its caption or the line to
 * sign on. Our merchant copy has its own signature block and the customer copy must have none,
 * so these lines are never reprinted from the terminal's text.
 */
export function isTerminalSignatureLine(text: string): boolean {
  if (/unterschrift|signature|sign here|签名|签字|簽名/i.test(text)) return true;
  // "X______", "________", "..........": a rule to write on, not text.
  return /^[\sXx*]*[_.]{5,}[\s_.]*$/.test(text);
}

export interface CardSlipOptions {
  transaction: CardTransaction;
  /** The terminal's receipt lines to add; [] for none. Signature lines are dropped here. */
  terminalLines: readonly string[];
}

export function cardSlipBlocks(
  payment: PaymentView,
  card: CardDetailsView,
  t: Translate,
  money: (amountMinor: number) => string,
  options: CardSlipOptions,
): ReceiptBlock[] {
  const rows: ReceiptBlock[] = [];
  const add = (label: string, value: string | null | undefined): void => {
    if (value) rows.push({ kind: 'row', left: label, right: value, indent: true });
  };
  const entryKey = card.entryMode ? entryKeys[card.entryMode] : undefined;
  add(t('card.type'), t(transactionKeys[options.transaction]));
  add(t('card.brand'), card.brand);
  add(t('card.pan'), card.maskedPan ? maskPan(card.maskedPan) : null);
  add(t('card.auth'), card.authCode);
  add(t('card.merchant'), card.merchantNo);
  add(t('card.terminal'), card.terminalId);
  add(t('card.trace'), card.trace);
  add(t('card.terminalReceipt'), card.terminalReceiptNo);
  add(t('card.reference'), card.referenceNo);
  // 'unknown' (and any word we have no translation for) is left off rather than printed raw.
  add(t('card.entry'), entryKey ? t(entryKey) : null);
  add(t('card.amount'), money(payment.amountMinor));
  for (const line of options.terminalLines) {
    if (!isTerminalSignatureLine(line)) rows.push({ kind: 'text', text: line, align: 'left' });
  }
  return rows;
}
