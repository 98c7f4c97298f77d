import { useTranslation } from 'react-i18next';
import type { CompletionView, DocumentView, ExchangeDoneView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { api } from '../../transport/api';
import { CorrectionParts } from '../refund/CorrectionParts';
import { TerminalSteps, type TerminalStep } from '../refund/TerminalSteps';
import type { ExchangeDraft } from './exchange-draft';

interface ExchangeToCardProps {
  draft: ExchangeDraft;
  sale: DocumentView;
  /** What goes back to the card, as the preview said (unknown after a reload: the parts say it). */
  amountMinor: number | null;
  /** Beside it, what the card cannot take, handed over in cash when the return completes (0: none). */
  cashMinor: number;
  /** The terminal is running the card refund (exchange.toCard awaited). */
  running: boolean;
  step: TerminalStep | null;
  /** The return and the new sale completed (the last part went back, to the card or in cash). */
  onDone(done: ExchangeDoneView): void;
  /** Given up: main cancelled the return and the new sale. */
  onAbandoned(): void;
}

/**
 * 退回银行卡 under way: the terminal's steps while the difference goes back to the card, then,
 * if it was refused or its outcome is unknown, the return's parts with the refund screens' choices
 * (retry, cash with a supervisor) and 放弃换货. The new sale stays as it is meanwhile: the credit
 * that pays it is on the return.
 */
export function ExchangeToCard({ draft, sale, amountMinor, cashMinor, running, step, onDone, onAbandoned }: ExchangeToCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const abandon = useCall('exchange.abandon');
  const refundId = draft.cardBack?.refundId ?? null;

  /** The last part went back: main completed the new sale with the return; the completion shows both. */
  const partChanged = async (c: CompletionView) => {
    if (c.sale.status !== 'completed') return;
    const [now, link] = await Promise.all([api.invoke('sale.get', { saleId: sale.id }), api.invoke('exchange.ofSale', { saleId: sale.id })]);
    if (!now.ok || now.value.status !== 'completed') return;
    const differenceMinor = link.ok && link.value ? link.value.differenceMinor : 0;
    onDone({
      exchangeId: '',
      refund: c.sale,
      sale: now.value,
      creditMinor: link.ok && link.value ? link.value.creditMinor : 0,
      saleTotalMinor: now.value.totals.totalMinor,
      differenceMinor,
      cashDifferenceMinor: differenceMinor,
      approvalReasons: [],
      changeMinor: 0,
    });
  };

  const giveUp = async () => {
    const result = await abandon.run({ saleId: sale.id });
    if (!result.ok) return;
    onAbandoned();
    // The button that had the focus is gone with the panel: the next scan or key goes to the sale's search.
    document.querySelector<HTMLElement>('[data-focus-home]')?.focus();
  };

  return (
    <section className="panel exchange-panel" aria-labelledby="exchange-title" data-testid="exchange-panel">
      <h2 id="exchange-title">{t('exchange.title', { receipt: draft.originalReceipt })}</h2>
      <p data-testid="exchange-card-amount">
        {amountMinor === null
          ? t('exchangeCard.title')
          : cashMinor > 0
            ? t('exchangeCard.amountWithCash', { amount: format.money(amountMinor), cash: format.money(cashMinor) })
            : t('exchangeCard.amount', { amount: format.money(amountMinor) })}
      </p>
      <p className="muted small" data-testid="exchange-card-locked">
        {t('exchangeCard.saleLocked')}
      </p>
      {running && <TerminalSteps step={step} />}
      {!running && refundId !== null && (
        <>
          <p className="notice notice--warning" role="status" data-testid="exchange-card-refused">
            {t('exchangeCard.refused')}
          </p>
          <CorrectionParts correctionId={refundId} onChanged={(c) => void partChanged(c)} />
          <ErrorNote error={abandon.error} />
          <div className="exchange-panel__actions">
            <button type="button" className="button" onClick={() => void giveUp()} disabled={abandon.busy} data-testid="exchange-card-abandon">
              {t('exchange.abandon')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
