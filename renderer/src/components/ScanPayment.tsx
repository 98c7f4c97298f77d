import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { useKeptInView } from './use-kept-in-view';
import { useTranslation } from 'react-i18next';
import type { CompletionView, DocumentView, Result } from '../../../preload/contract';
import { forgetPaying, rememberPaying } from '../state/paying-marker';
import type { ResumedPayment } from '../state/use-payment-resume';
import { classifyCode, type PaymentProvider } from '../../../preload/contract/payment-code';
import { useFormat } from '../state/store-context';
import { useCall } from '../state/use-call';
import { useEvent } from '../state/use-event';
import { ErrorNote } from './ErrorNote';
import { ScanStepText } from './ScanStepText';
import { useSecondsLeft } from './use-seconds-left';
import { partKey, partShown, type TenderPart } from '../format/tender-part';
import '../styles/scan-pay.css';

/** A payment code the scanner read; `seq` tells two scans of the same code apart. */
export interface ScannedPaymentCode {
  code: string;
  seq: number;
}

interface ScanPaymentProps {
  sale: DocumentView;
  payingRef: MutableRefObject<string | null>;
  onCompleted(completion: CompletionView): void;
  /** The newest payment code read by the scanner while the sale or this screen was open. */
  scanned: ScannedPaymentCode | null;
  /** A scan-to-pay payment this window found running when it loaded: shown at its step, and its ending as if this window had asked. */
  resumed?: ResumedPayment | null;
  /** The resumed payment's ending is shown. */
  onResumeDone?(): void;
  /** The customer's code is with the provider (true) or done (false): the screen's other tenders wait meanwhile. */
  onBusy?(busy: boolean): void;
  /** Another payment (the card terminal) is running on the sale: scanning waits. */
  blocked?: boolean;
  /** The part of what is owed the code pays, as keyed on the payment screen (default: all of it). */
  part?: TenderPart;
}

const WHOLE: TenderPart = { ok: true, amountMinor: undefined };

/** F8 on the payment screen opens the scan prompt (the sale screen's F8 is a discount; this screen has no discounts). */
export const SCAN_PAY_KEY = 'F8';

interface Step {
  key: string;
  deadlineAt: number | null;
}

/**
 * 扫码 / Scan to pay: the customer's WeChat Pay or Alipay payment code pays what is still owed
 * (or the part keyed for it).
 * The code comes from the scanner (on this screen or the sale screen) or is keyed into the prompt
 * (F8). Main's steps are shown live as for a card: sending, the customer entering the password
 * with its countdown, checking, reversing; Cancel (Esc) has main close the order with the
 * provider. A refusal comes back with the provider's reason in the cashier's language.
 */
