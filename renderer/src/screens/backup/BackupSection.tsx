import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRecordView, BundleListItem, CallError, LedgerCheckView } from '../../../../preload/contract';
import { DateField } from '../../components/DateField';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useFormat } from '../../state/store-context';
import { api } from '../../transport/api';
import { BackupProgress } from './BackupProgress';
import { RestorePanel } from './RestorePanel';
import { SettingsForm } from './SettingsForm';
import { useBackupProgress, useBackupStatus } from './use-backup';
import '../../styles/backup.css';

function BackupStatusCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useBackupStatus();
  if (!status) return null;
  return (
    <div className="back-office__card" data-testid="backup-status">
      <h3>{t('backup.status.title')}</h3>
      {status.lastGood ? (
        <p>
          {t('backup.status.lastGood', { when: format.dateTime(status.lastGood.at), file: '' })}
          <span className="backup-path" data-testid="backup-last-file">
            {status.lastGood.file}
          </span>
        </p>
      ) : (
        <p className="muted">{t('backup.status.never')}</p>
      )}
      {status.warning === 'stale' && <p className="error-note">{t('backup.status.stale')}</p>}
      {status.warning === 'failed' && status.lastFailure && (
        <p className="error-note" data-testid="backup-last-failure">
          {t('backup.status.failed', {
            when: format.dateTime(status.lastFailure.at),
            reason: format.error({
              code: status.lastFailure.code as CallError['code'],
              params: { folder: status.lastFailure.folder, ...status.lastFailure.params },
            }),
          })}
        </p>
      )}
    </div>
  );
}

/**
 * A card's refusal stays until the next backup action succeeds, its own or another's (settings
 * saved, a bundle written or listed): an old "folder is full" under a fresh "saved" misleads.
 */
interface Clearing {
  /** Changes whenever a backup action succeeds. */
  successes: number;
  onSuccess(): void;
}

function useClearedError(successes: number): [CallError | null, (error: CallError | null) => void] {
  const [error, setError] = useState<CallError | null>(null);
  useEffect(() => setError(null), [successes]);
  return [error, setError];
}

/** Without a saved folder there is nowhere to write: the buttons wait for one and say so. */
function RunCard({ folder, successes, onSuccess }: { folder: string } & Clearing) {
  const { t } = useTranslation();
  /** null: the field holds text that is no day (it says so under it); no backup is made. */
  const [from, setFrom] = useState<string | null>('');
  const [to, setTo] = useState<string | null>('');
  const [done, setDone] = useState<BackupRecordView | null>(null);
  const [error, setError] = useClearedError(successes);
  const [busy, setBusy] = useState(false);
  const noFolder = folder === '';

  const run = async (range: { from?: string; to?: string }) => {
    setBusy(true);
    setDone(null);
    setError(null);
    const result = await api.invoke('backup.run', range);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(result.value);
    onSuccess();
  };

  return (
    <div className="back-office__card" data-testid="backup-run">
      <h3>{t('backup.run.title')}</h3>
      <div className="back-office__row">
        <button type="button" className="button button--primary" disabled={busy || noFolder} onClick={() => void run({})} data-testid="backup-today">
          {t('backup.run.today')}
        </button>
      </div>
      {noFolder && (
        <p className="muted small" data-testid="backup-needs-folder">
          {t('backup.run.needsFolder')}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to !== null) void run({ from, ...(to ? { to } : {}) });
        }}
      >
        <div className="field-row">
          <DateField label={t('backup.run.from')} value={from} onChange={setFrom} testId="backup-from" />
          <DateField label={t('backup.run.to')} value={to} onChange={setTo} testId="backup-to" />
        </div>
        <div className="back-office__row">
          <button type="submit" className="button" disabled={busy || noFolder || from === ''} data-testid="backup-range">
            {t('backup.run.range')}
          </button>
        </div>
      </form>
      <Notice message={done ? t('backup.run.done', { file: done.file }) : null} testId="backup-done" />
      <ErrorNote error={error} />
    </div>
  );
}

