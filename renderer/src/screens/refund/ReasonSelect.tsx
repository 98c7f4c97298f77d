import { useTranslation } from 'react-i18next';
import type { RefundReason } from '../../../../preload/contract/refund';
import { isRefundReason, refundReasons } from './refund-reasons';

/** Why the goods or the money go back: chosen every time, never assumed. */
export function ReasonSelect({
  value,
  onChange,
  testId = 'refund-reason',
}: {
  value: RefundReason | null;
  onChange(reason: RefundReason): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="field refund-reason">
      <span>{t('refund.reason.label')}</span>
      <select value={value ?? ''} onChange={(e) => isRefundReason(e.target.value) && onChange(e.target.value)} data-testid={testId}>
        <option value="" disabled>
          {t('refund.reason.choose')}
        </option>
        {refundReasons.map((r) => (
          <option key={r} value={r}>
            {t(`refund.reason.${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