export function ScanPayment({ sale, payingRef, onCompleted, scanned, resumed = null, onResumeDone, onBusy, blocked = false, part = WHOLE }: ScanPaymentProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const pay = useCall('scanpay.pay');
  const cancel = useCall('scanpay.cancel');
  const askCancel = cancel.run;
  const [step, setStep] = useState<Step | null>(null);
  const [prompt, setPrompt] = useState(false);
  const [typed, setTyped] = useState('');
  // A code whose prefix the register does not know: the cashier says whose it is.
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const secondsLeft = useSecondsLeft(step?.deadlineAt ?? null);
  // Followed, not awaited: the call belongs to the page that made it; its ending comes as `resumed.ended`.
  const following = resumed?.kind === 'scanpay' && resumed.ended === null ? resumed : null;
  const busy = pay.busy || following !== null;
  const cancelButton = useKeptInView<HTMLButtonElement>(busy, step?.key);
  // The prompt opens and its refusals show below the other tenders: at 1024×768 both were under
  // the fold, and Enter on a bad code seemed to do nothing.
  const shownError = pay.error ?? cancel.error;
  const block = useKeptInView<HTMLDivElement>(!busy && (prompt || unknownCode !== null || shownError !== null), `${prompt}|${unknownCode}|${shownError?.code}`);
  // Another tender taking over: a refusal or cancellation here is over, and left beside the card's
  // steps it read as that payment's answer.
  const resetPay = pay.reset;
  const resetCancel = cancel.reset;
  useEffect(() => {
    if (!blocked) return;
    resetPay();
    resetCancel();
  }, [blocked, resetPay, resetCancel]);
  // Nor once another part is keyed: the refusal was about the one before.
  const keyedPart = partKey(part);
  useEffect(() => resetPay(), [keyedPart, resetPay]);
  const resumedSale = resumed?.kind === 'scanpay' ? resumed.saleId : null;
  useEffect(() => {
    if (resumed?.kind === 'scanpay' && resumed.step) setStep({ key: resumed.step, deadlineAt: resumed.deadlineAt });
    // The step it was at when found; later steps come as events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resumedSale]);
  const onBusyRef = useRef(onBusy);
  onBusyRef.current = onBusy;
  const toldBusy = useRef(false);
  useEffect(() => {
    if (toldBusy.current === busy) return;
    toldBusy.current = busy;
    onBusyRef.current?.(busy);
  }, [busy]);

  // After a refusal the button has the focus: Enter (or F8) takes a fresh code, Tab reaches cash.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) openButton.current?.focus();
    wasBusy.current = busy;
  }, [busy]);

  useEvent('payment.step', (p) => {
    if (p.saleId === sale.id && p.key.startsWith('scanpay.')) setStep({ key: p.key, deadlineAt: p.deadlineAt ?? null });
  });

  const submit = async (raw: string, provider?: PaymentProvider) => {
    // A second scan while the customer confirms the first is noise: main would refuse it anyway.
    if (busy || blocked) return;
    const code = classifyCode(raw);
    // A product barcode (or anything else) is never sent to a provider as a payment code.
    if (code.kind !== 'payment') return pay.refuse({ code: 'scanpay.not_a_payment_code', params: {} });
    // An amount the sale does not owe is refused here: the provider never hears of it.
    if (!part.ok) {
      setPrompt(false);
      return pay.refuse(part.error);
    }
    if (code.provider === 'unknown' && !provider) {
      setPrompt(false);
      setUnknownCode(code.digits);
      return;
    }
    setPrompt(false);
    setTyped('');
    setUnknownCode(null);
    setStep(null);
    payingRef.current = sale.id;
    rememberPaying(sale.id);
    // The code is part of the input: another scan is another attempt, the same one again replays this.
    const amount = part.amountMinor === undefined ? {} : { amountMinor: part.amountMinor };
    answered(await pay.run({ saleId: sale.id, code: code.digits, ...amount, ...(provider ? { provider } : {}) }, `remaining:${sale.remainingMinor}`));
  };

  /** What the provider's payment ended with, from this window's call or from one it resumed. */
  const answered = (result: Result<CompletionView>) => {
    setStep(null);
    if (!result.ok) {
      if (result.error.code === 'request.transport_failed') return;
      payingRef.current = null;
      // Shown here: a reload need not show this ending again.
      forgetPaying();
      return;
    }
    // Part paid (the code paid less than the sale): the payment screen shows what is left.
    if (result.value.receiptNo !== null) onCompleted(result.value);
  };

  const ended = resumed?.kind === 'scanpay' ? resumed.ended : null;
  const refusePay = pay.refuse;
  useEffect(() => {
    if (!ended) return;
    if (!ended.ok) refusePay(ended.error);
    answered(ended);
    onResumeDone?.();
    // Once per ending.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended]);

  // A scan read by the register's scanner while this screen is open (or that opened it).
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (!scanned || handled.current === scanned.seq) return;
    handled.current = scanned.seq;
    void submit(scanned.code);
    // Only a new scan starts a payment; the sale changing under it does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scanned]);

  // F8 opens the prompt; while a payment runs, Esc cancels it here before the screen's own Esc
  // (back to the sale) could leave it running out of sight.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (busy && event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        void askCancel({ saleId: sale.id });
      } else if (!busy && !blocked && event.key === SCAN_PAY_KEY && sale.remainingMinor > 0) {
        event.preventDefault();
        setUnknownCode(null);
        setPrompt(true);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [busy, blocked, askCancel, sale.id, sale.remainingMinor]);

  const closePrompt = () => {
    setPrompt(false);
    setTyped('');
    setUnknownCode(null);
    openButton.current?.focus();
  };

  let body;
  if (busy) {
    body = (
      <>
        <p className="card-payment__step" role="status" aria-live="polite" data-testid="scan-step">
          <ScanStepText stepKey={step?.key ?? null} seconds={secondsLeft ?? 0} />
        </p>
        <button
          type="button"
          className="button button--danger button--large"
          onClick={() => void cancel.run({ saleId: sale.id })}
          disabled={step?.key === 'scanpay.step.reversing' || (following !== null && !following.cancellable)}
          data-testid="scan-cancel"
          ref={cancelButton}
        >
          {t('scanpay.cancel')} <kbd>Esc</kbd>
        </button>
      </>
    );
  } else if (unknownCode !== null) {
    body = (
      <div className="scan-payment__choose" role="group" aria-label={t('scanpay.whichProvider')} data-testid="scan-choose">
        <p>{t('scanpay.whichProvider')}</p>
        <button type="button" className="button button--large" autoFocus onClick={() => void submit(unknownCode, 'wechat')} data-testid="scan-choose-wechat">
          {t('scanpay.provider.wechat')}
        </button>
        <button type="button" className="button button--large" onClick={() => void submit(unknownCode, 'alipay')} data-testid="scan-choose-alipay">
          {t('scanpay.provider.alipay')}
        </button>
        <button type="button" className="button button--large" onClick={closePrompt}>
          {t('scanpay.close')}
        </button>
      </div>
    );
  } else if (prompt) {
    body = (
      <form
        className="scan-payment__prompt"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(typed);
        }}
        onKeyDown={(e) => {
          // Esc closes the prompt, not the payment screen.
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          closePrompt();
        }}
      >
        <label className="field">
          <span>{t('scanpay.codeLabel')}</span>
          <input
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            value={typed}
            maxLength={32}
            onChange={(e) => setTyped(e.target.value.replace(/[^0-9]/g, ''))}
            data-testid="scan-code"
          />
        </label>
        <p className="muted small">{t('scanpay.promptHint')}</p>
        <div className="scan-payment__actions">
          <button type="button" className="button button--large" onClick={closePrompt}>
            {t('scanpay.close')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="button button--primary button--large" disabled={typed.length === 0} data-testid="scan-submit">
            {t('scanpay.submit')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    );
  } else {
    body = (
      <button
        ref={openButton}
        type="button"
        className="button button--large"
        onClick={() => setPrompt(true)}
        disabled={blocked || sale.remainingMinor <= 0}
        data-testid="pay-scan"
      >
        {t('scanpay.pay', { amount: format.money(partShown(part, sale.remainingMinor)) })} <kbd>{SCAN_PAY_KEY}</kbd>
      </button>
    );
  }

  return (
    <div className={`card-payment scan-payment${busy || prompt || unknownCode !== null ? ' card-payment--active' : ''}`} data-testid="scan-payment" ref={block}>
      {body}
      <ErrorNote error={shownError} />
    </div>
  );
}
