import { useTranslation } from 'react-i18next';
import type { RestoreView } from '../../../../preload/contract';
import '../../styles/backup.css';

/**
 * The restore's success screen, in the window that restored and before the login screen (a
 * cashier's too): which register the machine now is, the next receipt, and, when the replaced
 * ledger was moved aside, the file's name and folder, so the owner or a technician can find it.
 */
export function RestoreDone({ restored, onContinue }: { restored: RestoreView; onContinue(): void }) {
  const { t } = useTranslation();
  const aside = restored.movedAside;
  return (
    <main className="screen screen--centered">
      <section className="panel restore-done" aria-labelledby="restore-done-title" data-testid="restore-done-screen">
        <h1 id="restore-done-title">{t('backup.restore.doneTitle')}</h1>
        <p className="notice" role="status" data-testid="restore-done">
          {t('backup.restore.done', { registerId: restored.registerId, next: restored.lastReceiptNo + 1 })}
        </p>
        {aside && (
          <div className="restore-warning" data-testid="restore-moved-aside">
            <p>{t('backup.restore.movedAside')}</p>
            <dl className="restore-done__file">
              <dt>{t('backup.restore.movedAsideName')}</dt>
              <dd className="backup-path" data-testid="restore-moved-aside-name">
                {aside.name}
              </dd>
              <dt>{t('backup.restore.movedAsideFolder')}</dt>
              <dd className="backup-path" data-testid="restore-moved-aside-folder">
                {aside.folder}
              </dd>
            </dl>
            <p>{t('backup.restore.movedAsideKeep')}</p>
          </div>
        )}
        <button type="button" className="button button--primary" onClick={onContinue} autoFocus data-testid="restore-done-continue">
          {t('backup.restore.toLogin')}
        </button>
      </section>
    </main>
  );
}
