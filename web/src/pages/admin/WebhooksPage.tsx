import { ApiOutlined, HistoryOutlined, PlusOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import {
  type NewWebhook,
  useCreateWebhook,
  useDeactivateWebhook,
  usePingWebhook,
  useWebhookDeliveries,
  useWebhooks,
} from '../../api/hooks';
import type { DeliveryStatus, Webhook, WebhookDelivery } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { SecretOnce } from '../../components/SecretOnce';
import { eventTypeLabel } from '../../i18n';
import { formatDateTime, formatDateTimeSeconds } from '../../lib/format';

/** Suggestions only; the field accepts any pattern the server allows (*, module.*, module.event). */
const EVENT_TYPE_SUGGESTIONS = ['*', 'registry.*', 'registry.enterprise_registered', 'events.ping'];

const DELIVERY_COLORS: Record<DeliveryStatus, string> = { pending: 'processing', delivered: 'success', dead: 'error' };

interface FormValues {
  url: string;
  eventTypes: string[];
  description?: string;
}

export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const webhooks = useWebhooks();
  const createWebhook = useCreateWebhook();
  const deactivate = useDeactivateWebhook();
  const ping = usePingWebhook();
  const [createOpen, setCreateOpen] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [deliveriesFor, setDeliveriesFor] = useState<Webhook | null>(null);
  const [form] = Form.useForm<FormValues>();

  const eventLabel = (pattern: string) => {
    if (pattern === '*') return t('admin.webhooks.allEvents');
    return pattern.endsWith('.*') ? pattern : eventTypeLabel(t, pattern);
  };

  const closeCreate = () => {
    setCreateOpen(false);
    createWebhook.reset();
    form.resetFields();
  };

  const onFinish = (values: FormValues) => {
    const input: NewWebhook = { url: values.url.trim(), eventTypes: values.eventTypes };
    const description = values.description?.trim();
    if (description) input.description = description;
    createWebhook.mutate(input, {
      onSuccess: (result) => {
        closeCreate();
        setSecret({ url: result.webhook.url, secret: result.secret });
      },
      onError: (error) => {
        const errors = fieldErrors(error);
        form.setFields(
          (['url', 'eventTypes', 'description'] as const).map((name) => ({ name, errors: errors[name] ?? [] })),
        );
      },
    });
  };

  const onPing = (hook: Webhook) =>
    ping.mutate(hook.id, {
      onSuccess: () => void message.success(t('admin.webhooks.pinged')),
      onError: (error) => void message.error(problemText(error, t('errors.unexpected')).title),
    });

  const onDeactivate = (hook: Webhook) =>
    deactivate.mutateAsync(hook.id).then(
      () => void message.success(t('admin.webhooks.deactivated')),
      (error: unknown) => void message.error(problemText(error, t('errors.unexpected')).title),
    );

  const columns: ColumnsType<Webhook> = [
    {
      title: t('admin.webhooks.url'),
      dataIndex: 'url',
      key: 'url',
      ellipsis: true,
      render: (value: string) => (
        <Tooltip title={value}>
          <span className="mono">{value}</span>
        </Tooltip>
      ),
    },
    {
      title: t('admin.webhooks.eventTypes'),
      key: 'eventTypes',
      render: (_, row) =>
        row.eventTypes.map((pattern) => (
          <Tag key={pattern} color={pattern === '*' ? 'blue' : 'default'}>
            {eventLabel(pattern)}
          </Tag>
        )),
    },
    {
      title: t('admin.webhooks.description'),
      dataIndex: 'description',
      key: 'description',
      ellipsis: true,
      render: (value: string | null) => value ?? t('common.none'),
    },
    {
      title: t('common.status'),
      key: 'active',
      width: 100,
      render: (_, row) =>
        row.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    {
      title: t('admin.webhooks.createdAt'),
      key: 'createdAt',
      width: 160,
      render: (_, row) => formatDateTime(row.createdAt),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 300,
      render: (_, row) => (
        <Space size={4} wrap>
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setDeliveriesFor(row)}>
            {t('admin.webhooks.deliveries')}
          </Button>
          {row.active ? (
            <>
              <Button
                size="small"
                icon={<SendOutlined />}
                loading={ping.isPending && ping.variables === row.id}
                onClick={() => onPing(row)}
              >
                {t('admin.webhooks.ping')}
              </Button>
              <Popconfirm
                title={t('admin.webhooks.deactivateConfirm')}
                okText={t('admin.webhooks.deactivate')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onDeactivate(row)}
              >
                <Button size="small" danger icon={<StopOutlined />}>
                  {t('admin.webhooks.deactivate')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  const failure = createWebhook.isError ? problemText(createWebhook.error, t('errors.unexpected')) : null;

  return (
    <div className="page">
      <PageHeader
        title={t('admin.webhooks.title')}
        subtitle={t('admin.webhooks.subtitle')}
        icon={<ApiOutlined />}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreateOpen(true)}
            data-testid="create-webhook"
          >
            {t('admin.webhooks.create')}
          </Button>
        }
      />
      {webhooks.isError ? <ProblemAlert error={webhooks.error} onRetry={() => void webhooks.refetch()} /> : null}
      <Card variant="borderless" className="section-card">
        <Table<Webhook>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={webhooks.data ?? []}
          loading={webhooks.isPending}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
        />
      </Card>

      <Modal
        title={t('admin.webhooks.createTitle')}
        open={createOpen}
        onCancel={closeCreate}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={createWebhook.isPending}
        destroyOnHidden
        width={560}
      >
        {failure ? (
          <Alert type="error" showIcon title={failure.title} description={failure.detail} className="card-alert" />
        ) : null}
        <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ eventTypes: ['*'] }}>
          <Form.Item
            name="url"
            label={t('admin.webhooks.url')}
            rules={[
              { required: true, whitespace: true, message: t('admin.webhooks.urlRequired') },
              { pattern: /^https?:\/\/\S+$/i, message: t('admin.webhooks.urlInvalid') },
            ]}
          >
            <Input maxLength={2000} placeholder="https://erp.example.com/hooks/scohub" className="mono" />
          </Form.Item>
          <Form.Item
            name="eventTypes"
            label={t('admin.webhooks.eventTypes')}
            extra={t('admin.webhooks.eventTypesHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('admin.webhooks.eventTypesRequired') }]}
          >
            <Select
              mode="tags"
              options={EVENT_TYPE_SUGGESTIONS.map((value) => ({
                value,
                label: value === '*' || value.endsWith('.*') ? value : `${value} · ${eventTypeLabel(t, value)}`,
              }))}
              tokenSeparators={[',', ' ']}
            />
          </Form.Item>
          <Form.Item name="description" label={t('admin.webhooks.description')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={t('admin.webhooks.secretTitle')}
        open={secret !== null}
        onCancel={() => setSecret(null)}
        footer={
          <Button type="primary" onClick={() => setSecret(null)} data-testid="secret-close">
            {t('common.close')}
          </Button>
        }
        mask={{ closable: false }}
        destroyOnHidden
        width={620}
      >
        {secret ? (
          <SecretOnce value={secret.secret} warning={t('admin.webhooks.secretWarning')} usage={secret.url} />
        ) : null}
      </Modal>

      <DeliveriesDrawer webhook={deliveriesFor} onClose={() => setDeliveriesFor(null)} />
    </div>
  );
}

function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const deliveries = useWebhookDeliveries(webhook?.id ?? null);

  const columns: ColumnsType<WebhookDelivery> = [
    { title: t('admin.webhooks.eventType'), key: 'eventType', render: (_, row) => eventTypeLabel(t, row.eventType) },
    {
      title: t('admin.webhooks.deliveryStatus'),
      key: 'status',
      width: 110,
      render: (_, row) => <Tag color={DELIVERY_COLORS[row.status]}>{t(`admin.deliveryStatus.${row.status}`)}</Tag>,
    },
    { title: t('admin.webhooks.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90, align: 'right' },
    {
      title: t('admin.webhooks.lastStatusCode'),
      key: 'lastStatusCode',
      width: 110,
      render: (_, row) => row.lastStatusCode ?? t('common.none'),
    },
    {
      title: t('admin.webhooks.lastError'),
      key: 'lastError',
      ellipsis: true,
      render: (_, row) =>
        row.lastError ? (
          <Tooltip title={row.lastError}>
            <span className="error-text">{row.lastError}</span>
          </Tooltip>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('admin.webhooks.deliveredAt'),
      key: 'time',
      width: 170,
      render: (_, row) =>
        row.deliveredAt ? (
          formatDateTimeSeconds(row.deliveredAt)
        ) : (
          <Tooltip title={t('admin.webhooks.nextAttemptAt')}>
            <span className="muted">{formatDateTimeSeconds(row.nextAttemptAt)}</span>
          </Tooltip>
        ),
    },
  ];

  return (
    <Drawer
      title={webhook ? t('admin.webhooks.deliveriesTitle', { url: webhook.url }) : ''}
      open={webhook !== null}
      onClose={onClose}
      size={860}
      destroyOnHidden
    >
      {deliveries.isError ? <ProblemAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} /> : null}
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={deliveries.data ?? []}
        loading={deliveries.isPending}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      />
    </Drawer>
  );
}
