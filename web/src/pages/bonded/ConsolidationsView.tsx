import { FileDoneOutlined, WarningFilled } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Row, Space, Switch, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Consolidation,
  type ConsolidationDetail,
  useBooks,
  useConsolidation,
  useConsolidations,
  useFileConsolidation,
} from '../../api/bonded';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';
import { ENTERPRISE_ROLES } from './access';
import { useEnterpriseNames } from './BooksView';
import { DeclarationFields, type DeclarationValues, declarationBody, isDeclarationField } from './DeclarationFields';
import { Quantity } from './ItemsCard';
import { UnplacedErrors, useServerErrors } from './ListForms';

/** Today in the zone's calendar (Asia/Shanghai), as the server dates periods: YYYY-MM-DD. */
function zoneToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** The batches of one consolidated declaration and the quantities it declares. */
function ConsolidationBatches({ id }: { id: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const detail = useConsolidation(id);
  if (detail.error) return <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Table<ConsolidationDetail['lists'][number]>
          rowKey="id"
          size="small"
          loading={detail.isPending}
          dataSource={detail.data?.lists ?? []}
          pagination={false}
          title={() => t('bonded.consolidations.batchLists')}
          locale={{ emptyText: <Empty description={t('bonded.consolidations.noBatches')} /> }}
          columns={[
            {
              key: 'number',
              title: t('bonded.lists.number'),
              render: (_, l) => <span className="mono">{l.number}</span>,
            },
            { key: 'lines', title: t('bonded.lists.lines'), dataIndex: 'lines', align: 'right' },
            { key: 'posted', title: t('bonded.lists.posted'), render: (_, l) => formatInstant(l.postedAt, language) },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Table<ConsolidationDetail['totals'][number]>
          rowKey="itemNo"
          size="small"
          loading={detail.isPending}
          dataSource={detail.data?.totals ?? []}
          pagination={false}
          title={() => t('bonded.consolidations.totals')}
          locale={{ emptyText: <Empty description={t('bonded.consolidations.noBatches')} /> }}
          columns={[
            { key: 'no', title: t('bonded.items.itemNo'), dataIndex: 'itemNo' },
            {
              key: 'hs',
              title: t('bonded.items.hsCode'),
              render: (_, row) => <span className="mono">{row.hsCode}</span>,
            },
            {
              key: 'quantity',
              title: t('bonded.form.quantity'),
              align: 'right',
              render: (_, row) => (
                <>
                  <Quantity value={row.quantity} /> {row.unit}
                </>
              ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}

interface FilingValues {
  declaration?: DeclarationValues;
  /** Second legal quantity by item number, for lines that have one. */
  seconds?: Record<string, string>;
}

/**
 * Files a finished period: one import declaration for everything its batches released, so the
 * enterprise gives the header and the second quantities; the book gives items, quantities and prices.
 */
function FileConsolidationModal({ row, onClose }: { row: Consolidation; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilingValues>();
  const detail = useConsolidation(row.id);
  const file = useFileConsolidation();
  const server = useServerErrors(file.error);
  const totals = detail.data?.totals ?? [];
  const placed = (path: string) => isDeclarationField(path) || /^declaration\.lines\.\d+\.secondQuantity$/.test(path);
  const onFinish = (values: FilingValues) =>
    file.mutate(
      {
        id: row.id,
        ...(totals.length > 0 && values.declaration
          ? {
              declaration: declarationBody(
                values.declaration,
                totals.map((line) => ({ itemNo: line.itemNo, secondQuantity: values.seconds?.[line.itemNo] })),
              ),
            }
          : {}),
      },
      {
        onSuccess: (filed) => {
          void message.success(
            filed.declaration
              ? t('bonded.consolidations.declaredMessage', {
                  number: filed.number,
                  declaration: filed.declaration.number,
                })
              : t('bonded.consolidations.filedMessage', { number: filed.number }),
          );
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('bonded.consolidations.fileTitle', { number: row.number })}
      okText={t('bonded.consolidations.file')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={file.isPending}
      width={720}
      destroyOnHidden
    >
      <p className="muted">{t('bonded.consolidations.fileIntro')}</p>
      <Form<FilingValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ declaration: { supervisionMode: '0110' } }}
        onFinish={onFinish}
        data-testid="file-consolidation"
      >
        {totals.length > 0 ? (
          <>
            <Table
              size="small"
              rowKey="itemNo"
              pagination={false}
              dataSource={totals}
              columns={[
                { key: 'itemNo', title: t('bonded.fileList.item'), dataIndex: 'itemNo', width: 70 },
                { key: 'hsCode', title: 'HS', dataIndex: 'hsCode', className: 'mono' },
                {
                  key: 'quantity',
                  title: t('bonded.form.quantity'),
                  render: (_, line) => (
                    <>
                      <Quantity value={line.quantity} /> {line.unit}
                    </>
                  ),
                },
                {
                  key: 'second',
                  title: t('bonded.fileList.secondQuantity'),
                  render: (_, line, index) => (
                    <Form.Item
                      name={['seconds', String(line.itemNo)]}
                      noStyle={false}
                      className="table-form-item"
                      {...server.at(`declaration.lines.${index}.secondQuantity`)}
                    >
                      <Input inputMode="decimal" className="mono" data-testid={`file-second-${line.itemNo}`} />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <DeclarationFields at={server.at} testIdPrefix="file" />
          </>
        ) : null}
        {file.isError ? (
          <>
            <ProblemAlert error={file.error} />
            <UnplacedErrors byPath={server.byPath} placed={placed} />
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/**
 * Consolidated declarations (集中申报) of batch releases: one per book and period; the owner files it
 * after the period ends, and an open one past its due date is overdue (customs sees all of them).
 */
export function ConsolidationsView() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const consolidations = useConsolidations(overdueOnly);
  const books = useBooks();
  const names = useEnterpriseNames();
  const [filing, setFiling] = useState<Consolidation | null>(null);
  const bookById = useMemo(() => new Map((books.data ?? []).map((b) => [b.id, b])), [books.data]);
  const authority = me.user.authorityId !== null;
  const owner = ENTERPRISE_ROLES.includes(me.user.role);
  const today = zoneToday();

  return (
    <Card
      title={t('bonded.consolidations.title')}
      variant="borderless"
      className="section-card"
      data-testid="consolidations"
      extra={
        <Space>
          <span className="muted">{t('bonded.consolidations.overdueOnly')}</span>
          <Switch checked={overdueOnly} onChange={setOverdueOnly} size="small" />
        </Space>
      }
    >
      <div className="muted card-subtitle">{t('bonded.consolidations.intro')}</div>
      {consolidations.error ? (
        <ProblemAlert error={consolidations.error} onRetry={() => void consolidations.refetch()} />
      ) : null}
      <Table<Consolidation>
        rowKey="id"
        size="small"
        loading={consolidations.isPending}
        dataSource={consolidations.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.overdue ? 'bonded-overdue' : '')}
        onRow={(row) => ({ 'data-testid': `consolidation-row-${row.number}`, 'data-book': row.bookId }) as object}
        locale={{ emptyText: <Empty description={t('bonded.consolidations.empty')} /> }}
        expandable={{ expandedRowRender: (row) => <ConsolidationBatches id={row.id} /> }}
        columns={[
          {
            key: 'number',
            title: t('bonded.consolidations.number'),
            render: (_, row) => <span className="mono">{row.number}</span>,
          },
          {
            key: 'book',
            title: t('bonded.consolidations.book'),
            render: (_, row) => (
              <Link to={`/bonded/books/${row.bookId}`} className="mono">
                {bookById.get(row.bookId)?.number ?? row.bookId}
              </Link>
            ),
          },
          ...(authority
            ? [
                {
                  key: 'enterprise',
                  title: t('bonded.books.enterprise'),
                  render: (_: unknown, row: Consolidation) => names.get(row.enterpriseId)?.name ?? row.enterpriseId,
                },
              ]
            : []),
          {
            key: 'period',
            title: t('bonded.consolidations.period'),
            render: (_, row) => (
              <span className="mono">
                {row.periodFrom} – {row.periodTo}
              </span>
            ),
          },
          {
            key: 'due',
            title: t('bonded.consolidations.dueOn'),
            render: (_, row) =>
              row.overdue ? (
                <Tag color="red" icon={<WarningFilled />}>
                  {row.dueOn} · {t('bonded.consolidations.overdue')}
                </Tag>
              ) : (
                <span className="mono">{row.dueOn}</span>
              ),
          },
          { key: 'batches', title: t('bonded.consolidations.batches'), dataIndex: 'batches', align: 'right' },
          {
            key: 'status',
            title: t('common.status'),
            render: (_, row) =>
              row.status === 'filed' ? (
                <Tag color="green">{t('bonded.consolidations.statuses.filed')}</Tag>
              ) : (
                <Tag color="blue">{t('bonded.consolidations.statuses.open')}</Tag>
              ),
          },
          {
            key: 'filedAt',
            title: t('bonded.consolidations.filedAt'),
            render: (_, row) => (row.filedAt ? formatInstant(row.filedAt, language) : t('common.none')),
          },
          ...(owner
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, row: Consolidation) => {
                    if (row.status !== 'open') return null;
                    const running = today <= row.periodTo;
                    return (
                      <Button
                        size="small"
                        type="primary"
                        icon={<FileDoneOutlined />}
                        disabled={running}
                        title={running ? t('bonded.consolidations.periodRunning', { date: row.periodTo }) : undefined}
                        onClick={() => setFiling(row)}
                        data-testid={`file-consolidation-${row.number}`}
                      >
                        {t('bonded.consolidations.file')}
                      </Button>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      {filing ? <FileConsolidationModal row={filing} onClose={() => setFiling(null)} /> : null}
    </Card>
  );
}
