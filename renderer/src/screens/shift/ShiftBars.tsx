import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftView } from '../../../../preload/contract';
import { useFormat } from '../../state/store-context';
import '../../styles/day-close.css';

/**
 * Above the sale or payment screen of a register with no open shift (a supervisor or owner chose
 * 暂不开班): nothing can be paid, so it says so from the start, louder once goods are on the sale,
 * and offers the opening count right there.
 */
export function NoShiftBar({ hasItems, onOpen }: { hasItems: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warning shift-bar" role={hasItems ? 'alert' : 'status'} data-testid="no-shift-bar">
      <span>{t(hasItems ? 'shift.bar.noShiftItems' : 'shift.bar.noShift')}</span>
      <button type="button" className="button button--primary" onClick={onOpen} data-testid="no-shift-open">
        {t('shift.bar.open')}
      </button>
    </div>
  );
}

const seenKey = (shiftId: number) => `ringup.handover-seen.${shiftId}`;

/**
 * Said once to whoever opened the shift, after the count: the float differs from what the last
 * close counted. It names only figures the opening screen already offered (the carry-over), so
 * it gives nothing of a blind count away. Dismissed per window session, so the sale and payment
 * screens that both carry it do not say it twice.
 */
export function HandoverNotice({ shift, operatorId }: { shift: ShiftView; operatorId: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [seen, setSeen] = useState(() => window.sessionStorage.getItem(seenKey(shift.id)) !== null);
  const h = shift.handover;
  if (seen || !h || h.differenceMinor === 0 || shift.operatorId !== operatorId) return null;
  const difference = t(h.differenceMinor < 0 ? 'shift.short' : 'shift.over', { amount: format.money(Math.abs(h.differenceMinor)) });
  return (
    <div className="notice notice--warning shift-bar" role="alert" data-testid="handover-notice">
      <span>
        {t('shift.handover.differs', {
          float: format.money(h.floatMinor),
          shiftId: h.previousShiftId,
          counted: format.money(h.previousCountedMinor),
          difference,
        })}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => {
          window.sessionStorage.setItem(seenKey(shift.id), '1');
          setSeen(true);
        }}
        data-testid="handover-notice-ok"
      >
        {t('shift.handover.ok')}
      </button>
    </div>
  );
}
