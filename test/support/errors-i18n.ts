// The locale files as the renderer loads them (renderer/src/i18n/index.ts): for tests that read the
// sentence a message or a refusal becomes (renderer/src/i18n/error-message.ts) without a page.
import i18next, { type i18n } from 'i18next';
import enErrors from '../../assets/locales/en/errors.json';
import enUi from '../../assets/locales/en/ui.json';
import zhErrors from '../../assets/locales/zh-CN/errors.json';
import zhUi from '../../assets/locales/zh-CN/ui.json';

function instance(withUi: boolean): i18n {
  const created = i18next.createInstance();
  void created.init({
    resources: {
      en: { errors: enErrors, ...(withUi ? { ui: enUi } : {}) },
      'zh-CN': { errors: zhErrors, ...(withUi ? { ui: zhUi } : {}) },
    },
    lng: 'zh-CN',
    ns: withUi ? ['ui', 'errors'] : ['errors'],
    ...(withUi ? { defaultNS: 'ui' } : {}),
    // Keys are flat and dotted like the error codes, as in the renderer.
    keySeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return created;
}

/** The errors namespace in both languages. */
export function errorsI18n(): i18n {
  return instance(false);
}

/** The screens' words (`ui`, the default namespace) and the errors, in both languages. */
export function uiI18n(): i18n {
  return instance(true);
}
