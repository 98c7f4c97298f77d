// The found sale's heading on the return screen: its receipt, when and by whom, each tender with
// what went back, and its corrections; a sale voided in full says so plainly.
import { useTranslation } from 'react-i18next';
import type { CompletionView } from '../../../../preload/contract';
import { api } from '../../transport/api';
import type { RefundableSaleView } from '../../../../preload/contract/refund-views';
import { formatReceiptNo } from '../../format/receipt-no';
import { useFormat } from '../../state/store-context';

interface RefundSaleFactsProps {
  found: RefundableSaleView;
  /** The completed void that took the whole sale back, if any. */
  voidedBy: RefundableSaleView['corrections'][number] | null;
  /** A correction still open (money going back part by part): shown where it stands. */
  onResume?(completion: CompletionView): void;
}

export function RefundSaleFacts({ found, voidedBy, onResume }: RefundSaleFactsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { sale } = found;
  const unfinished = found.corrections.find((c) => c.status === 'open') ?? null;
  const resume = (correctionId: string) =>
    void api.invoke('refund.parts', { correctionId }).then((r) => {
      if (r.ok) onResume?.({ sale: r.value.correction, receiptNo: null, changeMinor: 0 });
    });
  return (
    <div>
      <h1 id="refund-sale-title">{t('refund.sale.title', { receiptNo: formatReceiptNo(sale.registerId, sale.receiptNo, sale.training) })}</h1>
      <p className="muted" data-testid="refund-sale-facts">
        {t('refund.sale.facts', {
          when: sale.completedAt === null ? '' : format.dateTime(sale.completedAt),
          operator: sale.operatorName,
          total: format.money(sale.totals.totalMinor),
        })}
      </p>
      <ul className="refund-sale__payments" aria-label={t('refund.sale.payments')}>
        {found.payments.map((p) => (
          <li key={p.paymentId} data-testid="refund-sale-payment" data-method={p.method}>
            {t(`payment.method.${p.method}`)}
            {p.maskedPan ? ` ${p.maskedPan}` : ''} {format.money(p.amountMinor)}
            {p.refundedMinor > 0 ? ` · ${t(voidedBy ? 'refund.sale.voidedBack' : 'refund.sale.refundedSoFar', { amount: format.money(p.refundedMinor) })}` : ''}
          </li>
        ))}
      </ul>
      {voidedBy && (
        <p className="notice" role="status" data-testid="refund-sale-voided">
          {t('refund.sale.voided', { receiptNo: formatReceiptNo(sale.registerId, voidedBy.receiptNo, sale.training) })}
        </p>
      )}
      {unfinished && onResume && (
        <button type="button" className="button button--primary" onClick={() => resume(unfinished.id)} data-testid="refund-open-parts">
          {t('refund.parts.open')}
        </button>
      )}
      {found.corrections.length > 0 && !voidedBy && (
        <p className="muted small" data-testid="refund-sale-corrections">
          {t('refund.sale.corrections', {
            list: found.corrections
              .map((c) => `${t(`documents.kind.${c.kind}`)} ${formatReceiptNo(sale.registerId, c.receiptNo, sale.training)}`)
              .join(t('list.separator')),
          })}
        </p>
      )}
    </div>
  );
}
