import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Itinerary } from '../../api/types';
import { type ChartOption, EChart } from '../../components/EChart';
import { escapeHtml } from '../../components/worldMap';
import { useLanguage } from '../../i18n/useLanguage';
import { co2Text } from './ItineraryTable';
import { formatMoney, formatNumber, MODE_COLORS, transitDays, tripModes } from './model';

interface ItineraryChartProps {
  itineraries: readonly Itinerary[];
  selected: number;
  onSelect: (index: number) => void;
}

/** Time vs cost vs CO2: one bubble per option, x = transit days, y = cost, size = CO2. */
export function ItineraryChart({ itineraries, selected, onSelect }: ItineraryChartProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();

  const option = useMemo<ChartOption>(() => {
    const maxCo2 = Math.max(1, ...itineraries.map((item) => item.co2Kg));
    const currency = itineraries[0]?.cost.currency ?? '';
    const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
    return {
      grid: { left: 64, right: 24, top: 24, bottom: 48 },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const index = (params as { dataIndex: number }).dataIndex;
          const item = itineraries[index];
          if (!item) return '';
          return [
            `<b>${escapeHtml(t('logistics.results.option', { n: String(index + 1) }))}</b>`,
            `${escapeHtml(t('logistics.results.transit'))}: ${escapeHtml(t('logistics.results.days', { value: formatNumber(transitDays(item.transitHours), language, 1) }))}`,
            `${escapeHtml(t('logistics.results.cost'))}: ${escapeHtml(formatMoney(item.cost, language))}`,
            `${escapeHtml(t('logistics.results.co2'))}: ${escapeHtml(co2Text(t, item.co2Kg, language))}`,
            tripModes(item)
              .map((mode) => escapeHtml(t(`logistics.modes.${mode}`)))
              .join(' · '),
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'value',
        scale: true,
        minInterval: 0.5,
        name: t('logistics.results.chartX'),
        nameLocation: 'middle',
        nameGap: 30,
        axisLabel: { formatter: (value: number) => formatNumber(value, language, 1, 0) },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: t('logistics.results.chartY', { currency }),
        nameTextStyle: { align: 'left' },
        axisLabel: { formatter: (value: number) => compact.format(value) },
      },
      series: [
        {
          type: 'scatter',
          data: itineraries.map((item, index) => ({
            // Only the chart turns the exact cost into a float: plotting needs a position, not a price.
            value: [transitDays(item.transitHours), Number(item.cost.amount), item.co2Kg],
            symbolSize: 14 + 34 * Math.sqrt(item.co2Kg / maxCo2),
            itemStyle: {
              color: MODE_COLORS[tripModes(item)[0] ?? 'rail'],
              opacity: index === selected ? 0.95 : 0.55,
              borderColor: index === selected ? '#1f2d3d' : '#ffffff',
              borderWidth: index === selected ? 2.5 : 1,
            },
            label: { show: true, formatter: String(index + 1), color: '#fff', fontWeight: 600, fontSize: 11 },
          })),
          emphasis: { scale: 1.15 },
        },
      ],
    };
  }, [itineraries, selected, language, t]);

  return (
    <EChart
      option={option}
      height={420}
      testId="itinerary-chart"
      ariaLabel={t('logistics.results.chartTitle')}
      onItemClick={(params) => onSelect(params.dataIndex)}
    />
  );
}
