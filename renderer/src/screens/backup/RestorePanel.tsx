import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTORE_CONFIRMATION } from '../../../../preload/contract/backup-views';
import type { BundleReportView, CallError, RestoreView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { api } from '../../transport/api';
import { bundleProblemText } from './bundle-problem';
import { RestoreComparison } from './RestoreComparison';
import { useRestoreOutcome } from './restore-outcome';

interface RestorePanelProps {
  /** owner: from the back office; setup: from the first-run screen, before any operator exists. */
  mode: 'owner' | 'setup';
  file: string;
  onFile(file: string): void;
}

/** Verify a bundle, then restore it with a typed confirmation. Main verifies again before it restores. */
export function RestorePanel({ mode, file, onFile }: RestorePanelProps) {
  const { t } = useTranslation();
  const outcome = useRestoreOutcome();
  const [report, setReport] = useState<BundleReportView | null>(null);
  const [confirm, setConfirm] = useState('');
  const [asMove, setAsMove] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setReport(null);
    setAsMove(false);
    const result = await api.invoke(mode === 'owner' ? 'backup.verify' : 'setup.verifyBackup', { file: file.trim() });
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setError(result.error);
  };

  const restore = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const move = asMove && report?.comparison?.move === true;
    const input = { file: file.trim(), confirm: RESTORE_CONFIRMATION, ...(move ? { asMove: true } : {}) } as const;
    // Main logs everyone out as the restore ends; the App shows the outcome (where the old books went) first.
    outcome.started();
    let restored: RestoreView | null = null;
    try {
      const result = await api.invoke(mode === 'owner' ? 'backup.restore' : 'setup.restoreBackup', input);
      if (result.ok) restored = result.value;
      else setError(result.error);
    } finally {
      setBusy(false);
      outcome.finished(restored);
    }
  };

  return (
    <div className="back-office__stack" data-testid="restore-panel">
      <form className="back-office__form" onSubmit={(e) => void verify(e)}>
        <label className="field">
          <span>{t('backup.verify.file')}</span>
          <input
            value={file}
            onChange={(e) => {
              onFile(e.target.value);
              setReport(null);
            }}
            maxLength={1024}
            autoComplete="off"
            data-testid="bundle-file"
          />
        </label>
        <button type="submit" className="button" disabled={busy || file.trim() === ''} data-testid="bundle-verify">
          {t('backup.verify.submit')}
        </button>
      </form>
      {report &&
        (report.ok ? (
          <p className="notice" role="status" data-testid="bundle-report">
            {t('backup.verify.ok', { registerId: report.registerId ?? '', from: report.from ?? '', to: report.to ?? '', seq: report.toSeq ?? 0 })}
          </p>
        ) : (
          <p className="error-note" role="alert" data-testid="bundle-report">
            {t('backup.verify.failed', { problem: bundleProblemText(report.problem, t) })}
          </p>
        ))}
      {report?.ok && report.comparison && <RestoreComparison comparison={report.comparison} />}
      {report?.ok && !report.comparison?.refused && (
        <form className="back-office__form" onSubmit={(e) => void restore(e)}>
          <p className="muted">{t('backup.restore.hint', { word: RESTORE_CONFIRMATION })}</p>
          <label className="field">
            <span>{t('backup.restore.confirm')}</span>
            <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" data-testid="restore-confirm" />
          </label>
          {/* Only another register's bundle, where the register allows it, is a move. */}
          {report.comparison?.move && (
            <label className="check">
              <input type="checkbox" checked={asMove} onChange={(e) => setAsMove(e.target.checked)} data-testid="restore-as-move" />
              <span>{t('backup.restore.asMove')}</span>
            </label>
          )}
          <button type="submit" className="button button--danger" disabled={busy || confirm.trim() !== RESTORE_CONFIRMATION} data-testid="restore-submit">
            {t('backup.restore.submit')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
