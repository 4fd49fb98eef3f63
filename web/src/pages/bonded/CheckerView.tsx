import { CheckCircleFilled, CloseCircleFilled, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CheckResult, useLedgerCheck } from '../../api/bonded';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatNumber } from '../logistics/model';
import { checkLabel } from './labels';

/** The breaks of one check, with whatever columns the check names them by. */
function BreaksTable({ check }: { check: CheckResult }) {
  const columns = [...new Set(check.breaks.flatMap((row) => Object.keys(row)))];
  return (
    <Table<Record<string, unknown>>
      rowKey={(_, index) => String(index)}
      size="small"
      dataSource={check.breaks}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={`breaks-${check.name}`}
      columns={columns.map((key) => ({
        key,
        title: <span className="mono">{key}</span>,
        render: (_: unknown, row: Record<string, unknown>) => (
          <span className="mono">{row[key] === null || row[key] === undefined ? '—' : String(row[key])}</span>
        ),
      }))}
    />
  );
}

/** Runs the ledger checker (GET /api/bonded/check) and shows each check and its breaks. */
export function CheckerView() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const check = useLedgerCheck();
  const report = check.data;

  return (
    <Card
      title={t('bonded.check.title')}
      variant="borderless"
      className="section-card"
      data-testid="checker"
      extra={
        <Button
          type="primary"
          icon={<SafetyOutlined />}
          loading={check.isFetching}
          onClick={() => void check.refetch()}
          data-testid="check-run"
        >
          {t('bonded.check.run')}
        </Button>
      }
    >
      <div className="muted card-subtitle">{t('bonded.check.intro')}</div>
      {check.error ? <ProblemAlert error={check.error} /> : null}
      {report ? (
        <>
          <Alert
            type={report.ok ? 'success' : 'error'}
            showIcon
            className="card-alert"
            title={report.ok ? t('bonded.check.allOk') : t('bonded.check.broken')}
            data-testid="check-summary"
            data-ok={String(report.ok)}
          />
          <Row gutter={16} className="card-alert">
            {(
              [
                ['postings', report.postings],
                ['lists', report.lists],
                ['accounts', report.accounts],
                ['elapsed', report.elapsedMs],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} md={6}>
                <Statistic title={t(`bonded.check.${key}`)} value={formatNumber(value, language)} />
              </Col>
            ))}
          </Row>
          <Table<CheckResult>
            rowKey="name"
            size="small"
            dataSource={report.checks}
            pagination={false}
            data-testid="check-table"
            onRow={(row) => ({ 'data-testid': `check-row-${row.name}`, 'data-ok': String(row.ok) }) as object}
            expandable={
              report.checks.some((row) => row.breaks.length > 0)
                ? {
                    rowExpandable: (row) => row.breaks.length > 0,
                    expandedRowRender: (row) => <BreaksTable check={row} />,
                    defaultExpandAllRows: true,
                  }
                : undefined
            }
            columns={[
              {
                key: 'name',
                title: t('bonded.check.check'),
                render: (_, row) => (
                  <span>
                    {checkLabel(t, row.name)} <span className="mono muted">{row.name}</span>
                  </span>
                ),
              },
              {
                key: 'ok',
                title: t('bonded.check.result'),
                render: (_, row) =>
                  row.ok ? (
                    <Tag color="green" icon={<CheckCircleFilled />}>
                      {t('bonded.check.ok')}
                    </Tag>
                  ) : (
                    <Tag color="red" icon={<CloseCircleFilled />}>
                      {t('bonded.check.fail')}
                    </Tag>
                  ),
              },
              {
                key: 'count',
                title: t('bonded.check.count'),
                align: 'right',
                render: (_, row) => formatNumber(row.count, language),
              },
            ]}
          />
        </>
      ) : check.isFetching ? null : (
        <Empty description={t('bonded.check.notRun')} />
      )}
    </Card>
  );
}
