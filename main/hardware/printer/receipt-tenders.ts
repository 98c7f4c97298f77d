// The tenders part of a receipt: each payment under its label (an exchange's credit named as
// such, a return's credit to the exchange sale apart from cash given back), the card slip lines
// and the scan-to-pay details, and the change.
import type { PaymentView } from '../../../preload/contract/views';
import { formatReceiptNo } from '../../../preload/contract/receipt-no';
import type { ReceiptBlock } from './receipt-document';
import type { ReceiptContext } from './receipt-context';
import { cardSlipBlocks, type CardTransaction } from './card-slip';
import { scanDetailBlocks, scanLabel } from './scan-details';

function refundTenderLabel(c: ReceiptContext, p: PaymentView): string {
  if (p.method === 'cash') return c.t('tender.refundCash');
  if (p.method === 'scan') return scanLabel(c.t, p.scan, true);
  return c.t('tender.refundCard');
}

function isExchangeCredit(c: ReceiptContext, p: PaymentView): boolean {
  const creditId = c.options.exchangeWith?.creditPaymentId;
  return c.sale.kind === 'sale' && creditId !== undefined && creditId !== null && p.id === creditId;
}

export function tenderLabel(c: ReceiptContext, p: PaymentView): string {
  if (c.sale.kind !== 'sale') return refundTenderLabel(c, p);
  if (isExchangeCredit(c, p)) return c.t('tender.exchangeCredit');
  if (p.method === 'scan') return scanLabel(c.t, p.scan, false);
  return p.method === 'cash' ? c.t('tender.cash') : c.t('tender.card');
}

// What the terminal did is on the payment; payments booked before it was recorded fall back on
// the document: a refund paid back by the terminal's refund, a void reversing the sale.
function cardTransaction(c: ReceiptContext, p: PaymentView): CardTransaction {
  if (p.card?.transaction) return p.card.transaction;
  return c.sale.kind === 'refund' ? 'refund' : c.sale.kind === 'void' ? 'reversal' : 'sale';
}

export function cardBlocks(c: ReceiptContext, p: PaymentView, copy: 'customer' | 'merchant'): ReceiptBlock[] {
  if (!p.card) return [];
  const placement = c.options.terminalLines ?? 'none';
  const wanted = placement === 'both' || (placement === 'merchant' && copy === 'merchant');
  return cardSlipBlocks(p, p.card, c.t, c.money, { transaction: cardTransaction(c, p), terminalLines: wanted ? (p.card.receiptLines ?? []) : [] });
}

/**
 * An exchange's return: its cash refund paid the new sale's credit first; that part is a row
 * naming the new sale, and each cash payment prints only what is left of it after the credit.
 */
function exchangeReturnSplit(c: ReceiptContext): { creditedMinor: number; payments: PaymentView[] } | null {
  const credited = c.options.exchangeWith?.creditedMinor;
  if (c.sale.kind !== 'refund' || credited === undefined || credited === null || credited <= 0) return null;
  let left = credited;
  const payments: PaymentView[] = [];
  for (const p of c.sale.payments) {
    if (p.method !== 'cash' || left === 0) {
      payments.push(p);
      continue;
    }
    const taken = Math.min(left, p.amountMinor);
    left -= taken;
    if (p.amountMinor > taken) payments.push({ ...p, amountMinor: p.amountMinor - taken, tenderedMinor: 0 });
  }
  return { creditedMinor: credited - left, payments };
}

export function tenderBlocks(c: ReceiptContext): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [{ kind: 'rule' }];
  const split = exchangeReturnSplit(c);
  const pair = c.options.exchangeWith;
  if (split && pair) {
    // The sale's number on a line of its own: label, number and amount together overrun 58 mm paper.
    blocks.push(
      { kind: 'row', left: c.t('tender.toExchange'), right: c.money(c.sign * split.creditedMinor) },
      { kind: 'row', left: formatReceiptNo(pair.registerId, pair.receiptNo), right: '', indent: true },
    );
  }
  for (const p of split?.payments ?? c.sale.payments) {
    // Cash shows what the customer handed over, so tendered − change reads back the amount.
    const shown = c.sign * (p.method === 'cash' && p.tenderedMinor > 0 ? p.tenderedMinor : p.amountMinor);
    blocks.push({ kind: 'row', left: tenderLabel(c, p), right: c.money(shown) });
    blocks.push(...cardBlocks(c, p, 'customer'));
    if (p.scan) blocks.push(...scanDetailBlocks(p.scan, c.t, c.sale.kind !== 'sale'));
  }
  if (c.sale.changeMinor !== 0) {
    blocks.push({ kind: 'row', left: c.t('tender.change'), right: c.money(c.sale.changeMinor), bold: true });
  }
  return blocks;
}
