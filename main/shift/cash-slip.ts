// The slip a cash movement prints: what left or entered the drawer, how much and why, with a line
// to sign. Pure.
import type { CashMovementView } from '../../preload/contract/shift-views';
import type { StoreSettings } from '../../preload/contract/views';
import type { ReceiptDocument } from '../hardware/printer/receipt-document';
import { formatDateTime, formatMoney } from '../hardware/printer/receipt-format';
import { reportTranslator } from '../day-close/report-strings';

export function cashSlip(m: CashMovementView, registerId: string, store: StoreSettings, timeZone: string): ReceiptDocument {
  const t = reportTranslator(store.storeLocale);
  const money = formatMoney(m.amountMinor, store.currency, store.storeLocale);
  return {
    kind: 'cash-slip',
    locale: store.storeLocale,
    currency: store.currency,
    documentId: `cash-${registerId}-${m.id}`,
    duplicateCopy: null,
    openDrawer: false,
    blocks: [
      { kind: 'text', text: store.storeName, align: 'center', bold: true },
      { kind: 'text', text: t('slip.title'), align: 'center', bold: true, tall: true },
      { kind: 'rule' },
      { kind: 'row', left: t('header.register'), right: registerId },
      { kind: 'row', left: t('slip.shift'), right: `#${m.shiftId}` },
      { kind: 'row', left: t('header.operator'), right: m.operatorName },
      { kind: 'row', left: t('header.printedAt'), right: formatDateTime(m.at, timeZone) },
      { kind: 'rule' },
      { kind: 'row', left: t('slip.kind'), right: t(`movement.${m.kind}`), bold: true },
      { kind: 'row', left: t('slip.amount'), right: money, bold: true, tall: true },
      { kind: 'text', text: `${t('slip.reason')}: ${m.reason}`, align: 'left' },
      { kind: 'blank' },
      { kind: 'signature', label: t('slip.signature'), note: '' },
    ],
  };
}
