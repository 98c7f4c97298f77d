import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView, PaymentView, SaleExchangeView } from '../../../preload/contract';
import { formatReceiptNo } from '../format/receipt-no';
import { api } from '../transport/api';
import { useFormat } from '../state/store-context';
import { ReceiptPreview } from './printing/ReceiptPreview';

/** What the customer handed over for one tender: cash as given (change comes back), anything else as charged. */
function handedOver(p: PaymentView): number {
  return p.method === 'cash' ? p.tenderedMinor : p.amountMinor;
}

/** The sale is in the ledger: the receipt number, each tender taken, and the change to hand back. */
export function CompletionScreen({ completion, restored = false, onNext }: { completion: CompletionView; restored?: boolean; onNext(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const next = useRef<HTMLButtonElement>(null);
  const { sale } = completion;
  const toCardMinor = completion.toCardMinor ?? 0;
  // An exchange whose difference went back to the card hands no cash over: its credit is not change.
  const tookCash = sale.payments.some((p) => p.method === 'cash') && !(toCardMinor > 0 && completion.changeMinor === 0);
  // The new half of an exchange completes its return with it: both documents are shown, as both print.
  const [exchange, setExchange] = useState<SaleExchangeView | null>(null);
  // The tenders wait for the answer: an exchange's credit would otherwise show for a moment as cash handed over.
  const [exchangeKnown, setExchangeKnown] = useState(false);
  useEffect(() => {
    let live = true;
    const known = () => live && setExchangeKnown(true);
    void api.invoke('exchange.ofSale', { saleId: sale.id }).then((r) => {
      if (live && r.ok && r.value?.refundStatus === 'completed') setExchange(r.value);
      known();
    }, known);
    return () => {
      live = false;
    };
  }, [sale.id]);

  // An exchange's credit is booked as cash (the drawer counts only the difference) but was never handed over.
  const tenderLabel = (p: PaymentView): string => {
    if (p.id === exchange?.creditPaymentId) return t('done.tender.exchangeCredit');
    // A wallet payment by its wallet's name (微信支付), as the receipt beside it says.
    if (p.scan) return t(`scanpay.provider.${p.scan.provider}`);
    return t(p.method === 'cash' ? 'done.tender.cash' : `payment.method.${p.method}`);
  };

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
    <main className="screen done-screen">
      <section className="panel done" data-testid="completion" aria-labelledby="done-title">
        <h1 id="done-title">{t('done.title')}</h1>
        {/* Shown again after a reload, in a second window or after a restart: the customer has paid. */}
        {restored && (
          <p className="notice" role="status" data-testid="done-restored">
            {t('done.restored')}
          </p>
        )}
        <dl className="done__facts">
          <div>
            <dt>{t('done.receiptNo')}</dt>
            {/* As the receipt prints it (R1-000001), so the cashier can read it back to a customer holding one. */}
            <dd data-testid="receipt-no">{formatReceiptNo(sale.registerId, completion.receiptNo ?? sale.receiptNo, sale.training)}</dd>
          </div>
          <div>
            <dt>{t('done.total')}</dt>
            <dd data-testid="done-total">{format.money(sale.totals.totalMinor)}</dd>
          </div>
          {/* Rounded for cash, the change is worked from the rounded amount: show it, as the receipt does. */}
          {sale.roundingMinor !== 0 && (
            <div>
              <dt>{t('done.rounding')}</dt>
              <dd data-testid="done-rounding">
                {sale.roundingMinor > 0 ? '+' : ''}
                {format.money(sale.roundingMinor)}
              </dd>
            </div>
          )}
        </dl>
        {/* Every tender as taken: a card sale never reads as cash, a split shows both parts. Until the
            exchange is known the rows keep their place unseen: filled in below the receipt number a
            moment later, they pushed 下一单 down under the cashier's finger. */}
        <ul className={`done__tenders${exchangeKnown ? '' : ' done__tenders--pending'}`} aria-label={t('payment.taken')} data-testid="done-payments">
          {sale.payments.map((p) => (
            <li key={p.id} className="done__tender" data-testid="payment-row" data-method={p.method}>
              <span>
                {tenderLabel(p)}
                {p.card?.maskedPan ? <span className="muted small"> {p.card.maskedPan}</span> : null}
              </span>
              <strong>{format.money(handedOver(p))}</strong>
            </li>
          ))}
        </ul>
        {tookCash && (
          <div className="done__change" id="done-change">
            {/* A cheaper exchange hands money back: that is cash back, not change from what the customer gave. */}
            <span>{exchange && exchange.differenceMinor < 0 ? t('done.exchangeCashBack') : t('done.change')}</span>
            <strong data-testid="change-due">{format.money(completion.changeMinor)}</strong>
          </div>
        )}
        {toCardMinor > 0 && (
          <div className="done__change" data-testid="done-to-card">
            <span>{t('exchangeCard.doneBack')}</span>
            <strong data-testid="to-card-amount">{format.money(toCardMinor)}</strong>
          </div>
        )}
        {exchange && (
          <p data-testid="done-exchange">
            {t('done.exchange', {
              refund: formatReceiptNo(sale.registerId, exchange.refundReceiptNo),
              original: formatReceiptNo(exchange.originalRegisterId, exchange.originalReceiptNo),
              credit: format.money(exchange.creditMinor),
            })}
          </p>
        )}
        {sale.completedAt !== null && (
          <p className="muted small" data-testid="completed-at">
            {format.dateTime(sale.completedAt)}
          </p>
        )}
        {/* The focus lands here: a screen reader says the change to hand back with it. */}
        <button
          ref={next}
          type="button"
          className="button button--primary button--large"
          onClick={onNext}
          aria-describedby={tookCash ? 'done-change' : undefined}
          data-testid="next-sale"
        >
          {t('done.next')} <kbd>Enter</kbd>
        </button>
      </section>
      {/* It scrolls (a long receipt): a focus stop, so a keyboard can scroll it too. */}
      <section className="panel done__receipt" aria-label={t('done.receipt')} tabIndex={0}>
        <ReceiptPreview saleId={sale.id} />
        {exchange && (
          <div className="done__receipt-partner" data-testid="done-exchange-receipt">
            <ReceiptPreview saleId={exchange.refundId} />
          </div>
        )}
      </section>
    </main>
  );
}
