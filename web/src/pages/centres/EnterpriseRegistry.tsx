import { DatabaseOutlined } from '@ant-design/icons';
import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useEnterprises } from '../../api/hooks';
import type { Enterprise } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { enterpriseKindLabel, localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { countryName, useCountryIndex } from '../../lib/countries';

/** The enterprises the caller may see: its own, or the whole zone for authorities and banks. */
export function EnterpriseRegistry() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const enterprises = useEnterprises();
  const countries = useCountryIndex();

  const columns: ColumnsType<Enterprise> = [
    {
      title: t('home.name'),
      key: 'name',
      render: (_, row) => <span className="strong-cell">{localName(row.names, language)}</span>,
      sorter: (a, b) => localName(a.names, language).localeCompare(localName(b.names, language), language),
    },
    { title: t('home.uscc'), dataIndex: 'uscc', key: 'uscc', className: 'mono-cell' },
    {
      title: t('home.customsCode'),
      dataIndex: 'customsCode',
      key: 'customsCode',
      className: 'mono-cell',
      render: (value: string | null) => value ?? t('common.none'),
    },
    {
      title: t('home.kinds'),
      key: 'kinds',
      render: (_, row) =>
        row.kinds.map((kind) => (
          <Tag key={kind} color="geekblue">
            {enterpriseKindLabel(t, kind)}
          </Tag>
        )),
    },
    {
      title: t('home.city'),
      key: 'city',
      render: (_, row) => [row.city, countryName(countries, row.countryCode, language)].filter(Boolean).join(' · '),
    },
    {
      title: t('home.status'),
      key: 'status',
      render: (_, row) => (
        <Tag color={row.status === 'active' ? 'green' : 'red'}>{t(`enterpriseStatus.${row.status}`)}</Tag>
      ),
    },
  ];

  return (
    <Card
      title={
        <span>
          <DatabaseOutlined style={{ color: '#2e8540', marginRight: 8 }} />
          {t('centres.investment.available.enterprises')}
        </span>
      }
      extra={<Tag color="green">{t('common.availableNow')}</Tag>}
      variant="borderless"
      className="section-card"
    >
      {enterprises.isError ? (
        <ProblemAlert error={enterprises.error} onRetry={() => void enterprises.refetch()} />
      ) : null}
      <Table<Enterprise>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={enterprises.data ?? []}
        loading={enterprises.isPending}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="enterprise-table"
      />
    </Card>
  );
}
