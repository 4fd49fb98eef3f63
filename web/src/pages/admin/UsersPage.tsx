import { PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../api/client';
import { type NewUser, queryKeys, useAuthorities, useCreateUser, useEnterprises, useUsers } from '../../api/hooks';
import { AUTHORITY_ROLES, ROLES, type Role, type User } from '../../api/types';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { LANGUAGES, localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';

const ROLE_COLORS: Record<Role, string> = {
  trader: 'blue',
  forwarder: 'cyan',
  customs_officer: 'volcano',
  bank_officer: 'gold',
  zone_admin: 'purple',
};

const LANGUAGE_NAMES: Record<string, string> = { 'zh-CN': '中文', en: 'English', ru: 'Русский' };

interface FormValues {
  displayName: string;
  email: string;
  password: string;
  role: Role;
  organisation: string;
  locale: NewUser['locale'];
  enterpriseAdmin: boolean;
}

/**
 * The roles an enterprise's own administrator may hand out, from its registry kinds. The same rule as
 * the server's (accounts/service.ts rolesForEnterpriseKinds), which decides; this only trims the list.
 */
function rolesForEnterpriseKinds(kinds: readonly string[]): Role[] {
  const roles = new Set<Role>();
  for (const kind of kinds) {
    if (kind === 'bank') roles.add('bank_officer');
    else if (kind === 'forwarder' || kind === 'carrier') roles.add('forwarder');
    else roles.add('trader');
  }
  return (['trader', 'forwarder', 'bank_officer'] as const).filter((role) => roles.has(role));
}

/** Deactivates or reactivates a user; the server allows the zone admin, or an enterprise admin for its own. */
function useSetUserActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.patch<User>(`/api/users/${id}`, { active }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function UsersPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const me = useSession();
  // An enterprise's own administrator (not the zone administration) manages its enterprise's users only.
  const ownEnterprise = me.user.role === 'zone_admin' ? null : me.enterprise;
  const roleOptions: readonly Role[] = ownEnterprise ? rolesForEnterpriseKinds(ownEnterprise.kinds) : ROLES;
  const setActive = useSetUserActive();
  const users = useUsers();
  const enterprises = useEnterprises();
  const createUser = useCreateUser();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const role = Form.useWatch('role', form);
  const isAuthorityRole = role !== undefined && AUTHORITY_ROLES.includes(role);

  const enterpriseName = useMemo(
    () => new Map((enterprises.data ?? []).map((e) => [e.id, localName(e.names, language)])),
    [enterprises.data, language],
  );

  const authorityList = useAuthorities();
  const authorities = useMemo(
    () => new Map((authorityList.data ?? []).map((a) => [a.id, localName(a.names, language)])),
    [authorityList.data, language],
  );

  const organisationOf = (user: User): string => {
    if (user.enterpriseId) return enterpriseName.get(user.enterpriseId) ?? user.enterpriseId;
    if (user.authorityId) return authorities.get(user.authorityId) ?? user.authorityId;
    return t('common.none');
  };

  const columns: ColumnsType<User> = [
    {
      title: t('admin.users.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      render: (value: string) => <span className="strong-cell">{value}</span>,
      sorter: (a, b) => a.displayName.localeCompare(b.displayName, language),
    },
    { title: t('admin.users.email'), dataIndex: 'email', key: 'email', className: 'mono-cell' },
    {
      title: t('admin.users.role'),
      key: 'role',
      render: (_, row) => (
        <Space size={4} wrap>
          <Tag color={ROLE_COLORS[row.role]}>{t(`roles.${row.role}`)}</Tag>
          {row.enterpriseAdmin ? <Tag color="geekblue">{t('enterpriseUsers.adminTag')}</Tag> : null}
        </Space>
      ),
      filters: roleOptions.map((value) => ({ text: t(`roles.${value}`), value })),
      onFilter: (value, row) => row.role === value,
    },
    { title: t('admin.users.organisation'), key: 'organisation', render: (_, row) => organisationOf(row) },
    { title: t('admin.users.locale'), key: 'locale', width: 100, render: (_, row) => LANGUAGE_NAMES[row.locale] },
    {
      title: t('admin.users.status'),
      key: 'active',
      width: 100,
      render: (_, row) => (
        <Tag color={row.active ? 'green' : 'default'}>{row.active ? t('common.active') : t('common.inactive')}</Tag>
      ),
    },
    {
      title: t('enterpriseUsers.actions'),
      key: 'actions',
      width: 130,
      render: (_, row) => {
        // Nobody deactivates themselves (the server refuses it too): it would lock the enterprise out.
        if (row.id === me.user.id) return <span className="muted">{t('enterpriseUsers.you')}</span>;
        const toggle = () =>
          setActive.mutate(
            { id: row.id, active: !row.active },
            {
              onSuccess: (user) =>
                void message.success(
                  t(user.active ? 'enterpriseUsers.reactivated' : 'enterpriseUsers.deactivated', { email: user.email }),
                ),
              onError: (error) => void message.error(problemText(error, t('errors.unexpected')).title),
            },
          );
        return row.active ? (
          <Popconfirm title={t('enterpriseUsers.deactivateConfirm')} onConfirm={toggle}>
            <Button size="small" danger data-testid={`deactivate-${row.email}`}>
              {t('enterpriseUsers.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" onClick={toggle} data-testid={`reactivate-${row.email}`}>
            {t('enterpriseUsers.reactivate')}
          </Button>
        );
      },
    },
  ];

  const close = () => {
    setOpen(false);
    createUser.reset();
    form.resetFields();
  };

  const onFinish = (values: FormValues) => {
    const authorityRole = AUTHORITY_ROLES.includes(values.role);
    const input: NewUser & { enterpriseAdmin: boolean } = {
      email: values.email.trim(),
      password: values.password,
      displayName: values.displayName.trim(),
      role: values.role,
      locale: values.locale,
      enterpriseId: ownEnterprise ? ownEnterprise.id : authorityRole ? null : values.organisation,
      authorityId: ownEnterprise || !authorityRole ? null : values.organisation,
      enterpriseAdmin: !authorityRole && values.enterpriseAdmin === true,
    };
    createUser.mutate(input, {
      onSuccess: (user) => {
        void message.success(t('admin.users.created', { email: user.email }));
        close();
      },
      onError: (error) => {
        const errors = fieldErrors(error);
        // The server's enterpriseId/authorityId messages belong to the one organisation field.
        const organisation = [...(errors.enterpriseId ?? []), ...(errors.authorityId ?? [])];
        const names: (keyof FormValues)[] = [
          'displayName',
          'email',
          'password',
          'role',
          'organisation',
          'locale',
          'enterpriseAdmin',
        ];
        form.setFields(
          names.map((name) => ({ name, errors: name === 'organisation' ? organisation : (errors[name] ?? []) })),
        );
      },
    });
  };

  const failure = createUser.isError ? problemText(createUser.error, t('errors.unexpected')) : null;
  const organisationOptions = ownEnterprise
    ? [{ value: ownEnterprise.id, label: localName(ownEnterprise.names, language) }]
    : isAuthorityRole
      ? [...authorities.entries()].map(([value, label]) => ({ value, label }))
      : (enterprises.data ?? []).map((e) => ({ value: e.id, label: localName(e.names, language) }));

  return (
    <div className="page">
      <PageHeader
        title={t('admin.users.title')}
        subtitle={ownEnterprise ? t('enterpriseUsers.subtitle') : t('admin.users.subtitle')}
        icon={<UserOutlined />}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="create-user">
            {t('admin.users.create')}
          </Button>
        }
      />
      {users.isError ? <ProblemAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      <Card variant="borderless" className="section-card">
        <Table<User>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={users.data ?? []}
          loading={users.isPending}
          pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { count: total }) }}
          scroll={{ x: 900 }}
        />
      </Card>
      <Drawer
        title={t('admin.users.createTitle')}
        open={open}
        onClose={close}
        size={480}
        destroyOnHidden
        footer={
          <Space style={{ float: 'right' }}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={createUser.isPending} onClick={() => form.submit()}>
              {t('common.create')}
            </Button>
          </Space>
        }
      >
        {failure ? (
          <Alert type="error" showIcon title={failure.title} description={failure.detail} className="card-alert" />
        ) : null}
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            role: roleOptions[0] ?? 'trader',
            locale: language,
            enterpriseAdmin: false,
            organisation: ownEnterprise?.id,
          }}
          onValuesChange={(changed: Partial<FormValues>) => {
            // Switching between enterprise and authority roles makes the chosen organisation meaningless.
            if (changed.role && !ownEnterprise) form.setFieldValue('organisation', undefined);
          }}
        >
          <Form.Item
            name="displayName"
            label={t('admin.users.displayName')}
            rules={[{ required: true, whitespace: true, message: t('admin.users.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('admin.users.email')}
            rules={[
              { required: true, message: t('admin.users.required') },
              { pattern: /^[^\s@]+@[^\s@]+$/, message: t('admin.users.emailInvalid') },
            ]}
          >
            <Input maxLength={254} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('admin.users.password')}
            extra={t('admin.users.passwordHelp')}
            rules={[
              { required: true, message: t('admin.users.required') },
              { min: 8, message: t('admin.users.passwordShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="role"
            label={t('admin.users.role')}
            rules={[{ required: true, message: t('admin.users.required') }]}
          >
            <Select
              data-testid="user-role"
              options={roleOptions.map((value) => ({ value, label: t(`roles.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="organisation"
            label={isAuthorityRole ? t('admin.users.authority') : t('admin.users.enterprise')}
            extra={ownEnterprise ? undefined : t('admin.users.authorityRoleHint')}
            rules={[{ required: true, message: t('admin.users.required') }]}
          >
            {/* An enterprise admin creates users for its own enterprise only: the choice is fixed. */}
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={organisationOptions}
              disabled={ownEnterprise !== null}
            />
          </Form.Item>
          {isAuthorityRole ? null : (
            <Form.Item name="enterpriseAdmin" valuePropName="checked" extra={t('enterpriseUsers.enterpriseAdminHelp')}>
              <Checkbox data-testid="user-enterprise-admin">{t('enterpriseUsers.enterpriseAdmin')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="locale" label={t('admin.users.locale')}>
            <Select options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))} />
          </Form.Item>
        </Form>
      </Drawer>
    </div>
  );
}
