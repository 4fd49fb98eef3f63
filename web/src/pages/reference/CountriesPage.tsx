import { FlagOutlined, SearchOutlined } from '@ant-design/icons';
import { Card, Input, Segmented, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../../api/hooks';
import { type Country, SCO_STATUSES, type ScoStatus } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';

type Filter = 'all' | 'any' | ScoStatus;

export const SCO_STATUS_COLOR: Record<ScoStatus, string> = {
  member: 'blue',
  observer: 'cyan',
  dialogue_partner: 'purple',
};

const STATUS_ORDER: Record<ScoStatus, number> = { member: 0, observer: 1, dialogue_partner: 2 };

export function CountriesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [filter, setFilter] = useState<Filter>('any');
  const [search, setSearch] = useState('');
  // One fetch of all countries; filtering 249 rows in the browser is instant and keeps counts visible.
  const countries = useCountries('all');

  const all = countries.data ?? [];
  const counts = useMemo(() => {
    const result: Record<Filter, number> = { all: all.length, any: 0, member: 0, observer: 0, dialogue_partner: 0 };
    for (const country of all) {
      if (country.scoStatus) {
        result.any += 1;
        result[country.scoStatus] += 1;
      }
    }
    return result;
  }, [all]);

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return all.filter((country) => {
      if (filter === 'any' && !country.scoStatus) return false;
      if (filter !== 'any' && filter !== 'all' && country.scoStatus !== filter) return false;
      if (!needle) return true;
      const haystack = [country.alpha2, country.alpha3, country.numeric, ...Object.values(country.names)];
      return haystack.some((value) => value.toLocaleLowerCase().includes(needle));
    });
  }, [all, filter, search]);

  const columns: ColumnsType<Country> = [
    {
      title: t('reference.countries.name'),
      key: 'name',
      render: (_, row) => <span className="strong-cell">{localName(row.names, language)}</span>,
      sorter: (a, b) => localName(a.names, language).localeCompare(localName(b.names, language), language),
    },
    { title: t('reference.countries.alpha2'), dataIndex: 'alpha2', key: 'alpha2', className: 'mono-cell', width: 110 },
    { title: t('reference.countries.alpha3'), dataIndex: 'alpha3', key: 'alpha3', className: 'mono-cell', width: 110 },
    {
      title: t('reference.countries.numeric'),
      dataIndex: 'numeric',
      key: 'numeric',
      className: 'mono-cell',
      width: 110,
    },
    {
      title: t('reference.countries.scoStatus'),
      key: 'scoStatus',
      width: 170,
      render: (_, row) =>
        row.scoStatus ? (
          <Tag color={SCO_STATUS_COLOR[row.scoStatus]}>{t(`scoStatus.${row.scoStatus}`)}</Tag>
        ) : (
          <span className="muted">{t('scoStatus.none')}</span>
        ),
      sorter: (a, b) => (a.scoStatus ? STATUS_ORDER[a.scoStatus] : 9) - (b.scoStatus ? STATUS_ORDER[b.scoStatus] : 9),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('reference.countries.scoSince'),
      dataIndex: 'scoSince',
      key: 'scoSince',
      width: 130,
      render: (value: string | null) => value ?? t('common.none'),
      sorter: (a, b) => (a.scoSince ?? '9999').localeCompare(b.scoSince ?? '9999'),
    },
  ];

  const filterOptions: { value: Filter; label: string }[] = [
    { value: 'any', label: `${t('scoStatus.anySco')} (${counts.any})` },
    ...SCO_STATUSES.map((status) => ({ value: status, label: `${t(`scoStatus.${status}`)} (${counts[status]})` })),
    { value: 'all', label: `${t('common.all')} (${counts.all})` },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('reference.countries.title')}
        subtitle={t('reference.countries.subtitle')}
        icon={<FlagOutlined />}
      />
      {countries.isError ? <ProblemAlert error={countries.error} onRetry={() => void countries.refetch()} /> : null}
      <Card variant="borderless" className="section-card">
        <div className="toolbar">
          <Segmented<Filter> value={filter} onChange={setFilter} options={filterOptions} data-testid="sco-filter" />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('reference.countries.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="toolbar-search"
          />
        </div>
        <Table<Country>
          rowKey="alpha2"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={countries.isPending}
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
          }}
          scroll={{ x: 760 }}
        />
      </Card>
    </div>
  );
}
