import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftStateView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { DenominationCount } from './DenominationCount';

/**
 * 班次 with no shift open: the way to open one from the back office, with the same count (or the
 * carry-over) as the opening screen. After 暂不开班 it was the only screen an owner could reach.
 */
export function ShiftOpenInline({ state }: { state: ShiftStateView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = useCall('shift.open');
  const [counting, setCounting] = useState(false);
  // The section reloads on `shift.changed` and shows the new shift.
  return (
    <section className="back-office__stack" aria-label={t('shift.open.title')} data-testid="shift-none">
      <p className="muted">{t('shift.none')}</p>
      {/* Buttons at their own width, not stretched across the section. */}
      <div className="report-actions">
        {state.carryOver && (
          <button
            type="button"
            className="button"
            disabled={open.busy}
            onClick={() => void open.run({ float: { kind: 'carried' } })}
            data-testid="shift-section-carry-over"
          >
            {t('shift.open.carryOver', { amount: format.money(state.carryOver.amountMinor) })}
          </button>
        )}
        {!counting && (
          <button type="button" className="button button--primary" onClick={() => setCounting(true)} data-testid="shift-section-open">
            {t('shift.bar.open')}
          </button>
        )}
      </div>
      {counting && (
        <DenominationCount
          denominations={state.denominations}
          submitLabel={t('shift.open.submit')}
          busy={open.busy}
          onSubmit={(counts) => void open.run({ float: { kind: 'counted', counts } })}
          testId="section-opening-count"
        />
      )}
      <ErrorNote error={open.error} />
    </section>
  );
}
