// Completed ledger document + store profile → receipt documents. Pure: same input, same
// paper, which is what lets golden files pin the layout and a reprint match the original.
import type { PaymentView, LineView, DocumentView, StoreSettings } from '../../../preload/contract/views';
import type { Locale } from '../../../preload/contract/primitives';
import type { ReceiptBlock, ReceiptDocument } from './receipt-document';
import { formatDateTime, formatMoney, formatQty, formatRateBp, minorToDecimal } from './receipt-format';
import { formatReceiptNo } from '../../../preload/contract/receipt-no';
import { isReceiptStringKey, receiptTranslator } from './receipt-strings';
import type { ReceiptContext, ReceiptOptions } from './receipt-context';
import { cardBlocks, tenderBlocks, tenderLabel } from './receipt-tenders';

export type { ReceiptContext, ReceiptOptions } from './receipt-context';

export class ReceiptModelError extends Error {
  constructor(readonly code: 'receipt.document_not_completed') {
    super(code);
  }
}

/** The language a receipt is printed in: the store's own unless the owner chose another for receipts. */
export function receiptLocaleOf(store: Pick<StoreSettings, 'storeLocale' | 'receiptLocale'>): Locale {
  return store.receiptLocale ?? store.storeLocale;
}

function context(sale: DocumentView, store: StoreSettings, options: ReceiptOptions): ReceiptContext {
  if (sale.status !== 'completed') throw new ReceiptModelError('receipt.document_not_completed');
  const locale = receiptLocaleOf(store);
  const t = receiptTranslator(locale);
  const money = (m: number) => formatMoney(m, store.currency, locale);
  const sign = sale.kind === 'sale' ? 1 : -1;
  // 0 stays 0: never "-¥0.00".
  return { sale, store, options, t, money, sign, signed: (m) => money(m === 0 ? 0 : sign * m) };
}

function duplicateBanner(c: ReceiptContext): ReceiptBlock[] {
  const copy = c.options.duplicateCopy;
  if (!copy) return [];
  return [{ kind: 'text', text: c.t('duplicate', { copy }), align: 'center', bold: true, inverted: true }];
}

/** A training document says so at its top and its foot, so it can never pass for a receipt. */
function trainingBanner(c: ReceiptContext): ReceiptBlock[] {
  if (!c.sale.training) return [];
  return [{ kind: 'text', text: c.t('training.banner'), align: 'center', bold: true, inverted: true }];
}

function header(c: ReceiptContext, title: string): ReceiptBlock[] {
  const { sale, store, t } = c;
  const blocks: ReceiptBlock[] = [];
  if (store.receiptLogoPng) blocks.push({ kind: 'image', png: store.receiptLogoPng });
  blocks.push({ kind: 'text', text: store.storeName, align: 'center', bold: true, tall: true });
  if (store.storeAddress) blocks.push({ kind: 'text', text: store.storeAddress, align: 'center' });
  if (store.storePhone) blocks.push({ kind: 'text', text: t('header.phone', { phone: store.storePhone }), align: 'center' });
  if (store.storeTaxId) blocks.push({ kind: 'text', text: t('header.taxId', { taxId: store.storeTaxId }), align: 'center' });
  for (const line of store.receiptHeader.split(/\r?\n/)) {
    if (line.trim()) blocks.push({ kind: 'text', text: line.trim(), align: 'center' });
  }
  // An inverted bar is as tall as its font's glyphs, which in a CJK font reach into the next line
  // (the preview drew the bar over the title's top): a blank line keeps the title clear of it. A
  // practice document's title says so too, under a bar that says it is not a receipt.
  const banners = [...trainingBanner(c), ...duplicateBanner(c)];
  if (banners.length > 0) banners.push({ kind: 'blank' });
  const shown = sale.training ? t('title.practice', { title }) : title;
  blocks.push({ kind: 'blank' }, ...banners, { kind: 'text', text: shown, align: 'center', bold: true });
  blocks.push(
    { kind: 'rule' },
    { kind: 'row', left: t('header.register'), right: sale.registerId },
    { kind: 'row', left: t('header.operator'), right: sale.operatorName },
    // Training numbers are their own series: marked T so they are never read as the real one.
    { kind: 'row', left: t('header.receiptNo'), right: formatReceiptNo(sale.registerId, sale.receiptNo, sale.training) },
    { kind: 'row', left: t('header.date'), right: formatDateTime(sale.completedAt ?? sale.openedAt, c.options.timeZone) },
  );
  const ref = c.options.refundOf;
  if (sale.kind !== 'sale' && ref) {
    blocks.push({ kind: 'row', left: t('header.refundOf'), right: formatReceiptNo(ref.registerId, ref.receiptNo) });
  }
  const pair = c.options.exchangeWith;
  if (pair) {
    const label = sale.kind === 'sale' ? t('header.exchangeReturn') : t('header.exchangeSale');
    blocks.push({ kind: 'row', left: label, right: formatReceiptNo(pair.registerId, pair.receiptNo) });
  }
  if (sale.kind !== 'sale' && sale.reason) blocks.push({ kind: 'row', left: t('header.reason'), right: reasonText(c, sale.reason) });
  blocks.push({ kind: 'rule' });
  return blocks;
}

