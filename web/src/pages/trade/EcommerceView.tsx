import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type EcommerceUpload,
  ecommerceKeys,
  FILE_FIELDS,
  KNOWN_REASONS,
  LIST_STATUSES,
  type ListStatus,
  type RetailImportList,
  UPLOAD_KINDS,
  type UploadKind,
  uploadContentType,
  uploadFile,
  useExportConsolidation,
  useRetailLists,
  useUploadProgress,
  useUploads,
} from '../../api/ecommerce';
import type { Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant, formatNumber } from '../logistics/model';

/** Who may send e-commerce documents (the server checks the same list). */
const UPLOADER_ROLES: readonly Role[] = ['trader', 'forwarder'];

const LIST_COLORS: Record<ListStatus, string> = { released: 'green', inspection: 'orange', rejected: 'red' };
const UPLOAD_COLORS: Record<EcommerceUpload['status'], string> = {
  processing: 'processing',
  completed: 'success',
  failed: 'error',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function isKnownReason(reason: string): reason is (typeof KNOWN_REASONS)[number] {
  return (KNOWN_REASONS as readonly string[]).includes(reason);
}

function ReasonText({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  if (!reason) return <span className="muted">—</span>;
  return isKnownReason(reason) ? (
    <span>{t(`ecommerce.reasons.${reason}`)}</span>
  ) : (
    <span className="mono">{reason}</span>
  );
}

/** The counts of an upload, live while it runs and final when it is done. */
function UploadCounts({ upload }: { upload: EcommerceUpload }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const stats: { key: string; label: string; value: number; color?: string }[] = [
    { key: 'linesRead', label: t('ecommerce.counts.linesRead'), value: upload.linesRead },
    { key: 'accepted', label: t('ecommerce.counts.accepted'), value: upload.linesAccepted, color: '#389e0d' },
    { key: 'duplicate', label: t('ecommerce.counts.duplicate'), value: upload.linesDuplicate },
    {
      key: 'rejected',
      label: t('ecommerce.counts.rejected'),
      value: upload.linesRejected,
      color: upload.linesRejected > 0 ? '#cf1322' : undefined,
    },
  ];
  if (upload.kind !== 'export_lists') {
    stats.push(
      { key: 'listsReleased', label: t('ecommerce.counts.listsReleased'), value: upload.listsReleased },
      { key: 'listsInspection', label: t('ecommerce.counts.listsInspection'), value: upload.listsInspection },
      { key: 'listsRejected', label: t('ecommerce.counts.listsRejected'), value: upload.listsRejected },
    );
  }
  return (
    <Row gutter={[16, 12]} data-testid="ecommerce-counts">
      {stats.map((s) => (
        <Col key={s.key} xs={12} sm={8} md={6} lg={6} xl={3}>
          <div data-testid={`ecommerce-count-${s.key}`} data-value={s.value}>
            <Statistic
              title={s.label}
              value={n(s.value)}
              styles={{ content: { fontSize: 20, ...(s.color ? { color: s.color } : {}) } }}
            />
          </div>
        </Col>
      ))}
    </Row>
  );
}

type Phase = 'idle' | 'sending' | 'processing' | 'done' | 'failed';

function UploadCard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const me = useSession();
  const canUpload = UPLOADER_ROLES.includes(me.user.role);
  const [kind, setKind] = useState<UploadKind>('orders');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [sent, setSent] = useState({ loaded: 0, total: 0 });
  const [result, setResult] = useState<EcommerceUpload | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const running = phase === 'sending' || phase === 'processing';
  const progress = useUploadProgress(uploadId, running);
  const shown = result ?? (running ? progress.data : undefined);
  const badExtension = file !== null && uploadContentType(file.name) === null;

  async function start() {
    if (!file || badExtension) return;
    const id = crypto.randomUUID();
    setUploadId(id);
    setResult(null);
    setError(null);
    setSent({ loaded: 0, total: file.size });
    setPhase('sending');
    try {
      const done = await uploadFile({
        id,
        kind,
        file,
        language,
        onProgress: (loaded, total) => {
          setSent({ loaded, total });
          if (loaded >= total) setPhase('processing');
        },
      });
      setResult(done);
      setPhase(done.status === 'failed' ? 'failed' : 'done');
    } catch (caught) {
      setError(caught);
      setPhase('failed');
    } finally {
      void queryClient.invalidateQueries({ queryKey: ecommerceKeys.all });
    }
  }

  const percent = sent.total > 0 ? Math.round((sent.loaded / sent.total) * 100) : 0;
  return (
    <Card
      title={t('ecommerce.upload.title')}
      variant="borderless"
      className="section-card"
      data-testid="ecommerce-upload"
    >
      {canUpload ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap size="middle" align="center">
            <span className="muted">{t('ecommerce.upload.kind')}</span>
            <Select<UploadKind>
              value={kind}
              onChange={setKind}
              disabled={running}
              style={{ minWidth: 200 }}
              data-testid="ecommerce-kind"
              options={UPLOAD_KINDS.map((k) => ({ value: k, label: t(`ecommerce.kinds.${k}`) }))}
            />
            <input
              ref={inputRef}
              type="file"
              accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
              data-testid="ecommerce-file"
              style={{ display: 'none' }}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setPhase('idle');
                setResult(null);
                setError(null);
              }}
            />
            <Button icon={<UploadOutlined />} disabled={running} onClick={() => inputRef.current?.click()}>
              {t('ecommerce.upload.choose')}
            </Button>
            {file ? (
              <span className="mono" data-testid="ecommerce-file-name">
                {file.name} · {formatBytes(file.size)}
              </span>
            ) : null}
            <Button
              type="primary"
              disabled={!file || badExtension || running}
              loading={running}
              onClick={() => void start()}
              data-testid="ecommerce-start"
            >
              {t('ecommerce.upload.start')}
            </Button>
          </Space>
          {badExtension ? <Alert type="warning" showIcon title={t('ecommerce.upload.badExtension')} /> : null}
          {phase !== 'idle' ? (
            <div data-testid="ecommerce-progress" data-phase={phase}>
              <div className="muted">
                {phase === 'sending'
                  ? t('ecommerce.upload.sending')
                  : phase === 'processing'
                    ? t('ecommerce.upload.processing')
                    : phase === 'done'
                      ? t('ecommerce.upload.done')
                      : t('ecommerce.upload.failed')}
                {sent.total > 0 ? ` · ${formatBytes(sent.loaded)} / ${formatBytes(sent.total)}` : ''}
              </div>
              <Progress
                percent={percent}
                status={phase === 'failed' ? 'exception' : phase === 'done' ? 'success' : 'active'}
              />
            </div>
          ) : null}
          {error ? <ProblemAlert error={error} /> : null}
          {shown ? <UploadCounts upload={shown} /> : null}
          {result && result.linesRejected > 0 ? (
            <a href={result.errorReportUrl} download data-testid="ecommerce-error-report">
              <DownloadOutlined /> {t('ecommerce.upload.errorReport')}
            </a>
          ) : null}
        </Space>
      ) : (
        <Alert type="info" showIcon title={t('ecommerce.upload.notAllowed')} />
      )}
    </Card>
  );
}

