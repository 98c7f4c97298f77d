import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesReportView } from '../../../../preload/contract/reports-views';
import type { ChartOption } from '../../components/EChart';
import { useFormat } from '../../state/store-context';
import { hourFiguresKept, periodLabel } from './report-files';

// ECharts loads with the first report, not with the till (the same wrapper as the X and Z).
const EChart = lazy(() => import('../../components/EChart').then((m) => ({ default: m.EChart })));

/** Takings and net per period; by the hour without takings when a Z of the range kept none per hour (not a bar of 0). */
export function PeriodChart({ report }: { report: SalesReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => format.money(Number(v)) },
      legend: { top: 0 },
      xAxis: { type: 'category', data: report.periods.map((p) => periodLabel(p.key, report.groupBy)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format.money(v) } },
      series: [
        ...(hourFiguresKept(report)
          ? [{ type: 'bar' as const, name: t('reports.col.sales'), data: report.periods.map((p) => p.salesMinor ?? 0), itemStyle: { color: '#2f6fde' } }]
          : []),
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
