import { App, Button, Card, Col, Empty, Form, Input, Result, Row, Select, Skeleton, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import {
  BAD_FACT_KINDS,
  type CreditFact,
  type CreditFactor,
  type CreditHistoryEntry,
  useCredit,
  useFileRepair,
  useRegistryEnterprises,
} from '../../api/registry';
import { type ChartOption, EChart } from '../../components/EChart';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';
import { isNotFound } from './CreditPage';
import { GRADE_COLOURS, GradeTag } from './labels';
import { RepairQueue } from './RepairQueue';

const BAD = new Set<string>(BAD_FACT_KINDS);

/** One enterprise's grade: the score, every factor's contribution (chart and table), the records, history, repairs. */
export function CreditView({
  enterpriseId,
  canRepair,
  canDecide,
}: {
  enterpriseId: string;
  canRepair: boolean;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useCredit(enterpriseId);
  const enterprises = useRegistryEnterprises();
  const enterprise = enterprises.data?.find((e) => e.id === enterpriseId);
  const [selected, setSelected] = useState<string[]>([]);

  if (query.error) {
    return isNotFound(query.error) ? (
      <Result status="404" title={t('registry.credit.notFound')} data-testid="credit-not-found" />
    ) : (
      <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  if (!query.data) return <Skeleton active />;
  const { credit, facts, history, repairs } = query.data;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card variant="borderless" className="section-card" data-testid="credit-grade">
          <div className="credit-grade">
            <div
              className="credit-grade-letter"
              style={{ background: GRADE_COLOURS[credit.grade] }}
              data-testid="credit-grade-letter"
            >
              {credit.grade}
            </div>
            <div>
              <div className="credit-enterprise">{enterprise ? localName(enterprise.names, language) : ''}</div>
              <div className="credit-score" data-testid="credit-score">
                {t('registry.credit.score')}: <b>{credit.score}</b> / 100
              </div>
              <div className="registry-muted">{credit.gradeText}</div>
              <div className="registry-muted">
                {credit.computedAt
                  ? `${t('registry.credit.computedAt')}: ${formatInstant(credit.computedAt, language)}`
                  : t('registry.credit.notYet')}
              </div>
            </div>
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card variant="borderless" className="section-card" title={t('registry.credit.chartTitle')}>
          <FactorChart factors={credit.factors} />
        </Card>
      </Col>
      <Col xs={24}>
        <Card variant="borderless" className="section-card" title={t('registry.credit.factors')}>
          <Table<CreditFactor>
            rowKey="factor"
            size="small"
            pagination={false}
            dataSource={credit.factors}
            data-testid="credit-factors"
            onRow={(row) => ({ 'data-testid': `factor-${row.factor}` }) as object}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <b>{t('registry.credit.total')}</b>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                <Table.Summary.Cell index={2}>
                  <b>{credit.score}</b>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} />
              </Table.Summary.Row>
            )}
            columns={[
              { key: 'name', title: t('registry.credit.factor'), render: (_, row) => row.name },
              {
                key: 'count',
                title: t('registry.credit.count'),
                render: (_, row) => (row.factor === 'base' ? '—' : row.count),
              },
              {
                key: 'points',
                title: t('registry.credit.points'),
                render: (_, row) => (
                  <span className={row.points > 0 ? 'credit-plus' : row.points < 0 ? 'credit-minus' : ''}>
                    {row.points > 0 ? `+${row.points}` : row.points}
                  </span>
                ),
              },
              { key: 'reason', title: t('registry.credit.reason'), render: (_, row) => row.reason },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card variant="borderless" className="section-card" title={t('registry.credit.facts')}>
          <Table<CreditFact>
            rowKey="id"
            size="small"
            dataSource={facts}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('registry.credit.noFacts')} /> }}
            rowSelection={
              canRepair
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys as string[]),
                    getCheckboxProps: (row) => ({ disabled: !BAD.has(row.kind) || row.repairedAt !== null }),
                  }
                : undefined
            }
            columns={[
              {
                key: 'kind',
                title: t('registry.credit.fact'),
                render: (_, row) => (
                  <span className={BAD.has(row.kind) ? 'credit-minus' : ''}>
                    {row.kindName}
                    {row.repairedAt ? (
                      <Tag color="green" style={{ marginLeft: 6 }}>
                        {t('registry.credit.repaired')}
                      </Tag>
                    ) : null}
                  </span>
                ),
              },
              {
                key: 'subject',
                title: t('registry.credit.subject'),
                render: (_, row) => <span className="mono">{row.subjectRef ?? '—'}</span>,
              },
              {
                key: 'occurredAt',
                title: t('registry.credit.occurredAt'),
                render: (_, row) => formatInstant(row.occurredAt, language),
              },
            ]}
          />
          {canRepair ? (
            <RepairForm enterpriseId={enterpriseId} factIds={selected} onFiled={() => setSelected([])} />
          ) : null}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <HistoryCard history={history} />
      </Col>
      <Col xs={24}>
        <RepairQueue
          repairs={repairs}
          loading={false}
          canDecide={canDecide}
          title={t('registry.credit.repair.title')}
        />
      </Col>
    </Row>
  );
}