function RecentUploads() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const uploads = useUploads();
  if (uploads.error) return <ProblemAlert error={uploads.error} onRetry={() => void uploads.refetch()} />;
  return (
    <Card
      title={t('ecommerce.recent.title')}
      variant="borderless"
      className="section-card"
      data-testid="ecommerce-uploads"
    >
      <Table<EcommerceUpload>
        rowKey="id"
        size="small"
        loading={uploads.isLoading}
        dataSource={uploads.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('ecommerce.recent.empty')} /> }}
        columns={[
          {
            key: 'started',
            title: t('ecommerce.recent.started'),
            render: (_, row) => formatInstant(row.startedAt, language),
          },
          { key: 'kind', title: t('ecommerce.recent.kind'), render: (_, row) => t(`ecommerce.kinds.${row.kind}`) },
          {
            key: 'status',
            title: t('ecommerce.recent.status'),
            render: (_, row) => (
              <Tag color={UPLOAD_COLORS[row.status]}>{t(`ecommerce.uploadStatuses.${row.status}`)}</Tag>
            ),
          },
          {
            key: 'bytes',
            title: t('ecommerce.counts.bytes'),
            align: 'right',
            render: (_, row) => formatBytes(row.bytes),
          },
          {
            key: 'read',
            title: t('ecommerce.counts.linesRead'),
            align: 'right',
            render: (_, row) => formatNumber(row.linesRead, language),
          },
          {
            key: 'accepted',
            title: t('ecommerce.counts.accepted'),
            align: 'right',
            render: (_, row) => formatNumber(row.linesAccepted, language),
          },
          {
            key: 'duplicate',
            title: t('ecommerce.counts.duplicate'),
            align: 'right',
            render: (_, row) => formatNumber(row.linesDuplicate, language),
          },
          {
            key: 'rejected',
            title: t('ecommerce.counts.rejected'),
            align: 'right',
            render: (_, row) =>
              row.linesRejected > 0 ? (
                <a href={row.errorReportUrl} download title={t('ecommerce.upload.errorReport')}>
                  {formatNumber(row.linesRejected, language)} <DownloadOutlined />
                </a>
              ) : (
                formatNumber(row.linesRejected, language)
              ),
          },
          {
            key: 'lists',
            title: t('ecommerce.counts.listsReleased'),
            align: 'right',
            render: (_, row) => formatNumber(row.listsReleased, language),
          },
        ]}
      />
    </Card>
  );
}

