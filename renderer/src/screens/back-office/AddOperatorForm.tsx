import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../preload/contract';
import type { Role } from '../../../../preload/contract/primitives';
import { ErrorNote } from '../../components/ErrorNote';
import { NewPinFields, newPinProblem } from '../../components/NewPinFields';
import { useCall } from '../../state/use-call';

/** The owner adds staff; a second owner is made by changing a role in the list, not here. */
const NEW_ROLES: Role[] = ['cashier', 'supervisor'];

/** `onSubmit` runs on every new try, so the section can drop the notice of the previous one. */
export function AddOperatorForm({ onSubmit, onAdded }: { onSubmit(): void; onAdded(operator: OperatorView): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const adding = useCall('operator.create');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    adding.reset();
    onSubmit();
    if (name.trim() === '') return setProblem(t('backOffice.operators.nameRequired'));
    const pinProblem = newPinProblem(pin, pinAgain);
    if (pinProblem) return setProblem(t(pinProblem));
    setProblem(null);
    const result = await adding.run({ name: name.trim(), pin, role });
    if (!result.ok) return;
    setName('');
    setPin('');
    setPinAgain('');
    onAdded(result.value);
  };

  return (
    <form className="back-office__form back-office__card" onSubmit={(e) => void submit(e)} aria-labelledby="add-operator-title" data-testid="add-operator">
      <h3 id="add-operator-title">{t('backOffice.operators.addTitle')}</h3>
      <div className="field-row">
        <label className="field">
          <span>{t('backOffice.operators.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('backOffice.operators.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value === 'supervisor' ? 'supervisor' : 'cashier')}>
            {NEW_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field-row">
        <NewPinFields pin={pin} pinAgain={pinAgain} onPin={setPin} onPinAgain={setPinAgain} />
      </div>
      <p className="muted small">{t('setup.pinHint')}</p>
      <ErrorNote error={adding.error} message={problem} />
      <button type="submit" className="button button--primary" disabled={adding.busy}>
        {t('backOffice.operators.add')}
      </button>
    </form>
  );
}
