// Wording of X and Z reports and cash slips, in the store's language (assets/locales/*/report.json).
import type { Locale } from '../../preload/contract/primitives';
import en from '../../assets/locales/en/report.json';
import zhCN from '../../assets/locales/zh-CN/report.json';

export type ReportStringKey = keyof typeof en;

const tables: Record<Locale, Record<ReportStringKey, string>> = {
  en,
  // Typed against the English table so a key missing in Chinese fails type checking.
  'zh-CN': zhCN satisfies Record<ReportStringKey, string>,
};

export type ReportTranslate = (key: ReportStringKey, params?: Record<string, string | number>) => string;

export function reportTranslator(locale: Locale): ReportTranslate {
  const table = tables[locale];
  return (key, params) => table[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