function RetailLists() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [status, setStatus] = useState<ListStatus | undefined>(undefined);
  const lists = useRetailLists(status);
  return (
    <Card
      title={t('ecommerce.lists.title')}
      variant="borderless"
      className="section-card"
      data-testid="ecommerce-lists"
      extra={
        <Select<ListStatus | 'all'>
          value={status ?? 'all'}
          onChange={(value) => setStatus(value === 'all' ? undefined : value)}
          style={{ minWidth: 160 }}
          data-testid="ecommerce-list-status"
          options={[
            { value: 'all', label: t('ecommerce.lists.allStatuses') },
            ...LIST_STATUSES.map((s) => ({ value: s, label: t(`ecommerce.listStatuses.${s}`) })),
          ]}
        />
      }
    >
      {lists.error ? <ProblemAlert error={lists.error} onRetry={() => void lists.refetch()} /> : null}
      <Table<RetailImportList>
        rowKey="orderNo"
        size="small"
        loading={lists.isLoading}
        dataSource={lists.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('ecommerce.lists.empty')} /> }}
        columns={[
          {
            key: 'orderNo',
            title: t('ecommerce.lists.orderNo'),
            render: (_, row) => <span className="mono">{row.orderNo}</span>,
          },
          { key: 'mode', title: t('ecommerce.lists.mode'), dataIndex: 'mode' },
          {
            key: 'consumer',
            title: t('ecommerce.lists.consumer'),
            render: (_, row) => (
              <span className="mono" data-testid="ecommerce-list-consumer">
                {row.consumer}
              </span>
            ),
          },
          { key: 'value', title: t('ecommerce.lists.value'), align: 'right', render: (_, row) => row.valueCny },
          { key: 'tax', title: t('ecommerce.lists.tax'), align: 'right', render: (_, row) => row.taxCny },
          {
            key: 'status',
            title: t('ecommerce.lists.status'),
            render: (_, row) => (
              <Tag color={LIST_COLORS[row.status]} data-testid="ecommerce-list-status-tag">
                {t(`ecommerce.listStatuses.${row.status}`)}
              </Tag>
            ),
          },
          { key: 'reason', title: t('ecommerce.lists.reason'), render: (_, row) => <ReasonText reason={row.reason} /> },
          {
            key: 'created',
            title: t('ecommerce.lists.created'),
            render: (_, row) => formatInstant(row.createdAt, language),
          },
        ]}
      />
    </Card>
  );
}

function ExportConsolidationCard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const key = month.format('YYYY-MM');
  const consolidation = useExportConsolidation(key);
  return (
    <Card
      title={t('ecommerce.consolidation.title')}
      variant="borderless"
      className="section-card"
      data-testid="ecommerce-consolidation"
      extra={
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(value) => value && setMonth(value)}
          aria-label={t('ecommerce.consolidation.month')}
          data-testid="ecommerce-month"
        />
      }
    >
      {consolidation.error ? <ProblemAlert error={consolidation.error} /> : null}
      <Table
        rowKey={(row) => `${row.mode}-${row.code}-${row.destinationCountry}`}
        size="small"
        loading={consolidation.isLoading}
        dataSource={consolidation.data?.lines ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('ecommerce.consolidation.empty')} /> }}
        columns={[
          { key: 'mode', title: t('ecommerce.consolidation.mode'), dataIndex: 'mode' },
          {
            key: 'code',
            title: t('ecommerce.consolidation.code'),
            render: (_, row) => <span className="mono">{row.code}</span>,
          },
          { key: 'destination', title: t('ecommerce.consolidation.destination'), dataIndex: 'destinationCountry' },
          {
            key: 'lists',
            title: t('ecommerce.consolidation.lists'),
            align: 'right',
            render: (_, row) => formatNumber(row.lists, language),
          },
          { key: 'value', title: t('ecommerce.consolidation.value'), align: 'right', dataIndex: 'valueCny' },
        ]}
      />
    </Card>
  );
}

function FormatHelp() {
  const { t } = useTranslation();
  return (
    <Card title={t('ecommerce.help.title')} variant="borderless" className="section-card" data-testid="ecommerce-help">
      <Typography.Paragraph type="secondary">{t('ecommerce.help.intro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={UPLOAD_KINDS.map((k) => ({
          key: k,
          label: t(`ecommerce.kinds.${k}`),
          children: <span className="mono">{FILE_FIELDS[k].join(', ')}</span>,
        }))}
      />
    </Card>
  );
}

/** Cross-border e-commerce (跨境电商): bulk uploads, the retail import lists they produce, export consolidation. */
export function EcommerceView() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="ecommerce">
      <UploadCard />
      <RecentUploads />
      <RetailLists />
      <ExportConsolidationCard />
      <FormatHelp />
    </Space>
  );
}
