import { EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import {
  MEASURE_STATUSES,
  type Measure,
  type MeasureStatus,
  type MeasureTask,
  useAddTask,
  useDepartments,
  useMeasures,
  useUpdateMeasure,
  useUpdateTask,
} from '../../api/cockpit';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { dynamic } from './format';

const STATUS_COLORS: Record<MeasureStatus, string> = {
  not_started: 'default',
  in_progress: 'blue',
  done: 'green',
  blocked: 'red',
};

interface MeasureForm {
  status: MeasureStatus;
  dueDate: string;
  evidence: string;
  taskTitle: string;
  taskDepartment: string;
  taskDue: string;
}

/** The 21 measures: lead and co-responsible departments, status, due date, tasks; overdue ones flagged. */
export function MeasuresTracker({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const measures = useMeasures();
  const departments = useDepartments();
  const update = useUpdateMeasure();
  const addTask = useAddTask();
  const updateTask = useUpdateTask();
  const [editing, setEditing] = useState<Measure | null>(null);
  const [form] = Form.useForm<MeasureForm>();
  const errors = { ...fieldErrors(update.error), ...fieldErrors(addTask.error) };
  const overdue = (measures.data ?? []).filter((m) => m.overdue);

  const statusTag = (status: MeasureStatus) => (
    <Tag color={STATUS_COLORS[status]}>{dynamic(t)(`zoneCockpit.measures.statuses.${status}`)}</Tag>
  );

  const taskColumns: ColumnsType<MeasureTask> = [
    { title: t('zoneCockpit.measures.task'), dataIndex: 'title', key: 'title' },
    {
      title: t('zoneCockpit.measures.department'),
      key: 'department',
      render: (_, row) => {
        const found = departments.data?.find((d) => d.code === row.department);
        return found ? localName(found.names, language) : row.department;
      },
    },
    {
      title: t('zoneCockpit.measures.due'),
      key: 'due',
      render: (_, row) => (
        <span>
          {row.dueDate ?? '—'} {row.overdue ? <Tag color="red">{t('zoneCockpit.measures.overdue')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('zoneCockpit.measures.status'),
      key: 'status',
      render: (_, row) =>
        canEdit ? (
          <Select<MeasureStatus>
            size="small"
            value={row.status}
            style={{ width: 140 }}
            options={MEASURE_STATUSES.map((s) => ({
              value: s,
              label: dynamic(t)(`zoneCockpit.measures.statuses.${s}`),
            }))}
            onChange={(status) =>
              updateTask.mutate({
                id: row.id,
                status,
                ...(status === 'done' && !row.evidence ? { evidence: t('zoneCockpit.measures.doneEvidence') } : {}),
              })
            }
          />
        ) : (
          statusTag(row.status)
        ),
    },
  ];

  const columns: ColumnsType<Measure> = [
    { title: t('zoneCockpit.measures.no'), dataIndex: 'no', key: 'no', width: 50 },
    {
      title: t('zoneCockpit.measures.title'),
      key: 'title',
      render: (_, row) => (
        <span>
          <b>{row.title}</b>
          <div className="muted">{dynamic(t)(`zoneCockpit.centres.${row.centre}`)}</div>
        </span>
      ),
    },
    {
      title: t('zoneCockpit.measures.lead'),
      key: 'lead',
      render: (_, row) => row.lead?.name ?? <span className="muted">{t('zoneCockpit.measures.byDuties')}</span>,
    },
    {
      title: t('zoneCockpit.measures.co'),
      key: 'co',
      render: (_, row) => (
        <span className="muted">{row.coResponsible.map((d) => d.name).join(language === 'zh-CN' ? '、' : ', ')}</span>
      ),
    },
    {
      title: t('zoneCockpit.measures.status'),
      key: 'status',
      width: 120,
      render: (_, row) => (
        <span>
          {statusTag(row.status)}
          {row.overdue ? <Tag color="red">{t('zoneCockpit.measures.overdue')}</Tag> : null}
        </span>
      ),
    },
    { title: t('zoneCockpit.measures.due'), key: 'due', width: 110, render: (_, row) => row.dueDate ?? '—' },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'edit',
            width: 50,
            render: (_: unknown, row: Measure) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('zoneCockpit.measures.edit')}
                data-testid={`measure-edit-${row.no}`}
                onClick={() => {
                  update.reset();
                  addTask.reset();
                  form.setFieldsValue({
                    status: row.status,
                    dueDate: row.dueDate ?? '',
                    evidence: row.evidence ?? '',
                    taskTitle: '',
                    taskDepartment: row.lead?.code ?? row.coResponsible[0]?.code ?? '',
                    taskDue: '',
                  });
                  setEditing(row);
                }}
              />
            ),
          },
        ]
      : []),
  ];

  const save = async () => {
    if (!editing) return;
    const values = form.getFieldsValue();
    await update.mutateAsync({
      no: editing.no,
      status: values.status,
      dueDate: values.dueDate ? values.dueDate : null,
      evidence: values.evidence ? values.evidence : null,
    });
    if (values.taskTitle) {
      await addTask.mutateAsync({
        no: editing.no,
        title: values.taskTitle,
        department: values.taskDepartment,
        ...(values.taskDue ? { dueDate: values.taskDue } : {}),
      });
    }
    setEditing(null);
  };

  return (
    <Card
      title={t('zoneCockpit.measures.heading')}
      variant="borderless"
      className="section-card"
      data-testid="cockpit-measures"
    >
      {measures.error ? <ProblemAlert error={measures.error} /> : null}
      {overdue.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          className="row-gap"
          title={t('zoneCockpit.measures.overdueAlert', { count: overdue.length })}
          description={overdue.map((m) => `${m.no}. ${m.title}`).join(' · ')}
        />
      ) : null}
      <Table<Measure>
        rowKey="no"
        size="small"
        columns={columns}
        dataSource={measures.data ?? []}
        loading={measures.isPending}
        pagination={false}
        expandable={{
          rowExpandable: (row) => row.tasks.length > 0 || row.evidence !== null,
          expandedRowRender: (row) => (
            <div>
              {row.evidence ? (
                <p>
                  <b>{t('zoneCockpit.measures.evidence')}:</b> {row.evidence}
                </p>
              ) : null}
              {row.tasks.length > 0 ? (
                <Table<MeasureTask>
                  rowKey="id"
                  size="small"
                  columns={taskColumns}
                  dataSource={row.tasks}
                  pagination={false}
                />
              ) : null}
            </div>
          ),
        }}
      />
      <Modal
        open={editing !== null}
        width={640}
        title={editing ? `${editing.no}. ${editing.title}` : ''}
        okText={t('common.save')}
        confirmLoading={update.isPending || addTask.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => void save().catch(() => undefined)}
      >
        {(update.error || addTask.error) && Object.keys(errors).length === 0 ? (
          <ProblemAlert error={update.error ?? addTask.error} />
        ) : null}
        <Form form={form} layout="vertical">
          <Form.Item name="status" label={t('zoneCockpit.measures.status')}>
            <Select<MeasureStatus>
              options={MEASURE_STATUSES.map((s) => ({
                value: s,
                label: dynamic(t)(`zoneCockpit.measures.statuses.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label={t('zoneCockpit.measures.due')}
            validateStatus={errors.dueDate ? 'error' : undefined}
            help={errors.dueDate?.join(' ')}
          >
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item
            name="evidence"
            label={t('zoneCockpit.measures.evidence')}
            validateStatus={errors.evidence ? 'error' : undefined}
            help={errors.evidence?.join(' ')}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            name="taskTitle"
            label={
              <span>
                <PlusOutlined /> {t('zoneCockpit.measures.newTask')}
              </span>
            }
            validateStatus={errors.title ? 'error' : undefined}
            help={errors.title?.join(' ')}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="taskDepartment"
            label={t('zoneCockpit.measures.department')}
            validateStatus={errors.department ? 'error' : undefined}
            help={errors.department?.join(' ')}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={(departments.data ?? []).map((d) => ({ value: d.code, label: localName(d.names, language) }))}
            />
          </Form.Item>
          <Form.Item name="taskDue" label={t('zoneCockpit.measures.taskDue')}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
