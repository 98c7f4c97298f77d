import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView } from '../../../preload/contract';
import { PaymentsTaken } from '../components/PaymentsTaken';
import { formatDateTime } from '../format/date';
import { useFormat } from '../state/store-context';
import { ReceiptPreview } from './printing/ReceiptPreview';

/** The sale is in the ledger: show the receipt number and the change to hand back. */
export function CompletionScreen({ completion, onNext }: { completion: CompletionView; onNext(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const next = useRef<HTMLButtonElement>(null);
  const { sale } = completion;

  useEffect(() => {
    next.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      onNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNext]);

  return (
    <main className="screen screen--centered">
      <section className="panel done" data-testid="completion" aria-labelledby="done-title">
        <h1 id="done-title">{t('done.title')}</h1>
        <dl className="done__facts">
          <div>
            <dt>{t('done.receiptNo')}</dt>
            <dd data-testid="receipt-no">
              {sale.training ? 'T-' : ''}
              {completion.receiptNo ?? sale.receiptNo}
            </dd>
          </div>
          <div>
            <dt>{t('done.total')}</dt>
            <dd data-testid="done-total">{format.money(sale.totals.totalMinor)}</dd>
          </div>
          <div>
            <dt>{t('done.paid')}</dt>
            <dd>{format.money(sale.payments.reduce((s, p) => s + p.tenderedMinor, 0))}</dd>
          </div>
          <div className="done__change">
            <dt>{t('done.change')}</dt>
            <dd data-testid="change-due">{format.money(completion.changeMinor)}</dd>
          </div>
        </dl>
        {/* A split tender lists each payment; a single one is already said by the facts above. */}
        {sale.payments.length > 1 && <PaymentsTaken payments={sale.payments} testId="done-payments" />}
        {sale.completedAt !== null && <p className="muted small">{formatDateTime(sale.completedAt, format.locale)}</p>}
        <div className="done__receipt">
          <ReceiptPreview saleId={sale.id} />
        </div>
        <button ref={next} type="button" className="button button--primary button--large" onClick={onNext} data-testid="next-sale">
          {t('done.next')} <kbd>Enter</kbd>
        </button>
      </section>
    </main>
  );
}
