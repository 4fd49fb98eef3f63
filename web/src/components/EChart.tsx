import { BarChart, LinesChart, PieChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the parts of ECharts the client draws are bundled (tree-shaken core instead of the full build).
echarts.use([
  BarChart,
  LinesChart,
  PieChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: ChartOption;
  height: number | string;
  testId?: string;
  style?: CSSProperties;
  ariaLabel?: string;
  /** Called with ECharts' event parameters when a data item (a point, a line) is clicked. */
  onItemClick?: (params: { seriesIndex?: number; dataIndex: number; data: unknown }) => void;
}

/** A canvas chart that follows its container's size and is disposed with the component. */
export function EChart({ option, height, testId, style, ariaLabel, onItemClick }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  // The latest handler, so a new callback on every render does not re-bind the chart's listener.
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      clickRef.current?.(params as { seriesIndex?: number; dataIndex: number; data: unknown });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    // Replace rather than merge: series that disappear (e.g. a filtered-out kind) must go away.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={containerRef}
      data-testid={testId}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, ...style }}
    />
  );
}
