import { CheckOutlined, CloseOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Empty, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_STATUSES,
  type Application,
  type ApplicationStatus,
  useApplications,
  useDecideApplication,
} from '../../api/registry';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { enterpriseKindLabel, localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';
import { TierTag } from './labels';

const STATUS_COLOURS: Record<ApplicationStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

type Dialog = { kind: 'approve' | 'reject'; application: Application } | null;

/**
 * Onboarding applications. Zone admins approve or reject; an application whose USCC fails its check character
 * can be approved only after ticking the explicit confirmation (the server refuses it otherwise).
 */
export function ApplicationsView({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>(canDecide ? 'pending' : 'all');
  const applications = useApplications(status === 'all' ? undefined : status);
  const decide = useDecideApplication();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState('');

  const open = (kind: 'approve' | 'reject', application: Application) => {
    setConfirmed(false);
    setReason('');
    setDialog({ kind, application });
  };

  const onOk = () => {
    if (!dialog) return;
    const { kind, application } = dialog;
    decide.mutate(
      {
        id: application.id,
        decision: kind,
        ...(kind === 'reject' ? { reason: reason.trim() } : {}),
        ...(kind === 'approve' && !application.usccCheckOk ? { confirmUsccWarning: confirmed } : {}),
      },
      {
        onSuccess: () => {
          void message.success(
            t(kind === 'approve' ? 'registry.applications.approved' : 'registry.applications.rejected'),
          );
          setDialog(null);
        },
        onError: (error) => {
          const { title, detail } = problemText(error, t('errors.unexpected'));
          void message.error(detail ? `${title} — ${detail}` : title, 8);
        },
      },
    );
  };

  const needsConfirmation = dialog?.kind === 'approve' && !dialog.application.usccCheckOk;
  const okDisabled = (needsConfirmation && !confirmed) || (dialog?.kind === 'reject' && reason.trim() === '');

  return (
    <Card
      variant="borderless"
      className="section-card"
      title={t('registry.applications.title')}
      extra={
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as ApplicationStatus | 'all')}
          options={[
            { value: 'all', label: t('registry.applications.all') },
            ...APPLICATION_STATUSES.map((value) => ({ value, label: t(`registry.appStatus.${value}`) })),
          ]}
        />
      }
    >
      {applications.error ? (
        <ProblemAlert error={applications.error} onRetry={() => void applications.refetch()} />
      ) : null}
      <Table<Application>
        rowKey="id"
        size="small"
        loading={applications.isPending}
        dataSource={applications.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('registry.applications.empty')} /> }}
        onRow={(row) => ({ 'data-testid': `application-row-${row.uscc}` }) as object}
        expandable={{
          expandedRowRender: (row) => (
            <div className="registry-details">
              <div>
                <b>{t('registry.form.products')}:</b> {row.profile.products.join(', ') || '—'}
              </div>
              <div>
                <b>{t('registry.form.markets')}:</b> {row.profile.markets.join(', ') || '—'}
              </div>
              <div>
                <b>{t('registry.form.certifications')}:</b>{' '}
                {row.profile.certifications.map((c) => c.kind).join(', ') || '—'}
              </div>
              <div>
                <b>{t('registry.form.bondedSites')}:</b> {row.bondedSites.join(', ') || '—'}
              </div>
              <div>
                <b>{t('registry.form.aeoMra')}:</b> {row.aeoMraCountries.join(', ') || '—'}
              </div>
              {row.decisionReason ? (
                <div>
                  <b>{t('registry.applications.reason')}:</b> {row.decisionReason}
                </div>
              ) : null}
            </div>
          ),
        }}
        columns={[
          {
            key: 'submittedAt',
            title: t('registry.applications.submittedAt'),
            render: (_, row) => formatInstant(row.submittedAt, language),
          },
          { key: 'name', title: t('registry.list.name'), render: (_, row) => localName(row.names, language) },
          {
            key: 'uscc',
            title: t('registry.list.uscc'),
            render: (_, row) => (
              <Space size={4}>
                <span className="mono">{row.uscc}</span>
                {row.usccCheckOk ? null : (
                  <Tag color="orange" icon={<WarningOutlined />} data-testid="uscc-warning">
                    {t('registry.applications.checkWarning')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            key: 'kinds',
            title: t('registry.list.kinds'),
            render: (_, row) => row.kinds.map((kind) => <Tag key={kind}>{enterpriseKindLabel(t, kind)}</Tag>),
          },
          { key: 'tier', title: t('registry.list.tier'), render: (_, row) => <TierTag tier={row.customsCreditTier} /> },
          {
            key: 'status',
            title: t('registry.list.status'),
            render: (_, row) => <Tag color={STATUS_COLOURS[row.status]}>{t(`registry.appStatus.${row.status}`)}</Tag>,
          },
          ...(canDecide
            ? [
                {
                  key: 'actions',
                  title: t('registry.applications.decision'),
                  render: (_: unknown, row: Application) =>
                    row.status === 'pending' ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          onClick={() => open('approve', row)}
                          data-testid={`approve-${row.uscc}`}
                        >
                          {t('registry.applications.approve')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          icon={<CloseOutlined />}
                          onClick={() => open('reject', row)}
                          data-testid={`reject-${row.uscc}`}
                        >
                          {t('registry.applications.reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={dialog !== null}
        title={
          dialog
            ? t(`registry.applications.${dialog.kind}Title`, { name: localName(dialog.application.names, language) })
            : ''
        }
        onCancel={() => setDialog(null)}
        onOk={onOk}
        okText={dialog?.kind === 'reject' ? t('registry.applications.reject') : t('registry.applications.approve')}
        okButtonProps={{
          disabled: okDisabled,
          loading: decide.isPending,
          danger: dialog?.kind === 'reject',
          ...({ 'data-testid': 'decision-ok' } as object),
        }}
        destroyOnHidden
      >
        {needsConfirmation ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert
              type="warning"
              showIcon
              title={t('registry.applications.warningTitle', { uscc: dialog?.application.uscc })}
              description={t('registry.applications.warningText')}
            />
            <Checkbox
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
              data-testid="confirm-uscc"
            >
              {t('registry.applications.confirmWarning')}
            </Checkbox>
          </Space>
        ) : null}
        {dialog?.kind === 'approve' && !needsConfirmation ? <p>{t('registry.applications.approveText')}</p> : null}
        {dialog?.kind === 'reject' ? (
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder={t('registry.applications.reasonPlaceholder')}
            data-testid="reject-reason"
          />
        ) : null}
      </Modal>
    </Card>
  );
}
