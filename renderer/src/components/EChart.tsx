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

/**
 * Canvas text has no CSS fallback: the chart names its fonts itself. The shipped Noto Sans SC comes
 * first (a till may have no CJK font at all, and then every Chinese label was a box); the system's
 * CJK fonts follow for a character the shipped one lacks.
 */
export const CHART_FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Every text an option holds (names, labels, categories): the characters the chart will draw. */
function textsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) textsOf(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) textsOf(item, into);
  return into;
}

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
    const instance = chart.current;
    if (!instance) return;
    const full: ChartOption = { textStyle: { fontFamily: CHART_FONT }, ...option };
    instance.setOption(full, { notMerge: true });
    // The shipped font comes in slices fetched when a character first needs one, and a canvas does
    // not wait for them: draw once more when the slices for this chart's text are in.
    let current = true;
    void document.fonts.load('14px "Noto Sans SC"', textsOf(option).join('')).then(
      () => current && !instance.isDisposed() && instance.setOption(full, { notMerge: true }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [option, locale]);

  return <div ref={box} className="chart" role="img" aria-label={label} data-testid={testId} data-font={CHART_FONT} />;
}
