import { KeyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/hooks';
import type { ApiKey } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { SecretOnce } from '../../components/SecretOnce';
import { formatDateTime } from '../../lib/format';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const keys = useApiKeys();
  const createKey = useCreateApiKey();
  const revokeKey = useRevokeApiKey();
  const [createOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [form] = Form.useForm<{ name: string }>();

  const closeCreate = () => {
    setCreateOpen(false);
    createKey.reset();
    form.resetFields();
  };

  const onFinish = ({ name }: { name: string }) => {
    createKey.mutate(
      { name: name.trim() },
      {
        onSuccess: (result) => {
          closeCreate();
          setCreated({ name: result.apiKey.name, key: result.key });
        },
        onError: (error) => form.setFields([{ name: 'name', errors: fieldErrors(error).name ?? [] }]),
      },
    );
  };

  const revoke = (id: string) =>
    revokeKey.mutateAsync(id).then(
      () => void message.success(t('admin.apiKeys.revokedMessage')),
      (error: unknown) => void message.error(problemText(error, t('errors.unexpected')).title),
    );

  const columns: ColumnsType<ApiKey> = [
    {
      title: t('admin.apiKeys.name'),
      dataIndex: 'name',
      key: 'name',
      render: (value: string) => <span className="strong-cell">{value}</span>,
    },
    {
      title: t('admin.apiKeys.prefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      className: 'mono-cell',
      render: (value: string) => `${value}…`,
    },
    {
      title: t('admin.apiKeys.createdAt'),
      key: 'createdAt',
      width: 170,
      render: (_, row) => formatDateTime(row.createdAt),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 110,
      render: (_, row) =>
        row.revokedAt ? <Tag>{t('common.revoked')}</Tag> : <Tag color="green">{t('common.active')}</Tag>,
    },
    {
      title: t('admin.apiKeys.revokedAt'),
      key: 'revokedAt',
      width: 170,
      render: (_, row) => formatDateTime(row.revokedAt),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, row) =>
        row.revokedAt ? null : (
          <Popconfirm
            title={t('admin.apiKeys.revokeConfirm')}
            okText={t('admin.apiKeys.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke(row.id)}
          >
            <Button size="small" danger icon={<StopOutlined />}>
              {t('admin.apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const failure = createKey.isError ? problemText(createKey.error, t('errors.unexpected')) : null;

  return (
    <div className="page">
      <PageHeader
        title={t('admin.apiKeys.title')}
        subtitle={t('admin.apiKeys.subtitle')}
        icon={<KeyOutlined />}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreateOpen(true)}
            data-testid="create-api-key"
          >
            {t('admin.apiKeys.create')}
          </Button>
        }
      />
      {keys.isError ? <ProblemAlert error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      <Card variant="borderless" className="section-card">
        <Table<ApiKey>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={keys.data ?? []}
          loading={keys.isPending}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
        />
      </Card>
      <Modal
        title={t('admin.apiKeys.createTitle')}
        open={createOpen}
        onCancel={closeCreate}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={createKey.isPending}
        destroyOnHidden
      >
        {failure ? (
          <Alert type="error" showIcon title={failure.title} description={failure.detail} className="card-alert" />
        ) : null}
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item
            name="name"
            label={t('admin.apiKeys.name')}
            rules={[{ required: true, whitespace: true, message: t('admin.apiKeys.nameRequired') }]}
          >
            <Input maxLength={100} placeholder={t('admin.apiKeys.namePlaceholder')} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={created ? `${t('admin.apiKeys.keyCreatedTitle')} · ${created.name}` : ''}
        open={created !== null}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="secret-close">
            {t('common.close')}
          </Button>
        }
        mask={{ closable: false }}
        destroyOnHidden
        width={620}
      >
        {created ? (
          <SecretOnce
            value={created.key}
            warning={t('admin.apiKeys.keyOnceWarning')}
            usage={t('admin.apiKeys.usage')}
          />
        ) : null}
      </Modal>
    </div>
  );
}
