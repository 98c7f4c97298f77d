// The errors namespace in both languages, as the renderer loads it: for tests that read the
// sentence a refusal becomes (renderer/src/i18n/error-message.ts) without a page.
import i18next, { type i18n } from 'i18next';
import enErrors from '../../assets/locales/en/errors.json';
import zhErrors from '../../assets/locales/zh-CN/errors.json';

export function errorsI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { errors: enErrors }, 'zh-CN': { errors: zhErrors } },
    lng: 'zh-CN',
    ns: ['errors'],
    keySeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
