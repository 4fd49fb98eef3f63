import { InfoCircleOutlined, MoneyCollectOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Input, Segmented, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrencies, useExchangeRates } from '../../api/hooks';
import type { Currency, ExchangeRate } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { compareDecimalStrings } from '../../lib/decimal';

interface Row extends Currency {
  rate: ExchangeRate | null;
}

type Filter = 'withRate' | 'all';

function capitalise(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

export function CurrenciesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const currencies = useCurrencies();
  const rates = useExchangeRates();
  const [filter, setFilter] = useState<Filter>('withRate');
  const [search, setSearch] = useState('');

  const rows = useMemo<Row[]>(() => {
    const byCode = new Map((rates.data ?? []).map((rate) => [rate.currency, rate]));
    return (currencies.data ?? []).map((currency) => ({ ...currency, rate: byCode.get(currency.code) ?? null }));
  }, [currencies.data, rates.data]);

  const withRateCount = rows.filter((row) => row.rate).length;
  const visible = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return rows.filter((row) => {
      if (filter === 'withRate' && !row.rate) return false;
      if (!needle) return true;
      return [row.code, row.numeric, ...Object.values(row.names)].some((v) => v.toLocaleLowerCase().includes(needle));
    });
  }, [rows, filter, search]);

  const columns: ColumnsType<Row> = [
    {
      title: t('reference.currencies.code'),
      dataIndex: 'code',
      key: 'code',
      className: 'mono-cell strong-cell',
      width: 90,
    },
    {
      title: t('reference.currencies.name'),
      key: 'name',
      // ISO 4217 names are lower-case in Russian running text; a table cell starts with a capital.
      render: (_, row) => capitalise(localName(row.names, language), language),
      sorter: (a, b) => localName(a.names, language).localeCompare(localName(b.names, language), language),
    },
    {
      title: t('reference.currencies.numeric'),
      dataIndex: 'numeric',
      key: 'numeric',
      className: 'mono-cell',
      width: 110,
    },
    {
      title: t('reference.currencies.minorUnits'),
      dataIndex: 'minorUnits',
      key: 'minorUnits',
      width: 130,
      align: 'right',
    },
    {
      title: t('reference.currencies.rate'),
      key: 'rate',
      align: 'right',
      width: 180,
      // The exact decimal string from the server, as is: no float conversion, no rounding.
      render: (_, row) =>
        row.rate ? (
          <Tooltip title={`${t('reference.currencies.source')}: ${row.rate.source}`}>
            <span className="mono rate-value">{row.rate.cnyPerUnit}</span>
          </Tooltip>
        ) : (
          <span className="muted">{t('reference.currencies.noRate')}</span>
        ),
      sorter: (a, b) => {
        if (!a.rate || !b.rate) return (a.rate ? 1 : 0) - (b.rate ? 1 : 0);
        return compareDecimalStrings(a.rate.cnyPerUnit, b.rate.cnyPerUnit);
      },
    },
    {
      title: t('reference.currencies.validOn'),
      key: 'validOn',
      width: 130,
      render: (_, row) => row.rate?.validOn ?? t('common.none'),
    },
  ];

  const error = currencies.error ?? rates.error;

  return (
    <div className="page">
      <PageHeader
        title={t('reference.currencies.title')}
        subtitle={t('reference.currencies.subtitle')}
        icon={<MoneyCollectOutlined />}
      />
      {error ? (
        <ProblemAlert
          error={error}
          onRetry={() => {
            void currencies.refetch();
            void rates.refetch();
          }}
        />
      ) : null}
      <Card variant="borderless" className="section-card">
        <Alert
          type="info"
          showIcon
          icon={<InfoCircleOutlined />}
          title={t('reference.currencies.rateNote')}
          className="card-alert"
        />
        <div className="toolbar">
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'withRate', label: `${t('reference.currencies.withRate')} (${withRateCount})` },
              { value: 'all', label: `${t('reference.currencies.all')} (${rows.length})` },
            ]}
          />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('reference.currencies.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="toolbar-search"
          />
        </div>
        <Table<Row>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={visible}
          loading={currencies.isPending || rates.isPending}
          pagination={{
            defaultPageSize: 25,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
          }}
          scroll={{ x: 760 }}
        />
      </Card>
    </div>
  );
}
