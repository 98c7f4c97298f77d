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
  const issuing = useCall('operator.issueBadge');
  const revoking = useCall('operator.revokeBadge');
  const [notice, setNotice] = useState<string | null>(null);
  // A badge is shown once, when issued: the ledger keeps only its hash.
  const [issued, setIssued] = useState<{ name: string; code: string } | null>(null);
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

  const issueBadge = async (operator: OperatorView) => {
    setNotice(null);
    setIssued(null);
    const result = await issuing.run({ operatorId: operator.id, print: true });
    if (!result.ok) return;
    setIssued({ name: operator.name, code: result.value.code });
    const reason = result.value.printError ?? 'printer.io_error';
    setNotice(
      result.value.printed
        ? t('badges.printed', { name: operator.name })
        : t('badges.notPrinted', { name: operator.name, reason: t(`hardware.${reason}`, { defaultValue: reason }) }),
    );
    await load({});
  };
  const revokeBadge = async (operator: OperatorView) => {
    setNotice(null);
    setIssued(null);
    const result = await revoking.run({ operatorId: operator.id });
    if (!result.ok) return;
    setNotice(t('badges.revoked', { name: operator.name }));
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
          { key: 'number', header: t('badges.number'), numeric: true, testId: 'operator-number', cell: (op) => op.number },
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
            cell: (op) => (
              <>
                {op.locked && (
                  <button type="button" className="button" onClick={() => void unlock(op)}>
                    {t('backOffice.operators.unlock', { name: op.name })}
                  </button>
                )}
                {isOwner && (
                  <button type="button" className="button" onClick={() => void issueBadge(op)} data-testid="badge-issue">
                    {t(op.hasBadge ? 'badges.reissue' : 'badges.issue')}
                  </button>
                )}
                {op.hasBadge && (
                  <button type="button" className="button button--danger" onClick={() => void revokeBadge(op)} data-testid="badge-revoke">
                    {t('badges.revoke')}
                  </button>
                )}
              </>
            ),
          },
        ]}
      />
      <Notice message={notice} />
      {issued && (
        <p className="muted" data-testid="badge-code">
          {t('badges.code', { name: issued.name })} <span className="barcode-text">{issued.code}</span>
        </p>
      )}
      <ErrorNote error={unlocking.error ?? issuing.error ?? revoking.error ?? list.error} />
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
