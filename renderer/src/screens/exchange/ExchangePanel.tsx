import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView, ExchangeDoneView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { asksForSupervisor, useApproval, type Approval } from '../../components/use-approval';
import { amountProblemKey, typedProblem } from '../../format/amount-input';
import { parseMinor } from '../../format/parse-amount';
import { currencyDigits } from '../../format/money';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { approvalReason, needsApproval } from '../refund/approval-reason';
import { useTerminalSteps } from '../refund/TerminalSteps';
import { api } from '../../transport/api';
import { ExchangeToCard } from './ExchangeToCard';
import type { Role } from '../../../../preload/contract/primitives';
import type { ExchangeDraft } from './exchange-draft';
import '../../styles/exchange.css';

interface ExchangePanelProps {
  draft: ExchangeDraft;
  /** The open sale holding the new goods. */
  sale: DocumentView;
  role: Role;
  onDone(done: ExchangeDoneView): void;
  onCancel(): void;
  /** The exchange is begun for a difference paid on the payment screen: go there (by card). */
  onBegun(): void;
  /** 退回银行卡 pressed (refundId null while the terminal runs), the return left open (its id), or nothing begun after all (null). */
  onCardBack(cardBack: { refundId: string | null } | null): void;
}

/**
 * 换货 on the sale screen: the credit of the goods coming back, the new goods' total and who pays
 * whom. The cashier keys the cash handed over when the customer pays the difference; main
 * completes the return and the sale together.
 */
