import { useTranslation } from 'react-i18next';
import type { ReconciliationDifferenceView } from '../../../../preload/contract';
import { useFormat } from '../../state/store-context';

/**
 * One line of the card reconciliation that does not agree. A line whose amount is the amount of the
 * payments it names reads as such; a slot whose totals differ when the terminal gives no amount per
 * receipt says only that, and that the difference may combine several.
 */
export function ReconciliationDifference({ d }: { d: ReconciliationDifferenceView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const amounts = { terminal: format.money(d.terminalMinor), register: format.money(d.registerMinor), difference: format.money(d.differenceMinor) };
  const numbers =
    d.terminalReceiptNos.length > 0 ? ` · ${t('report.recon.terminalReceipts', { numbers: d.terminalReceiptNos.join(t('list.separator')) })}` : '';
  if (d.exact !== true && d.kind !== 'total_differs') {
    return (
      <li data-testid={`difference-${d.kind}`} data-exact="false">
        {t(`report.recon.combined.${d.kind}`, { brand: d.brand ?? '', count: d.count })}
        {numbers} · {t('report.recon.combinedTotals', amounts)}
      </li>
    );
  }
  return (
    <li data-testid={`difference-${d.kind}`} data-exact={String(d.exact === true)}>
      {t('report.recon.diffLine', { label: t(`report.recon.diff.${d.kind}`, { brand: d.brand ?? '', count: d.count }), ...amounts })}
      {d.documentReceiptNo !== null && ` · ${t('report.recon.receipt', { receipt: d.documentReceiptNo, terminal: d.terminalReceiptNo ?? '—' })}`}
      {numbers}
    </li>
  );
}
