import { LineChart } from 'echarts/charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart, echarts } from '../../components/EChart';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { formatInstant } from '../logistics/model';
import { type BalancePoint, chartValue, fromMilli, toMilli } from './model';

// The shared chart component registers the kinds the other pages draw; the balance is a (step) line.
echarts.use([LineChart]);

interface PointData {
  value: [string, number];
  point: BalancePoint;
  /** The balance before the first movement shown (drawn so the first movement's step is visible). */
  opening?: boolean;
}

/** The balance before the first movement, at its instant, when the whole history is known. */
function openingPoint(points: readonly BalancePoint[], fromStart: boolean): BalancePoint[] {
  const first = points[0];
  if (!fromStart || !first) return [];
  const before = first.balanceMilli - (toMilli(first.change) ?? 0n);
  return [{ ...first, change: '0', balance: fromMilli(before), balanceMilli: before }];
}

/** The running balance of one item after each movement, as a step line over time. */
export function BalanceChart({
  points,
  unit,
  fromStart,
}: {
  points: readonly BalancePoint[];
  unit: string;
  /** The whole history is loaded: the line starts from the balance before the first movement. */
  fromStart: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 64, right: 24, top: 28, bottom: 32 },
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const { point, opening } = (params as { data: PointData }).data;
          if (opening) return `<b>${formatDecimalString(point.balance, language)} ${unit}</b>`;
          const sign = point.change.startsWith('-') ? '' : '+';
          return [
            `<b>${formatDecimalString(point.balance, language)} ${unit}</b>`,
            `${sign}${formatDecimalString(point.change, language)} · ${t(`bonded.kinds.${point.kind}`, point.kind)}`,
            `${point.listNumber}`,
            formatInstant(point.postedAt, language),
          ].join('<br/>');
        },
      },
      xAxis: { type: 'time' },
      yAxis: {
        type: 'value',
        name: unit,
        nameTextStyle: { align: 'right' },
        min: 0,
      },
      series: [
        {
          type: 'line',
          name: t('bonded.movements.balance'),
          step: 'end',
          symbol: 'circle',
          symbolSize: 7,
          lineStyle: { width: 2, color: '#7c5a10' },
          itemStyle: { color: '#7c5a10' },
          areaStyle: { color: 'rgba(124, 90, 16, 0.08)' },
          data: [...openingPoint(points, fromStart), ...points].map<PointData>((point, index) => ({
            value: [point.postedAt, chartValue(point.balanceMilli)],
            point,
            opening: fromStart && index === 0,
          })),
        },
      ],
    }),
    [points, unit, fromStart, language, t],
  );
  return <EChart option={option} height={240} testId="balance-chart" ariaLabel={t('bonded.movements.chart')} />;
}
