import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalDialog } from '../../components/ApprovalDialog';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';

/** "No sale": open the drawer with a reason; main asks a cashier for a supervisor's PIN. */
export function DrawerSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState('');
  const drawer = useCall('drawer.open');
  const approved = useCall('drawer.open');
  const [notice, setNotice] = useState<string | null>(null);
  // Main asking for a supervisor is no refusal to show in the form: it opens the approval prompt, which says why.
  const needsApproval = drawer.error?.code === 'drawer.needs_supervisor' ? drawer.error : null;

  const opened = () => {
    setNotice(t('printing.drawer.opened'));
    setReason('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!reason.trim()) return drawer.refuse({ code: 'request.invalid_input', params: { field: 'reason', issue: 'too_small' } });
    if ((await drawer.run({ reason: reason.trim() })).ok) opened();
  };

  const approve = async (approval: { operatorId: number; pin: string }) => {
    if (!(await approved.run({ reason: reason.trim(), approval })).ok) return;
    closeApproval();
    opened();
  };

  const closeApproval = () => {
    drawer.reset();
    approved.reset();
  };

  return (
    <form className="back-office__form" onSubmit={(e) => void submit(e)} data-testid="drawer-form">
      <p className="muted">{t('printing.drawer.hint')}</p>
      <label className="field">
        <span>{t('printing.drawer.reason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} autoComplete="off" data-testid="drawer-reason" />
      </label>
      <ErrorNote error={needsApproval ? null : drawer.error} />
      <Notice message={notice} />
      <button type="submit" className="button button--primary" data-testid="drawer-open">
        {t('printing.drawer.open')}
      </button>
      {needsApproval && <ApprovalDialog reason={format.error(needsApproval)} onApprove={approve} error={approved.error} onClose={closeApproval} />}
    </form>
  );
}
