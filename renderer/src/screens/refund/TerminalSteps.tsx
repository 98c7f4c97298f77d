import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../state/use-call';
import { useEvent } from '../../state/use-event';
import { useKeptInView } from '../../components/use-kept-in-view';

export interface TerminalStep {
  /** The correction the terminal is giving money back for (its id is main's until the call answers). */
  saleId: string;
  key: string;
}

/**
 * The terminal's live steps while a correction gives money back to a card. The window does not
 * know the correction's id before main answers, so every step is taken while the call is awaited:
 * the register has one terminal, and it does one thing at a time.
 */
export function useTerminalSteps(active: boolean): TerminalStep | null {
  const [step, setStep] = useState<TerminalStep | null>(null);
  useEvent('payment.step', (p) => {
    if (active) setStep({ saleId: p.saleId, key: p.key });
  });
  useEffect(() => {
    if (!active) setStep(null);
  }, [active]);
  return step;
}

/** What the terminal is doing (insert card, PIN, please wait...), with Cancel, as on the payment screen. */
export function TerminalSteps({ step }: { step: TerminalStep | null }) {
  const { t } = useTranslation();
  const abort = useCall('card.abort');
  // Below the return's table and plan, Cancel was under the fold at 1024×768 while the customer
  // keyed the PIN; it stays in sight, and takes the focus once the terminal can be cancelled.
  const cancel = useKeptInView<HTMLButtonElement>(true, step?.key);
  const cancellable = step !== null;
  useEffect(() => {
    if (cancellable) cancel.current?.focus();
  }, [cancellable, cancel]);
  return (
    <div className="card-payment">
      <p className="card-payment__step" role="status" aria-live="polite" data-testid="card-step">
        {step ? t(step.key, { defaultValue: t('card.working') }) : t('card.working')}
      </p>
      <button
        type="button"
        className="button button--danger button--large"
        disabled={step === null}
        onClick={() => step && void abort.run({ saleId: step.saleId })}
        data-testid="card-cancel"
        ref={cancel}
      >
        {t('card.cancel')}
      </button>
    </div>
  );
}
