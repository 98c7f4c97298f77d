import { useTranslation } from 'react-i18next';
import type { CustomerDisplayView } from '../../../preload/contract';

/**
 * Under the lines: the card to present while the terminal waits for it, how a done sale was paid
 * (change only when there is some), or a return's money going back and where to.
 */
export function DisplayOutcome({ view, state, money }: { view: CustomerDisplayView; state: CustomerDisplayView['state']; money: (minor: number) => string }) {
  const { t } = useTranslation();
  const paidBy = view.payments.filter((p) => p.method !== 'cash');
  return (
    <>
      {view.cardWaiting && (state === 'sale' || state === 'paying' || state === 'return') && (
        <p className="customer-display__paying" data-testid="display-card-waiting">
          {t('customerDisplay.presentCard')}
        </p>
      )}
      {state === 'done' && (
        <div className="customer-display__done">
          {paidBy.map((p) => (
            <p key={p.method} data-testid="display-paid-by">
              {t(`customerDisplay.paidBy.${p.method}`, { amount: money(p.amountMinor) })}
            </p>
          ))}
          {view.changeMinor > 0 && <p data-testid="display-change">{t('customerDisplay.change', { amount: money(view.changeMinor) })}</p>}
          <p className="customer-display__thanks" data-testid="display-thanks">
            {t('customerDisplay.thanks')}
          </p>
        </div>
      )}
      {state === 'return' && (
        <div className="customer-display__done" data-testid="display-return">
          {view.payments.map((p) => (
            <p key={p.method} data-testid="display-return-to">
              {t(`customerDisplay.return.to.${p.method}`, { amount: money(p.amountMinor) })}
            </p>
          ))}
          <p className="customer-display__thanks" data-testid="display-return-status">
            {view.correction?.done ? t('customerDisplay.return.thanks') : t('customerDisplay.return.running')}
          </p>
        </div>
      )}
    </>
  );
}
