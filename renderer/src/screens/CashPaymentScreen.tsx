import { useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CompletionView, DocumentView } from '../../../preload/contract';
import { AmountField } from '../components/AmountField';
import { CardPayment } from '../components/CardPayment';
import { ErrorNote } from '../components/ErrorNote';
import { PaymentsTaken } from '../components/PaymentsTaken';
import { applyKey, Keypad } from '../components/Keypad';
import { quickCashAmounts } from '../format/cash';
import { currencyDigits, minorToDecimal } from '../format/money';
import { parseMinor } from '../format/parse-amount';
import { createActionKeys } from '../state/idempotency';
import { useFormat } from '../state/store-context';
import { api } from '../transport/api';

interface CashPaymentProps {
  sale: DocumentView;
  payingRef: MutableRefObject<string | null>;
  onBack(): void;
  onCompleted(completion: CompletionView): void;
}

/**
 * Amount due, cash handed over, change shown as it is keyed. Main refuses less than due, unless
 * the cashier takes it as a part payment (split tender): the card, or more cash, pays the rest.
 */
export function CashPaymentScreen({ sale, payingRef, onBack, onCompleted }: CashPaymentProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const digits = currencyDigits(format.currency);
  const [tendered, setTendered] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const keys = useRef(createActionKeys()).current;
  const tenderedInput = useRef<HTMLInputElement>(null);

  // Main rounds the cash due to the store's step; the screen shows it as given.
  const dueMinor = sale.cashDueMinor;
  const tenderedMinor = parseMinor(tendered, digits);
  const quick = useMemo(() => quickCashAmounts(dueMinor, digits), [dueMinor, digits]);

  const take = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    payingRef.current = sale.id;
    // A zero total has nothing to tender: it completes directly.
    const result =
      sale.remainingMinor === 0
        ? await api.invoke('sale.complete', { saleId: sale.id, idempotencyKey: keys.keyFor(`${sale.id}:complete`) })
        : tenderedMinor === null || tenderedMinor <= 0
          ? null
          : await api.invoke('sale.tenderCash', { saleId: sale.id, tenderedMinor, idempotencyKey: keys.keyFor(`${sale.id}:${tenderedMinor}`) });
    setBusy(false);
    if (result === null) {
      payingRef.current = null;
      return setError({ code: 'sale.tender_insufficient', params: { dueMinor } });
    }
    if (!result.ok) {
      // The key is kept: pressing again after a dropped connection replays the same tender.
      if (result.error.code !== 'request.transport_failed') payingRef.current = null;
      return setError(result.error);
    }
    keys.settle();
    onCompleted(result.value);
  };

  const canTakePart = !busy && sale.remainingMinor > 0 && tenderedMinor !== null && tenderedMinor > 0 && tenderedMinor < dueMinor;

  /** Cash that covers only part of the sale: recorded as a payment, the screen then shows what is left. */
  const takePart = async () => {
    if (!canTakePart || tenderedMinor === null) return;
    setBusy(true);
    setError(null);
    payingRef.current = sale.id;
    const result = await api.invoke('sale.tenderCash', {
      saleId: sale.id,
      tenderedMinor,
      partial: true,
      idempotencyKey: keys.keyFor(`${sale.id}:part:${sale.paidMinor}:${tenderedMinor}`),
    });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code !== 'request.transport_failed') payingRef.current = null;
      return setError(result.error);
    }
    keys.settle();
    // Main may still have completed it (the keyed amount covered the sale after all).
    if (result.value.receiptNo !== null) return onCompleted(result.value);
    setTendered('');
    // Ready for the next tender: more cash keyed here, or the Card button.
    tenderedInput.current?.focus();
  };

  return (
    <main className="payment" data-testid="payment">
      <section className="panel payment__summary">
        <h1>{t('payment.title')}</h1>
        <div className="payment__due">
          <span>{sale.payments.length > 0 ? t('payment.remaining') : t('payment.due')}</span>
          <strong data-testid="amount-due">{format.money(dueMinor)}</strong>
        </div>
        {dueMinor !== sale.remainingMinor && <p className="muted small">{t('payment.rounded', { amount: format.money(sale.remainingMinor) })}</p>}
        {sale.payments.length > 0 && (
          <div className="payment__taken">
            <PaymentsTaken payments={sale.payments} />
            <p className="muted small" data-testid="amount-remaining">
              {t('payment.remainingOfTotal', { remaining: format.money(sale.remainingMinor), total: format.money(sale.totals.totalMinor) })}
            </p>
          </div>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void take();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onBack();
            }
          }}
        >
          <AmountField label={t('payment.tendered')} value={tendered} onChange={setTendered} autoFocus testId="tendered" inputRef={tenderedInput} />
          <div className="payment__change" aria-live="polite">
            {tenderedMinor !== null && tenderedMinor >= dueMinor ? (
              <>
                <span>{t('payment.change')}</span>
                <strong data-testid="change-preview">{format.money(tenderedMinor - dueMinor)}</strong>
              </>
            ) : tenderedMinor !== null && tenderedMinor > 0 ? (
              <>
                <span>{t('payment.short')}</span>
                <strong className="negative">{format.money(dueMinor - tenderedMinor)}</strong>
              </>
            ) : null}
          </div>
          <ErrorNote error={error} />
          <div className="payment__actions">
            <button type="button" className="button button--large" onClick={onBack}>
              {t('payment.back')} <kbd>Esc</kbd>
            </button>
            <button type="submit" className="button button--primary button--large" disabled={busy} data-testid="take-cash">
              {t('payment.take')} <kbd>Enter</kbd>
            </button>
            <button
              type="button"
              className="button button--large payment__part"
              disabled={!canTakePart}
              onClick={() => void takePart()}
              data-testid="take-part-cash"
            >
              {t('payment.takePart')}
            </button>
          </div>
        </form>
        <CardPayment sale={sale} payingRef={payingRef} onCompleted={onCompleted} />
      </section>
      <section className="panel payment__pad">
        <div className="quick-cash" role="group" aria-label={t('payment.quickCash')}>
          {quick.map((amount, i) => (
            <button
              key={amount}
              type="button"
              className="button button--large"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setTendered(minorToDecimal(amount, digits))}
            >
              {i === 0 ? t('payment.exact', { amount: format.money(amount) }) : format.money(amount)}
            </button>
          ))}
        </div>
        <Keypad onKey={(key) => setTendered(applyKey(tendered, key))} />
      </section>
    </main>
  );
}
