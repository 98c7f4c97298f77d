import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDisplayView } from '../../../preload/contract';
import { formatMoney, formatQty, formatRate, formatWeight } from '../format/money';
import { lineName } from '../format/product-name';
import { isUiLocale, type UiLocale } from '../i18n';
import { displayApi } from './display-api';
import { DisplayOutcome } from './DisplayOutcome';

/** How long the thank-you stays before the idle screen, if no new sale starts. */
const THANK_YOU_MS = 60_000;

/**
 * The screen that faces the customer: the items as they are rung up, the total, the change, a
 * thank-you, the amount a payment code is charged. It only reads; the customer may switch its
 * language, which stays on this screen.
 */
export function CustomerDisplayScreen() {
  const { t } = useTranslation();
  const [view, setView] = useState<CustomerDisplayView | null>(null);
  const [customerLocale, setCustomerLocale] = useState<UiLocale | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const stop = displayApi.on('display.changed', setView);
    void displayApi.invoke('display.current', {}).then((r) => {
      if (r.ok) setView(r.value);
    });
    return stop;
  }, []);

  // The receipt's language until the customer picks one here (main says which: customerLocale).
  const shown = view?.customerLocale ?? view?.storeLocale;
  const locale: UiLocale = customerLocale ?? (shown && isUiLocale(shown) ? shown : 'zh-CN');
  useEffect(() => {
    void i18next.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  // The thank-you gives way to the idle screen on its own: no call is needed for that.
  useEffect(() => {
    if (view?.state !== 'done' && view?.state !== 'return') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [view?.state]);

  if (!view) return <main className="customer-display customer-display--idle" data-testid="customer-display" />;
  const money = (minor: number) => formatMoney(minor, view.currency, locale);
  const over = (view.state === 'done' || view.state === 'return') && view.completedAt !== null && now - view.completedAt > THANK_YOU_MS;
  const state = over ? 'idle' : view.state;

  return (
    <main className={`customer-display customer-display--${state}`} data-testid="customer-display" data-state={state}>
      <header className="customer-display__header">
        <h1 data-testid="display-store">{view.storeName}</h1>
        {view.training && (
          <p className="customer-display__training" data-testid="display-training">
            {t('training.mark')}
          </p>
        )}
        <div className="customer-display__languages">
          <button type="button" onClick={() => setCustomerLocale('zh-CN')} aria-pressed={locale === 'zh-CN'}>
            中文
          </button>
          <button type="button" onClick={() => setCustomerLocale('en')} aria-pressed={locale === 'en'}>
            English
          </button>
        </div>
      </header>
      {state === 'idle' ? (
        <p className="customer-display__welcome" data-testid="display-welcome">
          {t('customerDisplay.welcome')}
        </p>
      ) : (
        <>
          {state === 'return' && (
            <p className="customer-display__return-title" data-testid="display-return-title">
              {t(view.correction?.kind === 'void' ? 'customerDisplay.return.void' : 'customerDisplay.return.refund')}
            </p>
          )}
          <ol className="customer-display__lines" data-testid="display-lines">
            {view.lines.map((l, i) => {
              // Named as the cart names a line (format/product-name.ts), in the display's language rather than the cashier's.
              const name = lineName(l, locale, view.storeLocale);
              return (
                <li key={i} data-testid="display-line">
                  <span data-testid="display-line-name" lang={name.lang}>
                    {name.name}
                  </span>
                  <span className="muted">
                    {l.soldByWeight
                      ? t('sale.weightTimesPrice', { weight: formatWeight(l.qtyMilli, locale), price: money(l.unitPriceMinor) })
                      : t('sale.qtyTimesPrice', { qty: formatQty(l.qtyMilli, locale), price: money(l.unitPriceMinor) })}
                  </span>
                  {/* After its own discount, shown under it as the receipt prints it: the lines add up to the 小计. */}
                  <span data-testid="display-line-amount">{money(l.amountMinor)}</span>
                  {l.lineDiscountMinor > 0 && (
                    <span className="customer-display__line-discount muted" data-testid="display-line-discount">
                      {l.discount?.kind === 'percent'
                        ? t('sale.lineDiscountPercent', { rate: formatRate(l.discount.rateBp, locale), amount: money(l.lineDiscountMinor) })
                        : t('sale.lineDiscount', { amount: money(l.lineDiscountMinor) })}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {view.orderDiscountMinor > 0 && (
            <dl className="customer-display__subtotals">
              <div>
                <dt>{t('totals.subtotal')}</dt>
                <dd data-testid="display-subtotal">{money(view.subtotalMinor)}</dd>
              </div>
              <div>
                <dt>
                  {view.orderDiscount?.kind === 'percent'
                    ? t('totals.orderDiscountPercent', { rate: formatRate(view.orderDiscount.rateBp, locale) })
                    : t('totals.orderDiscount')}
                </dt>
                <dd data-testid="display-order-discount">−{money(view.orderDiscountMinor)}</dd>
              </div>
            </dl>
          )}
          <p className="customer-display__total">
            <span>{t(state === 'return' ? 'customerDisplay.return.total' : 'customerDisplay.total')}</span>{' '}
            <strong data-testid="display-total">{money(view.totalMinor)}</strong>
          </p>
          {/* Rounded for cash, or part already paid: what is still to pay in cash, as the cashier says it. */}
          {state === 'sale' && view.dueMinor !== view.totalMinor && (
            <p className="customer-display__due" data-testid="display-cash-due">
              <span>{t('customerDisplay.cashDue')}</span> <strong>{money(view.dueMinor)}</strong>
            </p>
          )}
          {state === 'paying' && view.scanPayAmountMinor !== null && (
            <p className="customer-display__paying" data-testid="display-scan-pay">
              {t('customerDisplay.scanPay', { amount: money(view.scanPayAmountMinor) })}
            </p>
          )}
          <DisplayOutcome view={view} state={state} money={money} />
        </>
      )}
    </main>
  );
}
