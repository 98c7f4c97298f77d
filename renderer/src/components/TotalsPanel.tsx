import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../preload/contract';
import { useFormat } from '../state/store-context';

/** Subtotal, discounts, the tax included per rate, and the total to pay. */
export function TotalsPanel({ sale }: { sale: DocumentView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { totals } = sale;
  return (
    <dl className="totals" data-testid="totals">
      <div className="totals__row">
        <dt>{t('totals.subtotal')}</dt>
        <dd data-testid="subtotal">{format.money(totals.grossMinor)}</dd>
      </div>
      {totals.discountMinor > 0 && (
        <div className="totals__row totals__row--discount">
          <dt>
            {sale.orderDiscount?.kind === 'percent' ? t('totals.discountWithOrder', { rate: format.rate(sale.orderDiscount.rateBp) }) : t('totals.discount')}
          </dt>
          <dd data-testid="discount-total">−{format.money(totals.discountMinor)}</dd>
        </div>
      )}
      {totals.taxBreakdown.map((tax) => (
        <div key={tax.rateBp} className="totals__row totals__row--tax" data-testid="tax-row">
          <dt>{t('totals.taxRow', { rate: format.rate(tax.rateBp), base: format.money(tax.baseMinor) })}</dt>
          <dd>{format.money(tax.taxMinor)}</dd>
        </div>
      ))}
      <div className="totals__row totals__row--total">
        <dt>{t('totals.total')}</dt>
        <dd data-testid="total">{format.money(totals.totalMinor)}</dd>
      </div>
    </dl>
  );
}
