import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFiguresView } from '../../../../preload/contract';
import type { ChartOption } from '../../components/EChart';
import { useFormat } from '../../state/store-context';

// ECharts is most of the renderer's weight: it loads with the first report, not with the till.
const EChart = lazy(() => import('../../components/EChart').then((m) => ({ default: m.EChart })));

/** Sales by hour (bars) and the tender mix (ring), from the report's own figures. */
export function ReportCharts({ figures }: { figures: ReportFiguresView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hours = useMemo(() => {
    const busy = figures.hours.filter((h) => h.salesCount > 0 || h.netMinor !== 0).map((h) => h.hour);
    // The store's hours: from the first hour with a sale to the last, gaps included.
    if (busy.length === 0) return [];
    return figures.hours.slice(Math.min(...busy), Math.max(...busy) + 1);
  }, [figures]);

  const byHour: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => format.money(Number(v)) },
      xAxis: { type: 'category', data: hours.map((h) => `${String(h.hour).padStart(2, '0')}:00`) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format.money(v) } },
      series: [{ type: 'bar', name: t('report.chart.sales'), data: hours.map((h) => h.salesMinor), itemStyle: { color: '#2f6fde' } }],
    }),
    [hours, format, t],
  );

  const mix: ChartOption = useMemo(() => {
    const data = figures.tenders.filter((x) => x.inMinor > 0).map((x) => ({ name: t(`report.tender.${x.method}`), value: x.inMinor }));
    const total = data.reduce((sum, d) => sum + d.value, 0);
    const share = new Map(data.map((d) => [d.name, format.rate(Math.round((d.value * 10_000) / total))]));
    return {
      tooltip: { trigger: 'item', valueFormatter: (v) => format.money(Number(v)) },
      // Each tender's share in the legend, under the ring: labels around a ring a third of the
      // report wide were cut to "扫…" and "7.2…" at 1024 px.
      legend: { bottom: 0, textStyle: { fontSize: 14 }, formatter: (name: string) => `${name} ${share.get(name) ?? ''}` },
      series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '42%'], label: { show: false }, data }],
    };
  }, [figures, format, t]);

  if (hours.length === 0) return <p className="muted">{t('report.chart.empty')}</p>;
  return (
    <Suspense fallback={<p className="muted">{t('app.loadingChart')}</p>}>
      <div className="report-charts">
        <figure className="report-chart">
          <figcaption>{t('report.chart.byHour')}</figcaption>
          <EChart option={byHour} label={t('report.chart.byHour')} locale={format.locale} testId="chart-by-hour" />
        </figure>
        <figure className="report-chart">
          <figcaption>{t('report.chart.tenderMix')}</figcaption>
          <EChart option={mix} label={t('report.chart.tenderMix')} locale={format.locale} testId="chart-tender-mix" />
        </figure>
      </div>
    </Suspense>
  );
}
