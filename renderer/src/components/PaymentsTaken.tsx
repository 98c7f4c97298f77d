import { useTranslation } from 'react-i18next';
import type { PaymentView } from '../../../preload/contract';
import { useFormat } from '../state/store-context';
import '../styles/card.css';

/** The payments already on a sale (method, amount, the card's masked number): split tender at a glance. */
export function PaymentsTaken({ payments, testId = 'payments-taken' }: { payments: PaymentView[]; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (payments.length === 0) return null;
  return (
    <ul className="payments-taken" aria-label={t('payment.taken')} data-testid={testId}>
      {payments.map((p) => (
        <li key={p.id} className="payments-taken__row" data-testid="payment-row" data-method={p.method}>
          <span className="payments-taken__method">
            {t(`payment.method.${p.method}`)}
            {p.card?.maskedPan ? <span className="muted small"> {p.card.maskedPan}</span> : null}
            {p.scan ? <span className="muted small"> {t(`scanpay.provider.${p.scan.provider}`)}</span> : null}
          </span>
          <strong className="payments-taken__amount">{format.money(p.amountMinor)}</strong>
        </li>
      ))}
    </ul>
  );
}
