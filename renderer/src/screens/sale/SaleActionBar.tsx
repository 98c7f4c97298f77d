import { useTranslation } from 'react-i18next';
import type { SaleCommand } from '../../keyboard/shortcuts';
import { useFormat } from '../../state/store-context';
import { useSaleShortcuts } from './use-sale-shortcuts';

interface SaleActionBarProps {
  totalMinor: number;
  onCommand(command: SaleCommand): void;
  /** Off while a dialog or the help has the keyboard. */
  keysEnabled: boolean;
}

/** The sale's buttons and the keys that do the same (F4, F9, F6, F12...): both give the screen a command. */
export function SaleActionBar({ totalMinor, onCommand, keysEnabled }: SaleActionBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  useSaleShortcuts(onCommand, keysEnabled);
  return (
    <>
      <div className="sale__buttons">
        <button type="button" className="button" onClick={() => onCommand('adHoc')}>
          {t('sale.adHoc')} <kbd>F4</kbd>
        </button>
        <button type="button" className="button" onClick={() => onCommand('orderDiscount')}>
          {t('sale.orderDiscount')} <kbd>F9</kbd>
        </button>
        <button type="button" className="button" onClick={() => onCommand('note')}>
          {t('sale.note')} <kbd>F6</kbd>
        </button>
        <button type="button" className="button" onClick={() => onCommand('refund')} data-testid="open-refund">
          {t('sale.refund')} <kbd>F7</kbd>
        </button>
      </div>
      <button type="button" className="button button--pay" onClick={() => onCommand('pay')} data-testid="pay-cash">
        <span>{t('sale.payCash')}</span>
        <span className="button--pay__amount">{format.money(totalMinor)}</span>
        <kbd>F12</kbd>
      </button>
    </>
  );
}
