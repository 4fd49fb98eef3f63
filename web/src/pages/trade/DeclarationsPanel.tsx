import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  DECLARATION_STATUSES,
  type DeclarationStatus,
  type Guarantee,
  TRADE_DIRECTIONS,
  type TradeDirection,
  useClearanceStatistics,
  useDeclarations,
  useGuarantees,
} from '../../api/trade';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DECLARANT_ROLES, OFFICER_ROLES, STATISTICS_ROLES } from './access';
import { DeclarationTable } from './DeclarationTable';
import { StatisticsCards } from './QueueView';
import { Cny } from './TaxPreviewPanel';

/** Customs–bank guarantee lines of the enterprise: what customs may release against before the taxes are paid. */
function GuaranteesCard() {
  const { t } = useTranslation();
  const guarantees = useGuarantees();
  const rows = guarantees.data ?? [];
  if (!guarantees.isPending && rows.length === 0) return null;
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined /> {t('trade.guarantees.title')}
        </span>
      }
      variant="borderless"
      className="section-card"
      data-testid="guarantees"
    >
      <div className="muted card-subtitle">{t('trade.guarantees.subtitle')}</div>
      <Table<Guarantee>
        rowKey="id"
        size="small"
        loading={guarantees.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('trade.guarantees.number'),
            key: 'number',
            render: (_, g) => <span className="mono">{g.number}</span>,
          },
          {
            title: t('trade.guarantees.amount'),
            key: 'amount',
            align: 'right',
            render: (_, g) => <Cny amount={g.amountCny} />,
          },
          {
            title: t('trade.guarantees.balance'),
            key: 'balance',
            align: 'right',
            render: (_, g) => <Cny amount={g.balanceCny} strong />,
          },
          {
            title: t('trade.guarantees.held'),
            key: 'held',
            align: 'right',
            render: (_, g) => <Cny amount={g.heldCny} />,
          },
          { title: t('trade.guarantees.validUntil'), key: 'valid', render: (_, g) => g.validUntil },
          {
            title: t('trade.list.status'),
            key: 'status',
            render: (_, g) => t(`trade.guarantees.statuses.${g.status}`),
          },
        ]}
      />
    </Card>
  );
}

/** The declarations the user may see (the enterprise's; all for customs and the zone), newest first. */
export function DeclarationsPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const [status, setStatus] = useState<DeclarationStatus | 'all'>('all');
  const [direction, setDirection] = useState<TradeDirection | 'all'>('all');
  const declarations = useDeclarations({
    ...(status === 'all' ? {} : { status }),
    ...(direction === 'all' ? {} : { direction }),
  });
  const declarant = DECLARANT_ROLES.includes(me.user.role);
  const authority = me.user.authorityId !== null;
  // Officers see the statistics with their queue; the zone administration sees them here.
  const statisticsHere = STATISTICS_ROLES.includes(me.user.role) && !OFFICER_ROLES.includes(me.user.role);
  const statistics = useClearanceStatistics(statisticsHere);

  return (
    <>
      <Card
        title={t('trade.list.title')}
        extra={
          <Space wrap>
            <Select<TradeDirection | 'all'>
              value={direction}
              onChange={setDirection}
              className="toolbar-select"
              options={[
                { value: 'all', label: t('trade.list.allDirections') },
                ...TRADE_DIRECTIONS.map((value) => ({ value, label: t(`trade.directions.${value}`) })),
              ]}
              data-testid="declarations-direction-filter"
            />
            <Select<DeclarationStatus | 'all'>
              value={status}
              onChange={setStatus}
              className="toolbar-select"
              options={[
                { value: 'all', label: t('trade.list.allStatuses') },
                ...DECLARATION_STATUSES.filter((s) => s !== 'draft').map((value) => ({
                  value,
                  label: t(`trade.statuses.${value}`),
                })),
              ]}
              data-testid="declarations-status-filter"
            />
            {declarant ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/trade/new')}
                data-testid="declarations-new"
              >
                {t('trade.list.new')}
              </Button>
            ) : null}
          </Space>
        }
        variant="borderless"
        className="section-card"
      >
        <div className="muted card-subtitle">{authority ? t('trade.list.subtitleAll') : t('trade.list.subtitle')}</div>
        {declarations.isError ? (
          <ProblemAlert error={declarations.error} onRetry={() => void declarations.refetch()} />
        ) : null}
        <DeclarationTable
          rows={declarations.data ?? []}
          loading={declarations.isPending}
          testId="declarations-table"
          columns={
            // Customs and the zone see whose declaration it is; an enterprise sees where its goods go and what it owes.
            authority
              ? ['number', 'enterprise', 'status', 'channel', 'value', 'tax', 'submitted']
              : ['number', 'tradeCountry', 'status', 'channel', 'value', 'tax', 'payment', 'submitted']
          }
          emptyText={
            <Empty description={t('trade.list.empty')}>
              {declarant ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/trade/new')}>
                  {t('trade.list.new')}
                </Button>
              ) : null}
            </Empty>
          }
        />
      </Card>
      {declarant || me.user.role === 'bank_officer' ? <GuaranteesCard /> : null}
      {statisticsHere ? <StatisticsCards statistics={statistics.data} /> : null}
    </>
  );
}
