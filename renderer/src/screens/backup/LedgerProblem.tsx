import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerCheckView } from '../../../../preload/contract';
import { api } from '../../transport/api';
import '../../styles/backup.css';

/**
 * Shown on every screen while the ledger's start check has failed: the register refuses to sell
 * (main enforces it), so it says why in plain words and where the last good backup is.
 */
export function LedgerProblem() {
  const { t } = useTranslation();
  const [check, setCheck] = useState<LedgerCheckView | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => void api.invoke('ledger.selfCheck', {}).then((r) => live && r.ok && setCheck(r.value));
    load();
    // A restore (or a full check) changes the verdict; both end with a status event.
    const off = api.on('backup.status', load);
    return () => {
      live = false;
      off();
    };
  }, []);

  if (!check || check.ok) return null;
  const problem = t(`backup.ledgerProblem.${check.problem ?? 'chain'}`, { seq: check.seq ?? '-', detail: check.detail ?? '' });
  return (
    <section className="ledger-problem" role="alert" data-testid="ledger-problem">
      <h2>{t('backup.damaged.title')}</h2>
      <p>{t('backup.damaged.body', { problem })}</p>
      <p>
        {check.lastBundle ? (
          <>
            {t('backup.damaged.lastBundle', { file: '' })}
            <span className="backup-path" data-testid="ledger-problem-bundle">
              {check.lastBundle}
            </span>
          </>
        ) : (
          t('backup.damaged.noBundle')
        )}
      </p>
    </section>
  );
}
