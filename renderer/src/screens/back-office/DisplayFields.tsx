import { useTranslation } from 'react-i18next';
import type { StoreSettings } from '../../../../preload/contract';

type DisplaySettings = Pick<StoreSettings, 'theme' | 'fontSize' | 'screenBrightness' | 'soundOnScan' | 'soundOnError'>;

/** The desktop shell dims its own window; a browser's brightness is the system's. */
const inDesktopShell = typeof window !== 'undefined' && window.ringup !== undefined;

/** The settings form's screen and sound part: theme, font size, brightness, sounds on scan and error. */
export function DisplayFields({ form, set }: { form: DisplaySettings; set<K extends keyof DisplaySettings>(key: K, value: DisplaySettings[K]): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="back-office__fieldset">
      <legend>{t('settingsMore.display')}</legend>
      <div className="field-row">
        <label className="field">
          <span>{t('settingsMore.theme')}</span>
          <select value={form.theme} onChange={(e) => set('theme', e.target.value as DisplaySettings['theme'])} data-testid="settings-theme">
            <option value="light">{t('settingsMore.theme.light')}</option>
            <option value="dark">{t('settingsMore.theme.dark')}</option>
            <option value="high-contrast">{t('settingsMore.theme.high-contrast')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('settingsMore.fontSize')}</span>
          <select value={form.fontSize} onChange={(e) => set('fontSize', e.target.value as DisplaySettings['fontSize'])} data-testid="settings-font-size">
            <option value="normal">{t('settingsMore.fontSize.normal')}</option>
            <option value="large">{t('settingsMore.fontSize.large')}</option>
            <option value="x-large">{t('settingsMore.fontSize.x-large')}</option>
          </select>
        </label>
      </div>
      {inDesktopShell ? (
        <label className="field">
          <span>{t('settingsMore.brightness', { percent: form.screenBrightness })}</span>
          <input type="range" min={30} max={100} step={5} value={form.screenBrightness} onChange={(e) => set('screenBrightness', Number(e.target.value))} />
        </label>
      ) : (
        <p className="muted small" data-testid="settings-brightness-system">
          {t('settingsMore.brightnessSystem')}
        </p>
      )}
      <label className="check">
        <input type="checkbox" checked={form.soundOnScan} onChange={(e) => set('soundOnScan', e.target.checked)} />
        <span>{t('settingsMore.soundOnScan')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={form.soundOnError} onChange={(e) => set('soundOnError', e.target.checked)} />
        <span>{t('settingsMore.soundOnError')}</span>
      </label>
    </fieldset>
  );
}
