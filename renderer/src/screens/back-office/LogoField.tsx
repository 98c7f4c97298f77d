import { useTranslation } from 'react-i18next';

/** The receipt logo: a PNG picked from disk, checked by main (PNG, size, width) when saved. */
export function LogoField({ value, onChange }: { value: string; onChange(png: string): void }) {
  const { t } = useTranslation();
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    onChange(btoa(binary));
  };
  return (
    <div className="field">
      <span>{t('settingsMore.logo')}</span>
      <div className="back-office__row">
        {value !== '' && (
          <img src={`data:image/png;base64,${value}`} alt={t('settingsMore.logo')} className="logo-preview" data-testid="settings-logo-preview" />
        )}
        <label className="button file-button">
          {t('settingsMore.logoChoose')}
          <input
            type="file"
            accept="image/png"
            className="visually-hidden"
            data-testid="settings-logo"
            onChange={(e) => void pick(e.currentTarget.files?.[0])}
          />
        </label>
        {value !== '' && (
          <button type="button" className="button" onClick={() => onChange('')}>
            {t('settingsMore.logoRemove')}
          </button>
        )}
      </div>
      <small className="muted">{t('settingsMore.logoHint')}</small>
    </div>
  );
}
