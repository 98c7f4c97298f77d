import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView } from '../../../../preload/contract';
import type { RefundReason } from '../../../../preload/contract/refund';
import type { RefundableLineView, RefundableSaleView } from '../../../../preload/contract/refund-views';
import type { Role } from '../../../../preload/contract/primitives';
import { AmountField } from '../../components/AmountField';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNote } from '../../components/ErrorNote';
import { useApproval, type Approval } from '../../components/use-approval';
import { currencyDigits } from '../../format/money';
import { typedProblem } from '../../format/amount-input';
import { parseMinor } from '../../format/parse-amount';
import { soldLineOf } from '../../format/product-name';
import { useFormat } from '../../state/store-context';
import { useLineName } from '../../state/use-line-name';
import { useCall } from '../../state/use-call';
import { approvalReason, needsApproval } from './approval-reason';
import { ReasonSelect } from './ReasonSelect';
import { endsAttempt } from './refund-attempt';
import { forgetGiveBack, rememberGiveBack } from '../../state/give-back-marker';
import { RefundPlan } from './RefundPlan';
import { TerminalSteps, useTerminalSteps } from './TerminalSteps';

interface PriceAdjustmentDialogProps {
  found: RefundableSaleView;
  line: RefundableLineView;
  role: Role;
  /** Cash instead of the card (the return screen's choice). */
  toCash: boolean;
  onDone(completion: CompletionView): void;
  onClose(): void;
}

/** Money back on one line, goods kept: an amount never above what the line still holds; a supervisor approves. */
export function PriceAdjustmentDialog({ found, line, role, toCash, onDone, onClose }: PriceAdjustmentDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useLineName();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<RefundReason | null>('wrong_price');
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const preview = useCall('refund.preview');
  const adjust = useCall('refund.priceAdjustment');
  const approval = useApproval();
  const steps = useTerminalSteps(adjust.busy);
  const digits = currencyDigits(format.currency);
  const amountMinor = parseMinor(amount, digits);
  const runPreview = preview.run;
  const resetPreview = preview.reset;
  const saleId = found.sale.id;

  useEffect(() => {
    if (amountMinor === null || amountMinor <= 0) return resetPreview();
    void runPreview({ saleId, adjustment: { lineId: line.lineId, amountMinor }, ...(toCash ? { toCash: true } : {}) });
  }, [amountMinor, saleId, line.lineId, toCash, runPreview, resetPreview]);

  const plan = amountMinor !== null && amountMinor > 0 ? preview.value : null;
  const askText = plan && needsApproval(role, plan.approvalReasons) ? approvalReason(plan.approvalReasons, t, format.locale) : null;

  const submit = async () => {
    if (adjust.busy || preview.busy) return;
    // "-5" or "abc" says what is wrong under the field; nothing is sent.
    if (typedProblem(amount, digits)) return setProblem(null);
    if (amountMinor === null || amountMinor <= 0) return setProblem(t('dialog.invalidPrice'));
    if (reason === null) return setProblem(t('refund.reasonRequired'));
    if (!plan) return;
    setProblem(null);
    const send = (given?: Approval) =>
      adjust.run(
        { saleId, lineId: line.lineId, amountMinor, reason, ...(toCash ? { toCash: true } : {}), ...(given ? { approval: given } : {}) },
        `attempt:${attempt}`,
      );
    // Money back to a card takes the terminal's time: a reload meanwhile finds it again (see useGiveBackResume).
    if (plan.tenders.some((p) => p.method === 'card')) rememberGiveBack(saleId);
    const result = await approval.request(send, askText);
    forgetGiveBack();
    if (result === null) return adjust.reset();
    if (result.ok) return onDone(result.value);
    adjust.refuse(result.error);
    if (endsAttempt(result.error.code)) setAttempt((n) => n + 1);
  };

  // The approval takes the dialog's place; a refusal after it brings the dialog back with it.
  if (approval.open) return approval.render(<TerminalSteps step={steps} />);

  // Not while main is working on it: its answer (the terminal's, for a card) is still to come.
  const close = () => adjust.busy || onClose();

  const refused = adjust.error ?? preview.error;
  // Main's "more than the line holds" names a quantity too; for money back without goods only the amount matters.
  const tooMuch =
    refused?.code === 'refund.exceeds_original' && typeof refused.params.maxMinor === 'number'
      ? t('refund.adjust.exceeds', { max: format.money(refused.params.maxMinor) })
      : null;
  return (
    <Dialog
      title={t('refund.adjust.title', { name: nameOf(soldLineOf(found.sale.lines, line.lineId, line.name)).name })}
      onClose={close}
      onSubmit={() => void submit()}
      testId="adjust-dialog"
    >
      <p className="muted" data-testid="adjust-max">
        {t('refund.adjust.max', { max: format.money(line.refundableMinor), paid: format.money(line.paidMinor) })}
      </p>
      <AmountField label={t('refund.adjust.amount')} value={amount} onChange={setAmount} testId="adjust-amount" digits={digits} />
      <ReasonSelect value={reason} onChange={setReason} testId="adjust-reason" />
      {plan && <RefundPlan plan={plan} payments={found.payments} saleLines={found.sale.lines} approvalNote={askText} />}
      {adjust.busy && <TerminalSteps step={steps} />}
      <ErrorNote message={problem ?? tooMuch} error={(problem ?? tooMuch) ? null : refused} />
      <DialogActions submitLabel={t('refund.adjust.submit')} onCancel={close} />
    </Dialog>
  );
}
