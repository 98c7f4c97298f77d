import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CompletionView, PaymentOutcome, Result } from '../../../../preload/contract';
import type { GiveBackProgressView } from '../../../../preload/contract/payment-progress-views';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useEvent } from '../../state/use-event';
import { api } from '../../transport/api';
import { TerminalSteps } from './TerminalSteps';

/** The refund call's answer as the call runner would have given it (main only ever sends its own error codes). */
function asResult(outcome: PaymentOutcome): Result<CompletionView> {
  return outcome.ok ? outcome : { ok: false, error: outcome.error as CallError };
}

interface ResumedGiveBackProps {
  progress: GiveBackProgressView;
  /** The correction completed: the refund screen's own done step. */
  onDone(completion: CompletionView): void;
  /** After a refusal: back to the sale, whose goods and money are refundable again. */
  onBackToSale(): void;
}

/**
 * Money going back to a card that this window found running when it was reloaded: the terminal's
 * step with its Cancel, as before the reload, then the completed correction or the refusal. It
 * follows main's events for the correction, never the old page's call.
 */
export function ResumedGiveBack({ progress, onDone, onBackToSale }: ResumedGiveBackProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { correctionId, saleId } = progress;
  const [step, setStep] = useState<string | null>(progress.running?.step ?? null);
  const [ended, setEnded] = useState<Result<CompletionView> | null>(progress.ended ? asResult(progress.ended.result) : null);

  useEvent('payment.step', (p) => {
    if (p.saleId === correctionId) setStep(p.key);
  });
  useEvent('payment.ended', (p) => {
    if (p.saleId === correctionId) setEnded(asResult(p.result));
  });
  // An ending between main's first answer and these listeners is not missed: asked once more now they listen.
  useEffect(() => {
    void api.invoke('payment.giveBackProgress', { saleId }).then((r) => {
      if (r.ok && r.value?.correctionId === correctionId && r.value.ended) {
        const result = asResult(r.value.ended.result);
        setEnded((e) => e ?? result);
      }
    });
  }, [saleId, correctionId]);
  useEffect(() => {
    if (ended?.ok) onDone(ended.value);
  }, [ended, onDone]);
  // Nothing running and no ending heard: a correction whose parts stopped between two of them (a restart). Shown where it stands.
  const idle = progress.running === null && progress.ended === null;
  useEffect(() => {
    if (!idle) return;
    void api.invoke('refund.parts', { correctionId }).then((r) => {
      if (r.ok) onDone({ sale: r.value.correction, receiptNo: r.value.correction.receiptNo, changeMinor: 0 });
    });
  }, [idle, correctionId, onDone]);

  return (
    <section className="panel refund-sale" aria-labelledby="refund-giving-back-title" data-testid="refund-giving-back">
      <div className="panel__top">
        <h1 id="refund-giving-back-title">{t('refund.givingBack.title')}</h1>
      </div>
      {progress.running && (
        <p data-testid="refund-giving-back-amount">{t('refund.givingBack.amount', { amount: format.money(progress.running.amountMinor) })}</p>
      )}
      {ended === null && <TerminalSteps step={step === null ? null : { saleId: correctionId, key: step }} />}
      {ended && !ended.ok && (
        <>
          <ErrorNote error={ended.error} />
          <div className="refund-sale__actions">
            <button type="button" className="button button--primary button--large" onClick={onBackToSale} data-testid="refund-giving-back-back" autoFocus>
              {t('refund.givingBack.backToSale')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
