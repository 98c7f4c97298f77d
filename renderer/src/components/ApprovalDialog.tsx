import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, OperatorView } from '../../../preload/contract';
import type { Approval } from '../../../preload/contract/primitives';
import { useScanner } from '../keyboard/use-scanner';
import { useCall } from '../state/use-call';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { PinPad } from './PinPad';

interface ApprovalDialogProps {
  /** Why approval is needed (the translated refusal from main). */
  reason: string;
  /** Sends the action again with the approval; the caller closes the dialog once it went through. */
  onApprove(approval: Approval): Promise<unknown>;
  /** Main's refusal of the approved action (a wrong PIN or badge, say). */
  error: CallError | null;
  /** The approved action is on its way: the PIN is not asked again, `children` say how it goes. */
  busy?: boolean;
  children?: ReactNode;
  onClose(): void;
}

/** Who can approve: supervisors and owners not locked out. */
const canApprove = (op: OperatorView) => op.role !== 'cashier' && !op.locked;

/**
 * A supervisor steps up and picks their name and keys their PIN, or scans their badge; the action
 * is sent again with it. A scan anywhere in the dialog is the badge (main tells a bad one).
 */
export function ApprovalDialog({ reason, onApprove, error, busy = false, children, onClose }: ApprovalDialogProps) {
  const { t } = useTranslation();
  const operators = useCall('session.operators');
  const [selected, setSelected] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const supervisors = (operators.value ?? []).filter(canApprove);
  const askOperators = operators.run;

  useEffect(() => {
    void askOperators({}).then((result) => {
      const able = result.ok ? result.value.filter(canApprove) : [];
      // The only one who can approve is picked already: they just key their PIN.
      if (able.length === 1) setSelected(able[0]?.id ?? null);
    });
  }, [askOperators]);

  useScanner((code) => {
    setPin('');
    void onApprove({ badge: code.slice(0, 64) });
  }, !busy);

  const submit = async () => {
    if (selected === null || pin.length < 4) return;
    await onApprove({ operatorId: selected, pin });
    setPin('');
  };

  return (
    <Dialog title={t('approval.title')} onClose={onClose} testId="approval-dialog">
      <p className="muted">{reason}</p>
      <p className="muted small" data-testid="approval-badge-hint">
        {t('approval.badgeHint')}
      </p>
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
      {selected !== null && !busy && <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} submitLabel={t('approval.approve')} />}
      {children}
      <ErrorNote error={error ?? operators.error} />
      {!busy && (
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
