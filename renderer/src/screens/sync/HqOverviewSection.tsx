import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqFigure, OwnerOverview } from '../../../../preload/contract/hq-wire';
import { DateField } from '../../components/DateField';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { OverShort } from '../shift/CountResult';
import { HqFraudAlerts } from './HqFraudAlerts';
import { NotClosedLine, UncoveredDays } from './HqNotClosed';
import type { BackOfficeSectionProps } from '../back-office/section-props';

const MONEY_FIELDS = new Set(['netMinor', 'grandTotalAfterMinor']);

/**
 * 总部 / HQ, for the owner: what HQ holds for every shop and register (the day's and the month's
 * sums of their Zs), the Z check's differences, HQ's open alerts and the registers' own fraud
 * alerts they have not acknowledged. Main asks HQ with this
 * register's key; the window only ever sees the answer.
 */
export function HqOverviewSection(_props: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const overview = useCall('sync.hqOverview');
  /** null: the field holds text that is no day (it says so); HQ is not asked. */
  const [day, setDay] = useState<string | null>(() => format.today());
  const run = overview.run;
  useEffect(() => {
    void run({ day: format.today() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked once on opening, for the day it opened on
  }, [run]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (day !== null) void run({ day });
  };
  const v = overview.value;
  const unreachable = overview.error?.code === 'sync.hq_unreachable';

  return (
    <div className="back-office__stack" data-testid="hq-overview">
      <p className="muted">{t('hqView.intro')}</p>
      <form className="back-office__form" onSubmit={submit}>
        <DateField label={t('hqView.day')} value={day} onChange={setDay} required testId="hq-overview-day" />
        <button type="submit" className="button" disabled={overview.busy} data-testid="hq-overview-load">
          {t('hqView.load')}
        </button>
      </form>
      {unreachable ? (
        <p className="error-note" role="alert" data-testid="hq-overview-unreachable">
          {t('hqView.unreachable')}
        </p>
      ) : (
        <ErrorNote error={overview.error} />
      )}
      {v && !overview.error && <Overview v={v} money={format.money} when={(ms) => format.dateTime(ms)} />}
    </div>
  );
}

function Overview({ v, money, when }: { v: OwnerOverview; money: (minor: number) => string; when: (ms: number) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('hqView.figures', { day: v.day, month: v.month })}</h3>
      <table className="data-table" data-testid="hq-overview-figures">
        <thead>
          <tr>
            <th>{t('hqView.col.where')}</th>
            <th>{t('hqView.col.dayNet')}</th>
            <th>{t('hqView.col.dayDocs')}</th>
            <th>{t('hqView.col.monthNet')}</th>
            <th>{t('hqView.col.monthDocs')}</th>
            <th>{t('hqView.col.zs')}</th>
            <th>{t('hqView.col.lastUpload')}</th>
          </tr>
        </thead>
        <tbody>
          {v.shops.flatMap((s) => [
            <tr key={s.shopId} data-testid={`hq-shop-${s.shopId}`}>
              <th scope="row">{t('hqView.shop', { id: s.shopId, name: s.name })}</th>
              <td>
                {money(s.day.netMinor)}
                <HandoverLine f={s.day} testId={`hq-shop-${s.shopId}-day-handover`} />
                <NotClosedLine f={s.day} money={money} testId={`hq-shop-${s.shopId}-day-not-closed`} />
              </td>
              <td>{s.day.documentCount}</td>
              <td>
                {money(s.month.netMinor)}
                <HandoverLine f={s.month} testId={`hq-shop-${s.shopId}-month-handover`} />
                <NotClosedLine f={s.month} money={money} testId={`hq-shop-${s.shopId}-month-not-closed`} />
              </td>
              <td>{s.month.documentCount}</td>
              <td>{s.month.zCount}</td>
              <td />
            </tr>,
            ...s.registers.map((r) => (
              <tr key={`${s.shopId}/${r.registerId}`} data-testid={`hq-register-${r.registerId}`}>
                <td>{t('hqView.register', { id: r.registerId, name: r.name })}</td>
                <td>
                  {money(r.day.netMinor)}
                  <HandoverLine f={r.day} testId={`hq-register-${r.registerId}-day-handover`} />
                  <NotClosedLine f={r.day} money={money} testId={`hq-register-${r.registerId}-day-not-closed`} />
                </td>
                <td>{r.day.documentCount}</td>
                <td>
                  {money(r.month.netMinor)}
                  <HandoverLine f={r.month} testId={`hq-register-${r.registerId}-month-handover`} />
                  <NotClosedLine f={r.month} money={money} testId={`hq-register-${r.registerId}-month-not-closed`} />
                </td>
                <td>{r.month.documentCount}</td>
                <td>{r.month.zCount}</td>
                <td>
                  {r.enrolled ? (r.lastUploadAt === null ? t('hqView.never') : when(r.lastUploadAt)) : t('hqView.notEnrolled')}
                  {/* A withdrawn till sends nothing more: its old last upload is no sign of trouble, nor of life. */}
                  {r.withdrawnAt != null && (
                    <div className="muted" data-testid={`hq-register-${r.registerId}-withdrawn`}>
                      {t('hqView.withdrawn', { when: when(r.withdrawnAt) })}
                    </div>
                  )}
                </td>
              </tr>
            )),
          ])}
        </tbody>
      </table>

      <h3>{t('hqView.differences')}</h3>
      {v.differences.length === 0 ? (
        <p data-testid="hq-overview-no-differences">
          {t((v.uncovered ?? []).length > 0 ? 'hqView.noDifferencesSoFar' : 'hqView.noDifferences', { count: v.zChecked })}
        </p>
      ) : (
        <table className="data-table" data-testid="hq-overview-differences">
          <thead>
            <tr>
              <th>{t('hqView.col.register')}</th>
              <th>{t('hqView.col.z')}</th>
              <th>{t('hqView.col.field')}</th>
              <th>{t('hqView.col.zSays')}</th>
              <th>{t('hqView.col.documentsSay')}</th>
            </tr>
          </thead>
          <tbody>
            {v.differences.map((d) => {
              const show = (n: number | null) => (n === null ? '—' : MONEY_FIELDS.has(d.field) ? money(n) : String(n));
              return (
                <tr key={`${d.registerId}/${d.zNo}/${d.field}`}>
                  <td>{d.registerId}</td>
                  <td>{t('hqView.zLine', { zNo: d.zNo, day: d.businessDay })}</td>
                  <td>{t(`hqView.field.${d.field}`)}</td>
                  <td>{show(d.z)}</td>
                  <td>{show(d.documents)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <UncoveredDays v={v} money={money} />

      <h3>{t('hqView.alerts')}</h3>
      {v.alerts.length === 0 ? (
        <p data-testid="hq-overview-no-alerts">{t('hqView.noAlerts')}</p>
      ) : (
        <ul className="hq-alerts" data-testid="hq-overview-alerts">
          {v.alerts.map((a) => (
            <li key={a.id} data-kind={a.kind}>
              {t('hqView.alertLine', {
                kind: t(`hqView.alert.${a.kind}`),
                register: a.registerId ?? '—',
                at: when(a.raisedAt),
                seq: typeof a.params.seq === 'number' ? a.params.seq : '—',
              })}
            </li>
          ))}
        </ul>
      )}

      <HqFraudAlerts v={v} when={when} />
    </>
  );
}

/**
 * Under a net figure, the handover differences of the same Zs (cash gone or found between a close
 * and the next open) when there are any, or when Zs did not record them: unknown, not even. An HQ
 * too old to say gives nothing.
 */
function HandoverLine({ f, testId }: { f: HqFigure; testId: string }) {
  const { t } = useTranslation();
  const unrecorded = f.handoverUnrecorded ?? 0;
  if (f.handoverMinor === undefined || (f.handoverMinor === 0 && unrecorded === 0)) return null;
  return (
    <div className="muted" data-testid={testId} title={unrecorded > 0 ? t('hqView.handoverUnrecorded', { count: unrecorded }) : undefined}>
      {t('report.handoverLine')}
      {f.handoverMinor === null ? t('report.handoverUnrecorded') : <OverShort differenceMinor={f.handoverMinor} />}
      {f.handoverMinor !== null && unrecorded > 0 ? ' *' : ''}
    </div>
  );
}
