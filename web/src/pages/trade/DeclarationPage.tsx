import {
  AuditOutlined,
  CheckOutlined,
  CloseOutlined,
  FilePdfOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  PayCircleOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useEnterprises } from '../../api/hooks';
import {
  type Declaration,
  type DeclarationStep,
  type OfficerAction,
  useAddDocuments,
  useDeclaration,
  useOfficerDecision,
  usePayDeclaration,
} from '../../api/trade';
import { ROLES, type Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { DetailFallback, isNotFound } from '../../components/DetailFallback';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { countryName, useCountryIndex } from '../../lib/countries';
import { formatDecimalString } from '../../lib/decimal';
import { locationName, useLocationIndex } from '../../lib/locations';
import { useNow } from '../../lib/useDebounced';
import { centreAccent } from '../centres/CentrePage';
import { formatInstant } from '../logistics/model';
import { DECLARANT_ROLES } from './access';
import { DocumentFields } from './DocumentFields';
import { type DocumentValues, deadlineState, formatDuration, toDocumentInputs } from './model';
import { Cny, FastLaneChecklist, TaxBillView } from './TaxPreviewPanel';
import {
  ChannelTag,
  DeadlineTag,
  DeclarationStatusTag,
  DirectionTag,
  FastLaneTag,
  PaymentTag,
  percentText,
  unitName,
} from './TradeTags';
import '../logistics/shipments.css';
import './trade.css';

/** Which officer steps the server allows from which status (declarations.ts ACTION_FROM). */
const ACTION_FROM: Record<OfficerAction, readonly string[]> = {
  request_documents: ['submitted', 'inspection'],
  inspect: ['submitted', 'documents_requested'],
  record_findings: ['inspection'],
  release: ['submitted', 'documents_requested', 'inspection'],
  reject: ['submitted', 'documents_requested', 'inspection'],
};
const ACTION_ICONS: Record<OfficerAction, ReactNode> = {
  request_documents: <FileSearchOutlined />,
  inspect: <SearchOutlined />,
  record_findings: <AuditOutlined />,
  release: <CheckOutlined />,
  reject: <CloseOutlined />,
};
const STEP_KEYS = [
  'declared',
  'summary_filed',
  'risk_assessed',
  'documents_requested',
  'documents_added',
  'inspection_ordered',
  'inspection_findings',
  'released',
  'rejected',
  'paid',
  'completed',
] as const;
type StepKey = (typeof STEP_KEYS)[number];

function isStepKey(step: string): step is StepKey {
  return (STEP_KEYS as readonly string[]).includes(step);
}

function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

/** 申报 → 审核 → 查验 → 放行, each with its time and how long it took since the previous one. */
function ClearanceSteps({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const find = (...steps: string[]) => declaration.timeline.find((s) => steps.includes(s.step)) ?? null;
  const declared = find('declared', 'summary_filed');
  const reviewed = find('risk_assessed');
  const inspected = find('inspection_ordered');
  const decided = find('released', 'rejected');
  const status = declaration.status;
  const inspectionNeeded = inspected !== null || declaration.channel === 'inspection';

  const since = (from: DeclarationStep | null, to: DeclarationStep | null) =>
    from && to ? formatDuration((Date.parse(to.at) - Date.parse(from.at)) / 60_000, language) : null;
  const describe = (step: DeclarationStep | null, previous: DeclarationStep | null, fallback: string) =>
    step ? (
      <div className="step-desc">
        <div>{formatInstant(step.at, language)}</div>
        {previous ? <div className="muted">+{since(previous, step)}</div> : null}
      </div>
    ) : (
      <div className="step-desc muted">{fallback}</div>
    );

  const current = status === 'released' || status === 'rejected' ? 3 : status === 'inspection' ? 2 : reviewed ? 1 : 0;
  return (
    <Steps
      size="small"
      current={current}
      status={status === 'rejected' ? 'error' : status === 'released' ? 'finish' : 'process'}
      data-testid="clearance-steps"
      items={[
        { title: t('trade.progress.declared'), content: describe(declared, null, t('trade.progress.pending')) },
        {
          title: t('trade.progress.review'),
          content: describe(reviewed, declared, t('trade.progress.pending')),
        },
        {
          title: t('trade.progress.inspection'),
          status: !inspectionNeeded && (status === 'released' || status === 'rejected') ? 'wait' : undefined,
          content: inspectionNeeded ? (
            describe(inspected, reviewed, t('trade.progress.pending'))
          ) : (
            <div className="step-desc muted">{t('trade.progress.notRequired')}</div>
          ),
        },
        {
          title: status === 'rejected' ? t('trade.progress.rejected') : t('trade.progress.released'),
          content: describe(decided, inspected ?? reviewed, t('trade.progress.pending')),
        },
      ]}
    />
  );
}

function StepTimeline({ steps }: { steps: readonly DeclarationStep[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Timeline
      className="declaration-timeline"
      data-testid="declaration-timeline"
      items={steps.map((step, index) => {
        const findings = (step.details as { result?: string; text?: string } | null) ?? null;
        return {
          key: `${step.step}-${index}`,
          color: step.step === 'rejected' ? 'red' : step.step === 'released' ? 'green' : 'blue',
          content: (
            <div data-testid={`timeline-step-${step.step}`}>
              <div className="event-title">
                <span className="strong-cell">{isStepKey(step.step) ? t(`trade.steps.${step.step}`) : step.step}</span>
                <span className="event-time">{formatInstant(step.at, language)}</span>
              </div>
              <div className="event-sub">
                <Tag className="tag-small">
                  {isRole(step.actorRole) ? t(`roles.${step.actorRole}`) : t('trade.detail.system')}
                </Tag>
                {step.minutesSincePrevious !== null ? (
                  <span className="muted">+{formatDuration(step.minutesSincePrevious, language)}</span>
                ) : null}
              </div>
              {step.note ? <div className="event-sub step-note">“{step.note}”</div> : null}
              {step.step === 'inspection_findings' && findings?.text ? (
                <div className="event-sub">
                  <Tag color={findings.result === 'discrepancy' ? 'red' : 'green'} className="tag-small">
                    {findings.result === 'discrepancy'
                      ? t('trade.detail.discrepancy')
                      : t('trade.detail.noDiscrepancy')}
                  </Tag>
                  {findings.text}
                </div>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}

/** The officer's decision: a note and the steps the status allows; findings ask for their result first. */
function OfficerActions({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useOfficerDecision(declaration.id);
  const [note, setNote] = useState('');
  const [findingsOpen, setFindingsOpen] = useState(false);
  const [findingsForm] = Form.useForm<{ result: 'no_discrepancy' | 'discrepancy'; text: string }>();
  const allowed = (Object.keys(ACTION_FROM) as OfficerAction[]).filter((action) =>
    ACTION_FROM[action].includes(declaration.status),
  );
  if (allowed.length === 0) return null;

  const run = (action: OfficerAction, findings?: { result: 'no_discrepancy' | 'discrepancy'; text: string }) => {
    decide.mutate(
      { action, ...(note.trim() ? { note: note.trim() } : {}), ...(findings ? { findings } : {}) },
      {
        onSuccess: () => {
          setNote('');
          setFindingsOpen(false);
          void message.success(t(`trade.actions.done.${action}`));
        },
        onError: (error) => {
          const { title, detail } = problemText(error, t('errors.unexpected'));
          void message.error(detail ? `${title}: ${detail}` : title);
        },
      },
    );
  };

  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined /> {t('trade.actions.title')}
        </span>
      }
      variant="borderless"
      className="section-card officer-card"
      data-testid="officer-actions"
    >
      <Input.TextArea
        rows={2}
        maxLength={1000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder={t('trade.actions.notePlaceholder')}
        data-testid="officer-note"
      />
      {decide.isError ? (
        <Alert
          type="error"
          showIcon
          className="card-alert action-error"
          title={problemText(decide.error, t('errors.unexpected')).title}
          description={problemText(decide.error, t('errors.unexpected')).detail}
          data-testid="officer-error"
        />
      ) : null}
      <Space wrap className="officer-buttons">
        {allowed.map((action) => (
          <Button
            key={action}
            type={action === 'release' ? 'primary' : 'default'}
            danger={action === 'reject'}
            icon={ACTION_ICONS[action]}
            loading={decide.isPending && decide.variables?.action === action}
            onClick={() => (action === 'record_findings' ? setFindingsOpen(true) : run(action))}
            data-testid={`officer-${action}`}
          >
            {t(`trade.actions.${action}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={findingsOpen}
        title={t('trade.actions.record_findings')}
        onCancel={() => setFindingsOpen(false)}
        onOk={() => findingsForm.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        destroyOnHidden
      >
        <Form
          form={findingsForm}
          layout="vertical"
          initialValues={{ result: 'no_discrepancy' }}
          onFinish={(values) => run('record_findings', { result: values.result, text: values.text.trim() })}
        >
          <Form.Item name="result" label={t('trade.actions.findingsResult')}>
            <Radio.Group
              options={[
                { value: 'no_discrepancy', label: t('trade.detail.noDiscrepancy') },
                { value: 'discrepancy', label: t('trade.detail.discrepancy') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={t('trade.actions.findingsText')}
            rules={[{ required: true, whitespace: true, message: t('trade.form.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="findings-text" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The trader adds documents the officer asked for (or forgot); a declaration waiting for them goes back to customs. */
function AddDocumentsCard({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddDocuments(declaration.id);
  const [form] = Form.useForm<{ documents: DocumentValues[] }>();
  const onFinish = (values: { documents: DocumentValues[] }) => {
    const documents = toDocumentInputs(values.documents);
    if (documents.length === 0) return;
    add.mutate(
      { documents },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('trade.detail.documentsAdded'));
        },
      },
    );
  };
  return (
    <Card
      title={t('trade.detail.addDocumentsTitle')}
      variant="borderless"
      className="section-card"
      data-testid="add-documents"
    >
      {declaration.status === 'documents_requested' ? (
        <Alert type="warning" showIcon className="card-alert" title={t('trade.detail.documentsRequested')} />
      ) : null}
      {add.isError ? <ProblemAlert error={add.error} /> : null}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ documents: [{}] }} onFinish={onFinish}>
        <DocumentFields testPrefix="add-document" />
        <div className="form-actions">
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="add-documents-submit">
            {t('trade.detail.addDocuments')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function ItemsTable({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const countries = useCountryIndex();
  const quantity = (amount: string, unit: string) =>
    `${formatDecimalString(amount.replace(/\.?0+$/, ''), language)} ${unitName(t, unit)}`;
  const columns: ColumnsType<Declaration['items'][number]> = [
    { title: '#', key: 'seq', width: 44, render: (_, item) => item.seq },
    {
      title: t('trade.form.code'),
      key: 'code',
      render: (_, item) => (
        <div>
          <div>
            <span className="mono strong-cell">{item.code}</span> {item.name}
          </div>
          <div className="muted">{item.description}</div>
        </div>
      ),
    },
    {
      title: t('trade.detail.quantity'),
      key: 'quantity',
      width: 170,
      render: (_, item) => (
        <div className="num">
          <div>{quantity(item.quantity, item.unit)}</div>
          {item.secondQuantity && item.secondUnit ? <div>{quantity(item.secondQuantity, item.secondUnit)}</div> : null}
        </div>
      ),
    },
    {
      title: t('trade.detail.price'),
      key: 'price',
      align: 'right',
      width: 150,
      render: (_, item) => (
        <span className="num">
          {formatDecimalString(item.priceAmount.replace(/\.?0+$/, ''), language)} {declaration.currency}
        </span>
      ),
    },
    {
      title: t('trade.form.origin'),
      key: 'origin',
      width: 120,
      render: (_, item) => countryName(countries, item.originCountry, language),
    },
    {
      title: t('trade.preview.customsValue'),
      key: 'value',
      align: 'right',
      width: 160,
      render: (_, item) => <Cny amount={item.customsValueCny} />,
    },
  ];
  return (
    <div data-testid="declaration-items">
      <Table
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={declaration.items}
        pagination={false}
        scroll={{ x: 760 }}
      />
    </div>
  );
}

/** One declaration: status, channel and why, clearance steps, items, taxes, documents, decision, release note. */
export function DeclarationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const me = useSession();
  const declaration = useDeclaration(id);
  const pay = usePayDeclaration(id);
  const locations = useLocationIndex();
  const countries = useCountryIndex();
  const enterprises = useEnterprises();
  const now = useNow();
  const { icon, accent } = centreAccent('trade');
  const data = declaration.data;
  const enterprise = useMemo(
    () => (data ? (enterprises.data ?? []).find((e) => e.id === data.enterpriseId) : undefined),
    [data, enterprises.data],
  );

  const breadcrumb = (
    <Breadcrumb
      className="shipment-breadcrumb"
      items={[
        { title: <Link to="/trade">{t('centres.trade.title')}</Link> },
        { title: <Link to="/trade">{t('trade.tabs.declarations')}</Link> },
        { title: data?.number ?? '…' },
      ]}
    />
  );

  if (!data || isNotFound(declaration.error)) {
    return (
      <DetailFallback
        testId="declaration-page"
        breadcrumb={breadcrumb}
        query={declaration}
        notFoundText={t('trade.detail.notFound')}
        back={{ to: '/trade', label: t('trade.detail.back') }}
      />
    );
  }

  const declarant = DECLARANT_ROLES.includes(me.user.role) && me.enterprise?.id === data.enterpriseId;
  const officer = me.user.role === 'customs_officer';
  const mayPay =
    declarant && (data.payment === 'unpaid' || data.payment === 'guaranteed') && data.status !== 'rejected';
  const mayAddDocuments = declarant && (data.status === 'documents_requested' || data.status === 'submitted');
  const header = data.header;
  const place = (locode: string | undefined) =>
    locode ? (
      <span>
        {locationName(locations, locode, language)} <span className="mono muted">{locode}</span>
      </span>
    ) : (
      '—'
    );
  const onPay = () =>
    pay.mutate(
      {},
      {
        onSuccess: () => void message.success(t('trade.detail.paid')),
        onError: (error) => void message.error(problemText(error, t('errors.unexpected')).title),
      },
    );
  const deadline = deadlineState(data, now);

  return (
    <div className="page" data-testid="declaration-page">
      {breadcrumb}
      <PageHeader
        title={
          <span>
            {t('trade.detail.title')}{' '}
            <span className="mono bl-number" data-testid="declaration-number">
              {data.number}
            </span>
          </span>
        }
        subtitle={
          <span>
            {t(`trade.directions.${data.direction}`)} · {data.supervisionMode}{' '}
            {t(`trade.supervisionModes.${data.supervisionMode as '0110'}`, { defaultValue: '' })} ·{' '}
            {countryName(countries, data.tradeCountry, language)}
            {enterprise ? ` · ${localName(enterprise.names, language)}` : ''}
          </span>
        }
        icon={<span style={{ background: accent }}>{icon}</span>}
        extra={
          mayPay ? (
            <Button
              type="primary"
              icon={<PayCircleOutlined />}
              loading={pay.isPending}
              onClick={onPay}
              data-testid="pay"
            >
              {t('trade.detail.pay', { amount: formatDecimalString(data.taxCny ?? '0', language) })}
            </Button>
          ) : null
        }
      />
      {data.releaseNote ? (
        <Alert
          type="success"
          showIcon
          icon={<FileProtectOutlined />}
          className="card-alert"
          title={t('trade.detail.releasedTitle', { number: data.releaseNote.number })}
          description={t('trade.detail.releasedText', { time: formatInstant(data.releaseNote.issuedAt, language) })}
          action={
            <Space orientation="vertical">
              <Button
                size="small"
                icon={<FilePdfOutlined />}
                href={data.releaseNote.pdfUrl}
                target="_blank"
                rel="noopener"
                data-testid="release-note-pdf"
              >
                {t('trade.detail.releaseNotePdf')}
              </Button>
              <Button
                size="small"
                icon={<FileProtectOutlined />}
                href={data.releaseNote.verifyUrl}
                target="_blank"
                rel="noopener"
                data-testid="release-note-verify"
              >
                {t('trade.detail.verify')}
              </Button>
            </Space>
          }
          data-testid="release-note"
        />
      ) : null}
      <Card
        title={t('trade.detail.progressTitle')}
        extra={
          <span className="muted card-extra-text">
            <SyncOutlined spin={declaration.isFetching} /> {t('trade.detail.autoRefresh')}
          </span>
        }
        variant="borderless"
        className="section-card"
      >
        <ClearanceSteps declaration={data} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('trade.detail.summaryTitle')} variant="borderless" className="section-card">
            <Descriptions size="small" column={{ xs: 1, md: 2 }} className="declaration-summary">
              <Descriptions.Item label={t('trade.detail.status')}>
                <DeclarationStatusTag status={data.status} testId="declaration-status" />
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.detail.channel')}>
                <ChannelTag channel={data.channel} testId="declaration-channel" />
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.detail.direction')}>
                <DirectionTag direction={data.direction} />
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.detail.payment')}>
                <PaymentTag payment={data.payment} testId="declaration-payment" />
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.preview.customsValue')}>
                <Cny amount={data.customsValueCny} strong />
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.preview.taxes')}>
                <Cny amount={data.taxCny} strong testId="declaration-tax" />
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.form.loadingPort')}>{place(header.loadingPort)}</Descriptions.Item>
              <Descriptions.Item label={t('trade.form.dischargePort')}>{place(header.dischargePort)}</Descriptions.Item>
              <Descriptions.Item
                label={data.direction === 'export' ? t('trade.form.consignee') : t('trade.form.consignor')}
              >
                {header.foreignParty ? (
                  <span>
                    {header.foreignParty.name}{' '}
                    <span className="muted">({countryName(countries, header.foreignParty.country, language)})</span>
                    {header.foreignParty.aeo ? <Tag className="tag-small aeo-tag">AEO</Tag> : null}
                  </span>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.form.transportMode')}>
                {data.transportMode} · {t(`trade.transportModes.${data.transportMode as '3'}`, { defaultValue: '' })}
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.form.termsOfSale')}>{header.termsOfSale ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('trade.form.currency')}>
                {data.currency}
                {header.cnyPerUnit && data.currency !== 'CNY' ? (
                  <span className="muted">
                    {' '}
                    ·{' '}
                    {t('trade.detail.rate', {
                      rate: formatDecimalString(header.cnyPerUnit.replace(/\.?0+$/, ''), language),
                    })}
                  </span>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.form.blNumber')}>
                {data.blNumber ? (
                  data.shipmentId ? (
                    <Link to={`/logistics/shipments/${data.shipmentId}`} className="mono" data-testid="declaration-bl">
                      {data.blNumber}
                    </Link>
                  ) : (
                    <span className="mono">{data.blNumber}</span>
                  )
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.form.declarationDate')}>{data.declarationDate}</Descriptions.Item>
              <Descriptions.Item label={t('trade.detail.submitted')}>
                {data.submittedAt ? formatInstant(data.submittedAt, language) : '—'}
              </Descriptions.Item>
              {data.fastLane ? (
                <Descriptions.Item label={t('trade.detail.fastLane')}>
                  <div>
                    <span className="tag-row">
                      <FastLaneTag category={data.fastLane} testId="declaration-fast-lane" />
                      <DeadlineTag state={deadline} testId="declaration-deadline" />
                    </span>
                    {data.targetReleaseAt ? (
                      <div className="muted">
                        {t('trade.detail.target', { time: formatInstant(data.targetReleaseAt, language) })}
                      </div>
                    ) : null}
                  </div>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card
            title={t('trade.detail.riskTitle')}
            variant="borderless"
            className="section-card"
            data-testid="risk-card"
            extra={<ChannelTag channel={data.channel} />}
          >
            {data.risk && data.risk.reasons.length > 0 ? (
              <ul className="risk-reasons" data-testid="risk-reasons">
                {data.risk.reasons.map((reason) => (
                  <li key={`${reason.code}-${reason.ruleId ?? ''}-${reason.item ?? ''}`}>
                    <ChannelTag channel={reason.channel} /> {reason.message}
                  </li>
                ))}
              </ul>
            ) : (
              <div className="muted" data-testid="risk-reasons">
                {t('trade.detail.noReasons')}
              </div>
            )}
            {data.risk ? (
              <div className="muted sampling-note">
                {t('trade.detail.sampling', {
                  rate: percentText(data.risk.sampling.rate, language),
                  draw: data.risk.sampling.draw,
                })}
                {data.risk.sampling.selected ? ` ${t('trade.detail.sampled')}` : ''}
              </div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('trade.detail.timelineTitle')} variant="borderless" className="section-card timeline-card">
            <StepTimeline steps={data.timeline} />
          </Card>
          {officer ? <OfficerActions declaration={data} /> : null}
        </Col>
      </Row>
      <Card title={t('trade.detail.itemsTitle')} variant="borderless" className="section-card">
        <ItemsTable declaration={data} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('trade.detail.documentsTitle')} variant="borderless" className="section-card">
            <div data-testid="declaration-documents">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.documents}
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trade.detail.noDocuments')} />,
                }}
                columns={[
                  { title: t('trade.documents.kind'), key: 'kind', render: (_, doc) => doc.name },
                  {
                    title: t('trade.documents.reference'),
                    key: 'reference',
                    render: (_, doc) => <span className="mono">{doc.reference}</span>,
                  },
                  {
                    title: t('trade.documents.issuer'),
                    key: 'issuer',
                    render: (_, doc) => doc.issuer ?? <span className="muted">—</span>,
                  },
                  {
                    title: t('trade.documents.addedAt'),
                    key: 'addedAt',
                    width: 190,
                    render: (_, doc) => <span className="muted nowrap">{formatInstant(doc.addedAt, language)}</span>,
                  },
                ]}
              />
            </div>
            {data.fastLaneCheck ? <FastLaneChecklist check={data.fastLaneCheck} /> : null}
          </Card>
          {mayAddDocuments ? <AddDocumentsCard declaration={data} /> : null}
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('trade.detail.taxTitle')} variant="borderless" className="section-card">
            {data.taxBill ? (
              <TaxBillView bill={data.taxBill} names={new Map(data.items.map((item) => [item.seq - 1, item.name]))} />
            ) : (
              <div className="muted" data-testid="no-tax">
                {data.direction === 'export' ? t('trade.detail.noExportTax') : t('trade.detail.noTax')}
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
