import { useTranslation } from 'react-i18next';
import type { LineView } from '../../../../preload/contract';
import type { SaleCommand } from '../../keyboard/shortcuts';

interface LineActionsProps {
  line: LineView;
  onQty(lineId: number, qtyMilli: number): void;
  /** The buttons that have a key do what the key does. */
  onCommand(command: SaleCommand): void;
}

/** The selected line's toolbar: one more or less, the quantity dialog, a discount, a catalog item's price, remove. */
export function LineActions({ line, onQty, onCommand }: LineActionsProps) {
  const { t } = useTranslation();
  // A scale label's line is one weighed package: its quantity is the label's (main refuses a change).
  // A weight keyed at the counter is changed by keying it again (F3): "+1" would add a kilogram.
  const fixed = line.scaleLabel !== null || line.soldByWeight;
  return (
    <div className="line-actions" role="toolbar" aria-label={t('sale.lineActions')}>
      {/* "−1" and "+1" are their own names (what is seen is what a screen reader says); the title explains them. */}
      <button
        type="button"
        className="button"
        title={t('sale.decrease')}
        disabled={fixed || line.qtyMilli <= 1000}
        onClick={() => onQty(line.id, line.qtyMilli - 1000)}
      >
        −1
      </button>
      <button type="button" className="button" title={t('sale.increase')} disabled={fixed} onClick={() => onQty(line.id, line.qtyMilli + 1000)}>
        +1
      </button>
      <button type="button" className="button" onClick={() => onCommand('quantity')}>
        {t('sale.quantity')} <kbd>F3</kbd>
      </button>
      <button type="button" className="button" onClick={() => onCommand('lineDiscount')}>
        {t('sale.lineDiscountButton')} <kbd>F8</kbd>
      </button>
      {line.productId !== null && (
        <button type="button" className="button" onClick={() => onCommand('priceOverride')} data-testid="line-price">
          {t('sale.priceOverrideButton')}
        </button>
      )}
      <button type="button" className="button button--danger" onClick={() => onCommand('remove')}>
        {t('sale.remove')} <kbd>Del</kbd>
      </button>
    </div>
  );
}
