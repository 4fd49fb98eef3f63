import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BookDetail,
  downloadReconciliation,
  REPORT_COUNTERS,
  type ReportCounter,
  type ReportRow,
  useReconciliation,
} from '../../api/bonded';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { Quantity } from './ItemsCard';
import { counterLabel } from './labels';
import { toMilli } from './model';

/** Counters with any movement this month on the given side; the others would be columns of zeros. */
function usedCounters(rows: readonly ReportRow[], side: 'in' | 'out'): ReportCounter[] {
  return REPORT_COUNTERS.filter((counter) => rows.some((row) => (toMilli(row[side][counter] ?? '0') ?? 0n) !== 0n));
}

/** The month's reconciliation of the book (账册核对表): opening, in and out by counter-account, closing. */
export function ReportCard({ book }: { book: BookDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const key = month.format('YYYY-MM');
  const report = useReconciliation(book.id, key);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const rows = report.data?.rows ?? [];
  const ins = usedCounters(rows, 'in');
  const outs = usedCounters(rows, 'out');

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadReconciliation(book.id, book.number, key, language);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  const counterColumns = (side: 'in' | 'out', counters: ReportCounter[]): ColumnsType<ReportRow> =>
    counters.length === 0
      ? [{ key: `${side}-none`, title: t('common.none'), align: 'right', render: () => '0' }]
      : counters.map((counter) => ({
          key: `${side}-${counter}`,
          title: counterLabel(t, counter),
          align: 'right' as const,
          render: (_: unknown, row: ReportRow) => <Quantity value={row[side][counter] ?? '0'} />,
        }));

  return (
    <Card
      title={t('bonded.report.title')}
      variant="borderless"
      className="section-card"
      data-testid="book-report"
      extra={
        <Space wrap>
          <DatePicker
            picker="month"
            value={month}
            allowClear={false}
            onChange={(value) => value && setMonth(value)}
            aria-label={t('bonded.report.month')}
          />
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
            {t('bonded.report.download')}
          </Button>
        </Space>
      }
    >
      {report.error ? <ProblemAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      {downloadError ? <ProblemAlert error={downloadError} /> : null}
      <Table<ReportRow>
        rowKey="itemNo"
        size="small"
        bordered
        loading={report.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('bonded.report.empty')} /> }}
        columns={[
          { key: 'no', title: t('bonded.items.itemNo'), dataIndex: 'itemNo', fixed: 'left' },
          { key: 'name', title: t('bonded.items.name'), dataIndex: 'name' },
          { key: 'unit', title: t('bonded.items.unit'), dataIndex: 'unit' },
          {
            key: 'opening',
            title: t('bonded.report.opening'),
            align: 'right',
            render: (_, row) => <Quantity value={row.opening} />,
          },
          { key: 'in', title: t('bonded.report.in'), children: counterColumns('in', ins) },
          { key: 'out', title: t('bonded.report.out'), children: counterColumns('out', outs) },
          {
            key: 'closing',
            title: t('bonded.report.closing'),
            align: 'right',
            render: (_, row) => <Quantity value={row.closing} strong />,
          },
        ]}
      />
    </Card>
  );
}
