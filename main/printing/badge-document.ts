// An operator's badge as the receipt printer prints it: name, role and number, the code as a
// Code 128 barcode (what wedge scanners read) and as a QR code (what 2D scanners prefer).
import type { Locale, Role } from '../../preload/contract/primitives';
import type { ReceiptDocument } from '../hardware/printer';
import { receiptTranslator } from '../hardware/printer/receipt-strings';

export function buildBadgeDocument(input: { storeName: string; name: string; number: number; role: Role; code: string; locale: Locale }): ReceiptDocument {
  const t = receiptTranslator(input.locale);
  return {
    kind: 'badge',
    locale: input.locale,
    currency: 'CNY',
    documentId: `badge-${input.number}`,
    duplicateCopy: null,
    openDrawer: false,
    blocks: [
      { kind: 'text', text: input.storeName, align: 'center', bold: true },
      { kind: 'text', text: t('badge.title'), align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: input.name, align: 'center', bold: true, tall: true },
      { kind: 'text', text: `${t(`badge.role.${input.role}`)} · ${t('badge.number', { number: input.number })}`, align: 'center' },
      { kind: 'blank' },
      { kind: 'code128', data: input.code },
      { kind: 'qr', data: input.code },
      { kind: 'text', text: t('badge.note'), align: 'center' },
    ],
  };
}
