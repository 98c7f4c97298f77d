import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { useKeptInView } from './use-kept-in-view';
import { useTranslation } from 'react-i18next';
import type { CompletionView, DocumentView, Result } from '../../../preload/contract';
import { forgetPaying, rememberPaying } from '../state/paying-marker';
import type { ResumedPayment } from '../state/use-payment-resume';
import { useFormat } from '../state/store-context';
import { useCall } from '../state/use-call';
import { useEvent } from '../state/use-event';
import { ErrorNote } from './ErrorNote';
import { partKey, partShown, type TenderPart } from '../format/tender-part';

/** The sale screen's card key (keyboard/shortcuts.ts), the same on the payment screen. */
export const CARD_PAY_KEY = 'F11';

interface CardPaymentProps {
  sale: DocumentView;
  payingRef: MutableRefObject<string | null>;
  /** Start the terminal at once (the card tender on the sale screen), once per screen. */
  autoStart?: boolean;
  /** The terminal has the card (true) or is done with it (false): the screen's cash controls wait meanwhile. */
  onBusy?(busy: boolean): void;
  onCompleted(completion: CompletionView): void;
  /** A card payment this window found running when it loaded: shown at its step, and its ending as if this window had asked. */
  resumed?: ResumedPayment | null;
  /** The resumed payment's ending is shown. */
  onResumeDone?(): void;
  /** Another payment (scan-to-pay) is running on the sale: the Card button waits. */
  blocked?: boolean;
  /** The part of what is owed the card pays, as keyed on the payment screen (default: all of it). */
  part?: TenderPart;
}

const WHOLE: TenderPart = { ok: true, amountMinor: undefined };

/**
 * The Card button: pays what is still owed on the terminal, or the part keyed for it. The terminal's steps (insert card,
 * PIN, please wait...) are shown live; Cancel asks the terminal to stop. Main decides everything:
 * a decline comes back as a translated reason and the sale stays open.
 */