export function ExchangePanel({ draft, sale, role, onDone, onCancel, onBegun, onCardBack }: ExchangePanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [tendered, setTendered] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useCall('exchange.preview');
  const complete = useCall('exchange.complete');
  const begin = useCall('exchange.begin');
  const abandon = useCall('exchange.abandon');
  const toCard = useCall('exchange.toCard');
  const steps = useTerminalSteps(toCard.busy);
  // What goes back to the card, kept from the preview once pressed (main is not asked again meanwhile).
  const [back, setBack] = useState<{ toCardMinor: number; cashMinor: number } | null>(null);
  const approval = useApproval();
  const runPreview = preview.run;
  const resetPreview = preview.reset;
  const hasLines = sale.lines.length > 0;
  const totalMinor = sale.totals.totalMinor;

  // Main says the difference again whenever the new goods change (not once begun: the cart is paid for).
  useEffect(() => {
    if (!hasLines || draft.begun || draft.cardBack) return resetPreview();
    void runPreview({ saleId: sale.id, originalSaleId: draft.originalSaleId, lines: draft.lines });
  }, [hasLines, totalMinor, sale.id, draft, runPreview, resetPreview]);

  const plan = hasLines ? preview.value : null;
  // Before main has answered there is no figure to pay: the confirm buttons wait for the plan.
  const difference = plan?.differenceMinor ?? totalMinor - draft.creditMinor;
  // Cash pays, or hands back, the difference rounded to the store's step (main says how much); a card pays it exactly.
  const cashDifference = plan?.cashDifferenceMinor ?? difference;
  const askText = plan && needsApproval(role, plan.approvalReasons) ? approvalReason(plan.approvalReasons, t, format.locale) : null;

  const confirm = async () => {
    if (complete.busy || !plan) return;
    let tenderedMinor: number | undefined;
    if (difference > 0) {
      const digits = currencyDigits(format.currency);
      // "-50" or "abc" is refused as what it is; the field once dropped those characters and read 50.
      const bad = typedProblem(tendered, digits);
      if (bad) return setProblem(t(amountProblemKey(bad, 'amount', digits)));
      const parsed = parseMinor(tendered, digits);
      if (parsed === null || parsed < cashDifference) return setProblem(t('exchange.tenderNeeded', { amount: format.money(cashDifference) }));
      tenderedMinor = parsed;
    }
    setProblem(null);
    const send = (given?: Approval) =>
      complete.run({
        saleId: sale.id,
        originalSaleId: draft.originalSaleId,
        lines: draft.lines,
        reason: draft.reason,
        ...(tenderedMinor === undefined ? {} : { tenderedMinor }),
        ...(given ? { approval: given } : {}),
      });
    const result = await approval.request(send, askText);
    if (result === null) return complete.reset();
    if (result.ok) return onDone(result.value);
    complete.refuse(result.error);
  };

  const payByCard = async () => {
    if (begin.busy || !plan) return;
    setProblem(null);
    const send = (given?: Approval) =>
      begin.run({ saleId: sale.id, originalSaleId: draft.originalSaleId, lines: draft.lines, reason: draft.reason, ...(given ? { approval: given } : {}) });
    const result = await approval.request(send, askText);
    if (result === null) return begin.reset();
    if (result.ok) return onBegun();
    begin.refuse(result.error);
  };

  /**
   * 退回银行卡: main books the return as a card refund and the terminal gives the difference back;
   * approved, both documents complete. Refused or unknown, the return stays open and this panel
   * offers what the refund screens do (retry, cash with a supervisor) or giving up the exchange.
   */
  const backToCard = async () => {
    const amount = plan?.toCardMinor ?? null;
    if (toCard.busy || amount === null) return;
    setProblem(null);
    setBack({ toCardMinor: amount, cashMinor: plan?.toCardCashMinor ?? 0 });
    onCardBack({ refundId: null });
    const result = await toCard.run({ saleId: sale.id, originalSaleId: draft.originalSaleId, lines: draft.lines, reason: draft.reason });
    if (result.ok && result.value.sale.status === 'completed') return onDone(result.value);
    if (result.ok) return onCardBack({ refundId: result.value.refund.id });
    // Outcome unknown, or refused before the terminal: the return is open only if main began it.
    const found = await api.invoke('exchange.ofSale', { saleId: sale.id });
    onCardBack(found.ok && found.value?.refundStatus === 'open' ? { refundId: found.value.refundId } : null);
  };

  /** A begun exchange given up: its return and its sale are cancelled in main, and the counter moves on. */
  const giveUp = async () => {
    if (!draft.begun) return onCancel();
    const result = await abandon.run({ saleId: sale.id });
    if (result.ok) onCancel();
  };

  if (draft.cardBack) {
    return (
      <ExchangeToCard
        draft={draft}
        sale={sale}
        amountMinor={back?.toCardMinor ?? null}
        cashMinor={back?.cashMinor ?? 0}
        running={toCard.busy}
        step={steps}
        onDone={onDone}
        onAbandoned={onCancel}
      />
    );
  }

  if (draft.begun) {
    return (
      <section className="panel exchange-panel" aria-labelledby="exchange-title" data-testid="exchange-panel">
        <h2 id="exchange-title">{t('exchange.title', { receipt: draft.originalReceipt })}</h2>
        <p data-testid="exchange-begun">{t('exchange.begun', { amount: format.money(sale.remainingMinor) })}</p>
        <ErrorNote error={abandon.error} />
        <div className="exchange-panel__actions">
          <button type="button" className="button" onClick={() => void giveUp()} disabled={abandon.busy} data-testid="exchange-cancel">
            {t('exchange.abandon')}
          </button>
        </div>
      </section>
    );
  }

  const who = difference > 0 ? 'pays' : difference < 0 ? 'receives' : 'even';
  // Beside the cash handed over when the customer pays; alone with 退出换货 otherwise. Both fit 1024×768 above the sale's buttons.
  // With the card offered, cash is the other choice, not the default.
  const cardOffered = difference < 0 && plan?.toCardMinor != null;
  const confirmButton = (
    <button
      type="button"
      className={cardOffered ? 'button' : 'button button--primary'}
      onClick={() => void confirm()}
      disabled={!plan || preview.busy || complete.busy}
      data-testid="exchange-confirm"
    >
      {t('exchange.confirm')}
    </button>
  );
  return (
    <section className="panel exchange-panel" aria-labelledby="exchange-title" data-testid="exchange-panel">
      <h2 id="exchange-title">{t('exchange.title', { receipt: draft.originalReceipt })}</h2>
      <dl className="exchange-panel__figures">
        <dt>{t('exchange.credit')}</dt>
        <dd data-testid="exchange-credit">{format.money(plan?.creditMinor ?? draft.creditMinor)}</dd>
        <dt>{t('exchange.newGoods')}</dt>
        <dd data-testid="exchange-new-total">{format.money(totalMinor)}</dd>
        <dt>{t(`exchange.difference.${who}`)}</dt>
        <dd data-testid="exchange-difference" data-who={who}>
          {format.money(Math.abs(cashDifference))}
        </dd>
        {cashDifference !== difference && (
          <>
            <dt>{t('exchange.cashRounding')}</dt>
            <dd data-testid="exchange-rounding">
              {cashDifference > difference ? '+' : ''}
              {format.money(cashDifference - difference)}
            </dd>
          </>
        )}
      </dl>
      {difference > 0 && (
        <div className="exchange-panel__pay">
          <label className="field">
            <span>{t('exchange.tendered')}</span>
            <input inputMode="decimal" autoComplete="off" value={tendered} onChange={(e) => setTendered(e.target.value)} data-testid="exchange-tendered" />
          </label>
          {confirmButton}
        </div>
      )}
      <ErrorNote message={problem} />
      <ErrorNote
        error={
          approval.open || asksForSupervisor(complete.error) || asksForSupervisor(begin.error)
            ? null
            : (complete.error ?? begin.error ?? toCard.error ?? (hasLines ? preview.error : null))
        }
      />
      <div className="exchange-panel__actions">
        <button type="button" className="button" onClick={onCancel} disabled={complete.busy} data-testid="exchange-cancel">
          {t('exchange.cancel')}
        </button>
        {difference > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => void payByCard()}
            disabled={!plan || preview.busy || begin.busy}
            data-testid="exchange-pay-card"
          >
            {cashDifference === difference ? t('exchange.payCard') : t('exchange.payCardAmount', { amount: format.money(difference) })}
          </button>
        )}
        {/* Owed to a card-paid customer: back to the card is the default, beside cash (which asks a supervisor). */}
        {difference < 0 && plan?.toCardMinor != null && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void backToCard()}
            disabled={preview.busy || toCard.busy || complete.busy}
            data-testid="exchange-to-card"
          >
            {plan.toCardCashMinor
              ? t('exchangeCard.buttonWithCash', { amount: format.money(plan.toCardMinor), cash: format.money(plan.toCardCashMinor) })
              : t('exchangeCard.button', { amount: format.money(plan.toCardMinor) })}
          </button>
        )}
        {difference <= 0 && confirmButton}
      </div>
      {approval.open && approval.render()}
    </section>
  );
}
