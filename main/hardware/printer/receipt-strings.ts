// Receipt wording lives in assets/locales so translators edit one place for the UI and the
// paper. The receipt language is the store's (or the one the owner chose for receipts, e.g. English
// receipts for a Chinese-speaking shop's foreign customers), never the cashier's UI language: the
// customer takes the paper home, and an audit compares receipts of one store.
import type { Locale } from '../../../preload/contract/primitives';
import en from '../../../assets/locales/en/receipt.json';
import zhCN from '../../../assets/locales/zh-CN/receipt.json';

export type ReceiptStringKey = keyof typeof en;

const tables: Record<Locale, Record<ReceiptStringKey, string>> = {
  en,
  // Typed against the English table so a key missing in Chinese fails type checking.
  'zh-CN': zhCN satisfies Record<ReceiptStringKey, string>,
};

export type Translate = (key: ReceiptStringKey, params?: Record<string, string | number>) => string;

/** i18next-style `{{name}}` placeholders, so the same files can be loaded by the renderer. */
export function receiptTranslator(locale: Locale): Translate {
  const table = tables[locale];
  return (key, params) => table[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** Keys built at run time (a reason code) are checked against the table before they are used. */
export function isReceiptStringKey(key: string): key is ReceiptStringKey {
  return Object.hasOwn(en, key);
}
