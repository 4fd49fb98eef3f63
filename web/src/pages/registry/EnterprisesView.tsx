import { WarningOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type RegistryEnterprise, useGrades, useRegistryEnterprises } from '../../api/registry';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { enterpriseKindLabel, localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { CustomsStatusDialog, ProfileDialog } from './EditDialogs';
import { GradeTag, TierTag } from './labels';

const OVERSEERS = new Set(['customs_officer', 'zone_admin']);

function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

/** The enterprises the caller may see, with tier, AEO status, bonded sites and (for supervisors) the grade. */
export function EnterprisesView() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  const overseer = OVERSEERS.has(me.user.role);
  const enterprises = useRegistryEnterprises();
  const grades = useGrades(overseer);
  const gradeById = useMemo(() => new Map((grades.data ?? []).map((g) => [g.enterpriseId, g])), [grades.data]);
  const canOpenCredit = (id: string) => overseer || me.user.enterpriseId === id;
  const canEditProfile = (id: string) => me.user.role === 'zone_admin' || me.user.enterpriseId === id;
  const canSetCustomsStatus = me.user.role === 'customs_officer';
  const [editing, setEditing] = useState<{ kind: 'profile' | 'customs'; enterprise: RegistryEnterprise } | null>(null);

  return (
    <Card variant="borderless" className="section-card" title={t('registry.list.title')}>
      {enterprises.error ? <ProblemAlert error={enterprises.error} onRetry={() => void enterprises.refetch()} /> : null}
      <Table<RegistryEnterprise>
        rowKey="id"
        size="small"
        loading={enterprises.isPending}
        dataSource={enterprises.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('registry.list.empty')} /> }}
        onRow={(row) => ({ 'data-testid': `enterprise-row-${row.uscc}` }) as object}
        columns={[
          {
            key: 'name',
            title: t('registry.list.name'),
            width: 260,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <strong>{localName(row.names, language)}</strong>
                <span className="registry-muted">{row.city ?? ''}</span>
              </Space>
            ),
          },
          {
            key: 'uscc',
            title: `${t('registry.list.uscc')} / ${t('registry.list.customsCode')}`,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <span className="mono">{row.uscc}</span>
                  {row.usccCheckOk ? null : (
                    <Tooltip title={t('registry.list.usccConfirmed')}>
                      <WarningOutlined style={{ color: '#d46b08' }} />
                    </Tooltip>
                  )}
                </Space>
                <span className="mono registry-muted">{row.customsCode ?? '—'}</span>
              </Space>
            ),
          },
          {
            key: 'kinds',
            title: t('registry.list.kinds'),
            width: 180,
            render: (_, row) => (
              <Space size={[0, 4]} wrap>
                {row.kinds.map((kind) => (
                  <Tag key={kind}>{enterpriseKindLabel(t, kind)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'tier',
            title: t('registry.list.tier'),
            render: (_, row) => (row.customsCreditTier ? <TierTag tier={row.customsCreditTier} /> : null),
          },
          {
            key: 'aeo',
            title: `${t('registry.list.aeo')} / ${t('registry.list.sites')}`,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <span>{row.aeoMraCountries?.length ? row.aeoMraCountries.join(', ') : '—'}</span>
                <span className="registry-muted">{row.bondedSites?.length ? row.bondedSites.join(', ') : ''}</span>
              </Space>
            ),
          },
          ...(overseer
            ? [
                {
                  key: 'grade',
                  title: t('registry.list.grade'),
                  render: (_: unknown, row: RegistryEnterprise) => {
                    const grade = gradeById.get(row.id);
                    return grade ? <GradeTag grade={grade.grade} score={grade.score} /> : '—';
                  },
                },
              ]
            : []),
          {
            key: 'activatedAt',
            title: t('registry.list.activatedAt'),
            render: (_, row) => (row.activatedAt ? formatDate(row.activatedAt, language) : '—'),
          },
          {
            key: 'credit',
            title: '',
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                {canOpenCredit(row.id) ? (
                  <Link to={`/credit/${row.id}`} data-testid={`credit-link-${row.uscc}`}>
                    {t('registry.list.openCredit')}
                  </Link>
                ) : null}
                {canEditProfile(row.id) ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setEditing({ kind: 'profile', enterprise: row })}
                    data-testid={`edit-profile-${row.uscc}`}
                  >
                    {t('registry.edit.profile')}
                  </Button>
                ) : null}
                {canSetCustomsStatus ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setEditing({ kind: 'customs', enterprise: row })}
                  >
                    {t('registry.edit.customs')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {editing?.kind === 'profile' ? (
        <ProfileDialog enterprise={editing.enterprise} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === 'customs' ? (
        <CustomsStatusDialog enterprise={editing.enterprise} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
}
