import { Badge, Card, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useTrackingFeed } from '../../api/operations';
import type { OperatorFeedEvent } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDateTime } from '../../lib/format';
import { locationName, useLocationIndex } from '../../lib/locations';
import { trackingClassifierLabel, trackingEventColor, trackingEventLabel } from './eventCodes';

const CLASSIFIER_COLORS: Record<string, string> = { ACT: 'green', EST: 'gold', PLN: 'default' };

/** The latest tracking events on the operator's services (every service for the authorities), live. */
export function EventFeed({ allServices }: { allServices: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const feed = useTrackingFeed(50);
  const locations = useLocationIndex();

  const columns: ColumnsType<OperatorFeedEvent> = [
    {
      title: t('logistics.operations.eventAt'),
      key: 'eventAt',
      width: 150,
      render: (_, row) => <span className="num">{formatDateTime(row.eventAt)}</span>,
    },
    {
      title: t('logistics.operations.event'),
      key: 'event',
      width: 190,
      render: (_, row) => (
        <span className="feed-event">
          <Tag color={trackingEventColor(row.code)} data-code={row.code}>
            {trackingEventLabel(t, row.code)}
          </Tag>
          <span className="mono muted">{row.code}</span>
        </span>
      ),
    },
    {
      title: t('logistics.operations.classifier'),
      key: 'classifier',
      width: 96,
      render: (_, row) => (
        <Tag color={CLASSIFIER_COLORS[row.classifier] ?? 'default'} className="tag-small">
          {trackingClassifierLabel(t, row.classifier)}
        </Tag>
      ),
    },
    {
      title: t('logistics.operations.place'),
      key: 'place',
      ellipsis: { showTitle: false },
      render: (_, row) => {
        const name = locationName(locations, row.locode, language);
        return (
          <Tooltip title={name}>
            <span className="mono muted">{row.locode}</span> {name}
          </Tooltip>
        );
      },
    },
    {
      title: t('logistics.operations.container'),
      key: 'container',
      width: 130,
      render: (_, row) =>
        row.containerNumber ? <span className="mono">{row.containerNumber}</span> : t('common.none'),
    },
    {
      title: t('logistics.operations.service'),
      key: 'service',
      width: 130,
      render: (_, row) => (row.serviceCode ? <span className="mono">{row.serviceCode}</span> : t('common.none')),
    },
    {
      title: t('logistics.operations.remark'),
      key: 'remark',
      width: 200,
      ellipsis: { showTitle: false },
      render: (_, row) =>
        row.remark ? (
          <Tooltip title={row.remark}>
            <span className="muted">{row.remark}</span>
          </Tooltip>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
  ];

  return (
    <Card
      title={t('logistics.operations.feedTitle')}
      extra={
        feed.dataUpdatedAt ? (
          <Badge
            status="processing"
            className="card-extra-text"
            text={t('logistics.operations.updated', { time: dayjs(feed.dataUpdatedAt).format('HH:mm:ss') })}
          />
        ) : null
      }
      variant="borderless"
      className="section-card"
    >
      <div className="muted card-hint">
        {allServices ? t('logistics.operations.feedHintAll') : t('logistics.operations.feedHint')}
      </div>
      {feed.isError ? <ProblemAlert error={feed.error} onRetry={() => void feed.refetch()} /> : null}
      <div data-testid="event-feed">
        <Table<OperatorFeedEvent>
          rowKey="eventId"
          size="small"
          columns={columns}
          dataSource={feed.data ?? []}
          loading={feed.isPending}
          locale={{ emptyText: t('logistics.operations.noEvents') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 960 }}
        />
      </div>
    </Card>
  );
}
