import { FileSearchOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit, useUsers } from '../../api/hooks';
import { type AuditEntry, ROLES, type Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { auditActionLabel, entityTypeLabel } from '../../i18n';
import { en } from '../../i18n/en';
import { formatDateTimeSeconds, shortId } from '../../lib/format';
import { USER_ADMIN_ROLES } from '../../nav';

const ENTITY_TYPES = Object.keys(en.entityTypes);

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

function JsonBlock({ value }: { value: unknown }) {
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [entityType, setEntityType] = useState<string | undefined>(undefined);
  const audit = useAudit(entityType);
  // Names of actors are only known to whoever may list users; everyone else sees role and id.
  const users = useUsers(USER_ADMIN_ROLES.includes(me.user.role));
  const userNames = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);

  const actor = (row: AuditEntry) => {
    const role = isRole(row.actorRole) ? t(`roles.${row.actorRole}`) : null;
    if (row.actorRole === 'system' || (!row.actorUserId && !row.actorApiKeyId)) {
      return <Tag>{t('admin.audit.system')}</Tag>;
    }
    const name = row.actorUserId ? (userNames.get(row.actorUserId) ?? shortId(row.actorUserId)) : null;
    return (
      <span>
        {name ? <span className="strong-cell">{name}</span> : null}
        {role ? <span className="muted"> · {role}</span> : null}
        {row.actorApiKeyId ? (
          <Tag className="tag-small" color="purple" style={{ marginLeft: 6 }}>
            {t('admin.audit.apiKey')}
          </Tag>
        ) : null}
      </span>
    );
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: t('admin.audit.at'), key: 'at', width: 180, render: (_, row) => formatDateTimeSeconds(row.at) },
    { title: t('admin.audit.actor'), key: 'actor', width: 240, render: (_, row) => actor(row) },
    {
      title: t('admin.audit.action'),
      key: 'action',
      render: (_, row) => (
        <Tooltip title={row.action}>
          <span className="strong-cell">{auditActionLabel(t, row.action)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('admin.audit.entity'),
      key: 'entity',
      width: 260,
      render: (_, row) => (
        <span>
          <Tag color="blue">{entityTypeLabel(t, row.entityType)}</Tag>
          <Tooltip title={row.entityId}>
            <span className="mono muted">{shortId(row.entityId)}</span>
          </Tooltip>
        </span>
      ),
    },
    {
      title: t('admin.audit.requestId'),
      key: 'requestId',
      width: 120,
      render: (_, row) =>
        row.requestId ? (
          <Tooltip title={row.requestId}>
            <span className="mono muted">{shortId(row.requestId)}</span>
          </Tooltip>
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('admin.audit.title')}
        subtitle={t('admin.audit.subtitle')}
        icon={<FileSearchOutlined />}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void audit.refetch()} loading={audit.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      {audit.isError ? <ProblemAlert error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      <Card variant="borderless" className="section-card">
        <div className="toolbar">
          <Select<string>
            allowClear
            placeholder={t('admin.audit.allEntities')}
            value={entityType}
            onChange={(value) => setEntityType(value ?? undefined)}
            options={ENTITY_TYPES.map((value) => ({ value, label: entityTypeLabel(t, value) }))}
            className="toolbar-select"
            aria-label={t('admin.audit.entityType')}
          />
        </div>
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.data ?? []}
          loading={audit.isPending}
          expandable={{
            rowExpandable: (row) => row.before !== null || row.after !== null,
            expandedRowRender: (row) => (
              <Row gutter={16}>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('admin.audit.before')}</Typography.Text>
                  {row.before === null ? (
                    <div className="muted">{t('admin.audit.noChanges')}</div>
                  ) : (
                    <JsonBlock value={row.before} />
                  )}
                </Col>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('admin.audit.after')}</Typography.Text>
                  {row.after === null ? (
                    <div className="muted">{t('admin.audit.noChanges')}</div>
                  ) : (
                    <JsonBlock value={row.after} />
                  )}
                </Col>
              </Row>
            ),
          }}
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
          }}
          scroll={{ x: 1000 }}
        />
      </Card>
    </div>
  );
}