/** A correction's reason code (`defective`...) in the store's language; an unknown code as it is. */
function reasonText(c: ReceiptContext, reason: string): string {
  const key = `reason.${reason}`;
  return isReceiptStringKey(key) ? c.t(key) : reason;
}

function lineBlocks(c: ReceiptContext, line: LineView): ReceiptBlock[] {
  // Money back on a line whose goods stay with the customer (a price adjustment) has no quantity to print.
  if (c.sale.kind !== 'sale' && line.qtyMilli === 0) {
    return [
      { kind: 'text', text: line.name, align: 'left' },
      { kind: 'row', left: c.t('line.adjustment'), right: c.signed(line.totalMinor), indent: true },
    ];
  }
  const qtyTimesPrice = line.soldByWeight
    ? c.t('line.weightTimesPrice', { weight: minorToDecimal(line.qtyMilli, 3), price: c.money(line.unitPriceMinor) })
    : c.t('line.qtyTimesPrice', { qty: formatQty(line.qtyMilli), price: c.money(line.unitPriceMinor) });
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: line.name, align: 'left' },
    { kind: 'row', left: qtyTimesPrice, right: c.signed(line.grossMinor), indent: true },
  ];
  // 改价: the customer sees what the goods were priced at, as the screen shows the cashier.
  if (line.listUnitPriceMinor !== null)
    blocks.push({ kind: 'row', left: c.t('line.listPrice', { price: c.money(line.listUnitPriceMinor) }), right: '', indent: true });
  if (line.lineDiscountMinor !== 0) {
    const label = line.discount?.kind === 'percent' ? c.t('line.discountPercent', { rate: formatRateBp(line.discount.rateBp) }) : c.t('line.discount');
    blocks.push({ kind: 'row', left: label, right: c.signed(-line.lineDiscountMinor), indent: true });
  }
  return blocks;
}

function totalsBlocks(c: ReceiptContext): ReceiptBlock[] {
  const { sale, t } = c;
  const lineDiscounts = sale.lines.reduce((s, l) => s + l.lineDiscountMinor, 0);
  const orderDiscount = sale.lines.reduce((s, l) => s + l.orderDiscountMinor, 0);
  const blocks: ReceiptBlock[] = [];
  if (orderDiscount !== 0) {
    blocks.push({ kind: 'row', left: t('order.subtotal'), right: c.signed(sale.totals.grossMinor - lineDiscounts) });
    const d = sale.orderDiscount;
    const label = d?.kind === 'percent' ? t('order.discountPercent', { rate: formatRateBp(d.rateBp) }) : t('order.discount');
    blocks.push({ kind: 'row', left: label, right: c.signed(-orderDiscount) });
  }
  const totalLabel = sale.kind === 'sale' ? t('order.total') : t('order.refundTotal');
  blocks.push({ kind: 'row', left: totalLabel, right: c.signed(sale.totals.totalMinor), bold: true, tall: true });
  // Rounded up, the customer pays more than the total: the "+" says so (抹零 once read as a discount either way).
  if (sale.roundingMinor !== 0)
    blocks.push({ kind: 'row', left: t('order.rounding'), right: `${c.sign * sale.roundingMinor > 0 ? '+' : ''}${c.signed(sale.roundingMinor)}` });
  return blocks;
}

function taxBlocks(c: ReceiptContext): ReceiptBlock[] {
  const rows = c.sale.totals.taxBreakdown.filter((r) => r.taxMinor !== 0 || r.rateBp !== 0);
  if (rows.length === 0) return [];
  const blocks: ReceiptBlock[] = [
    { kind: 'rule' },
    { kind: 'text', text: c.store.pricesIncludeTax ? c.t('tax.heading') : c.t('tax.headingAdded'), align: 'left' },
  ];
  for (const r of [...rows].sort((a, b) => a.rateBp - b.rateBp)) {
    blocks.push({
      kind: 'row',
      left: c.t('tax.row', { rate: formatRateBp(r.rateBp), base: c.signed(r.baseMinor) }),
      right: c.signed(r.taxMinor),
      indent: true,
    });
  }
  return blocks;
}

