import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Progress, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { type PlanIndicator, useEnterIndicatorValue, usePlanIndicators } from '../../api/cockpit';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { dynamic } from './format';

interface ValueForm {
  value: string;
  asOf: string;
  source: string;
}

/** The plan's indicator table (附表一): baselines, targets, current values with their source, progress. */
export function PlanTable({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const plan = usePlanIndicators();
  const enter = useEnterIndicatorValue();
  const [editing, setEditing] = useState<PlanIndicator | null>(null);
  const [form] = Form.useForm<ValueForm>();
  const errors = fieldErrors(enter.error);

  const columns: ColumnsType<PlanIndicator> = [
    { title: t('zoneCockpit.plan.no'), dataIndex: 'no', key: 'no', width: 50 },
    {
      title: t('zoneCockpit.plan.indicator'),
      key: 'name',
      render: (_, row) => (
        <span>
          {localName(row.name, language)}
          {row.note ? <div className="muted">{localName(row.note, language)}</div> : null}
        </span>
      ),
    },
    { title: t('zoneCockpit.plan.unit'), key: 'unit', width: 110, render: (_, row) => localName(row.unit, language) },
    { title: t('zoneCockpit.plan.baseline'), key: 'baseline', width: 90, render: (_, row) => row.baseline2020 ?? '—' },
    { title: t('zoneCockpit.plan.target'), key: 'target', width: 90, render: (_, row) => row.target2025 ?? '—' },
    {
      title: t('zoneCockpit.plan.current'),
      key: 'current',
      width: 180,
      render: (_, row) =>
        row.current ? (
          <Tooltip
            title={`${t('zoneCockpit.plan.source')}: ${row.current.computed ? t('zoneCockpit.plan.platform') : row.current.source} · ${row.current.asOf}`}
          >
            <span>
              {row.current.value}{' '}
              {row.current.computed ? (
                <Tag color="blue" className="tag-small">
                  {t('zoneCockpit.plan.platform')}
                </Tag>
              ) : null}
            </span>
          </Tooltip>
        ) : (
          <span className="muted">{t('zoneCockpit.plan.notReported')}</span>
        ),
    },
    {
      title: t('zoneCockpit.plan.progress'),
      key: 'progress',
      width: 170,
      render: (_, row) =>
        row.progressPercent === null ? (
          '—'
        ) : (
          <Progress
            percent={row.progressPercent}
            size="small"
            status={row.progressPercent >= 100 ? 'success' : 'active'}
          />
        ),
    },
    {
      title: t('zoneCockpit.plan.nature'),
      key: 'nature',
      width: 90,
      render: (_, row) => (
        <Tag color={row.nature === 'binding' ? 'red' : 'default'}>
          {dynamic(t)(`zoneCockpit.plan.natures.${row.nature}`)}
        </Tag>
      ),
    },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'edit',
            width: 50,
            render: (_: unknown, row: PlanIndicator) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('zoneCockpit.plan.enter')}
                data-testid={`plan-enter-${row.code}`}
                onClick={() => {
                  enter.reset();
                  form.setFieldsValue({
                    value: row.current?.value ?? '',
                    asOf: new Date().toISOString().slice(0, 10),
                    source: '',
                  });
                  setEditing(row);
                }}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('zoneCockpit.plan.title')} variant="borderless" className="section-card" data-testid="cockpit-plan">
      {plan.error ? <ProblemAlert error={plan.error} /> : null}
      <Table<PlanIndicator>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={plan.data ?? []}
        loading={plan.isPending}
        pagination={false}
      />
      <Modal
        open={editing !== null}
        title={editing ? `${t('zoneCockpit.plan.enter')}: ${localName(editing.name, language)}` : ''}
        okText={t('common.save')}
        confirmLoading={enter.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => {
          const values = form.getFieldsValue();
          if (!editing) return;
          enter.mutate({ code: editing.code, ...values }, { onSuccess: () => setEditing(null) });
        }}
      >
        {enter.error && Object.keys(errors).length === 0 ? <ProblemAlert error={enter.error} /> : null}
        <Form form={form} layout="vertical">
          <Form.Item
            name="value"
            label={t('zoneCockpit.plan.current')}
            validateStatus={errors.value ? 'error' : undefined}
            help={errors.value?.join(' ')}
          >
            <Input data-testid="plan-value" />
          </Form.Item>
          <Form.Item
            name="asOf"
            label={t('zoneCockpit.plan.asOf')}
            validateStatus={errors.asOf ? 'error' : undefined}
            help={errors.asOf?.join(' ')}
          >
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item
            name="source"
            label={t('zoneCockpit.plan.source')}
            validateStatus={errors.source ? 'error' : undefined}
            help={errors.source?.join(' ')}
          >
            <Input data-testid="plan-source" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
