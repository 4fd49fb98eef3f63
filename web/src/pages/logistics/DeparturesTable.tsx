import { Progress, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartureSegment, DepartureUtilisation, TransportService } from '../../api/types';
import { type ChartOption, EChart } from '../../components/EChart';
import { escapeHtml } from '../../components/worldMap';
import { useLanguage } from '../../i18n/useLanguage';
import { locationName, useLocationIndex } from '../../lib/locations';
import { ModeTag } from './ModeTag';
import { formatInstant, formatNumber } from './model';
import { utilisationColor, utilisationLevel, utilisationPercent } from './operationsModel';

function useUnit() {
  const { t } = useTranslation();
  return (unit: 'TEU' | 'KG') => (unit === 'KG' ? t('logistics.services.unitKg') : t('logistics.services.unitTeu'));
}

/** Sold against capacity as a coloured bar: green below 70 %, orange below 95 %, red from 95 %. */
function UtilisationBar({
  sold,
  capacity,
  unit,
  utilisation,
}: {
  sold: number;
  capacity: number;
  unit: 'TEU' | 'KG';
  utilisation: number;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const unitText = useUnit();
  const percent = utilisationPercent(utilisation);
  return (
    <div className="utilisation-cell" data-level={utilisationLevel(utilisation)}>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        strokeColor={utilisationColor(utilisation)}
        aria-label={`${percent}%`}
      />
      <span className="utilisation-text">
        <span className="num strong-cell">{percent}%</span>
        <span className="muted">
          {t('logistics.operations.soldOf', {
            sold: formatNumber(sold, language),
            capacity: formatNumber(capacity, language),
            unit: unitText(unit),
          })}
        </span>
      </span>
    </div>
  );
}

function Segments({ departure }: { departure: DepartureUtilisation }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const locations = useLocationIndex();
  const columns: ColumnsType<DepartureSegment & { index: number }> = [
    {
      title: t('logistics.operations.segment'),
      key: 'segment',
      render: (_, segment) => (
        <span>
          {locationName(locations, segment.from, language)} <span className="mono muted">{segment.from}</span>{' '}
          <span className="leg-arrow">→</span>
          {locationName(locations, segment.to, language)} <span className="mono muted">{segment.to}</span>
        </span>
      ),
    },
    {
      title: t('logistics.operations.sold'),
      key: 'sold',
      align: 'right',
      width: 110,
      render: (_, segment) => <span className="num">{formatNumber(segment.sold, language)}</span>,
    },
    {
      title: t('logistics.operations.remaining'),
      key: 'remaining',
      align: 'right',
      width: 110,
      render: (_, segment) => <span className="num">{formatNumber(segment.remaining, language)}</span>,
    },
    {
      title: t('logistics.operations.segmentUtilisation'),
      key: 'bar',
      width: 300,
      render: (_, segment) => (
        <UtilisationBar
          sold={segment.sold}
          capacity={departure.capacityUnits}
          unit={departure.capacityUnit}
          utilisation={departure.capacityUnits > 0 ? segment.sold / departure.capacityUnits : 0}
        />
      ),
    },
  ];
  return (
    <div className="segments" data-testid={`departure-segments-${departure.id}`}>
      <div className="legs-title">
        {t('logistics.operations.segments', { date: formatInstant(departure.departsAt, language) })}
      </div>
      <Table
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={departure.segments.map((segment, index) => ({ ...segment, index }))}
        pagination={false}
      />
    </div>
  );
}

interface DeparturesTableProps {
  departures: readonly DepartureUtilisation[];
  services: ReadonlyMap<string, TransportService>;
  loading: boolean;
}

/** One row per departure: the busiest segment's sold/capacity as a bar; expand a row for every segment. */
export function DeparturesTable({ departures, services, loading }: DeparturesTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();

  const columns: ColumnsType<DepartureUtilisation> = [
    {
      title: t('logistics.operations.service'),
      key: 'service',
      width: 230,
      render: (_, row) => {
        const service = services.get(row.serviceId);
        return (
          <span className="service-cell">
            {service ? <ModeTag mode={service.mode} /> : null}
            <span className="mono strong-cell">{row.serviceCode}</span>
          </span>
        );
      },
    },
    {
      title: t('logistics.operations.departs'),
      key: 'departs',
      width: 210,
      render: (_, row) => (
        <span>
          {formatInstant(row.departsAt, language)}
          {row.status === 'cancelled' ? (
            <Tag color="red" className="tag-small cancelled-tag">
              {t('logistics.operations.cancelled')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('logistics.operations.utilisation'),
      key: 'utilisation',
      render: (_, row) => (
        <UtilisationBar
          sold={row.soldMaxUnits}
          capacity={row.capacityUnits}
          unit={row.capacityUnit}
          utilisation={row.utilisation}
        />
      ),
    },
    {
      title: t('logistics.operations.shipments'),
      key: 'shipments',
      align: 'right',
      width: 110,
      render: (_, row) => <span className="num">{formatNumber(row.shipments, language)}</span>,
    },
  ];

  return (
    <div data-testid="departures-table">
      <Table<DepartureUtilisation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...departures]}
        loading={loading}
        locale={{ emptyText: t('logistics.operations.noDepartures') }}
        expandable={{ expandedRowRender: (row) => <Segments departure={row} /> }}
        rowClassName={(row) => (row.status === 'cancelled' ? 'departure-cancelled' : '')}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 860 }}
      />
    </div>
  );
}

interface UtilisationChartProps {
  departures: readonly DepartureUtilisation[];
  /** Set when one service is chosen: its next departures are drawn one bar each. */
  serviceCode: string | null;
}

const MAX_BARS = 30;

/**
 * One service: a bar per upcoming departure, coloured like the table's bars. All services: the
 * average and the peak utilisation of each over the departures listed.
 */
export function UtilisationChart({ departures, serviceCode }: UtilisationChartProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();

  const option = useMemo<ChartOption>(() => {
    const percentAxis = {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      name: t('logistics.operations.chartY'),
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: '{value}%' },
    };
    if (serviceCode) {
      const rows = departures.filter((row) => row.status === 'scheduled').slice(0, MAX_BARS);
      const short = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric' });
      return {
        grid: { left: 48, right: 16, top: 36, bottom: 28 },
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (params: unknown) => {
            const row = rows[(params as { dataIndex: number }).dataIndex];
            if (!row) return '';
            return [
              `<b>${escapeHtml(formatInstant(row.departsAt, language))}</b>`,
              `${utilisationPercent(row.utilisation)}% · ${escapeHtml(
                t('logistics.operations.soldOf', {
                  sold: formatNumber(row.soldMaxUnits, language),
                  capacity: formatNumber(row.capacityUnits, language),
                  unit: row.capacityUnit === 'KG' ? t('logistics.services.unitKg') : t('logistics.services.unitTeu'),
                }),
              )}`,
            ].join('<br/>');
          },
        },
        xAxis: {
          type: 'category',
          data: rows.map((row) => short.format(new Date(row.departsAt))),
          axisLabel: { hideOverlap: true },
          axisTick: { alignWithLabel: true },
        },
        yAxis: percentAxis,
        series: [
          {
            type: 'bar',
            barMaxWidth: 22,
            data: rows.map((row) => ({
              value: Math.round(row.utilisation * 1000) / 10,
              itemStyle: { color: utilisationColor(row.utilisation), borderRadius: [3, 3, 0, 0] },
            })),
          },
        ],
      };
    }
    const byService = new Map<string, { sum: number; count: number; peak: number }>();
    for (const row of departures) {
      if (row.status !== 'scheduled') continue;
      const entry = byService.get(row.serviceCode) ?? { sum: 0, count: 0, peak: 0 };
      entry.sum += row.utilisation;
      entry.count += 1;
      entry.peak = Math.max(entry.peak, row.utilisation);
      byService.set(row.serviceCode, entry);
    }
    const codes = [...byService.keys()].sort();
    const percentOf = (value: number) => Math.round(value * 1000) / 10;
    return {
      grid: { left: 48, right: 16, top: 36, bottom: 56 },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 10 },
      tooltip: { trigger: 'axis', confine: true, valueFormatter: (value: unknown) => `${String(value)}%` },
      xAxis: {
        type: 'category',
        data: codes,
        axisLabel: { interval: 0, rotate: codes.length > 8 ? 35 : 0, fontSize: 11, fontFamily: 'monospace' },
      },
      yAxis: percentAxis,
      series: [
        {
          name: t('logistics.operations.chartAverage'),
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#8fb0d6', borderRadius: [3, 3, 0, 0] },
          data: codes.map((code) => {
            const entry = byService.get(code);
            return entry ? percentOf(entry.sum / entry.count) : 0;
          }),
        },
        {
          name: t('logistics.operations.chartPeak'),
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#1f6fb4', borderRadius: [3, 3, 0, 0] },
          data: codes.map((code) => {
            const peak = byService.get(code)?.peak ?? 0;
            return { value: percentOf(peak), itemStyle: { color: peak >= 0.7 ? utilisationColor(peak) : '#1f6fb4' } };
          }),
        },
      ],
    };
  }, [departures, serviceCode, language, t]);

  return (
    <div className="utilisation-chart">
      <div className="chart-heading">
        <span className="chart-title">
          {serviceCode
            ? t('logistics.operations.chartTitleService', { code: serviceCode })
            : t('logistics.operations.chartTitle')}
        </span>
        <span className="muted chart-hint">
          {serviceCode ? t('logistics.operations.chartHintService') : t('logistics.operations.chartHintAll')}
        </span>
      </div>
      <EChart
        option={option}
        height={220}
        testId="utilisation-chart"
        ariaLabel={
          serviceCode
            ? t('logistics.operations.chartTitleService', { code: serviceCode })
            : t('logistics.operations.chartTitle')
        }
      />
    </div>
  );
}
