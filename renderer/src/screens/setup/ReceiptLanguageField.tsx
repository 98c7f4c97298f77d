import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../preload/contract/primitives';
import { isUiLocale } from '../../i18n';

/** The receipts' language: the store's own (the default, following it when it changes) or one chosen for receipts. */
export function ReceiptLanguageField({ value, storeLocale, onChange }: { value: Locale | null; storeLocale: Locale; onChange(locale: Locale | null): void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('settingsMore.receiptLanguage')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(isUiLocale(e.target.value) ? e.target.value : null)} data-testid="settings-receipt-language">
        <option value="">{t('settingsMore.receiptLanguage.store', { language: t(`language.${storeLocale}`) })}</option>
        <option value="zh-CN">{t('language.zh-CN')}</option>
        <option value="en">{t('language.en')}</option>
      </select>
    </label>
  );
}
