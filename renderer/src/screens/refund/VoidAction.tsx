import { useTranslation } from 'react-i18next';
import type { RefundableSaleView } from '../../../../preload/contract/refund-views';

/**
 * 撤销整单 where the sale can still be voided; where a Z has closed its day, a short line in the
 * button's place saying why not and what to do instead (a return), rather than nothing at all.
 */
export function VoidAction({ found, onVoid }: { found: RefundableSaleView; onVoid(): void }) {
  const { t } = useTranslation();
  if (found.voidable) {
    return (
      <button type="button" className="button button--danger" onClick={onVoid} data-testid="void-sale">
        {t('refund.void.open')}
      </button>
    );
  }
  if (!found.voidDayClosed) return null;
  return (
    <p className="refund-sale__void-note" data-testid="void-day-closed">
      {t('refund.void.dayClosed')}
    </p>
  );
}
