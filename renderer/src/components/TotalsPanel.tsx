import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../preload/contract';
import { useFormat } from '../state/store-context';

/** Subtotal (after the lines' discounts, as the receipt's), the order's discount, the tax included per rate, the total, and after a part payment what is paid and still to pay. */
export function TotalsPanel({ sale }: { sale: DocumentView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { totals } = sale;
  // The 小计 is the receipt's: the lines after their own discounts (each shown on its line, as the
  // receipt prints it under the line), before the order's (printer/receipt-model.ts).
  const lineDiscounts = sale.lines.reduce((sum, l) => sum + l.lineDiscountMinor, 0);
  const orderDiscount = sale.lines.reduce((sum, l) => sum + l.orderDiscountMinor, 0);
  const order = sale.orderDiscount;
  const total = format.money(totals.totalMinor);
  return (
    <dl className="totals" data-testid="totals">
      <div className="totals__row">
        <dt>{t('totals.subtotal')}</dt>
        <dd data-testid="subtotal">{format.money(totals.grossMinor - lineDiscounts)}</dd>
      </div>
      {orderDiscount > 0 && (
        <div className="totals__row totals__row--discount">
          <dt>{order?.kind === 'percent' ? t('totals.orderDiscountPercent', { rate: format.rate(order.rateBp) }) : t('totals.orderDiscount')}</dt>
          <dd data-testid="order-discount-total">−{format.money(orderDiscount)}</dd>
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
        {/* Its length sizes the figure (sale.css): ¥99,999,999.00 shrinks to fit the column, never cut. */}
        <dd data-testid="total" style={{ '--chars': total.length } as CSSProperties}>
          {total}
        </dd>
      </div>
      {/* A part payment taken (cash, card, scan): what is in already, and what is still to pay, as the payment screen says it. */}
      {sale.payments.length > 0 && (
        <>
          <div className="totals__row totals__row--paid">
            <dt>{t('totals.paid')}</dt>
            <dd data-testid="totals-paid">{format.money(sale.paidMinor)}</dd>
          </div>
          <div className="totals__row totals__row--remaining">
            <dt>{t('payment.remaining')}</dt>
            <dd data-testid="totals-remaining">{format.money(sale.remainingMinor)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
