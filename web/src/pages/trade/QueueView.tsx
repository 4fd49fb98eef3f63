import { AuditOutlined, ClockCircleOutlined, FieldTimeOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type ClearanceStatistics, useClearanceStatistics, useOfficerQueue } from '../../api/trade';
import { type ChartOption, EChart } from '../../components/EChart';
import { KpiRow } from '../../components/Kpi';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { useNow } from '../../lib/useDebounced';
import { formatNumber } from '../logistics/model';
import { DeclarationTable } from './DeclarationTable';
import { deadlineState, formatDuration } from './model';

/** Median and 90th-percentile minutes from submission to release, by channel, as bars. */
function ClearanceChart({ statistics }: { statistics: ClearanceStatistics }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const option = useMemo<ChartOption>(() => {
    const rows = CHANNELS.map((channel) => statistics.byChannel.find((row) => row.channel === channel));
    const minutes = (value: number | null | undefined) => (value === null || value === undefined ? null : value);
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (typeof value === 'number' ? formatDuration(value, language) : '—'),
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: CHANNELS.map((channel) => t(`trade.channels.${channel}`)) },
      yAxis: { type: 'value', name: t('trade.queue.minutes'), nameTextStyle: { align: 'left' } },
      series: [
        {
          name: t('trade.queue.median'),
          type: 'bar',
          barMaxWidth: 36,
          label: {
            show: true,
            position: 'top',
            formatter: (params: { value: unknown }) =>
              typeof params.value === 'number' ? formatDuration(params.value, language) : '',
          },
          itemStyle: { color: '#0f766e' },
          data: rows.map((row) => minutes(row?.medianMinutes)),
        },
        {
          name: t('trade.queue.p90'),
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: '#9aa5b1' },
          data: rows.map((row) => minutes(row?.p90Minutes)),
        },
      ],
    };
  }, [statistics, t, language]);
  const any = statistics.byChannel.some((row) => row.released > 0);
  return any ? (
    <EChart option={option} height={260} testId="clearance-chart" ariaLabel={t('trade.queue.chartTitle')} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trade.queue.noReleases')} />
  );
}

/** The statistics of the last 30 days: KPIs and the clearance-time chart. */
export function StatisticsCards({ statistics }: { statistics: ClearanceStatistics | undefined }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const total = statistics?.byChannel.reduce((sum, row) => sum + row.declarations, 0);
  const released = statistics?.byChannel.reduce((sum, row) => sum + row.released, 0);
  const fast = statistics?.fastLane;
  const minutes = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatDuration(value, language);
  return (
    <>
      <KpiRow
        className="trade-kpis"
        items={[
          {
            title: t('trade.queue.kpiDeclarations'),
            value: total === undefined ? undefined : formatNumber(total, language),
            icon: <AuditOutlined />,
            color: '#0f766e',
            testId: 'kpi-declarations',
          },
          {
            title: t('trade.queue.kpiReleased'),
            value: released === undefined ? undefined : formatNumber(released, language),
            icon: <FieldTimeOutlined />,
            color: '#2e8540',
            testId: 'kpi-released',
          },
          {
            title: t('trade.queue.kpiFastLaneMedian'),
            value: fast ? minutes(fast.medianMinutes) : undefined,
            icon: <ThunderboltOutlined />,
            color: '#0e9aa7',
            testId: 'kpi-fast-lane-median',
          },
          {
            title: t('trade.queue.kpiOnTarget'),
            value: fast
              ? `${formatNumber(fast.onTarget, language)} / ${formatNumber(fast.released, language)}`
              : undefined,
            icon: <ClockCircleOutlined />,
            color: '#b86e00',
            testId: 'kpi-on-target',
          },
        ]}
      />
      <Card
        title={t('trade.queue.chartTitle')}
        extra={<span className="muted">{t('trade.queue.window')}</span>}
        variant="borderless"
        className="section-card"
      >
        {statistics ? <ClearanceChart statistics={statistics} /> : null}
      </Card>
    </>
  );
}

/** The officer's work queue (fast lane first, then oldest first) with the clearance statistics. */
export function QueueView() {
  const { t } = useTranslation();
  const queue = useOfficerQueue();
  const statistics = useClearanceStatistics();
  const now = useNow();
  const rows = queue.data ?? [];
  const overdue = rows.filter((row) => deadlineState(row, now) === 'overdue').length;
  return (
    <div data-testid="trade-queue">
      <Card
        title={t('trade.queue.title', { n: String(rows.length) })}
        extra={
          overdue > 0 ? (
            <span className="error-text" data-testid="queue-overdue">
              {t('trade.queue.overdue', { n: String(overdue) })}
            </span>
          ) : null
        }
        variant="borderless"
        className="section-card"
      >
        <div className="muted card-subtitle">{t('trade.queue.subtitle')}</div>
        {queue.isError ? <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
        <DeclarationTable
          rows={rows}
          loading={queue.isPending}
          testId="queue-table"
          columns={['number', 'enterprise', 'channel', 'target', 'submitted', 'status']}
          emptyText={<Empty description={t('trade.queue.empty')} />}
        />
      </Card>
      {statistics.isError ? <ProblemAlert error={statistics.error} /> : null}
      <StatisticsCards statistics={statistics.data} />
    </div>
  );
}
