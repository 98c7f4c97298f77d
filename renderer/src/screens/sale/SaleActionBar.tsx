import { useTranslation } from 'react-i18next';
import type { SaleCommand } from '../../keyboard/shortcuts';
import { useFormat } from '../../state/store-context';

interface SaleActionBarProps {
  /** What the pay button takes: the total, or after a part payment what is still to pay. */
  dueMinor: number;
  /** The cart has lines: it can be paid, held or cancelled. */
  hasLines: boolean;
  onCommand(command: SaleCommand): void;
  /** An exchange not yet begun takes the payment on its own panel: the sale's tenders are not shown (F12 says where to pay). */
  tendersHidden?: boolean;
}

/** The sale's buttons, each with the key that does the same (F4, F9, F6, Ins, F12...: use-sale-shortcuts): both give the screen a command. */
export function SaleActionBar({ dueMinor, hasLines, onCommand, tendersHidden = false }: SaleActionBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
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
        <button type="button" className="button" onClick={() => onCommand('hold')} disabled={!hasLines} data-testid="hold-sale">
          {t('sale.hold')} <kbd>{t('key.Insert')}</kbd>
        </button>
        <button type="button" className="button" onClick={() => onCommand('recall')} data-testid="open-held">
          {t('sale.recall')} <kbd>{t('key.Home')}</kbd>
        </button>
        <button type="button" className="button button--danger" onClick={() => onCommand('cancelSale')} disabled={!hasLines} data-testid="cancel-sale">
          {t('sale.cancelSale')} <kbd>{t('key.Shift+Delete')}</kbd>
        </button>
      </div>
      {/* The tenders, each its own button: cash (the usual one, largest), card, and scan-to-pay's place. */}
      {!tendersHidden && (
        <div className="tenders" role="group" aria-label={t('sale.tenders')}>
          <button type="button" className="button button--pay" onClick={() => onCommand('pay')} data-testid="pay-cash">
            <span>{t('sale.payCash')}</span>
            <span className="button--pay__amount">{format.money(dueMinor)}</span>
            <kbd>F12</kbd>
          </button>
          <div className="tenders__others">
            <button type="button" className="button button--tender" onClick={() => onCommand('payCard')} disabled={!hasLines} data-testid="sale-pay-card">
              {t('sale.payCard')} <kbd>F11</kbd>
            </button>
            {/* Scan-to-pay (WeChat Pay / Alipay) is taken on the payment screen: scanning the customer's code there pays (or F8 keys it). */}
            <button type="button" className="button button--tender" onClick={() => onCommand('pay')} disabled={!hasLines} data-testid="sale-pay-scan">
              {t('sale.payScan')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
