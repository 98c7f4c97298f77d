import { useTranslation } from 'react-i18next';
import type { BackupProgressView } from '../../../../preload/contract';

/** A progress bar with the current step, for an export, a verification, a restore or a full check. */
export function BackupProgress({ progress }: { progress: BackupProgressView | null }) {
  const { t } = useTranslation();
  if (!progress) return null;
  const percent = Math.round(progress.fraction * 100);
  const label = t('backup.progress', { job: t(`backup.job.${progress.job}`), step: t(`backup.step.${progress.step}`), percent });
  return (
    <div className="backup-progress" data-testid="backup-progress">
      <progress max={100} value={percent} aria-label={label} />
      <span role="status">{label}</span>
    </div>
  );
}
