import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../preload/contract';
import type { Role } from '../../../../preload/contract/primitives';
import { DataTable } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { NewPinFields, newPinProblem } from '../../components/NewPinFields';
import { useCall } from '../../state/use-call';
import { roleAtLeast } from './roles';
import type { BackOfficeSectionProps } from './section-props';

/** The owner adds staff; a second owner is not something this screen makes. */
const NEW_ROLES: Role[] = ['cashier', 'supervisor'];

/** Who may use the register: the list with lock state for supervisors, and adding staff for the owner. */
export function OperatorsSection({ session }: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const list = useCall('operator.list');
  const unlocking = useCall('operator.unlock');
  const [notice, setNotice] = useState<string | null>(null);
  const isOwner = session.operator !== null && roleAtLeast(session.operator.role, 'owner');
  const load = list.run;
  useEffect(() => void load({}), [load]);

  const unlock = async (operator: OperatorView) => {
    setNotice(null);
    const result = await unlocking.run({ operatorId: operator.id });
    if (!result.ok) return;
    setNotice(t('backOffice.operators.unlocked', { name: operator.name }));
    await load({});
  };

  return (
    <div className="back-office__stack">
      <DataTable
        label={t('backOffice.operators.list')}
        testId="operator-table"
        rowTestId="operator-row"
        rows={list.value}
        rowKey={(op) => op.id}
        columns={[
          { key: 'name', header: t('backOffice.operators.name'), cell: (op) => op.name },
          { key: 'role', header: t('backOffice.operators.role'), cell: (op) => t(`role.${op.role}`) },
          {
            key: 'state',
            header: t('backOffice.operators.state'),
            testId: 'operator-state',
            className: (op) => (op.locked ? 'negative' : undefined),
            cell: (op) => (op.locked ? t('backOffice.operators.locked') : t('backOffice.operators.active')),
          },
          {
            key: 'actions',
            header: t('backOffice.operators.actions'),
            headerHidden: true,
            cell: (op) =>
              op.locked && (
                <button type="button" className="button" onClick={() => void unlock(op)}>
                  {t('backOffice.operators.unlock', { name: op.name })}
                </button>
              ),
          },
        ]}
      />
      <Notice message={notice} />
      <ErrorNote error={unlocking.error ?? list.error} />
      {isOwner && (
        <AddOperatorForm
          onAdded={(added) => {
            unlocking.reset();
            setNotice(t('backOffice.operators.added', { name: added.name, role: t(`role.${added.role}`) }));
            void load({});
          }}
        />
      )}
    </div>
  );
}

function AddOperatorForm({ onAdded }: { onAdded(operator: OperatorView): void }) {
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