function FactorChart({ factors }: { factors: readonly CreditFactor[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const shown = [...factors].reverse();
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => (params as { data: { reason: string } }).data.reason,
      },
      xAxis: { type: 'value', name: t('registry.credit.points') },
      yAxis: { type: 'category', data: shown.map((f) => f.name), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          label: {
            show: true,
            position: 'right',
            formatter: (params: unknown) => String((params as { value: number }).value),
          },
          data: shown.map((f) => ({
            value: f.points,
            reason: f.reason,
            itemStyle: { color: f.factor === 'base' ? '#8c8c8c' : f.points >= 0 ? '#389e0d' : '#cf1322' },
          })),
        },
      ],
    };
  }, [factors, t]);
  return <EChart option={option} height={320} testId="credit-chart" ariaLabel={t('registry.credit.chartTitle')} />;
}

function HistoryCard({ history }: { history: readonly CreditHistoryEntry[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cause = (value: string) =>
    value === 'activated' || value === 'repair'
      ? t(`registry.credit.causes.${value}`)
      : t(`registry.credit.factKinds.${value}`, value);
  return (
    <Card variant="borderless" className="section-card" title={t('registry.credit.history')}>
      <Table<CreditHistoryEntry>
        rowKey={(row) => `${row.computedAt}-${row.score}`}
        size="small"
        dataSource={[...history]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty /> }}
        data-testid="credit-history"
        columns={[
          {
            key: 'at',
            title: t('registry.credit.computedAt'),
            render: (_, row) => formatInstant(row.computedAt, language),
          },
          {
            key: 'grade',
            title: t('registry.credit.grade'),
            render: (_, row) => <GradeTag grade={row.grade} score={row.score} />,
          },
          { key: 'previous', title: t('registry.credit.previous'), render: (_, row) => row.previousGrade ?? '—' },
          { key: 'cause', title: t('registry.credit.cause'), render: (_, row) => cause(row.cause) },
        ]}
      />
    </Card>
  );
}

function RepairForm({
  enterpriseId,
  factIds,
  onFiled,
}: {
  enterpriseId: string;
  factIds: string[];
  onFiled: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ evidence: string; references?: string[] }>();
  const file = useFileRepair(enterpriseId);
  return (
    <Form
      form={form}
      layout="vertical"
      className="credit-repair-form"
      onFinish={(values) =>
        file.mutate(
          { factIds, evidence: values.evidence.trim(), references: values.references ?? [] },
          {
            onSuccess: () => {
              void message.success(t('registry.credit.repair.filed'));
              form.resetFields();
              onFiled();
            },
            onError: (error) => {
              const errors = fieldErrors(error);
              form.setFields(
                Object.entries(errors).map(([name, messages]) => ({ name: name as 'evidence', errors: messages })),
              );
              const { title, detail } = problemText(error, t('errors.unexpected'));
              void message.error(detail ? `${title} — ${detail}` : title, 8);
            },
          },
        )
      }
    >
      <div className="registry-muted" style={{ marginBottom: 8 }}>
        {t('registry.credit.repair.hint', { count: factIds.length })}
      </div>
      <Form.Item name="evidence" label={t('registry.credit.repair.evidence')} rules={[{ required: true, min: 10 }]}>
        <Input.TextArea rows={3} data-testid="repair-evidence" />
      </Form.Item>
      <Form.Item name="references" label={t('registry.credit.repair.references')}>
        <Select mode="tags" tokenSeparators={[',']} open={false} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        disabled={factIds.length === 0}
        loading={file.isPending}
        data-testid="repair-submit"
      >
        {t('registry.credit.repair.submit')}
      </Button>
    </Form>
  );
}
