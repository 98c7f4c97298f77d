import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, OperatorView } from '../../../../preload/contract';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNote } from '../../components/ErrorNote';
import { NewPinFields, newPinProblem } from '../../components/NewPinFields';

/** Asked once: a deactivated operator can no longer log in, and the owner should mean it. */
export function DeactivateDialog({
  operator,
  error,
  onConfirm,
  onClose,
}: {
  operator: OperatorView;
  error: CallError | null;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('backOffice.operators.deactivateTitle', { name: operator.name })} onClose={onClose} onSubmit={onConfirm} testId="deactivate-dialog">
      <p>{t('backOffice.operators.deactivateQuestion', { name: operator.name })}</p>
      <ErrorNote error={error} />
      <DialogActions submitLabel={t('backOffice.operators.deactivate')} onCancel={onClose} focusSubmit />
    </Dialog>
  );
}

/** The owner types the new PIN twice, under the same rules as a new operator's. */
export function ResetPinDialog({
  operator,
  error,
  onSave,
  onClose,
}: {
  operator: OperatorView;
  error: CallError | null;
  onSave(pin: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    const pinProblem = newPinProblem(pin, pinAgain);
    setProblem(pinProblem ? t(pinProblem) : null);
    if (!pinProblem) onSave(pin);
  };
  return (
    <Dialog title={t('backOffice.operators.resetPinTitle', { name: operator.name })} onClose={onClose} onSubmit={save} testId="reset-pin-dialog">
      <div className="field-row">
        <NewPinFields pin={pin} pinAgain={pinAgain} onPin={setPin} onPinAgain={setPinAgain} />
      </div>
      <p className="muted small">{t('setup.pinHint')}</p>
      <ErrorNote error={problem ? null : error} message={problem} />
      <DialogActions submitLabel={t('backOffice.operators.resetPinSave')} onCancel={onClose} />
    </Dialog>
  );
}
