import { useTranslation } from 'react-i18next';
import { chooseLocale, uiLocales } from '../i18n';

/** Switches the UI language at once; the choice is remembered on this machine. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {uiLocales.map((locale) => (
        <button
          key={locale}
          type="button"
          className={`chip${i18n.language === locale ? ' chip--active' : ''}`}
          aria-pressed={i18n.language === locale}
          lang={locale}
          onClick={() => chooseLocale(locale)}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
