// The one way a screen names a cart or document line: lineName (format/product-name.ts) in the
// language the cashier reads now and with the store's, so every screen chooses as the cart does.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineView } from '../../../preload/contract';
import { lineName, type ShownName } from '../format/product-name';
import { useStoreLocale } from './store-context';

export function useLineName(): (line: Pick<LineView, 'name' | 'names'>) => ShownName {
  const { i18n } = useTranslation();
  const storeLocale = useStoreLocale();
  const language = i18n.language;
  return useCallback((line) => lineName(line, language, storeLocale), [language, storeLocale]);
}
