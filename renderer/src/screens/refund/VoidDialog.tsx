import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView } from '../../../../preload/contract';
import type { RefundReason } from '../../../../preload/contract/refund';
import type { RefundableSaleView } from '../../../../preload/contract/refund-views';
import type { Role } from '../../../../preload/contract/primitives';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNote } from '../../components/ErrorNote';
import { asksForSupervisor, useApproval, type Approval } from '../../components/use-approval';
import { formatReceiptNo } from '../../format/receipt-no';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { approvalReason, needsApproval } from './approval-reason';
import { ReasonSelect } from './ReasonSelect';
import { endsAttempt } from './refund-attempt';
import { forgetGiveBack, rememberGiveBack } from '../../state/give-back-marker';
import { TenderLabel } from './RefundPlan';
import { TerminalSteps, useTerminalSteps } from './TerminalSteps';

interface VoidDialogProps {
  found: RefundableSaleView;
  role: Role;
  onDone(completion: CompletionView): void;
  onClose(): void;
}

/**
 * The whole sale undone, today, with a supervisor: every line and every payment back as it was
 * taken. Card payments are reversed on the terminal first; when the terminal refuses, nothing is
 * voided and the dialog says why.
 */
export function VoidDialog({ found, role, onDone, onClose }: VoidDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState<RefundReason | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const voiding = useCall('void.sale');
  const approval = useApproval();
  const steps = useTerminalSteps(voiding.busy);
  const { sale } = found;
  const reasons = ['refund.approval.void'];

  const submit = async () => {
    if (voiding.busy) return;
    if (reason === null) return setProblem(t('refund.void.reasonRequired'));
    setProblem(null);
    const send = (given?: Approval) => voiding.run({ saleId: sale.id, reason, ...(given ? { approval: given } : {}) }, `attempt:${attempt}`);
    // A card payment is reversed on the terminal first: a reload meanwhile finds it again (see useGiveBackResume).
    if (found.payments.some((p) => p.method === 'card')) rememberGiveBack(sale.id);
    const result = await approval.request(send, needsApproval(role, reasons) ? approvalReason(reasons, t, format.locale) : null);
    forgetGiveBack();
    if (result === null) return voiding.reset();
    if (result.ok) return onDone(result.value);
    voiding.refuse(result.error);
    if (endsAttempt(result.error.code)) setAttempt((n) => n + 1);
  };

  if (approval.open) return approval.render(<TerminalSteps step={steps} />);

  // Not while main is working on it: its answer (the terminal's, for a card) is still to come.
  const close = () => voiding.busy || onClose();

  return (
    <Dialog
      title={t('refund.void.title', { receiptNo: formatReceiptNo(sale.registerId, sale.receiptNo, sale.training) })}
      onClose={close}
      onSubmit={() => void submit()}
      testId="void-dialog"
    >
      <p>{t('refund.void.what', { total: format.money(sale.totals.totalMinor) })}</p>
      <ul className="refund-plan__tenders" aria-label={t('refund.plan.tenders')}>
        {/* Cards first: they are reversed on the terminal before anything else is undone. */}
        {[...found.payments]
          .sort((a, b) => Number(a.method === 'cash') - Number(b.method === 'cash'))
          .map((p) => (
            <li key={p.paymentId} data-testid="void-tender" data-method={p.method}>
              <span>
                <TenderLabel tender={{ paymentId: p.paymentId, method: p.method, amountMinor: p.amountMinor }} payments={found.payments} />
              </span>
              <strong>{format.money(p.amountMinor)}</strong>
            </li>
          ))}
      </ul>
      {found.payments.some((p) => p.method === 'card') && (
        <p className="muted small">
          {/* Several cards and wallets go back one after another; a refusal after one went back leaves the void open, never half undone. */}
          {t(found.payments.filter((p) => p.method !== 'cash').length > 1 ? 'refund.void.cardsInTurn' : 'refund.void.cardFirst')}
        </p>
      )}
      <ReasonSelect value={reason} onChange={setReason} testId="void-reason" />
      {voiding.busy && <TerminalSteps step={steps} />}
      <ErrorNote message={problem} error={problem || asksForSupervisor(voiding.error) ? null : voiding.error} />
      <DialogActions submitLabel={t('refund.void.submit')} onCancel={close} />
    </Dialog>
  );
}
