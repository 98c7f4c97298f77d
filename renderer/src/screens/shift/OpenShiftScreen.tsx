import { useTranslation } from 'react-i18next';
import type { DenominationCountView, ShiftCountResultView, ShiftStateView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
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
      <div className="panel shift-panel">
        {closed && (
          <div className="shift-closed-note">
            <Notice message={t('shift.closed', { shiftId: closed.shift.id, counted: format.money(closed.countedMinor) })} testId="shift-closed" />
            <OverShort differenceMinor={closed.differenceMinor} />
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
        <DenominationCount
          denominations={state.denominations}
          submitLabel={t('shift.open.submit')}
          busy={open.busy}
          onSubmit={(counts) => openWith({ kind: 'counted', counts })}
          testId="opening-count"
        />
        <ErrorNote error={open.error} />
        {onSkip && (
          <button type="button" className="button shift-skip" onClick={onSkip} data-testid="shift-skip">
            {t('shift.open.skip')}
          </button>
        )}
      </div>
    </main>
  );
}