export function CardPayment({
  sale,
  payingRef,
  autoStart = false,
  onBusy,
  onCompleted,
  resumed = null,
  onResumeDone,
  blocked = false,
  part = WHOLE,
}: CardPaymentProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const card = useCall('card.pay');
  const signatureCheck = useCall('card.confirmSignature');
  const abort = useCall('card.abort');
  const [step, setStep] = useState<string | null>(null);
  const [signature, setSignature] = useState<CompletionView | null>(null);

  useEvent('payment.step', (p) => (p.saleId === sale.id ? setStep(p.key) : undefined));

  // A payment taken since (cash for part of it, say): an earlier decline no longer describes the sale.
  const resetCard = card.reset;
  useEffect(() => resetCard(), [sale.paidMinor, resetCard]);
  // Nor once another part is keyed: the refusal was about the one before.
  const keyedPart = partKey(part);
  useEffect(() => resetCard(), [keyedPart, resetCard]);
  // Nor once another tender takes over: left beside its steps, it read as that payment's answer.
  useEffect(() => {
    if (blocked) resetCard();
  }, [blocked, resetCard]);

  // Followed, not awaited: the call belongs to the page that made it; its ending comes as `resumed.ended`.
  const following = resumed?.kind === 'card' && resumed.ended === null ? resumed : null;
  const busy = card.busy || following !== null;
  const resumedSale = resumed?.kind === 'card' ? resumed.saleId : null;
  const resumedStep = resumed?.kind === 'card' ? resumed.step : null;
  useEffect(() => {
    if (resumedSale !== null) setStep(resumedStep);
    // The step it was at when found; later steps come as events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resumedSale]);
  const onBusyRef = useRef(onBusy);
  onBusyRef.current = onBusy;
  // Told on a change only: the screen's first render already knows the terminal is idle.
  const cancelButton = useKeptInView<HTMLButtonElement>(busy, step);
  // A refusal is the answer the cashier waits for: below an exchange's note at 1024×768 it fell
  // under the column's fold (after a restart, with nobody scrolling), so it is brought into sight.
  const refusal = useKeptInView<HTMLDivElement>(!busy && card.error !== null, card.error?.code);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current === busy) return;
    wasBusy.current = busy;
    onBusyRef.current?.(busy);
  }, [busy]);

  // During the card step Esc is the terminal's Cancel, wherever the focus is (it starts on Cancel).
  const saleId = sale.id;
  const runAbort = abort.run;
  useEffect(() => {
    if (!busy) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      void runAbort({ saleId });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [busy, runAbort, saleId]);

  const finish = (done: CompletionView) => {
    if (done.receiptNo === null) return; // part paid: the payment screen shows what is left
    onCompleted(done);
  };

  /** What the terminal's payment ended with, from this window's call or from one it resumed. */
  const answered = (result: Result<CompletionView>) => {
    setStep(null);
    if (!result.ok) {
      if (result.error.code === 'request.transport_failed') return;
      payingRef.current = null;
      // Shown here: a reload need not show this ending again.
      forgetPaying();
      return;
    }
    // The payment just taken (an earlier card part's signature was checked when it was taken).
    if (result.value.sale.payments.at(-1)?.card?.signatureRequired) return setSignature(result.value);
    finish(result.value);
  };

  const pay = async () => {
    if (busy || blocked) return;
    // An amount the sale does not owe is refused here: the terminal never hears of it.
    if (!part.ok) return card.refuse(part.error);
    setStep(null);
    payingRef.current = sale.id;
    rememberPaying(sale.id);
    const amount = part.amountMinor === undefined ? {} : { amountMinor: part.amountMinor };
    // Same key while the amount owed (and the part asked) is unchanged: a retry after a lost connection is the same payment.
    answered(await card.run({ saleId: sale.id, ...amount }, `remaining:${sale.remainingMinor}`));
  };

  // F11 pays by card here as on the sale screen (keyboard/shortcuts.ts), so the button shows the same key.
  const payRef = useRef(pay);
  payRef.current = pay;
  const canPayByKey = !busy && !blocked && signature === null && sale.remainingMinor > 0;
  useEffect(() => {
    if (!canPayByKey) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== CARD_PAY_KEY || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      void payRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [canPayByKey]);

  const ended = resumed?.kind === 'card' ? resumed.ended : null;
  const refuseCard = card.refuse;
  useEffect(() => {
    if (!ended) return;
    if (!ended.ok) refuseCard(ended.error);
    answered(ended);
    onResumeDone?.();
    // Once per ending.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended]);

  const started = useRef(false);
  useEffect(() => {
    if (!autoStart || started.current) return;
    started.current = true;
    if (sale.remainingMinor > 0) void pay();
    // Once, when the screen opens by the card tender.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStart]);

  const confirmSignature = async () => {
    if (!signature) return;
    const result = await signatureCheck.run({ saleId: signature.sale.id });
    if (!result.ok && result.error.code !== 'terminal.no_signature_pending') return;
    const done = signature;
    setSignature(null);
    finish(done);
  };

  if (signature)
    return (
      <div className="card-payment card-payment--active" data-testid="card-signature">
        <p className="card-payment__step">{t('card.signatureCheck')}</p>
        <button type="button" className="button button--primary button--large" onClick={() => void confirmSignature()} data-testid="card-signature-ok">
          {t('card.signatureTaken')}
        </button>
        <ErrorNote error={signatureCheck.error} />
      </div>
    );

  return (
    <div className={`card-payment${busy ? ' card-payment--active' : ''}`} ref={refusal}>
      {busy ? (
        <>
          <p className="card-payment__step" role="status" aria-live="polite" data-testid="card-step">
            {step ? t(step, { defaultValue: t('card.working') }) : t('card.working')}
          </p>
          <button
            type="button"
            className="button button--danger button--large"
            onClick={() => void abort.run({ saleId: following?.saleId ?? sale.id })}
            disabled={following !== null && !following.cancellable}
            autoFocus
            data-testid="card-cancel"
            ref={cancelButton}
          >
            {t('card.cancel')}
          </button>
        </>
      ) : (
        <button type="button" className="button button--large" onClick={() => void pay()} disabled={blocked || sale.remainingMinor <= 0} data-testid="pay-card">
          {t('card.pay', { amount: format.money(partShown(part, sale.remainingMinor)) })} <kbd>{CARD_PAY_KEY}</kbd>
        </button>
      )}
      <ErrorNote error={card.error} />
    </div>
  );
}