/** Where a correction's money went: back in cash, to the card, or to the customer's wallet. */
/** The sale's note (delivery after 5 pm, a customer's wish): the customer and whoever packs the order read it here. */
function noteBlocks(c: ReceiptContext): ReceiptBlock[] {
  const note = c.sale.note?.trim();
  if (!note) return [];
  const blocks: ReceiptBlock[] = [{ kind: 'rule' }];
  note.split(/\r?\n/).forEach((line, i) => {
    const text = line.trim();
    if (text) blocks.push({ kind: 'text', text: i === 0 ? c.t('note', { note: text }) : text, align: 'left' });
  });
  return blocks;
}

function footer(c: ReceiptContext): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [{ kind: 'rule' }];
  for (const line of c.store.receiptFooter.split(/\r?\n/)) {
    if (line.trim()) blocks.push({ kind: 'text', text: line.trim(), align: 'center' });
  }
  blocks.push({ kind: 'qr', data: c.sale.id });
  blocks.push(...duplicateBanner(c));
  return blocks;
}

/** 销售小票, or for a correction: 退货单 (goods back), 退款单 (money back, goods kept), 撤销单 (the whole sale undone). */
function titleFor(c: ReceiptContext): string {
  if (c.sale.kind === 'void') return c.t('title.void');
  if (c.sale.kind === 'sale') return c.t('title.sale');
  return c.sale.lines.every((l) => l.qtyMilli === 0) ? c.t('title.refund') : c.t('title.return');
}

/**
 * Whether a customer's receipt opens the drawer: for money changing hands at the counter, once (a
 * reprint hands out none). Training takes no real money, so the drawer stays shut. The print queue
 * asks this when it queues the kick, without building the receipt.
 */
export function receiptOpensDrawer(
  sale: Pick<DocumentView, 'kind' | 'training'> & { paidInCash: boolean },
  store: Pick<StoreSettings, 'drawerOnCash'>,
  duplicate: boolean,
): boolean {
  return !duplicate && !sale.training && store.drawerOnCash && sale.kind !== 'void' && sale.paidInCash;
}

/** The customer's receipt for a completed sale, refund or void. */
export function buildReceipt(sale: DocumentView, store: StoreSettings, options: ReceiptOptions): ReceiptDocument {
  const c = context(sale, store, options);
  const blocks: ReceiptBlock[] = [...header(c, titleFor(c))];
  for (const line of sale.lines) blocks.push(...lineBlocks(c, line));
  blocks.push({ kind: 'rule' }, ...totalsBlocks(c), ...taxBlocks(c), ...tenderBlocks(c), ...noteBlocks(c), ...footer(c), ...trainingBanner(c));
  const isDuplicate = Boolean(options.duplicateCopy);
  return {
    kind: sale.kind,
    locale: receiptLocaleOf(store),
    currency: store.currency,
    documentId: sale.id,
    duplicateCopy: options.duplicateCopy ?? null,
    openDrawer: receiptOpensDrawer(
      { kind: sale.kind, training: sale.training, paidInCash: sale.payments.some((p) => p.method === 'cash') },
      store,
      isDuplicate,
    ),
    blocks,
  };
}

/** The copy the store keeps when the card asked for a signature. */
export function buildMerchantSlip(sale: DocumentView, payment: PaymentView, store: StoreSettings, options: ReceiptOptions): ReceiptDocument {
  const c = context(sale, store, options);
  const blocks: ReceiptBlock[] = [...header(c, `${c.t('title.cardSlip')} · ${c.t('copy.merchant')}`)];
  blocks.push({ kind: 'row', left: tenderLabel(c, payment), right: c.money(payment.amountMinor), bold: true, tall: true });
  if (payment.card) {
    blocks.push(...cardBlocks(c, payment, 'merchant'));
    if (payment.card.signatureRequired) {
      blocks.push({ kind: 'blank' }, { kind: 'signature', label: c.t('card.signature'), note: c.t('card.signatureNote') });
    }
  }
  blocks.push(...duplicateBanner(c));
  return {
    kind: 'merchant-slip',
    locale: receiptLocaleOf(store),
    currency: store.currency,
    documentId: sale.id,
    duplicateCopy: options.duplicateCopy ?? null,
    openDrawer: false,
    blocks,
  };
}

/** Everything the printer should print for a completed document, in order. */
export function buildReceiptDocuments(sale: DocumentView, store: StoreSettings, options: ReceiptOptions): ReceiptDocument[] {
  const docs = [buildReceipt(sale, store, options)];
  for (const p of sale.payments) {
    if (p.card?.signatureRequired) docs.push(buildMerchantSlip(sale, p, store, options));
  }
  return docs;
}
