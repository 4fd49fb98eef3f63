import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useShipments } from '../../api/shipments';
import { SHIPMENT_STATUSES, type ShipmentStatus, type ShipmentSummary } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant, formatMoney } from './model';
import { shortName } from './RouteMap';
import { AtRiskTag, DelayTag, ShipmentStatusTag } from './ShipmentTags';
import './shipments.css';

/** Rows per table page; further shipments are fetched from the server with "load more". */
const PAGE_SIZE = 20;

/** The tenant's bookings, newest first (authorities see every tenant's); a row opens the shipment. */
export function ShipmentsPanel() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ShipmentStatus | 'all'>('all');
  const shipments = useShipments(status);
  const rows = shipments.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: ColumnsType<ShipmentSummary> = [
    {
      title: t('shipments.blNumber'),
      key: 'bl',
      width: 170,
      render: (_, row) => (
        <div>
          <Link
            to={`/logistics/shipments/${row.id}`}
            className="mono strong-cell"
            onClick={(event) => event.stopPropagation()}
          >
            {row.blNumber}
          </Link>
          {row.reference ? <div className="muted shipment-reference">{row.reference}</div> : null}
        </div>
      ),
    },
    {
      title: t('shipments.route'),
      key: 'route',
      // Short names keep a row on one line; the full names are in the tooltip and on the shipment page.
      render: (_, row) => (
        <span className="shipment-route" title={`${row.origin.name} → ${row.destination.name}`}>
          <span>
            {shortName(row.origin.name)} <span className="mono muted">{row.origin.locode}</span>
          </span>
          <span className="leg-arrow">→</span>
          <span>
            {shortName(row.destination.name)} <span className="mono muted">{row.destination.locode}</span>
          </span>
        </span>
      ),
    },
    {
      title: t('shipments.status'),
      key: 'status',
      width: 150,
      render: (_, row) => (
        <span className="shipment-status-cell">
          <ShipmentStatusTag status={row.status} />
          {row.atRisk ? <AtRiskTag /> : null}
        </span>
      ),
    },
    {
      title: t('shipments.eta'),
      key: 'eta',
      width: 230,
      render: (_, row) =>
        row.eta ? (
          <span className="eta-cell">
            <span>{formatInstant(row.eta, language)}</span>
            <DelayTag hours={row.delayHours} />
          </span>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
    {
      title: t('shipments.cost'),
      key: 'cost',
      align: 'right',
      width: 150,
      render: (_, row) => <span className="num">{formatMoney(row.cost, language)}</span>,
    },
    {
      title: t('shipments.created'),
      key: 'created',
      width: 170,
      render: (_, row) => <span className="muted">{formatInstant(row.createdAt, language)}</span>,
    },
  ];

  return (
    <Card
      title={t('shipments.title')}
      extra={
        <Select<ShipmentStatus | 'all'>
          value={status}
          onChange={setStatus}
          className="toolbar-select"
          options={[
            { value: 'all', label: t('shipments.allStatuses') },
            ...SHIPMENT_STATUSES.map((value) => ({ value, label: t(`shipments.statuses.${value}`) })),
          ]}
          data-testid="shipments-status-filter"
        />
      }
      variant="borderless"
      className="section-card"
    >
      <div className="muted card-subtitle">{t('shipments.subtitle')}</div>
      {shipments.isError ? <ProblemAlert error={shipments.error} onRetry={() => void shipments.refetch()} /> : null}
      <div data-testid="shipments-table">
        <Table<ShipmentSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={shipments.isPending}
          pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          onRow={(row) => ({
            onClick: () => navigate(`/logistics/shipments/${row.id}`),
            className: 'shipment-row',
            'data-testid': `shipment-row-${row.blNumber}`,
          })}
          locale={{
            emptyText: (
              <Empty description={t('shipments.empty')}>
                <Button type="primary" icon={<SearchOutlined />} onClick={() => navigate('/logistics')}>
                  {t('shipments.planRoute')}
                </Button>
              </Empty>
            ),
          }}
        />
      </div>
      {shipments.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void shipments.fetchNextPage()} loading={shipments.isFetchingNextPage}>
            {t('shipments.loadMore')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
