import { useTranslation } from 'react-i18next';
import type { LineView } from '../../../../preload/contract';
import type { RefundablePaymentView, RefundPlanView, RefundTenderView } from '../../../../preload/contract/refund-views';
import { soldLineOf } from '../../format/product-name';
import { useFormat } from '../../state/store-context';
import { useLineName } from '../../state/use-line-name';

interface RefundPlanProps {
  plan: RefundPlanView;
  /** The sale's payments, to name the card a part goes back to; none for a return without a receipt. */
  payments?: readonly RefundablePaymentView[];
  /** The sale's lines, to name a line as the cart does; none for a return without a receipt (named as keyed). */
  saleLines?: readonly LineView[];
  /** A return without a receipt: the items as brought back, in the plan's order (a scanned product has the catalog's names). */
  itemsBack?: readonly Pick<LineView, 'name' | 'names'>[];
  /** Why a supervisor must approve, when the cashier must fetch one. */
  approvalNote?: string | null;
}

/** Where a part of a refund goes, as the cashier says it to the customer: back to the card, in cash. */
export function TenderLabel({
  tender,
  payments = [],
  scanProvider = null,
}: {
  tender: RefundTenderView;
  payments?: readonly RefundablePaymentView[];
  /** The wallet, where the caller knows it from the refund's own payment. */
  scanProvider?: 'wechat' | 'alipay' | null;
}) {
  const { t } = useTranslation();
  const card = payments.find((p) => p.paymentId === tender.paymentId);
  // The wallet by name, as the slip says it: 退回微信支付, not 退回微信/支付宝.
  const wallet = tender.method === 'scan' ? (scanProvider ?? card?.scanProvider ?? null) : null;
  return (
    <>
      {wallet === null ? t(`refund.tender.${tender.method}`) : t('refund.tender.scanTo', { provider: t(`scanpay.provider.${wallet}`) })}
      {tender.method === 'card' && card?.maskedPan ? <span className="muted small"> {card.maskedPan}</span> : null}
    </>
  );
}

/**
 * What main says the refund would do, before it is done: each line's amount, the total, and the
 * tenders in the order they are refunded (card parts first, then cash), with the cash rounding.
 */
export function RefundPlan({ plan, payments = [], saleLines = [], itemsBack = [], approvalNote = null }: RefundPlanProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useLineName();
  const shown = (line: RefundPlanView['lines'][number], i: number) => {
    const back = itemsBack[i];
    if (line.lineId === null && back?.name === line.name) return nameOf(back).name;
    return nameOf(soldLineOf(saleLines, line.lineId, line.name)).name;
  };
  // A weighed line goes back as a weight: "× 0.200 kg", as it was sold.
  const qtyOf = (line: RefundPlanView['lines'][number]) =>
    saleLines.find((l) => l.id === line.lineId)?.soldByWeight ? format.weight(line.qtyMilli) : format.qty(line.qtyMilli);
  return (
    <section className="refund-plan" aria-label={t('refund.plan.title')} data-testid="refund-plan">
      <h2>{t('refund.plan.title')}</h2>
      <table className="refund-plan__table">
        <tbody>
          {plan.lines.map((line, i) => (
            <tr key={`${line.lineId ?? 'n'}-${i}`} data-testid="refund-plan-line">
              <td>{shown(line, i)}</td>
              <td className="numeric">{line.qtyMilli > 0 ? `× ${qtyOf(line)}` : t('refund.plan.adjustment')}</td>
              <td className="numeric">{format.money(line.totalMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="refund-plan__total">
            <th scope="row" colSpan={2}>
              {t('refund.plan.total')}
            </th>
            <td className="numeric" data-testid="refund-plan-total">
              {format.money(plan.totalMinor)}
            </td>
          </tr>
          {plan.roundingMinor !== 0 && (
            <tr>
              <th scope="row" colSpan={2}>
                {t('refund.plan.rounding')}
              </th>
              <td className="numeric" data-testid="refund-plan-rounding">
                {format.money(plan.roundingMinor)}
              </td>
            </tr>
          )}
        </tfoot>
      </table>
      <ol className="refund-plan__tenders" aria-label={t('refund.plan.tenders')}>
        {plan.tenders.map((tender, i) => (
          <li key={`${tender.paymentId ?? 'cash'}-${i}`} data-testid="refund-plan-tender" data-method={tender.method}>
            <span>
              <TenderLabel tender={tender} payments={payments} />
            </span>
            <strong>{format.money(tender.amountMinor)}</strong>
          </li>
        ))}
      </ol>
      {approvalNote && (
        <p className="refund-plan__approval" data-testid="refund-plan-approval">
          {approvalNote}
        </p>
      )}
    </section>
  );
}
