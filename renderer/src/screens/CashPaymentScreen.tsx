import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView, DocumentView, Result } from '../../../preload/contract';
import { AmountField } from '../components/AmountField';
import { CardPayment } from '../components/CardPayment';
import { ErrorNote } from '../components/ErrorNote';
import { PaymentsTaken } from '../components/PaymentsTaken';
import { ScanPayment, type ScannedPaymentCode } from '../components/ScanPayment';
import { applyKey, Keypad } from '../components/Keypad';
import { quickCashAmounts } from '../format/cash';
import { currencyDigits, minorToDecimal } from '../format/money';
import { parseMinor } from '../format/parse-amount';
import { tenderPart } from '../format/tender-part';
import { useFormat } from '../state/store-context';
import { useCallGroup } from '../state/use-call';
import type { ResumedPayment } from '../state/use-payment-resume';
import type { ExchangeDraft } from './exchange/exchange-draft';

interface CashPaymentProps {
  sale: DocumentView;
  payingRef: MutableRefObject<string | null>;
  /** A customer's payment code the scanner read: it pays by scan-to-pay. */
  scannedCode: ScannedPaymentCode | null;
  /** Cash keyed after F12 while the sale screen waited for the cart: 实收 starts with it, for the cashier to confirm. */
  typedAhead?: string;
  /** Came by the card tender (刷卡 on the sale screen): the terminal starts at once. */
  startCard?: boolean;
  onBack(): void;
  onCompleted(completion: CompletionView): void;
  /** A card or scan-to-pay payment found running when the window loaded (see usePaymentResume). */
  resumed?: ResumedPayment | null;
  onResumeDone?(): void;
  /** 换货 begun: this payment is the exchange's difference (its credit is already on the sale). */
  exchange?: ExchangeDraft | null;
}

/**
 * Amount due, cash handed over, change shown as it is keyed. Main refuses less than due, unless
 * the cashier takes it as a part payment (split tender): the card, or more cash, pays the rest.
 * The card or a scanned code may pay a part too, keyed above their buttons; cash pays the rest.
 */
