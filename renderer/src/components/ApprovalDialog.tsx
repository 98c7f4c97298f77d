import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, OperatorView } from '../../../preload/contract';
import { api } from '../transport/api';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { PinPad } from './PinPad';

interface ApprovalDialogProps {
  /** Why approval is needed (the translated refusal from main). */
  reason: string;
  onApprove(approval: { operatorId: number; pin: string }): Promise<CallError | null>;
  onClose(): void;
}

/** A supervisor steps up, picks their name and keys their PIN; the action is sent again with it. */
export function ApprovalDialog({ reason, onApprove, onClose }: ApprovalDialogProps) {
  const { t } = useTranslation();
  const [supervisors, setSupervisors] = useState<OperatorView[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    void api.invoke('session.operators', {}).then((result) => {
      if (!result.ok) return setError(result.error);
      const able = result.value.filter((op) => op.role !== 'cashier' && !op.locked);
      setSupervisors(able);
      if (able.length === 1) setSelected(able[0]?.id ?? null);
    });
  }, []);

  const submit = async () => {
    if (selected === null || pin.length < 4) return;
    const failed = await onApprove({ operatorId: selected, pin });
    setPin('');
    if (failed) setError(failed);
    else onClose();
  };

  return (
    <Dialog title={t('approval.title')} onClose={onClose} testId="approval-dialog">
      <p className="muted">{reason}</p>
      <div className="operator-list" role="listbox" aria-label={t('approval.supervisor')}>
        {supervisors.map((op) => (
          <button
            key={op.id}
            type="button"
            role="option"
            aria-selected={selected === op.id}
            className={`operator${selected === op.id ? ' operator--selected' : ''}`}
            onClick={() => setSelected(op.id)}
          >
            <span className="operator__name">{op.name}</span>
            <span className="operator__role">{t(`role.${op.role}`)}</span>
          </button>
        ))}
      </div>
      {selected !== null && <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} />}
      <ErrorNote error={error} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
