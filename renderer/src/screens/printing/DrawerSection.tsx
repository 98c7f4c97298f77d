import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, PrintJobView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { asksForSupervisor, useApproval } from '../../components/use-approval';
import { useCall } from '../../state/use-call';

/** The register refused the reason itself (empty, or only spaces): asked for, like the form's own check. */
function reasonRefused(error: CallError): boolean {
  return error.code === 'request.invalid_input' && error.params.field === 'reason';
}

/** "No sale": open the drawer with a reason; main asks a cashier for a supervisor's PIN. */
export function DrawerSection() {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const drawer = useCall('drawer.open');
  // The approved sending answers in the approval dialog, not under the form.
  const approved = useCall('drawer.open');
  const approval = useApproval();
  const [notice, setNotice] = useState<{ message: string; tone: 'success' | 'warning' } | null>(null);
  // A reason missing, or a drawer that did not open: said in words of this form, in red.
  const [problem, setProblem] = useState<string | null>(null);
  const [reasonInvalid, setReasonInvalid] = useState(false);
  const reasonField = useRef<HTMLInputElement>(null);
  const askForReason = () => {
    setReasonInvalid(true);
    setProblem(t('printing.drawer.reasonRequired'));
    reasonField.current?.focus();
  };

  /** What became of the kick (main waits for the printer to take it or for it to be dropped). */
  const outcome = (job: PrintJobView) => {
    if (job.state === 'printed') setNotice({ message: t('printing.drawer.opened'), tone: 'success' });
    else if (job.state === 'cancelled') setProblem(t('printing.drawer.notOpened'));
    else setNotice({ message: t('printing.drawer.queued'), tone: 'warning' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setProblem(null);
    setReasonInvalid(false);
    drawer.reset();
    const text = reason.trim();
    // Nothing is sent without a reason.
    if (!text) return askForReason();
    const result = await approval.request((given) => (given ? approved.run({ reason: text, approval: given }) : drawer.run({ reason: text })));
    approved.reset();
    if (result === null) return drawer.reset();
    if (!result.ok && reasonRefused(result.error)) {
      drawer.reset();
      return askForReason();
    }
    // Refused after the approval (or before any was asked): said under the form.
    if (!result.ok) return drawer.refuse(result.error);
    drawer.reset();
    outcome(result.value);
    setReason('');
  };

  return (
    <>
      <form className="back-office__form" onSubmit={(e) => void submit(e)} data-testid="drawer-form">
        <p className="muted">{t('printing.drawer.hint')}</p>
        <label className="field">
          <span>{t('printing.drawer.reason')}</span>
          <input
            ref={reasonField}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonInvalid(false);
            }}
            maxLength={200}
            autoComplete="off"
            aria-invalid={reasonInvalid || undefined}
            data-testid="drawer-reason"
          />
        </label>
        {/* Main asking for a supervisor is no refusal to show in the form: the approval dialog says why. */}
        <ErrorNote message={problem} error={problem || asksForSupervisor(drawer.error) ? null : drawer.error} />
        <Notice message={notice?.message ?? null} tone={notice?.tone ?? 'success'} />
        {/* Busy while main waits for the printer to take the kick: one press is one opening. */}
        <button type="submit" className="button button--primary" disabled={drawer.busy || approved.busy} data-testid="drawer-open">
          {t('printing.drawer.open')}
        </button>
      </form>
      {approval.render()}
    </>
  );
}
