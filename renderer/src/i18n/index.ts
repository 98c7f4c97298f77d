import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enErrors from '../../../assets/locales/en/errors.json';
import enUi from '../../../assets/locales/en/ui.json';
import zhErrors from '../../../assets/locales/zh-CN/errors.json';
import zhUi from '../../../assets/locales/zh-CN/ui.json';

export const uiLocales = ['zh-CN', 'en'] as const;
export type UiLocale = (typeof uiLocales)[number];

const STORAGE_KEY = 'ringup.locale';

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (uiLocales as readonly string[]).includes(value);
}

/** The cashier's own choice, if they made one on this machine. */
export function storedLocale(): UiLocale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function chooseLocale(locale: UiLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage full: the switch still applies to this session.
  }
  void i18next.changeLanguage(locale);
}

/** Before the register answers we do not know the store's language; zh-CN is the product default. */
void i18next.use(initReactI18next).init({
  resources: {
    en: { ui: enUi, errors: enErrors },
    'zh-CN': { ui: zhUi, errors: zhErrors },
  },
  lng: storedLocale() ?? 'zh-CN',
  fallbackLng: 'en',
  ns: ['ui', 'errors'],
  defaultNS: 'ui',
  // Keys are flat and dotted like the error codes ("sale.tender_insufficient").
  keySeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18next.language;

export default i18next;
