// A product's or cart line's name in the cashier's language, where the catalog has it: an English
// UI in a Chinese shop shows "Mineral water 550ml", a Chinese one "农夫山泉 550ml". `lang` marks
// the name's own language when it had to fall back to the other, so a screen reader says it right.
import type { LineView, ProductView } from '../../../preload/contract';

export interface ShownName {
  name: string;
  lang: 'zh-CN' | 'en' | undefined;
}

function pick(zh: string | null, en: string | null, uiLanguage: string): ShownName | null {
  const english = uiLanguage === 'en';
  const wanted = english ? en : zh;
  if (wanted) return { name: wanted, lang: undefined };
  const other = english ? zh : en;
  return other ? { name: other, lang: english ? 'zh-CN' : 'en' } : null;
}

export function productName(p: Pick<ProductView, 'nameZh' | 'nameEn' | 'sku'>, uiLanguage: string): ShownName {
  return pick(p.nameZh, p.nameEn, uiLanguage) ?? { name: p.sku, lang: undefined };
}

/**
 * A cart line: as it was added (the store's language) when the screen is in that language too;
 * otherwise the catalog's name in the UI language. An ad-hoc item shows as it was keyed.
 */
export function lineName(line: Pick<LineView, 'name' | 'names'>, uiLanguage: string, storeLocale: string | null): ShownName {
  if (uiLanguage === storeLocale || !line.names) return { name: line.name, lang: undefined };
  return pick(line.names.zh, line.names.en, uiLanguage) ?? { name: line.name, lang: undefined };
}

/**
 * A line that points at a sold line by id (a return's table, a refund's plan): named as that sold
 * line is; a line with no sold line behind it (keyed without a receipt) as it was recorded.
 */
export function soldLineOf(
  saleLines: readonly Pick<LineView, 'id' | 'name' | 'names'>[],
  lineId: number | null,
  recorded: string,
): Pick<LineView, 'name' | 'names'> {
  return saleLines.find((l) => l.id === lineId) ?? { name: recorded, names: null };
}
