import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineView } from '../../../preload/contract';
import { lineName } from '../format/product-name';
import { useFormat, useStoreLocale } from '../state/store-context';

interface CartLinesProps {
  lines: LineView[];
  selectedId: number | null;
  onSelect(lineId: number): void;
}

/** The cart as main computed it: name, qty × unit price, discount, line total. */
export function CartLines({ lines, selectedId, onSelect }: CartLinesProps) {
  const { t, i18n } = useTranslation();
  const storeLocale = useStoreLocale();
  const format = useFormat();
  const list = useRef<HTMLOListElement>(null);

  // The selected line (the newest, or the one a scan just raised) stays in view as the cart grows.
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, lines]);

  if (lines.length === 0) {
    return (
      <div className="cart cart--empty" data-testid="cart-empty">
        <p>{t('sale.empty')}</p>
        <p className="muted small">{t('sale.emptyHint')}</p>
      </div>
    );
  }
  return (
    // A focus stop of its own (Tab reaches it; ↑/↓ move the selection, read out as the active
    // option), and a scroll box a keyboard can scroll.
    <ol
      ref={list}
      className="cart"
      role="listbox"
      aria-label={t('sale.cart')}
      tabIndex={0}
      aria-activedescendant={selectedId !== null ? `cart-line-${selectedId}` : undefined}
      data-testid="cart"
    >
      {lines.map((line) => {
        const discount = line.lineDiscountMinor;
        return (
          <li
            key={line.id}
            id={`cart-line-${line.id}`}
            role="option"
            aria-selected={line.id === selectedId}
            className={`cart-line${line.id === selectedId ? ' cart-line--selected' : ''}`}
            data-testid="cart-line"
            onClick={() => onSelect(line.id)}
          >
            {/* In the cashier's language where the catalog has it (an English screen in a Chinese shop); the receipt keeps the store's. */}
            <span className="cart-line__name" data-testid="line-name" lang={lineName(line, i18n.language, storeLocale).lang}>
              {lineName(line, i18n.language, storeLocale).name}
            </span>
            <span className="cart-line__qty" data-testid="line-qty">
              {line.soldByWeight
                ? t('sale.weightTimesPrice', { weight: format.weight(line.qtyMilli), price: format.money(line.unitPriceMinor) })
                : t('sale.qtyTimesPrice', { qty: format.qty(line.qtyMilli), price: format.money(line.unitPriceMinor) })}
              {/* 改价: the price it was rung up at stays in sight, so nobody takes the new one for the shelf's. */}
              {line.listUnitPriceMinor !== null && (
                <span className="cart-line__list-price" data-testid="line-list-price">
                  {t('sale.listPrice', { price: format.money(line.listUnitPriceMinor) })}
                </span>
              )}
            </span>
            <span className="cart-line__discount" data-testid="line-discount">
              {discount > 0 &&
                (line.discount?.kind === 'percent'
                  ? t('sale.lineDiscountPercent', { rate: format.rate(line.discount.rateBp), amount: format.money(discount) })
                  : t('sale.lineDiscount', { amount: format.money(discount) }))}
            </span>
            <span className="cart-line__total" data-testid="line-total">
              {format.money(line.grossMinor - discount)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
