import { App, Button, Card, Empty, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CreditRepair, useDecideRepair } from '../../api/registry';
import { problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';

const STATUS_COLOURS = { pending: 'gold', accepted: 'green', refused: 'red' } as const;

/** Repair requests with their decisions; zone admins accept or refuse (with a reason) the pending ones. */
export function RepairQueue({
  repairs,
  loading,
  names,
  canDecide,
  title,
}: {
  repairs: readonly CreditRepair[];
  loading: boolean;
  /** Enterprise names by id, to show whose request it is (the overview); omitted on one enterprise's page. */
  names?: Map<string, string>;
  canDecide: boolean;
  title?: string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const decide = useDecideRepair();
  const [refusing, setRefusing] = useState<CreditRepair | null>(null);
  const [reason, setReason] = useState('');

  const send = (repair: CreditRepair, decision: 'accept' | 'refuse', refusal?: string) =>
    decide.mutate(
      { id: repair.id, decision, ...(refusal ? { reason: refusal } : {}) },
      {
        onSuccess: () => {
          void message.success(t(`registry.credit.repair.${decision === 'accept' ? 'accepted' : 'refused'}`));
          setRefusing(null);
        },
        onError: (error) => {
          const { title: problem, detail } = problemText(error, t('errors.unexpected'));
          void message.error(detail ? `${problem} — ${detail}` : problem, 8);
        },
      },
    );

  return (
    <Card
      variant="borderless"
      className="section-card"
      title={title ?? t('registry.credit.repair.queue')}
      data-testid="repairs"
    >
      <Table<CreditRepair>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={[...repairs]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('registry.credit.repair.empty')} /> }}
        columns={[
          ...(names
            ? [
                {
                  key: 'enterprise',
                  title: t('registry.list.name'),
                  render: (_: unknown, row: CreditRepair) => (
                    <Link to={`/credit/${row.enterpriseId}`}>{names.get(row.enterpriseId) ?? row.enterpriseId}</Link>
                  ),
                },
              ]
            : []),
          {
            key: 'filedAt',
            title: t('registry.credit.repair.filedAt'),
            render: (_, row) => formatInstant(row.filedAt, language),
          },
          {
            key: 'evidence',
            title: t('registry.credit.repair.evidence'),
            render: (_, row) => (
              <div className="registry-evidence">
                {row.evidence}
                {row.references.length > 0 ? <div className="registry-muted">{row.references.join(', ')}</div> : null}
                <div className="registry-muted">
                  {t('registry.credit.repair.factCount', { count: row.factIds.length })}
                </div>
              </div>
            ),
          },
          {
            key: 'status',
            title: t('registry.list.status'),
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOURS[row.status]}>{t(`registry.credit.repair.status.${row.status}`)}</Tag>
                {row.decisionReason ? <span className="registry-muted">{row.decisionReason}</span> : null}
              </Space>
            ),
          },
          ...(canDecide
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, row: CreditRepair) =>
                    row.status === 'pending' ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => send(row, 'accept')}
                          loading={decide.isPending}
                        >
                          {t('registry.credit.repair.accept')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => {
                            setReason('');
                            setRefusing(row);
                          }}
                        >
                          {t('registry.credit.repair.refuse')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={refusing !== null}
        title={t('registry.credit.repair.refuseTitle')}
        onCancel={() => setRefusing(null)}
        onOk={() => refusing && send(refusing, 'refuse', reason.trim())}
        okButtonProps={{ disabled: reason.trim() === '', danger: true, loading: decide.isPending }}
        okText={t('registry.credit.repair.refuse')}
      >
        <Input.TextArea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
      </Modal>
    </Card>
  );
}
