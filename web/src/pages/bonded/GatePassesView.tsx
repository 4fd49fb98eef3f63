import { CarOutlined, LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Row, Segmented, Select, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTAINER_PATTERN,
  GATE_DIRECTION,
  type GateDirection,
  type GatePass,
  useBookLists,
  useBooks,
  useGatePasses,
  useIssueGatePass,
  usePassGate,
} from '../../api/bonded';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';
import { APPROVER_ROLES, ENTERPRISE_ROLES } from './access';
import { kindLabel } from './labels';
import { messagesByPath } from './model';

interface GatePassValues {
  direction: GateDirection;
  vehiclePlate: string;
  containers: string[];
  bookId?: string;
  listIds: string[];
}

/** The enterprise issues a gate pass (核放单) for one vehicle and the posted lists whose goods it carries. */
function IssueGatePassCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GatePassValues>();
  const issue = useIssueGatePass();
  const books = useBooks();
  const direction = Form.useWatch('direction', form) ?? 'in';
  const bookId = Form.useWatch('bookId', form);
  const lists = useBookLists(bookId ?? '', Boolean(bookId));
  const listOptions = useMemo(
    () =>
      (bookId ? (lists.data ?? []) : [])
        .filter((l) => l.status === 'posted' && GATE_DIRECTION[l.kind] === direction)
        .map((l) => ({ value: l.id, label: `${l.number} · ${kindLabel(t, l.kind)}` })),
    [bookId, lists.data, direction, t],
  );
  const errors = issue.error instanceof ApiError ? (issue.error.problem.errors ?? []) : [];
  const byPath = messagesByPath(errors);
  const joined = (prefix: string) =>
    [...byPath].filter(([path]) => path === prefix || path.startsWith(`${prefix}.`)).flatMap(([, m]) => m);
  const status = (prefix: string) => {
    const messages = joined(prefix);
    return messages.length > 0 ? { validateStatus: 'error' as const, help: messages.join('; ') } : {};
  };
  const required = { required: true, message: t('bonded.form.required') };

  const onFinish = (values: GatePassValues) =>
    issue.mutate(
      {
        direction: values.direction,
        vehiclePlate: values.vehiclePlate.trim(),
        containers: values.containers.map((c) => c.trim().toUpperCase()),
        listIds: values.listIds,
      },
      {
        onSuccess: (pass) => {
          void message.success(t('bonded.gatePasses.issued', { number: pass.number }));
          form.setFieldsValue({ vehiclePlate: '', containers: [], listIds: [] });
        },
      },
    );

  return (
    <Card
      title={t('bonded.gatePasses.issueTitle')}
      variant="borderless"
      className="section-card"
      data-testid="gate-pass-form"
    >
      <Form<GatePassValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ direction: 'in', vehiclePlate: '', containers: [], listIds: [] }}
        onFinish={onFinish}
        onValuesChange={(changed) => {
          if (issue.isError) issue.reset();
          if ('direction' in changed || 'bookId' in changed) form.setFieldValue('listIds', []);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="direction" label={t('bonded.gatePasses.direction')}>
              <Segmented<GateDirection>
                block
                data-testid="gate-pass-direction"
                options={[
                  { value: 'in', label: t('bonded.gatePasses.directions.in'), icon: <LoginOutlined /> },
                  { value: 'out', label: t('bonded.gatePasses.directions.out'), icon: <LogoutOutlined /> },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="vehiclePlate"
              label={t('bonded.gatePasses.vehiclePlate')}
              rules={[
                { ...required, whitespace: true },
                { min: 2, max: 20, message: t('bonded.gatePasses.plateFormat') },
              ]}
              {...status('vehiclePlate')}
            >
              <Input maxLength={20} data-testid="gate-pass-plate" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="containers"
              label={t('bonded.gatePasses.containers')}
              tooltip={t('bonded.gatePasses.containersHelp')}
              rules={[
                {
                  validator: async (_, value: string[] | undefined) => {
                    const bad = (value ?? []).filter((c) => !CONTAINER_PATTERN.test(c.trim().toUpperCase()));
                    if (bad.length > 0)
                      throw new Error(t('bonded.gatePasses.containerFormat', { numbers: bad.join(', ') }));
                    if ((value ?? []).length > 10) throw new Error(t('bonded.gatePasses.containersMax'));
                  },
                },
              ]}
              {...status('containers')}
            >
              <Select
                mode="tags"
                open={false}
                suffixIcon={null}
                tokenSeparators={[',', ' ']}
                className="mono"
                data-testid="gate-pass-containers"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="bookId" label={t('bonded.gatePasses.book')} rules={[required]}>
              <Select
                options={(books.data ?? []).map((b) => ({ value: b.id, label: b.number }))}
                loading={books.isPending}
                data-testid="gate-pass-book"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="listIds"
              label={t('bonded.gatePasses.lists')}
              tooltip={t('bonded.gatePasses.listsHelp')}
              rules={[{ required: true, type: 'array', min: 1, message: t('bonded.gatePasses.listsRequired') }]}
              {...status('listIds')}
            >
              <Select
                mode="multiple"
                options={listOptions}
                data-testid="gate-pass-lists"
                loading={Boolean(bookId) && lists.isPending}
                notFoundContent={
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bonded.gatePasses.noLists')} />
                }
              />
            </Form.Item>
          </Col>
        </Row>
        {issue.isError ? <ProblemAlert error={issue.error} /> : null}
        <div className="form-actions">
          <Button
            type="primary"
            htmlType="submit"
            icon={<CarOutlined />}
            loading={issue.isPending}
            data-testid="gate-pass-submit"
          >
            {t('bonded.gatePasses.issue')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** Gate passes, newest first: the enterprise's own, all of them for customs, who records the passage. */
export function GatePassesView() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const me = useSession();
  const passes = useGatePasses();
  const pass = usePassGate();
  const issuer = ENTERPRISE_ROLES.includes(me.user.role);
  const officer = APPROVER_ROLES.includes(me.user.role);

  const onPass = (row: GatePass) =>
    pass.mutate(row.id, {
      onSuccess: (done) => void message.success(t('bonded.gatePasses.passedMessage', { number: done.number })),
      onError: (error) => {
        const { title, detail } = problemText(error, t('errors.unexpected'));
        void message.error(detail ? `${title} — ${detail}` : title, 8);
      },
    });

  return (
    <>
      {issuer ? <IssueGatePassCard /> : null}
      <Card
        title={t('bonded.gatePasses.title')}
        variant="borderless"
        className="section-card"
        data-testid="gate-passes"
      >
        {passes.error ? <ProblemAlert error={passes.error} onRetry={() => void passes.refetch()} /> : null}
        <Table<GatePass>
          rowKey="id"
          size="small"
          loading={passes.isPending}
          dataSource={passes.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('bonded.gatePasses.empty')} /> }}
          onRow={(row) => ({ 'data-testid': `gate-pass-row-${row.number}`, 'data-status': row.status }) as object}
          columns={[
            {
              key: 'number',
              title: t('bonded.gatePasses.number'),
              render: (_, row) => <span className="mono">{row.number}</span>,
            },
            {
              key: 'direction',
              title: t('bonded.gatePasses.direction'),
              render: (_, row) => t(`bonded.gatePasses.directions.${row.direction}`),
            },
            {
              key: 'plate',
              title: t('bonded.gatePasses.vehiclePlate'),
              render: (_, row) => <span className="mono">{row.vehiclePlate}</span>,
            },
            {
              key: 'containers',
              title: t('bonded.gatePasses.containers'),
              render: (_, row) =>
                row.containers.length > 0 ? (
                  <span className="mono">{row.containers.join(', ')}</span>
                ) : (
                  t('common.none')
                ),
            },
            {
              key: 'lists',
              title: t('bonded.gatePasses.lists'),
              render: (_, row) => (
                <Space orientation="vertical" size={0}>
                  {row.lists.map((l) => (
                    <span key={l.id}>
                      <span className="mono">{l.number}</span> <span className="muted">{kindLabel(t, l.kind)}</span>
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              key: 'status',
              title: t('common.status'),
              render: (_, row) =>
                row.status === 'passed' ? (
                  <Tag color="green">{t('bonded.gatePasses.statuses.passed')}</Tag>
                ) : (
                  <Tag color="blue">{t('bonded.gatePasses.statuses.issued')}</Tag>
                ),
            },
            {
              key: 'passedAt',
              title: t('bonded.gatePasses.passedAt'),
              render: (_, row) => (row.passedAt ? formatInstant(row.passedAt, language) : t('common.none')),
            },
            {
              key: 'created',
              title: t('common.createdAt'),
              render: (_, row) => formatInstant(row.createdAt, language),
            },
            ...(officer
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, row: GatePass) =>
                      row.status === 'issued' ? (
                        <Button
                          size="small"
                          type="primary"
                          loading={pass.isPending && pass.variables === row.id}
                          data-testid="gate-pass-record"
                          onClick={() => onPass(row)}
                        >
                          {t('bonded.gatePasses.recordPassage')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
