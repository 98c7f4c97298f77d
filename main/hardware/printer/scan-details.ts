// The scan-to-pay lines printed under a WeChat Pay or Alipay tender: the provider's transaction
// id (on a refund, its refund id) and the payer as the provider masked it. The transaction id is
// masked too: with it anyone could ask the store for a refund by phone, and the customer's app
// shows the whole number if it is ever needed.
import type { ScanDetailsView } from '../../../preload/contract/views';
import type { ReceiptBlock } from './receipt-document';
import type { Translate } from './receipt-strings';

/** First 4 and last 6 characters: enough to match the entry in the customer's app, short enough for 58 mm paper. */
export function maskTransactionId(id: string): string {
  const clean = id.replace(/[^0-9A-Za-z_-]/g, '');
  if (clean.length <= 10) return clean.replace(/.(?=.{4})/g, '*');
  return `${clean.slice(0, 4)}****${clean.slice(-6)}`;
}

/** A payer the provider did not mask (a bare phone number or account): keep the first 3 and last 4. */
export function maskPayer(payer: string): string {
  if (payer.includes('*')) return payer;
  if (payer.length <= 7) return '*'.repeat(payer.length);
  return `${payer.slice(0, 3)}****${payer.slice(-4)}`;
}

export function scanLabel(t: Translate, scan: ScanDetailsView | null, refund: boolean): string {
  if (refund) return scan?.provider === 'alipay' ? t('tender.refundAlipay') : t('tender.refundWechat');
  return scan?.provider === 'alipay' ? t('tender.alipay') : t('tender.wechat');
}

export function scanDetailBlocks(scan: ScanDetailsView, t: Translate, refund: boolean): ReceiptBlock[] {
  const rows: ReceiptBlock[] = [];
  // A refund the provider has not numbered yet is named by the register's own refund number.
  const id = scan.transactionId ?? (refund ? scan.outTradeNo : null);
  if (id) rows.push({ kind: 'row', left: refund ? t('scan.refundId') : t('scan.transaction'), right: maskTransactionId(id), indent: true });
  if (scan.payer) rows.push({ kind: 'row', left: t('scan.payer'), right: maskPayer(scan.payer), indent: true });
  return rows;
}
