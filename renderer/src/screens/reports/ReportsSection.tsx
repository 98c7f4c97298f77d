import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGrouping, SalesReportView } from '../../../../preload/contract/reports-views';
import type { ChartOption } from '../../components/EChart';
import { DateField } from '../../components/DateField';
import { ErrorNote } from '../../components/ErrorNote';
import { currencyDigits, minorToDecimal } from '../../format/money';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import { OverShort } from '../shift/CountResult';
import { download } from './download';
import { isMoney, reportCsv, reportTables, reportXlsx, type Cell } from './report-files';
import '../../styles/day-close.css';
import '../../styles/fraud.css';

/** Counts, quantities and amounts stand on the right, as in the X and the Z. */
const isFigure = (cell: Cell | undefined): boolean => typeof cell === 'number' || (cell !== undefined && isMoney(cell));

// ECharts loads with the first report, not with the till (the same wrapper as the X and Z).
const EChart = lazy(() => import('../../components/EChart').then((m) => ({ default: m.EChart })));

/** YYYY-MM-DD of the local calendar day `daysBack` days before today. */
function localDay(daysBack: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysBack);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Query {
  /** null: the field holds text that is no day (it says so); nothing is asked. */
  from: string | null;
  to: string | null;
  registerId: string;
  groupBy: ReportGrouping;
  /** How many products the best and the weakest lists hold (the call takes 1–100); as typed. */
  top: string;
}

