import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Result, Row, Select, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type GradeSummary, useGrades, useRegistryEnterprises, useRepairQueue } from '../../api/registry';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';
import { CreditView } from './CreditView';
import { GradeTag } from './labels';
import { RepairQueue } from './RepairQueue';
import './registry.css';

const OVERSEERS = new Set(['customs_officer', 'zone_admin']);

/**
 * The public credit grade. An enterprise's users land on their own grade; customs and the zone administration see
 * every enterprise's grade, pick one, and (zone admins) decide repair requests.
 */
export function CreditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useSession();
  const overseer = OVERSEERS.has(me.user.role);
  const enterpriseId = id ?? (overseer ? null : me.user.enterpriseId);

  return (
    <div className="page" data-testid="credit">
      <PageHeader
        title={t('registry.credit.title')}
        subtitle={t('registry.credit.subtitle')}
        icon={
          <span style={{ background: '#2f54eb' }}>
            <SafetyCertificateOutlined />
          </span>
        }
        extra={overseer ? <EnterprisePicker value={enterpriseId} /> : null}
      />
      {enterpriseId ? (
        <CreditView
          key={enterpriseId}
          enterpriseId={enterpriseId}
          canRepair={me.user.enterpriseId === enterpriseId}
          canDecide={me.user.role === 'zone_admin'}
        />
      ) : overseer ? (
        <Overview canDecide={me.user.role === 'zone_admin'} />
      ) : (
        <Result status="info" title={t('registry.credit.noEnterprise')} />
      )}
    </div>
  );
}

function EnterprisePicker({ value }: { value: string | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const enterprises = useRegistryEnterprises();
  return (
    <Select
      showSearch
      allowClear
      style={{ minWidth: 320 }}
      placeholder={t('registry.credit.pickEnterprise')}
      value={value ?? undefined}
      optionFilterProp="label"
      onChange={(next) => navigate(next ? `/credit/${next}` : '/credit')}
      options={(enterprises.data ?? []).map((e) => ({
        value: e.id,
        label: `${localName(e.names, language)} · ${e.uscc}`,
      }))}
      data-testid="credit-enterprise-picker"
    />
  );
}

/** Supervisors' overview: every graded enterprise, worst first, and the repair requests waiting. */
function Overview({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const grades = useGrades(true);
  const enterprises = useRegistryEnterprises();
  const queue = useRepairQueue(true);
  const names = useMemo(
    () => new Map((enterprises.data ?? []).map((e) => [e.id, localName(e.names, language)])),
    [enterprises.data, language],
  );
  const rows = useMemo(() => [...(grades.data ?? [])].sort((a, b) => a.score - b.score), [grades.data]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card variant="borderless" className="section-card" title={t('registry.credit.overview')}>
          {grades.error ? <ProblemAlert error={grades.error} /> : null}
          <Table<GradeSummary>
            rowKey="enterpriseId"
            size="small"
            loading={grades.isPending}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty /> }}
            columns={[
              {
                key: 'name',
                title: t('registry.list.name'),
                render: (_, row) => (
                  <Link to={`/credit/${row.enterpriseId}`}>{names.get(row.enterpriseId) ?? row.enterpriseId}</Link>
                ),
              },
              {
                key: 'grade',
                title: t('registry.credit.grade'),
                render: (_, row) => <GradeTag grade={row.grade} score={row.score} />,
              },
              {
                key: 'computedAt',
                title: t('registry.credit.computedAt'),
                render: (_, row) => formatInstant(row.computedAt, language),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <RepairQueue repairs={queue.data ?? []} loading={queue.isPending} names={names} canDecide={canDecide} />
      </Col>
    </Row>
  );
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