function BundleList({ folder, onUse, successes, onSuccess }: { folder: string; onUse(file: string): void } & Clearing) {
  const { t } = useTranslation();
  const [bundles, setBundles] = useState<BundleListItem[] | null>(null);
  const [error, setError] = useClearedError(successes);
  const load = async () => {
    setError(null);
    const result = await api.invoke('backup.list', folder ? { folder } : {});
    if (!result.ok) return setError(result.error);
    setBundles(result.value);
    onSuccess();
  };
  return (
    <div className="back-office__card" data-testid="backup-list-card">
      <h3>{t('backup.list.title')}</h3>
      <button type="button" className="button" onClick={() => void load()} data-testid="backup-list">
        {t('backup.list.refresh')}
      </button>
      <ErrorNote error={error} />
      {bundles &&
        (bundles.length === 0 ? (
          <p className="muted">{t('backup.list.none')}</p>
        ) : (
          <table className="data-table" data-testid="backup-bundles">
            <tbody>
              {bundles.map((b) => (
                <tr key={b.file}>
                  <td className="backup-path">{b.name}</td>
                  <td>{b.from === b.to ? b.from : `${b.from} – ${b.to}`}</td>
                  <td>{Math.ceil(b.bytes / 1024)} KiB</td>
                  <td>
                    <button type="button" className="chip" onClick={() => onUse(b.file)}>
                      {t('backup.list.use')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}

function LedgerCheckCard() {
  const { t } = useTranslation();
  const [result, setResult] = useState<LedgerCheckView | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setResult(null);
    setError(null);
    const r = await api.invoke('ledger.fullCheck', {});
    setBusy(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
  };
  return (
    <div className="back-office__card">
      <h3>{t('backup.check.title')}</h3>
      <p className="muted">{t('backup.check.hint')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void run()} data-testid="ledger-full-check">
        {t('backup.check.run')}
      </button>
      {result &&
        (result.ok ? (
          <p className="notice" role="status" data-testid="ledger-check-result">
            {t('backup.check.ok', { count: result.entries })}
          </p>
        ) : (
          <p className="error-note" role="alert" data-testid="ledger-check-result">
            {t(`backup.ledgerProblem.${result.problem ?? 'chain'}`, { seq: result.seq ?? '-', detail: result.detail ?? '' })}
          </p>
        ))}
      <ErrorNote error={error} />
    </div>
  );
}

/** 备份 / Backup: status, export now, settings, the folder's bundles, verify and restore, the full ledger check. */
export function BackupSection() {
  const { t } = useTranslation();
  const progress = useBackupProgress();
  const status = useBackupStatus();
  const [folder, setFolder] = useState('');
  const [file, setFile] = useState('');
  const [successes, setSuccesses] = useState(0);
  const succeeded = useCallback(() => setSuccesses((n) => n + 1), []);
  const lastFile = status?.lastGood?.file ?? '';
  const lastGoodAt = status?.lastGood?.at ?? null;

  // A backup made meanwhile (the daily one, after a day close, another window) is a success too.
  useEffect(() => {
    if (lastGoodAt !== null) succeeded();
  }, [lastGoodAt, succeeded]);

  useEffect(() => {
    if (lastFile) setFile((f) => f || lastFile);
  }, [lastFile]);

  return (
    <div className="back-office__stack" data-testid="backup-section">
      <BackupProgress progress={progress} />
      <BackupStatusCard />
      <RunCard folder={folder} successes={successes} onSuccess={succeeded} />
      <SettingsForm onFolder={setFolder} onSaved={succeeded} />
      <BundleList folder={folder} onUse={setFile} successes={successes} onSuccess={succeeded} />
      <div className="back-office__card">
        <h3>{t('backup.verify.title')}</h3>
        <RestorePanel mode="owner" file={file} onFile={setFile} />
      </div>
      <LedgerCheckCard />
    </div>
  );
}