/** 报表 / Reports: closed days by hour, day, week or month, with a chart, tables and file exports. */
export function ReportsSection(_props: BackOfficeSectionProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [query, setQuery] = useState<Query>({ from: localDay(6), to: localDay(0), registerId: '', groupBy: 'day', top: '10' });
  const report = useCall('report.sales');
  const run = report.run;
  const [exportError, setExportError] = useState<string | null>(null);

  const ask = (q: Query & { from: string; to: string }) =>
    run({ from: q.from, to: q.to, groupBy: q.groupBy, top: Number(q.top), ...(q.registerId ? { registerId: q.registerId } : {}) });
  useEffect(() => {
    void run({ from: localDay(6), to: localDay(0), groupBy: 'day', top: 10 });
  }, [run]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { from, to } = query;
    if (from === null || to === null) return;
    void ask({ ...query, from, to });
  };
  const set = (change: Partial<Query>) => setQuery((q) => ({ ...q, ...change }));
  const r = report.value;
  const digits = currencyDigits(format.currency);
  // Categories are named in the UI language, on screen and in the files, as the product editor names them.
  const language = i18n.language;
  const tables = useMemo(() => (r ? reportTables(r, t, language) : []), [r, t, language]);
  const decimal = useCallback((minor: number) => Number(minorToDecimal(minor, digits)), [digits]);
  const fileBase = r ? `ringup-report-${r.from}-${r.to}-${r.groupBy}` : 'ringup-report';

  const exportXlsx = async () => {
    setExportError(null);
    try {
      download(await reportXlsx(tables, decimal), `${fileBase}.xlsx`);
    } catch (error) {
      setExportError(String(error));
    }
  };

  return (
    <div className="back-office__stack reports">
      <form className="documents__filters" onSubmit={submit} data-testid="reports-filters">
        <DateField label={t('reports.from')} value={query.from} onChange={(from) => set({ from })} required testId="reports-from" />
        <DateField label={t('reports.to')} value={query.to} onChange={(to) => set({ to })} required testId="reports-to" />
        <label className="field">
          <span>{t('reports.register')}</span>
          <select value={query.registerId} onChange={(e) => set({ registerId: e.target.value })} data-testid="reports-register">
            <option value="">{t('reports.allRegisters')}</option>
            {(r?.registers ?? []).map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('reports.groupByLabel')}</span>
          <select value={query.groupBy} onChange={(e) => set({ groupBy: e.target.value as ReportGrouping })} data-testid="reports-group-by">
            {(['hour', 'day', 'week', 'month'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`reports.groupBy.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('reports.top')}</span>
          <input type="number" min={1} max={100} step={1} value={query.top} onChange={(e) => set({ top: e.target.value })} required data-testid="reports-top" />
        </label>
        <button type="submit" className="button button--primary" disabled={report.busy} data-testid="reports-run">
          {t('reports.run')}
        </button>
      </form>
      <ErrorNote error={report.error} message={exportError} />
      {r && (
        <>
          <dl className="report-totals">
            <dt>{t('reports.closedDays')}</dt>
            <dd data-testid="reports-closed-days">{r.closedDays}</dd>
            <dt>{t('reports.col.net')}</dt>
            <dd data-testid="reports-net">{format.money(r.netMinor)}</dd>
            <dt>{t('reports.averageBasket')}</dt>
            <dd data-testid="reports-average-basket">{r.averageBasketMinor === null ? '—' : format.money(r.averageBasketMinor)}</dd>
            <dt>{t('reports.col.discounts')}</dt>
            <dd>{format.money(r.discounts.amountMinor)}</dd>
            <dt>{t('reports.col.overShort')}</dt>
            <dd>
              <OverShort differenceMinor={r.overShortMinor} testId="reports-over-short" />
            </dd>
            <dt>{t('reports.col.handover')}</dt>
            <dd data-testid="reports-handover">
              {r.handoverMinor === null ? t('report.handoverUnrecorded') : <OverShort differenceMinor={r.handoverMinor} />}
              {r.handoverMinor !== null && r.handoverUnrecordedDays > 0 && (
                <span className="muted" data-testid="reports-handover-unrecorded">
                  {' '}
                  {t('reports.handoverUnrecordedDays', { count: r.handoverUnrecordedDays })}
                </span>
              )}
            </dd>
            {r.kinds
              .filter((k) => k.kind !== 'sale')
              .map((k) => (
                <div key={k.kind} className="report-totals__pair">
                  <dt>{t(`documents.kind.${k.kind}`)}</dt>
                  <dd>
                    {k.count} · {format.money(k.totalMinor)}
                  </dd>
                </div>
              ))}
          </dl>
          <div className="reports__exports">
            <a
              className="button"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(reportCsv(r, tables, decimal, r.registerId ?? t('reports.allRegisters')))}`}
              download={`${fileBase}.csv`}
              data-testid="reports-csv"
            >
              {t('reports.exportCsv')}
            </a>
            <button type="button" className="button" onClick={() => void exportXlsx()} data-testid="reports-xlsx">
              {t('reports.exportXlsx')}
            </button>
          </div>
          <PeriodChart report={r} />
          {tables.map((table) => (
            <table key={table.key} className="data-table" aria-label={table.name} data-testid={`reports-table-${table.key}`}>
              <caption>{table.name}</caption>
              <thead>
                <tr>
                  {table.header.map((h, k) => (
                    // A column of figures is headed on the right, over its figures, as in the X and the Z.
                    <th key={h} scope="col" className={table.rows.length > 0 && table.rows.every((row) => isFigure(row[k])) ? 'numeric' : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, j) => (
                  <tr key={j}>
                    {row.map((cell, k) => (
                      <td key={k} className={isFigure(cell) ? 'numeric' : undefined}>
                        {isMoney(cell) ? format.money(cell.minor) : cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </>
      )}
    </div>
  );
}

function PeriodChart({ report }: { report: SalesReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => format.money(Number(v)) },
      legend: { top: 0 },
      xAxis: { type: 'category', data: report.periods.map((p) => p.key) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format.money(v) } },
      series: [
        { type: 'bar', name: t('reports.col.sales'), data: report.periods.map((p) => p.salesMinor), itemStyle: { color: '#2f6fde' } },
        { type: 'bar', name: t('reports.col.net'), data: report.periods.map((p) => p.netMinor), itemStyle: { color: '#2a9d5c' } },
      ],
    }),
    [report, format, t],
  );
  if (report.periods.length === 0) return <p className="muted">{t('reports.empty')}</p>;
  return (
    <Suspense fallback={<p className="muted">{t('app.loadingChart')}</p>}>
      <figure className="report-chart">
        <figcaption>{t(`reports.chart.${report.groupBy}`)}</figcaption>
        <EChart option={option} label={t(`reports.chart.${report.groupBy}`)} locale={format.locale} testId="reports-chart" />
      </figure>
    </Suspense>
  );
}
