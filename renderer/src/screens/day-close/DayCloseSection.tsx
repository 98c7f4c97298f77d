import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { useEvent } from '../../state/use-event';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import { ReportView } from './ReportView';
import { CorrectionsInProgress } from './CorrectionsInProgress';
import { ZFraudAlerts } from '../fraud/ZFraudAlerts';
import { useHardwareStatus } from '../../state/use-hardware-status';
import { printerPrintsNow } from './print-notice';

/** 日结: the X so far, then the Z that closes the business day, with the card terminal's end of day. */
export function DayCloseSection({ session }: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useCall('dayClose.status');
  const x = useCall('report.x');
  const close = useCall('dayClose.close');
  const printX = useCall('report.printX');
  const copy = useCall('zReport.reprint');
  const held = useCall('sale.heldList');
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [skipReason, setSkipReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const hardware = useHardwareStatus();
  const [notice, setNotice] = useState<string | null>(null);
  const loadStatus = status.run;
  useEffect(() => void loadStatus({}), [loadStatus]);
  const loadHeld = held.run;
  useEffect(() => void loadHeld({}), [loadHeld]);
  // Held sales left from an earlier business day: goods the customer never paid for, for the owner to settle.
  const staleHeld = (held.value ?? []).filter((h) => h.stale);
  useEvent('shift.changed', () => void loadStatus({}));

  const s = status.value;
  const z = close.value;
  const terminalFailed = close.error?.code === 'dayClose.terminal_failed' || skipReason !== '';

  const closeDay = async () => {
    if (!s) return;
    setConfirming(false);
    setNotice(null);
    const forceClose = s.liveShifts.map((l) => ({ shiftId: l.shiftId, reason: (reasons[l.shiftId] ?? '').trim() })).filter((f) => f.reason !== '');
    const result = await close.run({
      businessDay: s.businessDay,
      ...(forceClose.length > 0 ? { forceClose } : {}),
      ...(skipReason.trim() ? { terminalSkipReason: skipReason.trim() } : {}),
    });
    if (result.ok) {
      x.reset();
      setNotice(t('dayClose.done', { zNo: result.value.zNo, day: result.value.businessDay }));
    }
    await loadStatus({});
  };

  // Queued paper is not "sent" while the printer does not answer: the notice says it waits.
  const printed = (error: CallError | null) => setNotice(error ? null : t(printerPrintsNow(hardware) ? 'report.printed' : 'report.printQueued'));
  // A print refusal is about the X it printed: the next step starts without it.
  const showX = (scope: 'day' | 'shift') => {
    printX.reset();
    setNotice(null);
    void x.run({ scope });
  };
  const startClose = () => {
    printX.reset();
    setConfirming(true);
  };

  if (z)
    return (
      <div className="back-office__stack" data-testid="z-result">
        <Notice message={notice} />
        <h3 data-testid="z-title">{t('report.zTitle', { zNo: z.zNo, day: z.businessDay })}</h3>
        <p className="muted" data-testid="z-closed-by">
          {t('report.closedBy', { name: z.operatorName, at: format.dateTime(z.closedAt) })}
        </p>
        <div className="report-actions">
          <button
            type="button"
            className="button"
            onClick={() => void copy.run({ zNo: z.zNo }).then((r) => printed(r.ok ? null : r.error))}
            data-testid="z-print-copy"
          >
            {t('report.printCopy')}
          </button>
          <button type="button" className="button" onClick={() => close.reset()} data-testid="z-back">
            {t('report.back')}
          </button>
        </div>
        <ErrorNote error={copy.error} />
        <ReportView figures={z.figures} shifts={z.shifts} reconciliation={z.reconciliation} overShortMinor={z.overShortMinor} />
        <ZFraudAlerts alerts={z.fraudAlerts} />
        <dl className="report-totals">
          <dt>{t('report.grandBefore')}</dt>
          <dd>{format.money(z.grandTotalBeforeMinor)}</dd>
          <dt>{t('report.grandAfter')}</dt>
          <dd data-testid="z-grand-after">{format.money(z.grandTotalAfterMinor)}</dd>
        </dl>
      </div>
    );

  return (
    <div className="back-office__stack" data-testid="day-close">
      {s && (
        <dl className="report-totals">
          <dt>{t('dayClose.businessDay')}</dt>
          <dd data-testid="day-close-day">{s.businessDay}</dd>
          <dt>{t('dayClose.nextZ')}</dt>
          <dd>#{s.nextZNo}</dd>
          <dt>{t('dayClose.documents')}</dt>
          <dd>{s.documentCount}</dd>
          <dt>{t('dayClose.lastZ')}</dt>
          <dd>{s.lastZ ? t('dayClose.lastZValue', { zNo: s.lastZ.zNo, day: s.lastZ.businessDay }) : '—'}</dd>
          <dt>{t('dayClose.terminal')}</dt>
          <dd>{s.terminalConfigured ? t('dayClose.terminalWillRun') : t('dayClose.noTerminal')}</dd>
        </dl>
      )}
      <ErrorNote error={status.error} />
      {s && !s.closable && (
        <p className="muted" data-testid="day-close-nothing">
          {t('dayClose.nothingToClose', { day: s.businessDay, lastDay: s.lastZ?.businessDay ?? '—' })}
        </p>
      )}
      {s?.saleInProgress && <p className="error-note">{t('dayClose.saleInProgress')}</p>}
      {s?.correctionInProgress && <p className="error-note">{t('dayClose.correctionInProgress')}</p>}
      {s !== null && s.unresolvedCardPayments > 0 && <p className="error-note">{t('dayClose.cardUnresolved', { count: s.unresolvedCardPayments })}</p>}
      {staleHeld.length > 0 && (
        <div className="back-office__card" data-testid="day-close-held">
          <p>{t('dayClose.staleHeld', { count: staleHeld.length })}</p>
          <ul>
            {staleHeld.map((h) => (
              <li key={h.saleId} data-testid="day-close-held-sale">
                {t('dayClose.staleHeldSale', {
                  time: format.dateTime(h.heldAt),
                  name: h.heldByName,
                  count: h.lineCount,
                  total: format.money(h.totalMinor),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="report-actions">
        <button type="button" className="button" disabled={x.busy} onClick={() => showX('day')} data-testid="x-day">
          {t('report.xDay')}
        </button>
        <button type="button" className="button" disabled={x.busy} onClick={() => showX('shift')} data-testid="x-shift">
          {t('report.xShift')}
        </button>
        {x.value && (
          <button
            type="button"
            className="button"
            onClick={() => void printX.run({ scope: x.value?.scope ?? 'day' }).then((r) => printed(r.ok ? null : r.error))}
            data-testid="x-print"
          >
            {t('report.printX')}
          </button>
        )}
      </div>
      <ErrorNote error={x.error ?? printX.error} />

      {s && s.liveShifts.length > 0 && (
        <div className="back-office__card" data-testid="live-shifts">
          <p>{t('dayClose.liveShifts')}</p>
          {s.liveShifts.map((l) => (
            <label key={l.shiftId} className="field">
              <span>{t('dayClose.forceReason', { shiftId: l.shiftId, name: l.operatorName })}</span>
              <input
                value={reasons[l.shiftId] ?? ''}
                maxLength={200}
                autoComplete="off"
                onChange={(e) => setReasons({ ...reasons, [l.shiftId]: e.target.value })}
                data-testid={`force-reason-${l.shiftId}`}
              />
            </label>
          ))}
        </div>
      )}
      {terminalFailed && (
        <label className="field">
          <span>{t('dayClose.skipTerminal')}</span>
          <input value={skipReason} maxLength={200} autoComplete="off" onChange={(e) => setSkipReason(e.target.value)} data-testid="terminal-skip-reason" />
        </label>
      )}

      {confirming ? (
        <div className="terminal-confirm" role="group" aria-label={t('dayClose.confirm', { day: s?.businessDay ?? '' })}>
          <span>{t('dayClose.confirm', { day: s?.businessDay ?? '' })}</span>
          {/* Training mode covers sales only: under its "nothing counts" banner the Z is still real. */}
          {session.training && (
            <strong className="error-note" data-testid="day-close-training-real">
              {t('dayClose.trainingReal')}
            </strong>
          )}
          <button type="button" className="button button--danger" onClick={() => void closeDay()} data-testid="day-close-confirm">
            {t('dayClose.run')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('action.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--primary" disabled={close.busy || !s || !s.closable} onClick={startClose} data-testid="day-close-run">
          {close.busy ? t('dayClose.running') : t('dayClose.run')}
        </button>
      )}
      <ErrorNote error={close.error} />
      <Notice message={notice} />
      {x.value && (
        <section aria-labelledby="x-title" data-testid="x-report">
          <h3 id="x-title">
            {x.value.scope === 'shift' ? t('report.xShiftTitle', { shiftId: x.value.shiftId ?? 0 }) : t('report.xDayTitle', { day: x.value.businessDay })}
          </h3>
          <ReportView figures={x.value.figures} shifts={x.value.shifts} />
          <CorrectionsInProgress inProgress={x.value.correctionsInProgress} />
        </section>
      )}
    </div>
  );
}
