import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useEnterprises } from '../../api/hooks';
import type { DeclarationSummary } from '../../api/trade';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { countryName, useCountryIndex } from '../../lib/countries';
import { shortId } from '../../lib/format';
import { useNow } from '../../lib/useDebounced';
import { formatInstant } from '../logistics/model';
import { deadlineState, elapsedMinutes, formatDuration } from './model';
import { Cny } from './TaxPreviewPanel';
import { ChannelTag, DeadlineTag, DeclarationStatusTag, DirectionTag, FastLaneTag, PaymentTag } from './TradeTags';

export type DeclarationColumn =
  | 'number'
  | 'enterprise'
  | 'tradeCountry'
  | 'status'
  | 'channel'
  | 'target'
  | 'value'
  | 'tax'
  | 'payment'
  | 'submitted';

interface DeclarationTableProps {
  rows: readonly DeclarationSummary[];
  loading: boolean;
  columns: readonly DeclarationColumn[];
  testId: string;
  emptyText: ReactNode;
}

/** Declarations as a table whose rows open the declaration; the list, the queue and the board pick their columns. */
export function DeclarationTable({ rows, loading, columns, testId, emptyText }: DeclarationTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const countries = useCountryIndex();
  const now = useNow();
  const enterprises = useEnterprises(columns.includes('enterprise'));
  const names = useMemo(
    () => new Map((enterprises.data ?? []).map((e) => [e.id, localName(e.names, language)])),
    [enterprises.data, language],
  );

  const all: Record<DeclarationColumn, ColumnsType<DeclarationSummary>[number]> = {
    number: {
      title: t('trade.list.number'),
      key: 'number',
      width: 170,
      render: (_, row) => (
        <div>
          <Link
            to={`/trade/declarations/${row.id}`}
            className="mono strong-cell"
            onClick={(event) => event.stopPropagation()}
          >
            {row.number ?? shortId(row.id)}
          </Link>
          <div className="cell-sub">
            <DirectionTag direction={row.direction} />
          </div>
        </div>
      ),
    },
    enterprise: {
      title: t('trade.list.enterprise'),
      key: 'enterprise',
      width: 180,
      render: (_, row) => (
        <Tooltip title={row.enterpriseId}>
          <div className="enterprise-cell">
            <span className="mono muted">{shortId(row.enterpriseId)}</span>
            {names.get(row.enterpriseId) ? <div className="ellipsis">{names.get(row.enterpriseId)}</div> : null}
          </div>
        </Tooltip>
      ),
    },
    tradeCountry: {
      title: t('trade.form.tradeCountry'),
      key: 'tradeCountry',
      width: 110,
      render: (_, row) => countryName(countries, row.tradeCountry, language),
    },
    status: {
      title: t('trade.list.status'),
      key: 'status',
      width: 110,
      render: (_, row) => <DeclarationStatusTag status={row.status} />,
    },
    channel: {
      title: t('trade.list.channel'),
      key: 'channel',
      width: 160,
      render: (_, row) => (
        <div>
          <ChannelTag channel={row.channel} />
          {row.fastLane ? (
            <div className="cell-sub">
              <FastLaneTag category={row.fastLane} />
            </div>
          ) : null}
        </div>
      ),
    },
    target: {
      title: t('trade.list.target'),
      key: 'target',
      width: 210,
      render: (_, row) => {
        if (!row.targetReleaseAt) return <span className="muted">—</span>;
        const state = deadlineState(row, now);
        const elapsed = elapsedMinutes(row, now);
        return (
          <div className={state === 'overdue' ? 'target-cell overdue' : 'target-cell'} data-deadline={state ?? ''}>
            <div className="nowrap">{formatInstant(row.targetReleaseAt, language)}</div>
            <div className="tag-row">
              <DeadlineTag state={state} />
              {elapsed !== null ? <span className="muted">{formatDuration(elapsed, language)}</span> : null}
            </div>
          </div>
        );
      },
    },
    value: {
      title: t('trade.preview.customsValue'),
      key: 'value',
      align: 'right',
      width: 145,
      render: (_, row) => <Cny amount={row.customsValueCny} />,
    },
    tax: {
      title: t('trade.preview.taxes'),
      key: 'tax',
      align: 'right',
      width: 115,
      render: (_, row) => <Cny amount={row.taxCny} />,
    },
    payment: {
      title: t('trade.detail.payment'),
      key: 'payment',
      width: 105,
      render: (_, row) => <PaymentTag payment={row.payment} />,
    },
    submitted: {
      title: t('trade.detail.submitted'),
      key: 'submitted',
      width: 170,
      render: (_, row) => (
        <span className="muted nowrap">{row.submittedAt ? formatInstant(row.submittedAt, language) : '—'}</span>
      ),
    },
  };

  return (
    <div data-testid={testId}>
      <Table<DeclarationSummary>
        rowKey="id"
        size="middle"
        columns={columns.map((key) => all[key])}
        dataSource={[...rows]}
        loading={loading}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: columns.reduce((sum, key) => sum + Number(all[key].width ?? 120), 0) }}
        rowClassName={(row) =>
          deadlineState(row, now) === 'overdue' ? 'declaration-row overdue-row' : 'declaration-row'
        }
        onRow={(row) =>
          ({
            onClick: () => navigate(`/trade/declarations/${row.id}`),
            'data-testid': `declaration-row-${row.number ?? row.id}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText }}
      />
    </div>
  );
}