export function CashPaymentScreen({
  sale,
  payingRef,
  scannedCode,
  typedAhead = '',
  startCard = false,
  onBack,
  onCompleted,
  resumed = null,
  onResumeDone,
  exchange = null,
}: CashPaymentProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const digits = currencyDigits(format.currency);
  const [tendered, setTendered] = useState(typedAhead);
  // Taking cash is one action on the screen, whichever call it needs: one busy flag, one error.
  const cash = useCallGroup<'sale.tenderCash' | 'sale.complete'>();
  const tenderedInput = useRef<HTMLInputElement>(null);
  // While the terminal has the customer's card, or a provider the customer's code, no other tender
  // can be taken: the cash controls and the other one wait.
  const [cardRunning, setCardRunning] = useState(false);
  const [scanRunning, setScanRunning] = useState(false);
  const paymentRunning = cardRunning || scanRunning;
  // The card step is over (paid in part, declined, cancelled): the cash field is ready again, once
  // its fieldset is enabled (a disabled field cannot take the focus).
  const wasPaymentRunning = useRef(false);
  // Right after a card or scanned code that took nothing (declined, terminal off, cancelled), Enter
  // on the empty cash field is not "exact cash": that customer may have no cash. Cash typed or chosen lifts it.
  const [noExactCash, setNoExactCash] = useState(false);
  const paidWhenStarted = useRef(sale.paidMinor);
  useEffect(() => {
    if (!wasPaymentRunning.current && paymentRunning) paidWhenStarted.current = sale.paidMinor;
    if (wasPaymentRunning.current && !paymentRunning) {
      tenderedInput.current?.focus();
      if (sale.paidMinor === paidWhenStarted.current) setNoExactCash(true);
    }
    wasPaymentRunning.current = paymentRunning;
    // On the payment's start and end only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paymentRunning]);
  useEffect(() => {
    if (tendered.trim() !== '') setNoExactCash(false);
  }, [tendered]);

  // Main rounds the cash due to the store's step; the screen shows it as given.
  const dueMinor = sale.cashDueMinor;
  const tenderedMinor = parseMinor(tendered, digits);
  const quick = useMemo(() => quickCashAmounts(dueMinor, digits), [dueMinor, digits]);
  // The part the card or a scanned code pays ("¥100 on the card, the rest in cash"); empty: all that is owed.
  const [partText, setPartText] = useState('');
  // The on-screen keypad keys into the field last focused: the cash handed over, or the card/scan part.
  const [keypadTarget, setKeypadTarget] = useState<'cash' | 'part'>('cash');
  // Once a payment is taken the keyed part is spent: the next press pays what is left unless another is keyed.
  useEffect(() => setPartText(''), [sale.paidMinor]);
  const cardPart = tenderPart(partText, sale.remainingMinor, digits, 'terminal.amount_exceeds_due');
  const scanPart = tenderPart(partText, sale.remainingMinor, digits, 'scanpay.amount_exceeds_due');

  /**
   * Marks the sale as paid from this window (its completion is shown here, not replaced by a new
   * cart) for as long as main may have it. The key is kept after a failure: pressing again after
   * a dropped connection replays the same tender.
   */
  const pay = async (send: () => Promise<Result<CompletionView>>): Promise<CompletionView | null> => {
    payingRef.current = sale.id;
    const result = await send();
    if (result.ok) return result.value;
    if (result.error.code !== 'request.transport_failed') payingRef.current = null;
    return null;
  };

  const take = async () => {
    if (cash.busy || paymentRunning) return;
    if (tendered.trim() === '' && noExactCash && sale.remainingMinor > 0) return cash.refuse({ code: 'sale.cash_not_keyed', params: {} });
    // Enter on an empty field: the customer handed over exactly what is due.
    const handed = tendered.trim() === '' ? dueMinor : tenderedMinor;
    // A zero total has nothing to tender: it completes directly.
    if (sale.remainingMinor === 0) {
      const done = await pay(() => cash.run('sale.complete', { saleId: sale.id }));
      if (done) onCompleted(done);
      return;
    }
    // Nothing handed over completes the sale only where the cash still due rounds to no coin.
    if (handed === null || (handed <= 0 && dueMinor > 0)) {
      payingRef.current = null;
      return cash.refuse({ code: 'sale.tender_insufficient', params: { dueMinor } });
    }
    const done = await pay(() => cash.run('sale.tenderCash', { saleId: sale.id, tenderedMinor: handed }));
    if (done) onCompleted(done);
  };

  const canTakePart = !cash.busy && !paymentRunning && sale.remainingMinor > 0 && tenderedMinor !== null && tenderedMinor > 0 && tenderedMinor < dueMinor;

  /** Cash that covers only part of the sale: recorded as a payment, the screen then shows what is left. */
  const takePart = async () => {
    if (!canTakePart || tenderedMinor === null) return;
    // What is paid already is part of the intent: once this part shows as taken, the same amount again is another part.
    const done = await pay(() => cash.run('sale.tenderCash', { saleId: sale.id, tenderedMinor, partial: true }, `paid:${sale.paidMinor}`));
    if (!done) return;
    // Main may still have completed it (the keyed amount covered the sale after all).
    if (done.receiptNo !== null) return onCompleted(done);
    setTendered('');
    // Ready for the next tender: more cash keyed here, or the Card button.
    tenderedInput.current?.focus();
  };

  return (
    <main className="payment" data-testid="payment">
      <section className="panel payment__summary">
        <h1>{t('payment.title')}</h1>
        {exchange?.begun && (
          <p className="payment__exchange" data-testid="payment-exchange">
            {t('exchange.paying', { receipt: exchange.originalReceipt, credit: format.money(exchange.creditMinor) })}
          </p>
        )}
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
          className="payment__cash"
          aria-disabled={paymentRunning || undefined}
          onSubmit={(e) => {
            e.preventDefault();
            void take();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !paymentRunning) {
              e.preventDefault();
              onBack();
            }
          }}
        >
          <fieldset className="payment__fields" disabled={paymentRunning}>
            <AmountField
              label={t('payment.tendered')}
              value={tendered}
              onChange={setTendered}
              autoFocus={!startCard}
              testId="tendered"
              inputRef={tenderedInput}
              onFocus={() => setKeypadTarget('cash')}
            />
          </fieldset>
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
          <ErrorNote error={cash.error} />
          <div className="payment__actions">
            <button type="button" className="button button--large" onClick={onBack} disabled={paymentRunning}>
              {t('payment.back')} <kbd>Esc</kbd>
            </button>
            <button type="submit" className="button button--primary button--large" disabled={cash.busy || paymentRunning} data-testid="take-cash">
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
        {/* Card and scan side by side: the column fits 768 px with a payment taken and a refusal showing. */}
        <div className="payment__tenders">
          <CardPayment
            sale={sale}
            payingRef={payingRef}
            autoStart={startCard && resumed === null}
            onBusy={setCardRunning}
            onCompleted={onCompleted}
            resumed={resumed}
            onResumeDone={onResumeDone}
            blocked={scanRunning}
            part={cardPart}
          />
          <ScanPayment
            sale={sale}
            payingRef={payingRef}
            onCompleted={onCompleted}
            scanned={scannedCode}
            resumed={resumed}
            onResumeDone={onResumeDone}
            onBusy={setScanRunning}
            blocked={cardRunning}
            part={scanPart}
          />
        </div>
      </section>
      <section className="panel payment__pad" aria-disabled={paymentRunning || undefined}>
        <div className="quick-cash" role="group" aria-label={t('payment.quickCash')}>
          {quick.map((amount, i) => (
            <button
              key={amount}
              type="button"
              className="button button--large"
              disabled={paymentRunning}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setTendered(minorToDecimal(amount, digits))}
            >
              {i === 0 ? t('payment.exact', { amount: format.money(amount) }) : format.money(amount)}
            </button>
          ))}
        </div>
        <Keypad
          onKey={(key) => (keypadTarget === 'part' ? setPartText(applyKey(partText, key)) : setTendered(applyKey(tendered, key)))}
          disabled={paymentRunning}
        />
        {sale.remainingMinor > 0 && (
          <fieldset className="payment__part" disabled={paymentRunning}>
            <AmountField
              label={t('payment.partAmount')}
              value={partText}
              onChange={setPartText}
              onFocus={() => setKeypadTarget('part')}
              digits={digits}
              testId="part-amount"
              placeholder={t('payment.partAmountAll', { amount: format.money(sale.remainingMinor) })}
            />
            <p className="muted small">{t('payment.partAmountHint')}</p>
          </fieldset>
        )}
      </section>
    </main>
  );
}
