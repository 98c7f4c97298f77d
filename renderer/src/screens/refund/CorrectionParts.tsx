import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView } from '../../../../preload/contract';
import type { CorrectionPartView, CorrectionPartsView } from '../../../../preload/contract/refund';
import { ErrorNote } from '../../components/ErrorNote';
import { asksForSupervisor, useApproval, type Approval } from '../../components/use-approval';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { useEvent } from '../../state/use-event';
import { api } from '../../transport/api';
import { refundWords } from './refund-attempt';
import { TenderLabel } from './RefundPlan';
import { TerminalSteps, useTerminalSteps } from './TerminalSteps';

interface CorrectionPartsProps {
  correctionId: string;
  /** The correction's document as main now has it (completed once the last part went back). */
  onChanged(completion: CompletionView): void;
  /** Told whether there are parts to list (a correction through one provider alone has none here). */
  onListed?(listed: boolean): void;
}

/**
 * A refund or void that gives money back to several cards and wallets, while not every part has
 * gone back: each part with what became of it, and for a part that did not go back, 重试 (to its
 * card or wallet again) or 改退现金 (in cash, with a supervisor). What went back stays back.
 */
export function CorrectionParts({ correctionId, onChanged, onListed }: CorrectionPartsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [view, setView] = useState<CorrectionPartsView | null>(null);
  const retry = useCall('refund.retryPart');
  const inCash = useCall('refund.partInCash');
  const approval = useApproval();
  const busy = retry.busy || inCash.busy;
  const steps = useTerminalSteps(busy);

  const reload = useCallback(() => {
    void api.invoke('refund.parts', { correctionId }).then((r) => {
      if (r.ok) setView(r.value);
    });
  }, [correctionId]);
  useEffect(reload, [reload]);
  const listed = (view?.parts.length ?? 0) > 0;
  useEffect(() => onListed?.(listed), [listed, onListed]);
  useEvent('sale.changed', (doc) => {
    if (doc.id === correctionId) reload();
  });

  const answered = (result: { ok: true; value: CompletionView } | { ok: false } | null) => {
    reload();
    if (result?.ok) onChanged(result.value);
  };
  const sendAgain = async (part: CorrectionPartView) => {
    if (busy) return;
    inCash.reset();
    answered(await retry.run({ correctionId, paymentId: part.paymentId }));
  };
  const giveInCash = async (part: CorrectionPartView) => {
    if (busy) return;
    retry.reset();
    const send = (given?: Approval) => inCash.run({ correctionId, paymentId: part.paymentId, ...(given ? { approval: given } : {}) });
    const result = await approval.request(send);
    if (result === null) return inCash.reset();
    if (!result.ok) inCash.refuse(result.error);
    answered(result);
  };

  if (!view || view.parts.length === 0) return null;
  const error = retry.error ?? inCash.error;
  // Stopped between two parts (the register restarted): the next part is sent when the cashier says so.
  const stopped = view.parts.every((p) => p.state === 'back' || p.state === 'cash' || p.state === 'waiting');
  const nextWaiting = stopped ? (view.parts.find((p) => p.state === 'waiting') ?? null) : null;
  return (
    <section className="refund-parts" aria-label={t('refund.parts.title')} data-testid="refund-parts">
      <ol className="refund-plan__tenders">
        {view.parts.map((part) => (
          <li key={part.paymentId} data-testid="refund-part" data-state={part.state} data-method={part.method}>
            <span>
              <TenderLabel tender={{ paymentId: part.paymentId, method: part.method, amountMinor: part.amountMinor }} scanProvider={part.scanProvider} />
              {part.maskedPan ? <span className="muted small"> {part.maskedPan}</span> : null} <strong>{format.money(part.amountMinor)}</strong>
            </span>
            <span data-testid="refund-part-state">
              {t(`refund.parts.state.${part.state}`)}
              {part.state === 'refused' && part.reason ? ` · ${t(`reason.${part.reason}`, { ns: 'errors', defaultValue: part.reason })}` : ''}
            </span>
            {part === nextWaiting && (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void sendAgain(part)} data-testid="refund-part-continue">
                {t('refund.parts.continue')}
              </button>
            )}
            {part.state === 'refused' && (
              <span className="refund-parts__actions">
                <button type="button" className="button" disabled={busy} onClick={() => void sendAgain(part)} data-testid="refund-part-retry">
                  {t('refund.parts.retry')}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void giveInCash(part)} data-testid="refund-part-cash">
                  {t('refund.parts.inCash')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {view.correction.status === 'open' && (
        <p className="notice notice--warning" role="status" data-testid="refund-parts-incomplete">
          {t('refund.parts.incomplete')}
        </p>
      )}
      {busy && !approval.open && <TerminalSteps step={steps} />}
      <ErrorNote error={approval.open || asksForSupervisor(error) ? null : refundWords(error)} />
      {approval.open && approval.render()}
    </section>
  );
}
