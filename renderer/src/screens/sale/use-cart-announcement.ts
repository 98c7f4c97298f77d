import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../preload/contract';
import { lineName } from '../../format/product-name';
import { useFormat, useStoreLocale } from '../../state/store-context';

/**
 * What the sale screen's polite live region says after a scan or an add: "已添加 X，合计 ¥Y".
 * A cashier with a screen reader hears each item go in without leaving the search field.
 * Only additions are said (a new line, or a line whose quantity went up): the rest is seen.
 */
export function useCartAnnouncement(sale: DocumentView): string {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const storeLocale = useStoreLocale();
  const [message, setMessage] = useState('');
  const previous = useRef(sale);

  useEffect(() => {
    const before = previous.current;
    previous.current = sale;
    if (before === sale || before.id !== sale.id) return;
    const added = sale.lines.find((l) => {
      const old = before.lines.find((b) => b.id === l.id);
      return old === undefined || l.qtyMilli > old.qtyMilli;
    });
    if (!added) return;
    setMessage(t('sale.announceAdded', { name: lineName(added, i18n.language, storeLocale).name, total: format.money(sale.totals.totalMinor) }));
  }, [sale, t, i18n.language, storeLocale, format]);

  return message;
}
