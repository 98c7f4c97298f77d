import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSettlingView } from '../../../../preload/contract/scan-pay-views';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { formatReceiptNo } from '../../format/receipt-no';
import { useEvent } from '../../state/use-event';
import { useCall } from '../../state/use-call';
import { useFormat } from '../../state/store-context';

/**
 * The owner's list of scan-to-pay attempts whose outcome is not final yet: after a timeout or a
 * crash the register keeps asking the provider in the background. Asked again at every payment
 * step and sale change, which is when an attempt moves or settles.
 */
export function ScanSettlingSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useCall('scanpay.settling');
  const { run: load } = list;
  const reload = useCallback(() => void load({}), [load]);
  useEffect(reload, [reload]);
  useEvent('sale.changed', reload);
  useEvent('payment.step', reload);

  const columns: Column<ScanSettlingView>[] = [
    { key: 'provider', header: t('scanSettling.provider'), cell: (a) => t(`scanpay.provider.${a.provider}`), testId: 'settling-provider' },
    { key: 'amount', header: t('scanSettling.amount'), numeric: true, cell: (a) => format.money(a.amountMinor), testId: 'settling-amount' },
    {
      key: 'sale',
      header: t('scanSettling.sale'),
      cell: (a) => (a.receiptNo === null ? t('scanSettling.openSale', { id: a.saleId.slice(0, 8) }) : formatReceiptNo(a.registerId, a.receiptNo)),
      title: (a) => a.saleId,
      testId: 'settling-sale',
    },
    { key: 'order', header: t('scanSettling.outTradeNo'), cell: (a) => a.outTradeNo, testId: 'settling-order' },
    { key: 'state', header: t('scanSettling.state'), cell: (a) => t(`scanSettling.state.${a.state}`), testId: 'settling-state' },
    {
      key: 'checked',
      header: t('scanSettling.lastChecked'),
      cell: (a) => (a.lastCheckedAt === null ? t('scanSettling.notChecked') : format.dateTime(a.lastCheckedAt)),
      testId: 'settling-checked',
    },
    { key: 'live', header: t('scanSettling.where'), cell: (a) => (a.live ? t('scanSettling.atCounter') : t('scanSettling.background')) },
  ];

  return (
    <div className="back-office__stack">
      <p className="muted">{t('scanSettling.intro')}</p>
      <DataTable
        label={t('scanSettling.title')}
        columns={columns}
        rows={list.value ?? null}
        rowKey={(a) => a.id}
        empty={t('scanSettling.none')}
        emptyTestId="settling-none"
        testId="settling-list"
        rowTestId="settling-attempt"
      />
      <ErrorNote error={list.error} />
    </div>
  );
}
