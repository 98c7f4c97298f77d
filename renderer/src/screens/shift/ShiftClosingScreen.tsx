import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftCountResultView, ShiftStateView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { ExpectedCashTable, OverShort } from './CountResult';
import { DenominationCount } from './DenominationCount';
import '../../styles/day-close.css';

interface ShiftClosingScreenProps {
  state: ShiftStateView;
  closing: ShiftCountResultView;
  onClosed(result: ShiftCountResultView): void;
}

/** The blind count has been entered: expected against counted, one recount allowed, then confirm. */
export function ShiftClosingScreen({ state, closing, onClosed }: ShiftClosingScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const recount = useCall('shift.count');
  const close = useCall('shift.close');
  const [recounting, setRecounting] = useState(false);
  const shiftId = closing.shift.id;
  const busy = recount.busy || close.busy;
  // The count handed in, the keys go on from here: to 重新清点 where a recount is allowed (the
  // safer Enter), else to the close. The focus was once left on nothing.
  const actions = useRef<HTMLDivElement>(null);
  // The recount's answer comes in after its form has gone: 重新清点 leaves then, and the keys go to the close.
  const recountAllowed = closing.recountAllowed;
  useEffect(() => {
    if (!recounting) actions.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [recounting, recountAllowed]);

  return (
    <main className="screen shift-screen" data-testid="shift-closing">
      <div className="panel shift-panel shift-panel--wide">
        <h1>{t('shift.closing.title', { shiftId })}</h1>
        <div className="shift-result">
          {closing.expected !== null && <ExpectedCashTable expected={closing.expected} label={t('shift.expected.title')} />}
          {/* Expected beside counted: the difference is read from the two figures, not from a table's foot. */}
          <dl className="shift-facts shift-facts--closing">
            {closing.expected !== null && (
              <>
                <dt>{t('shift.expected.total')}</dt>
                <dd data-testid="closing-expected">{format.money(closing.expected.expectedMinor)}</dd>
              </>
            )}
            <dt>{t('shift.closing.counted')}</dt>
            <dd data-testid="counted-total">{format.money(closing.count.totalMinor)}</dd>
            {closing.recount && (
              <>
                <dt>{t('shift.closing.recounted')}</dt>
                <dd data-testid="recounted-total">{format.money(closing.recount.totalMinor)}</dd>
              </>
            )}
            {closing.differenceMinor !== null && (
              <>
                <dt>{t('shift.closing.difference')}</dt>
                <dd>
                  <OverShort differenceMinor={closing.differenceMinor} testId="shift-difference" />
                </dd>
              </>
            )}
          </dl>
          {/* A cashier's count stays blind until the close: a supervisor or the owner reads the over/short. */}
          {closing.expected === null && (
            <p className="muted" data-testid="shift-blind-note">
              {t('shift.closing.blindNote')}
            </p>
          )}
        </div>
        {recounting ? (
          <DenominationCount
            denominations={state.denominations}
            submitLabel={t('shift.closing.recountSubmit')}
            busy={busy}
            onSubmit={(counts) => void recount.run({ shiftId, counts }).then((r) => r.ok && setRecounting(false))}
            testId="recount"
          />
        ) : (
          <div className="shift-actions" ref={actions}>
            {closing.recountAllowed && (
              <button type="button" className="button" disabled={busy} onClick={() => setRecounting(true)} data-testid="shift-recount">
                {t('shift.closing.recount')}
              </button>
            )}
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void close.run({ shiftId }).then((r) => r.ok && onClosed(r.value))}
              data-testid="shift-confirm-close"
            >
              {t('shift.closing.confirm')}
            </button>
          </div>
        )}
        <ErrorNote error={recount.error ?? close.error} />
      </div>
    </main>
  );
}
