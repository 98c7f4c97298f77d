import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { asksForSupervisor, useApproval } from '../../components/use-approval';
import { useCall } from '../../state/use-call';

/** "No sale": open the drawer with a reason; main asks a cashier for a supervisor's PIN. */
export function DrawerSection() {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const drawer = useCall('drawer.open');
  // The approved sending answers in the approval dialog, not under the form.
  const approved = useCall('drawer.open');
  const approval = useApproval();
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const text = reason.trim();
    if (!text) return drawer.refuse({ code: 'request.invalid_input', params: { field: 'reason', issue: 'too_small' } });
    const result = await approval.request((given) => (given ? approved.run({ reason: text, approval: given }) : drawer.run({ reason: text })));
    approved.reset();
    if (result === null) return drawer.reset();
    // Refused after the approval (or before any was asked): said under the form.
    if (!result.ok) return drawer.refuse(result.error);
    drawer.reset();
    setNotice(t('printing.drawer.opened'));
    setReason('');
  };

  return (
    <>
      <form className="back-office__form" onSubmit={(e) => void submit(e)} data-testid="drawer-form">
        <p className="muted">{t('printing.drawer.hint')}</p>
        <label className="field">
          <span>{t('printing.drawer.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} autoComplete="off" data-testid="drawer-reason" />
        </label>
        {/* Main asking for a supervisor is no refusal to show in the form: the approval dialog says why. */}
        <ErrorNote error={asksForSupervisor(drawer.error) ? null : drawer.error} />
        <Notice message={notice} />
        <button type="submit" className="button button--primary" data-testid="drawer-open">
          {t('printing.drawer.open')}
        </button>
      </form>
      {approval.render()}
    </>
  );
}
