import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView, LineView } from '../../../../preload/contract';
import { useFormat } from '../../state/store-context';
import { useLineName } from '../../state/use-line-name';

/**
 * What the sale screen's polite live region says after a scan or an add: "已添加 X，合计 ¥Y".
 * A cashier with a screen reader hears each item go in without leaving the search field.
 * Only additions are said (a new line, or a line whose quantity went up): the rest is seen.
 * The line is kept, not the sentence: it is named as the cart names it, in the language the
 * cashier reads now (an English screen says "Mineral water 550ml", even after a switch).
 */
export function useCartAnnouncement(sale: DocumentView): string {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useLineName();
  const [added, setAdded] = useState<{ line: LineView; totalMinor: number } | null>(null);
  const previous = useRef(sale);

  useEffect(() => {
    const before = previous.current;
    previous.current = sale;
    if (before === sale || before.id !== sale.id) return;
    const line = sale.lines.find((l) => {
      const old = before.lines.find((b) => b.id === l.id);
      return old === undefined || l.qtyMilli > old.qtyMilli;
    });
    if (line) setAdded({ line, totalMinor: sale.totals.totalMinor });
  }, [sale]);

  return added ? t('sale.announceAdded', { name: nameOf(added.line).name, total: format.money(added.totalMinor) }) : '';
}
