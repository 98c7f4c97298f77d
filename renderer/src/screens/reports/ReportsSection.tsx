import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGrouping } from '../../../../preload/contract/reports-views';
import { DateField } from '../../components/DateField';
import { ErrorNote } from '../../components/ErrorNote';
import { currencyDigits, minorToDecimal } from '../../format/money';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import { download } from './download';
import { PeriodChart } from './PeriodChart';
import { fileHeading, hourFiguresKept, isMoney, reportCsv, reportTables, reportXlsx, type Cell } from './report-files';
import { ReportTotals } from './ReportTotals';
import '../../styles/day-close.css';
import '../../styles/fraud.css';

/** Counts, quantities and amounts stand on the right, as in the X and the Z. */
const isFigure = (cell: Cell | undefined): boolean => typeof cell === 'number' || (cell !== undefined && isMoney(cell));

interface Query {
  /** null: the field holds text that is no day (it says so); nothing is asked. '' until the first report names its range. */
  from: string | null;
  to: string | null;
  registerId: string;
  groupBy: ReportGrouping;
  /** How many products the best and the weakest lists hold (the call takes 1–100); as typed. */
  top: string;
}

/** The typed list length when it is a whole number from 1 to 100, else null (the field says so). */
function topOf(text: string): number | null {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= 1 && n <= 100 ? n : null;
}

/** 报表 / Reports: closed days by hour, day, week or month, with a chart, tables and file exports. */
export function ReportsSection(_props: BackOfficeSectionProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [query, setQuery] = useState<Query>({ from: '', to: '', registerId: '', groupBy: 'day', top: '10' });
  // Problems found before anything is sent: the report on screen stays as it was.
  const [checked, setChecked] = useState(false);
  const report = useCall('report.sales');
  const run = report.run;
  const [exportError, setExportError] = useState<string | null>(null);

  // The register picks the first range: the week up to today or to the latest closed business day,
  // whichever is later (its business days run ahead of the calendar after several Zs on one date).
  useEffect(() => {
    void run({ groupBy: 'day', top: 10 }).then((result) => {
      if (result.ok) setQuery((q) => (q.from === '' && q.to === '' ? { ...q, from: result.value.from, to: result.value.to } : q));
    });
  }, [run]);

  const reversed = query.from !== null && query.to !== null && query.from !== '' && query.to !== '' && query.from > query.to;
  const top = topOf(query.top);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const { from, to } = query;
    if (!from || !to || reversed || top === null) return;
    void run({ from, to, groupBy: query.groupBy, top, ...(query.registerId ? { registerId: query.registerId } : {}) });
  };
  const set = (change: Partial<Query>) => setQuery((q) => ({ ...q, ...change }));
  const r = report.value;
  const digits = currencyDigits(format.currency);
  // Categories are named in the UI language, on screen and in the files, as the product editor names them.
  const language = i18n.language;
  const tables = useMemo(() => (r ? reportTables(r, t, language) : []), [r, t, language]);
  const decimal = useCallback((minor: number) => Number(minorToDecimal(minor, digits)), [digits]);
  const fileBase = r ? `ringup-report-${r.from}-${r.to}-${r.groupBy}` : 'ringup-report';
  const registerLabel = r?.registerId ?? t('reports.allRegisters');

  const exportXlsx = async () => {
    setExportError(null);
    if (!r) return;
    try {
      download(await reportXlsx(tables, decimal, fileHeading(r, registerLabel), digits), `${fileBase}.xlsx`);
    } catch (error) {
      setExportError(String(error));
    }
  };

  return (
    <div className="back-office__stack reports">
      <form className="documents__filters" onSubmit={submit} noValidate data-testid="reports-filters">
        <DateField label={t('reports.from')} value={query.from} onChange={(from) => set({ from })} required testId="reports-from" />
        <DateField
          label={t('reports.to')}
          value={query.to}
          onChange={(to) => set({ to })}
          required
          testId="reports-to"
          hint={
            checked &&
            reversed && (
              <span className="field__problem" role="alert" data-testid="reports-to-order-problem">
                {t('reports.rangeReversed')}
              </span>
            )
          }
        />
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
          <input
            type="number"
            min={1}
            max={100}
            step={1}
            value={query.top}
            onChange={(e) => set({ top: e.target.value })}
            aria-invalid={(checked && top === null) || undefined}
            data-testid="reports-top"
          />
          {checked && top === null && (
            <span className="field__problem" role="alert" data-testid="reports-top-problem">
              {t('reports.topRange')}
            </span>
          )}
        </label>
        <button type="submit" className="button button--primary" disabled={report.busy} data-testid="reports-run">
          {t('reports.run')}
        </button>
      </form>
      <ErrorNote error={report.error} message={exportError} />
      {r && (
        <>
          <ReportTotals r={r} />
          <div className="reports__exports">
            <a
              className="button"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(reportCsv(r, tables, decimal, registerLabel))}`}
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
          {!hourFiguresKept(r) && (
            <p className="muted" data-testid="reports-hour-figures-missing">
              {t('reports.hourFiguresMissing', { count: r.hourFiguresMissingZs })}
            </p>
          )}
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
                        {isMoney(cell) ? (cell.minor === null ? '—' : format.money(cell.minor)) : cell}
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
