import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  /** The approved action is on its way: nothing is sent again until it answers, `children` say how it goes. */
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
  const pinField = useRef<HTMLInputElement>(null);
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

  // Enter asks for the PIN to be sent; it goes as soon as a name is picked and nothing is being
  // checked. A PIN and Enter keyed before the names are loaded (a fast hand, a busy till) are not
  // dropped. The field is emptied as the PIN is sent, not when the answer comes: what the
  // supervisor keys meanwhile (a PIN again, seeing they mistyped) is kept for the next try.
  const [sendAsked, setSendAsked] = useState(false);
  const submit = () => {
    if (pin.length >= 4 && !busy) setSendAsked(true);
  };
  useEffect(() => {
    if (!sendAsked || selected === null || busy || pin.length < 4) return;
    setSendAsked(false);
    setPin('');
    void onApprove({ operatorId: selected, pin });
  }, [sendAsked, selected, busy, pin, onApprove]);
  const pick = (id: number) => {
    setSelected(id);
    pinField.current?.focus();
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
            onClick={() => pick(op.id)}
          >
            <span className="operator__name">{op.name}</span>
            <span className="operator__role">{t(`role.${op.role}`)}</span>
          </button>
        ))}
      </div>
      {/* There from the start and while an approval is checked, with the focus: a supervisor keys
          their PIN as the dialog opens, before the names are loaded or the last try answered, and
          no digit is lost. It is sent once a name is picked and nothing is being checked. */}
      <PinPad value={pin} onChange={setPin} onSubmit={submit} busy={busy || selected === null} submitLabel={t('approval.approve')} inputRef={pinField} />
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
