// The one place ECharts is used: a small wrapper that owns the chart's life (init, setOption,
// resize with its box, dispose). ECharts is imported through `echarts/core` with only the parts
// the reports draw, so the bundle carries bars and a pie, not the whole library.
import { useEffect, useRef } from 'react';
import { init, use as registerEchartsParts, type ComposeOption } from 'echarts/core';
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

registerEchartsParts([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Canvas text has no CSS fallback: name the CJK fonts the till has, or Chinese labels draw as boxes. */
export const CHART_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

interface EChartProps {
  option: ChartOption;
  /** The chart's accessible name; the figures it draws are also in the tables beside it. */
  label: string;
  testId?: string;
  /** ECharts' own labels (tooltips, "other") follow the UI language. */
  locale: string;
}

export function EChart({ option, label, testId, locale }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'canvas', locale: locale.startsWith('zh') ? 'ZH' : 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, ...option }, { notMerge: true });
  }, [option, locale]);

  return <div ref={box} className="chart" role="img" aria-label={label} data-testid={testId} />;
}
