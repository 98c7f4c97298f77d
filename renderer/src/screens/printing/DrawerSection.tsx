import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../../preload/contract';
import { ApprovalDialog } from '../../components/ApprovalDialog';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useFormat } from '../../state/store-context';
import { api } from '../../transport/api';

/** "No sale": open the drawer with a reason; main asks a cashier for a supervisor's PIN. */
export function DrawerSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const [approval, setApproval] = useState<CallError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const open = async (withApproval?: { operatorId: number; pin: string }): Promise<CallError | null> => {
    const result = await api.invoke('drawer.open', { reason: reason.trim(), ...(withApproval ? { approval: withApproval } : {}) });
    if (!result.ok) return result.error;
    setNotice(t('printing.drawer.opened'));
    setReason('');
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    if (!reason.trim()) return setError({ code: 'request.invalid_input', params: { field: 'reason', issue: 'too_small' } });
    const failed = await open();
    if (failed?.code === 'drawer.needs_supervisor') setApproval(failed);
    else setError(failed);
  };

  return (
    <form className="back-office__form" onSubmit={(e) => void submit(e)} data-testid="drawer-form">
      <p className="muted">{t('printing.drawer.hint')}</p>
      <label className="field">
        <span>{t('printing.drawer.reason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} autoComplete="off" data-testid="drawer-reason" />
      </label>
      <ErrorNote error={error} />
      <Notice message={notice} />
      <button type="submit" className="button button--primary" data-testid="drawer-open">
        {t('printing.drawer.open')}
      </button>
      {approval && <ApprovalDialog reason={format.error(approval)} onApprove={(a) => open(a)} onClose={() => setApproval(null)} />}
    </form>
  );
}
