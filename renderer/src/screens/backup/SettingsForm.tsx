import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../../preload/contract';
import { KEEP_BUNDLES_MAX, KEEP_BUNDLES_MIN } from '../../../../preload/contract/backup';
import { DateField } from '../../components/DateField';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { api } from '../../transport/api';

/**
 * The backup folder, the daily time and how many bundles the folder keeps. A folder is required
 * (main refuses none as well): an empty one saved used to switch every backup off under "saved".
 */
export function SettingsForm({ onFolder, onSaved }: { onFolder(folder: string): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  /** HH:MM, '' for no schedule; null while the field holds text that is no time of day (it says so; nothing is saved). */
  const [scheduleAt, setScheduleAt] = useState<string | null>('');
  const [keep, setKeep] = useState('30');
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);
  const [keepInvalid, setKeepInvalid] = useState(false);
  const range = { min: KEEP_BUNDLES_MIN, max: KEEP_BUNDLES_MAX };
  // The fields wait for the register's settings: typed before they came, a folder was overwritten
  // by the empty one loaded, and 保存 then saved no folder at all.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void api.invoke('backup.getConfig', {}).then((r) => {
      setLoaded(true);
      if (!r.ok) return setError(r.error);
      setFolder(r.value.folder ?? '');
      setScheduleAt(r.value.scheduleAt ?? '');
      setKeep(String(r.value.keep));
      onFolder(r.value.folder ?? '');
    });
  }, [onFolder]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    setKeepInvalid(false);
    if (scheduleAt === null) return;
    if (folder.trim() === '') return setError({ code: 'backup.folder_required', params: {} });
    // An empty, fractional or out-of-range count is refused here, saving nothing: a guessed 1 made
    // the next backup delete every older bundle.
    const count = /^\s*\d+\s*$/.test(keep) ? Number(keep) : NaN;
    if (!Number.isSafeInteger(count) || count < KEEP_BUNDLES_MIN || count > KEEP_BUNDLES_MAX) return setKeepInvalid(true);
    const result = await api.invoke('backup.setConfig', { folder: folder.trim(), ...(scheduleAt ? { scheduleAt } : {}), keep: count });
    if (!result.ok) return setError(result.error);
    setSaved(true);
    onFolder(result.value.folder ?? '');
    onSaved();
  };

  return (
    <form className="back-office__form back-office__card" onSubmit={(e) => void save(e)} data-testid="backup-settings">
      <h3>{t('backup.settings.title')}</h3>
      <label className="field">
        <span>{t('backup.settings.folder')}</span>
        <input
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          disabled={!loaded}
          maxLength={1024}
          autoComplete="off"
          aria-invalid={error?.code === 'backup.folder_required' || error?.code === 'backup.folder_not_absolute' || error?.code === 'backup.folder_is_file'}
          data-testid="backup-folder"
        />
      </label>
      <p className="muted small">{t('backup.settings.folderHint')}</p>
      <div className="field-row">
        <DateField
          label={t('backup.settings.scheduleAt')}
          kind="time"
          value={scheduleAt}
          onChange={setScheduleAt}
          disabled={!loaded}
          testId="backup-schedule"
          hint={
            <span className="muted small" data-testid="backup-schedule-hint">
              {t('backup.settings.scheduleHint')}
            </span>
          }
        />
        <label className="field">
          <span>{t('backup.settings.keep')}</span>
          <input
            type="number"
            min={KEEP_BUNDLES_MIN}
            max={KEEP_BUNDLES_MAX}
            step={1}
            value={keep}
            onChange={(e) => setKeep(e.target.value)}
            disabled={!loaded}
            aria-invalid={keepInvalid}
            data-testid="backup-keep"
          />
          <span className="muted small" data-testid="backup-keep-hint">
            {t('backup.settings.keepHint', range)}
          </span>
        </label>
      </div>
      <ErrorNote error={error} message={keepInvalid ? t('backup.settings.keepInvalid', range) : null} />
      <Notice message={saved ? t('backup.settings.saved') : null} testId="backup-settings-saved" />
      <button type="submit" className="button" disabled={!loaded} data-testid="backup-save">
        {t('backup.settings.save')}
      </button>
    </form>
  );
}
