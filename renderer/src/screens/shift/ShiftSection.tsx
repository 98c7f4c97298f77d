import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashMovementKind, CashMovementView } from '../../../../preload/contract';
import { AmountField } from '../../components/AmountField';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { parseMinor } from '../../format/parse-amount';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { useEvent } from '../../state/use-event';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import { DenominationCount } from './DenominationCount';
import { OverShort } from './CountResult';
import { ShiftOpenInline } from './ShiftOpenInline';
import '../../styles/day-close.css';

const KINDS: CashMovementKind[] = ['paid_in', 'paid_out', 'safe_drop', 'float_top_up'];
/** Main refuses cash movements in training (the drawer is real); the form says so before anyone types. */
const IN_TRAINING = { code: 'training.cash_in_training', params: {} } as const;

/** 班次: the shift's cash in and out, and the blind count that ends it. */
export function ShiftSection({ session }: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const current = useCall('shift.current');
  const move = useCall('cash.move');
  const count = useCall('shift.count');
  const [kind, setKind] = useState<CashMovementKind>('paid_out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [counting, setCounting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: format.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const load = current.run;
  useEffect(() => void load({}), [load]);
  useEvent('shift.changed', () => void load({}));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const amountMinor = parseMinor(amount, digits);
    // Checked here, in words, before anything is sent: the register's own refusal would name a field, not the fix.
    const missing = [amountMinor === null || amountMinor <= 0 ? t('shift.move.needAmount') : null, reason.trim() ? null : t('shift.move.needReason')].filter(
      (m): m is string => m !== null,
    );
    setFormError(missing.length > 0 ? missing.join(' ') : null);
    if (amountMinor === null || missing.length > 0) return move.reset();
    const result = await move.run({ kind, amountMinor, reason: reason.trim() });
    if (!result.ok) return;
    // What happened at the drawer: without a printer nothing opened it and no slip printed.
    const done = result.value.drawer === 'queued' ? 'shift.move.done' : 'shift.move.doneNoPrinter';
    setNotice(t(done, { kind: t(`shift.move.kind.${kind}`), amount: format.money(amountMinor) }));
    setAmount('');
    setReason('');
  };

  const columns: Column<CashMovementView>[] = [
    { key: 'at', header: t('shift.move.at'), cell: (m) => format.time(m.at) },
    { key: 'kind', header: t('shift.move.kind'), cell: (m) => t(`shift.move.kind.${m.kind}`) },
    { key: 'amount', header: t('shift.move.amount'), numeric: true, cell: (m) => format.money(m.amountMinor) },
    { key: 'reason', header: t('shift.move.reason'), cell: (m) => m.reason },
    { key: 'by', header: t('shift.move.by'), cell: (m) => m.operatorName },
  ];

  const state = current.value;
  const shift = state?.shift;
  if (!state) return <ErrorNote error={current.error} />;
  if (!shift) return <ShiftOpenInline state={state} />;
  return (
    <div className="back-office__stack" data-testid="shift-section">
      <dl className="back-office__details">
        <dt>{t('shift.number')}</dt>
        <dd data-testid="shift-id">#{shift.id}</dd>
        <dt>{t('shift.openedBy')}</dt>
        <dd>
          {shift.operatorName} · {format.dateTime(shift.openedAt)}
        </dd>
        <dt>{t('shift.businessDay')}</dt>
        <dd>{shift.businessDay}</dd>
        <dt>{t('shift.float')}</dt>
        <dd data-testid="shift-float">
          {format.money(shift.floatMinor)} {shift.floatSource === 'carried' ? `(${t('shift.carried')})` : ''}
        </dd>
        {shift.handover && shift.handover.differenceMinor !== 0 && (
          <>
            <dt>{t('report.handover')}</dt>
            <dd>
              <OverShort differenceMinor={shift.handover.differenceMinor} testId="shift-handover" />{' '}
              <span className="muted">
                {t('report.handoverFrom', { shiftId: shift.handover.previousShiftId, counted: format.money(shift.handover.previousCountedMinor) })}
              </span>
            </dd>
          </>
        )}
      </dl>

      <form className="back-office__form" onSubmit={(e) => void submit(e)} data-testid="cash-move-form">
        <h3>{t('shift.move.title')}</h3>
        <div className="segmented" role="radiogroup" aria-label={t('shift.move.kind')}>
          {KINDS.map((k) => (
            <label key={k} className={`chip${kind === k ? ' chip--active' : ''}`}>
              <input
                type="radio"
                name="cash-move-kind"
                className="visually-hidden"
                checked={kind === k}
                onChange={() => setKind(k)}
                data-testid={`cash-move-${k}`}
              />
              {t(`shift.move.kind.${k}`)}
            </label>
          ))}
        </div>
        <AmountField label={t('shift.move.amount')} value={amount} onChange={setAmount} testId="cash-move-amount" />
        <label className="field">
          <span>{t('shift.move.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} autoComplete="off" data-testid="cash-move-reason" />
        </label>
        <ErrorNote error={move.error} message={formError} />
        {session.training && (
          <p className="muted" data-testid="cash-move-training">
            {format.error(IN_TRAINING)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={move.busy || session.training} data-testid="cash-move-submit">
          {t('shift.move.submit')}
        </button>
      </form>
      <Notice message={notice} />
      <DataTable label={t('shift.move.list')} columns={columns} rows={shift.movements} rowKey={(m) => m.id} testId="cash-movements" />

      <section aria-labelledby="shift-close-title">
        <h3 id="shift-close-title">{t('shift.close.title')}</h3>
        <p className="muted">{t('shift.close.hint')}</p>
        {counting ? (
          // The count ends selling in this shift: the register then shows expected against counted (register mode shiftClosing).
          <DenominationCount
            denominations={state.denominations}
            submitLabel={t('shift.close.submit')}
            busy={count.busy}
            onSubmit={(counts) => void count.run({ shiftId: shift.id, counts })}
            testId="closing-count"
          />
        ) : (
          <button type="button" className="button" onClick={() => setCounting(true)} data-testid="shift-close-start">
            {t('shift.close.start')}
          </button>
        )}
        <ErrorNote error={count.error} />
      </section>
    </div>
  );
}
