import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRILL_PAGE, type DrillDeclaration, type DrillFilter, type PeriodPreset, useDrill } from '../../api/cockpit';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { dynamic, yuan } from './format';

interface DrillTableProps {
  preset: PeriodPreset;
  filter: DrillFilter;
  title: string;
  onClose: () => void;
}

/** The declarations behind the figure the user clicked, newest first, a page at a time. */
export function DrillTable({ preset, filter, title, onClose }: DrillTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [page, setPage] = useState(1);
  const drill = useDrill(preset, filter, (page - 1) * DRILL_PAGE);
  const items = drill.data?.items ?? [];
  const columns: ColumnsType<DrillDeclaration> = [
    {
      title: t('zoneCockpit.drill.number'),
      dataIndex: 'number',
      key: 'number',
      render: (v: string) => <code>{v}</code>,
    },
    { title: t('zoneCockpit.drill.date'), dataIndex: 'declarationDate', key: 'date', width: 110 },
    {
      title: t('zoneCockpit.drill.enterprise'),
      key: 'enterprise',
      render: (_, row) => (row.enterpriseNames ? localName(row.enterpriseNames, language) : row.enterpriseId),
    },
    {
      title: t('zoneCockpit.drill.direction'),
      key: 'direction',
      render: (_, row) => dynamic(t)(`zoneCockpit.direction.${row.direction}`),
    },
    { title: t('zoneCockpit.drill.country'), dataIndex: 'tradeCountry', key: 'country', width: 80 },
    {
      title: t('zoneCockpit.drill.channel'),
      key: 'channel',
      render: (_, row) => <Tag>{dynamic(t)(`zoneCockpit.channels.${row.channel}`)}</Tag>,
    },
    {
      title: t('zoneCockpit.drill.status'),
      key: 'status',
      render: (_, row) => (
        <Tag color={row.status === 'released' ? 'green' : 'blue'}>
          {dynamic(t)(`zoneCockpit.statuses.${row.status}`)}
        </Tag>
      ),
    },
    {
      title: t('zoneCockpit.drill.value'),
      key: 'value',
      align: 'right',
      render: (_, row) => yuan(row.customsValueFen, language),
    },
  ];
  return (
    <Card
      title={title}
      variant="borderless"
      className="section-card"
      data-testid="cockpit-drill"
      extra={
        <Button size="small" icon={<CloseOutlined />} onClick={onClose} aria-label={t('zoneCockpit.drill.close')} />
      }
    >
      {drill.error ? <ProblemAlert error={drill.error} /> : null}
      <Table<DrillDeclaration>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={drill.isFetching}
        data-testid="cockpit-drill-table"
        pagination={{
          current: page,
          pageSize: DRILL_PAGE,
          // The server pages without a total (it would cost a count over the declarations): offer a next page
          // while pages come back full.
          total: (page - 1) * DRILL_PAGE + items.length + (items.length === DRILL_PAGE ? 1 : 0),
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </Card>
  );
}
