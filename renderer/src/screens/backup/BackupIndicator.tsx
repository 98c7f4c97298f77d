import { useTranslation } from 'react-i18next';
import { useFormat } from '../../state/store-context';
import { useBackupStatus } from './use-backup';
import '../../styles/backup.css';

/** The header's backup chip: when the last good backup was made, or a warning when there is none or it failed. */
export function BackupIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useBackupStatus();
  if (!status) return null;
  const { warning, lastGood, lastFailure } = status;
  const title = lastFailure
    ? t('backup.status.failed', {
        when: format.dateTime(lastFailure.at),
        reason: format.error({ code: lastFailure.code as never, params: { folder: lastFailure.folder, ...lastFailure.params } }),
      })
    : lastGood
      ? t('backup.status.lastGood', { when: format.dateTime(lastGood.at), file: lastGood.file })
      : t('backup.status.never');
  const text = warning ? t(`backup.header.${warning}`) : t('backup.header.ok', { when: format.dateTime(lastGood?.at ?? 0) });
  return (
    <span className={`backup-indicator${warning ? ' backup-indicator--warn' : ''}`} title={title} role="status" data-testid="backup-indicator">
      {text}
    </span>
  );
}
