import { useTranslation } from 'react-i18next';
import type { DenominationCountView, ShiftCountResultView, ShiftStateView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { OverShort } from './CountResult';
import { DenominationCount } from './DenominationCount';
import '../../styles/day-close.css';

interface OpenShiftScreenProps {
  state: ShiftStateView;
  /** The shift this window just closed, said once above the new count. */
  closed: ShiftCountResultView | null;
  /** Supervisors and owners may go on without a shift (to take the Z, say); a cashier is here to sell. */
  onSkip?: (() => void) | undefined;
}

/** After login, on a register with no shift: count the opening float, or take over the last close's. */
export function OpenShiftScreen({ state, closed, onSkip }: OpenShiftScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // The register hears `shift.changed` and moves on to the sale when it opens.
  const open = useCall('shift.open');
  const openWith = (float: { kind: 'counted'; counts: DenominationCountView[] } | { kind: 'carried' }) => void open.run({ float });

  return (
    <main className="screen shift-screen" data-testid="open-shift">
      {/* Two columns at a counter screen's width: the count and its 开班 button stay above the fold of 768 px. */}
      <div className="panel shift-panel shift-panel--open">
        <div className="shift-open-intro">
          {closed && (
            // One box: the close and its over/short read together, not a figure floating beside it.
            <div className="notice shift-closed-note" role="status">
              <p data-testid="shift-closed">{t('shift.closed', { shiftId: closed.shift.id, counted: format.money(closed.countedMinor) })}</p>
              {closed.differenceMinor !== null && (
                <p className="shift-closed-note__difference">
                  <span>{t('shift.closing.difference')}</span>
                  <OverShort differenceMinor={closed.differenceMinor} testId="shift-closed-difference" />
                </p>
              )}
            </div>
          )}
          <h1>{t('shift.open.title')}</h1>
          <p className="muted">{t('shift.open.hint')}</p>
          {state.carryOver && (
            <div className="shift-carry">
              <button type="button" className="button" disabled={open.busy} onClick={() => openWith({ kind: 'carried' })} data-testid="shift-carry-over">
                {t('shift.open.carryOver', { amount: format.money(state.carryOver.amountMinor) })}
              </button>
            </div>
          )}
          <ErrorNote error={open.error} />
          {onSkip && (
            <button type="button" className="button shift-skip" onClick={onSkip} data-testid="shift-skip">
              {t('shift.open.skip')}
            </button>
          )}
        </div>
        <DenominationCount
          denominations={state.denominations}
          submitLabel={t('shift.open.submit')}
          busy={open.busy}
          onSubmit={(counts) => openWith({ kind: 'counted', counts })}
          testId="opening-count"
        />
      </div>
    </main>
  );
}
