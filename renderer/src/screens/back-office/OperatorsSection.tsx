import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../preload/contract';
import type { Role } from '../../../../preload/contract/primitives';
import { DataTable } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useCall } from '../../state/use-call';
import { AddOperatorForm } from './AddOperatorForm';
import { DeactivateDialog, ResetPinDialog } from './OperatorDialogs';
import { roleAtLeast } from './roles';
import type { BackOfficeSectionProps } from './section-props';
import '../../styles/operators.css';

const ROLES: Role[] = ['owner', 'supervisor', 'cashier'];

type Shown = { text: string; tone: 'success' | 'warning' } | null;

/**
 * Who may use the register: the list with lock state for supervisors; for the owner, adding staff,
 * deactivating and reactivating them, a new PIN and another role. Main refuses what would leave the
 * shop without an owner who can log in.
 */
export function OperatorsSection({ session }: BackOfficeSectionProps) {
  const { t, i18n } = useTranslation();
  const list = useCall('operator.list');
  const unlocking = useCall('operator.unlock');
  const issuing = useCall('operator.issueBadge');
  const revoking = useCall('operator.revokeBadge');
  const activating = useCall('operator.setActive');
  const resetting = useCall('operator.resetPin');
  const roling = useCall('operator.setRole');
  const [notice, setNotice] = useState<Shown>(null);
  // A badge is shown once, when issued: the ledger keeps only its hash.
  const [issued, setIssued] = useState<{ name: string; code: string } | null>(null);
  const [deactivating, setDeactivating] = useState<OperatorView | null>(null);
  const [pinFor, setPinFor] = useState<OperatorView | null>(null);
  const me = session.operator;
  const isOwner = me !== null && roleAtLeast(me.role, 'owner');
  const load = list.run;
  useEffect(() => void load({}), [load]);

  /** A new action: what the last one said goes, so an old success never stands beside a new refusal. */
  const start = () => {
    setNotice(null);
    setIssued(null);
    for (const call of [unlocking, issuing, revoking, activating, resetting, roling]) call.reset();
  };
  const done = async (text: string, tone: 'success' | 'warning' = 'success') => {
    setNotice({ text, tone });
    await load({});
  };

  const unlock = async (operator: OperatorView) => {
    start();
    const result = await unlocking.run({ operatorId: operator.id });
    if (result.ok) await done(t('backOffice.operators.unlocked', { name: operator.name }));
  };
  /** A printer problem in words: the status texts (hardware.printer.*), else the refusal's (errors.json). */
  const printProblem = (code: string) =>
    (i18n.exists(`hardware.${code}`) ? t(`hardware.${code}`) : t(code, { ns: 'errors', defaultValue: code })).replace(/[。.]$/u, '');
  const issueBadge = async (operator: OperatorView) => {
    start();
    const result = await issuing.run({ operatorId: operator.id, print: true });
    if (!result.ok) return;
    setIssued({ name: operator.name, code: result.value.code });
    if (result.value.printed) return done(t('badges.printed', { name: operator.name }));
    const reason = printProblem(result.value.printError ?? 'printer.io_error');
    await done(t('badges.notPrinted', { name: operator.name, reason }), 'warning');
  };
  const revokeBadge = async (operator: OperatorView) => {
    start();
    const result = await revoking.run({ operatorId: operator.id });
    if (result.ok) await done(t('badges.revoked', { name: operator.name }));
  };
  const setActive = async (operator: OperatorView, active: boolean) => {
    start();
    const result = await activating.run({ operatorId: operator.id, active });
    if (!result.ok) return;
    setDeactivating(null);
    await done(t(active ? 'backOffice.operators.reactivatedNotice' : 'backOffice.operators.deactivatedNotice', { name: operator.name }));
  };
  const resetPin = async (operator: OperatorView, pin: string) => {
    resetting.reset();
    const result = await resetting.run({ operatorId: operator.id, pin });
    if (!result.ok) return;
    setPinFor(null);
    await done(t('backOffice.operators.pinResetNotice', { name: operator.name }));
  };
  const setRole = async (operator: OperatorView, role: Role) => {
    start();
    const result = await roling.run({ operatorId: operator.id, role });
    if (result.ok) await done(t('backOffice.operators.roleChanged', { name: operator.name, role: t(`role.${role}`) }));
    else await load({});
  };

  const stateOf = (op: OperatorView) =>
    !op.active ? t('backOffice.operators.deactivated') : op.locked ? t('backOffice.operators.locked') : t('backOffice.operators.active');

  return (
    <div className="back-office__stack">
      <DataTable
        label={t('backOffice.operators.list')}
        testId="operator-table"
        rowTestId="operator-row"
        rows={list.value}
        rowKey={(op) => op.id}
        rowData={(op) => ({ 'data-active': op.active ? 'true' : 'false' })}
        columns={[
          { key: 'number', header: t('badges.number'), numeric: true, testId: 'operator-number', cell: (op) => op.number },
          { key: 'name', header: t('backOffice.operators.name'), className: () => 'operator-name', cell: (op) => op.name },
          {
            key: 'role',
            header: t('backOffice.operators.role'),
            cell: (op) =>
              isOwner && op.id !== me?.id ? (
                <select
                  value={op.role}
                  aria-label={t('backOffice.operators.roleOf', { name: op.name })}
                  data-testid="operator-role"
                  disabled={roling.busy}
                  onChange={(e) => void setRole(op, ROLES.find((r) => r === e.target.value) ?? op.role)}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              ) : (
                t(`role.${op.role}`)
              ),
          },
          {
            key: 'state',
            header: t('backOffice.operators.state'),
            testId: 'operator-state',
            className: (op) => (!op.active ? 'muted' : op.locked ? 'negative' : undefined),
            cell: stateOf,
          },
          {
            key: 'actions',
            header: t('backOffice.operators.actions'),
            headerHidden: true,
            cell: (op) => (
              <div className="operator-actions">
                {op.locked && op.active && (
                  <button type="button" className="button" onClick={() => void unlock(op)}>
                    {t('backOffice.operators.unlock', { name: op.name })}
                  </button>
                )}
                {isOwner && op.active && (
                  <button type="button" className="button" onClick={() => void issueBadge(op)} data-testid="badge-issue">
                    {t(op.hasBadge ? 'badges.reissue' : 'badges.issue')}
                  </button>
                )}
                {op.hasBadge && (
                  <button type="button" className="button button--danger" onClick={() => void revokeBadge(op)} data-testid="badge-revoke">
                    {t('badges.revoke')}
                  </button>
                )}
                {isOwner && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      start();
                      setPinFor(op);
                    }}
                    data-testid="operator-reset-pin"
                  >
                    {t('backOffice.operators.resetPin')}
                  </button>
                )}
                {isOwner && op.id !== me?.id && op.active && (
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => {
                      start();
                      setDeactivating(op);
                    }}
                    data-testid="operator-deactivate"
                  >
                    {t('backOffice.operators.deactivate')}
                  </button>
                )}
                {isOwner && !op.active && (
                  <button type="button" className="button" onClick={() => void setActive(op, true)} data-testid="operator-reactivate">
                    {t('backOffice.operators.reactivate')}
                  </button>
                )}
              </div>
            ),
          },
        ]}
      />
      <Notice message={notice?.text ?? null} tone={notice?.tone} />
      {issued && (
        <p className="muted" data-testid="badge-code">
          {t('badges.code', { name: issued.name })} <span className="barcode-text">{issued.code}</span>
        </p>
      )}
      <ErrorNote error={unlocking.error ?? issuing.error ?? revoking.error ?? (deactivating ? null : activating.error) ?? roling.error ?? list.error} />
      {isOwner && (
        <AddOperatorForm
          onSubmit={start}
          onAdded={(added) => void done(t('backOffice.operators.added', { name: added.name, role: t(`role.${added.role}`) }))}
        />
      )}
      {deactivating && (
        <DeactivateDialog
          operator={deactivating}
          error={activating.error}
          onConfirm={() => void setActive(deactivating, false)}
          onClose={() => {
            activating.reset();
            setDeactivating(null);
          }}
        />
      )}
      {pinFor && (
        <ResetPinDialog
          key={pinFor.id}
          operator={pinFor}
          error={resetting.error}
          onSave={(pin) => void resetPin(pinFor, pin)}
          onClose={() => {
            resetting.reset();
            setPinFor(null);
          }}
        />
      )}
    </div>
  );
}
