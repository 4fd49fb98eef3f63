import { AuditOutlined, BulbOutlined, CheckOutlined, CloseOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Skeleton,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprises } from '../../api/hooks';
import {
  type DatedFraction,
  type DatedRate,
  type Ruling,
  type RulingStatus,
  type TariffHit,
  type TariffLine,
  useClassify,
  useDecideRuling,
  useRequestRuling,
  useRulings,
  useTariffLine,
  useTariffSearch,
} from '../../api/trade';
import { useSession } from '../../auth/session';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';
import { DECLARANT_ROLES, OFFICER_ROLES } from './access';
import { TariffSelect } from './TariffSelect';
import { MatchedTerms, percentText, rateText, unitName } from './TradeTags';

const RULING_COLORS: Record<RulingStatus, string> = { requested: 'processing', granted: 'success', refused: 'error' };

function RateEntries({
  entries,
  render,
}: {
  entries: readonly (DatedRate | DatedFraction)[];
  render: (entry: DatedRate | DatedFraction) => string;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return <span className="muted">{t('trade.tariff.none')}</span>;
  return (
    <div className="rate-entries">
      {[...entries]
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
        .map((entry) => (
          <div key={entry.effectiveFrom}>
            <span className="num strong-cell">{render(entry)}</span>{' '}
            <span className="muted">{t('trade.tariff.from', { date: entry.effectiveFrom })}</span>
          </div>
        ))}
    </div>
  );
}

/** Every rate column of one line with its effective dates, and its units, licences and inspection codes. */
function TariffDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const line = useTariffLine(code);
  const data: TariffLine | undefined = line.data;
  const rate = (entry: DatedRate | DatedFraction) =>
    'fraction' in entry ? percentText(entry.fraction, language) : rateText(t, entry.rate, language);
  const columns: [string, readonly (DatedRate | DatedFraction)[]][] = data
    ? [
        [t('trade.dutyColumns.mfn'), data.rates.mfn],
        [t('trade.dutyColumns.general'), data.rates.general],
        [t('trade.dutyColumns.provisional'), data.rates.provisional],
        [t('trade.dutyColumns.tariffQuota'), data.rates.tariffQuota],
        ...data.rates.agreement.map((a): [string, DatedRate[]] => [
          `${t('trade.dutyColumns.agreement')} · ${a.agreement} (${a.partnerCountry})`,
          a.rates,
        ]),
        [t('trade.tariff.importVat'), data.rates.importVat],
        [t('trade.tariff.consumptionTax'), data.rates.consumptionTax],
        [t('trade.tariff.exportRebate'), data.rates.exportRebate],
      ]
    : [];
  return (
    <Drawer
      open={code !== null}
      onClose={onClose}
      size={640}
      title={
        <span>
          <span className="mono">{code}</span> {data ? data.names[language === 'zh-CN' ? 'zh' : language] : ''}
        </span>
      }
    >
      <div data-testid="tariff-drawer">
        {line.isError ? <ProblemAlert error={line.error} /> : null}
        {!data ? (
          <Skeleton active />
        ) : (
          <>
            {!data.confirmed ? (
              <Alert
                type="info"
                showIcon
                className="card-alert"
                title={t('trade.tariff.unconfirmed')}
                description={data.basis}
              />
            ) : null}
            <Descriptions size="small" column={1} bordered className="tariff-names">
              <Descriptions.Item label="中文">{data.names.zh}</Descriptions.Item>
              <Descriptions.Item label="English">{data.names.en}</Descriptions.Item>
              <Descriptions.Item label="Русский">{data.names.ru}</Descriptions.Item>
              <Descriptions.Item label={t('trade.tariff.units')}>
                <span data-testid="tariff-units">
                  {data.firstUnit.name} ({data.firstUnit.code})
                  {data.secondUnit ? ` · ${data.secondUnit.name} (${data.secondUnit.code})` : ''}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.tariff.licences')}>
                {data.licenceCodes.length > 0
                  ? data.licenceCodes.map((c) => <Tag key={c}>{c}</Tag>)
                  : t('trade.tariff.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.tariff.inspection')}>
                {data.inspectionCodes.length > 0
                  ? data.inspectionCodes.map((c) => <Tag key={c}>{c}</Tag>)
                  : t('trade.tariff.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.tariff.cbec')}>
                {data.cbec.positiveList ? t('trade.tariff.onPositiveList') : t('trade.tariff.notOnPositiveList')}
                {data.cbec.capPerPersonPerYear
                  ? ` · ${t('trade.tariff.cap', {
                      amount: data.cbec.capPerPersonPerYear.amount,
                      unit: unitName(t, data.cbec.capPerPersonPerYear.unit),
                    })}`
                  : ''}
              </Descriptions.Item>
            </Descriptions>
            <div data-testid="tariff-rates">
              <Table
                className="rate-table"
                size="small"
                pagination={false}
                rowKey={(row) => row.name}
                dataSource={columns.map(([name, entries]) => ({ name, entries }))}
                columns={[
                  { title: t('trade.tariff.column'), key: 'name', width: 220, render: (_, row) => row.name },
                  {
                    title: t('trade.tariff.rates'),
                    key: 'entries',
                    render: (_, row) => <RateEntries entries={row.entries} render={rate} />,
                  },
                ]}
              />
            </div>
          </>
        )}
      </div>
    </Drawer>
  );
}

function SearchCard({ onOpen }: { onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const hits = useTariffSearch(query);
  const columns: ColumnsType<TariffHit> = [
    {
      title: t('trade.form.code'),
      key: 'code',
      width: 130,
      render: (_, hit) => <span className="mono strong-cell">{hit.code}</span>,
    },
    { title: t('trade.tariff.name'), key: 'name', render: (_, hit) => hit.name },
    { title: t('trade.tariff.matched'), key: 'matched', render: (_, hit) => <MatchedTerms matched={hit.matched} /> },
    {
      title: '',
      key: 'confirmed',
      width: 120,
      render: (_, hit) => (hit.confirmed ? null : <Tag className="tag-small">{t('trade.tariff.demo')}</Tag>),
    },
  ];
  return (
    <Card
      title={
        <span>
          <SearchOutlined /> {t('trade.tariff.searchTitle')}
        </span>
      }
      variant="borderless"
      className="section-card"
    >
      <div className="muted card-subtitle">{t('trade.tariff.searchSubtitle')}</div>
      <Input.Search
        allowClear
        enterButton
        placeholder={t('trade.tariff.searchPlaceholder')}
        onSearch={setQuery}
        className="tariff-search"
        data-testid="tariff-search"
      />
      {hits.isError ? <ProblemAlert error={hits.error} /> : null}
      <div data-testid="tariff-hits">
        <Table<TariffHit>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={query.trim() ? (hits.data ?? []) : []}
          loading={hits.isFetching}
          pagination={false}
          onRow={(hit) =>
            ({
              onClick: () => onOpen(hit.code),
              className: 'clickable-row',
              'data-testid': `tariff-hit-${hit.code}`,
            }) as React.HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={query.trim() ? t('trade.tariff.noHits') : t('trade.tariff.searchEmpty')}
              />
            ),
          }}
        />
      </div>
    </Card>
  );
}

function ClassifyCard({ onOpen }: { onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const classify = useClassify();
  const request = useRequestRuling();
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const mayAsk = DECLARANT_ROLES.includes(me.user.role);
  const candidates = classify.data ?? [];
  const ask = () =>
    request.mutate(
      { description: description.trim(), ...(chosen ? { proposedCode: chosen } : {}) },
      { onSuccess: () => void message.success(t('trade.rulings.requested')) },
    );
  return (
    <Card
      title={
        <span>
          <BulbOutlined /> {t('trade.classify.title')}
        </span>
      }
      variant="borderless"
      className="section-card"
      data-testid="classify"
    >
      <div className="muted card-subtitle">{t('trade.classify.subtitle')}</div>
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        placeholder={t('trade.classify.placeholder')}
        data-testid="classify-description"
      />
      <div className="form-actions">
        <Button
          type="primary"
          icon={<BulbOutlined />}
          disabled={description.trim().length < 2}
          loading={classify.isPending}
          onClick={() => {
            setChosen(null);
            classify.mutate(description.trim(), {
              onSuccess: (found) => setChosen(found[0]?.code ?? null),
            });
          }}
          data-testid="classify-submit"
        >
          {t('trade.classify.submit')}
        </Button>
      </div>
      {classify.isError ? <ProblemAlert error={classify.error} /> : null}
      {classify.isSuccess && candidates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trade.tariff.noHits')} />
      ) : null}
      {candidates.length > 0 ? (
        <Radio.Group value={chosen} onChange={(event) => setChosen(event.target.value)} className="candidates">
          {candidates.map((hit) => (
            <div className="candidate" key={hit.code} data-testid={`candidate-${hit.code}`}>
              <Radio value={hit.code}>
                <span className="mono strong-cell">{hit.code}</span> {hit.name}
              </Radio>
              <div className="candidate-reasons">
                <span className="muted">{t('trade.classify.because')}</span> <MatchedTerms matched={hit.matched} />
                <Button type="link" size="small" onClick={() => onOpen(hit.code)}>
                  {t('trade.classify.rates')}
                </Button>
              </div>
            </div>
          ))}
        </Radio.Group>
      ) : null}
      {mayAsk && candidates.length > 0 ? (
        <div className="ruling-ask">
          {description.trim().length < 10 ? <div className="muted">{t('trade.rulings.tooShort')}</div> : null}
          {request.isError ? <ProblemAlert error={request.error} /> : null}
          <Button
            icon={<AuditOutlined />}
            disabled={description.trim().length < 10}
            loading={request.isPending}
            onClick={ask}
            data-testid="ruling-request"
          >
            {t('trade.rulings.ask')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

interface DecisionValues {
  decision: 'grant' | 'refuse';
  code?: string;
  reason: string;
}

function DecisionModal({ ruling, onClose }: { ruling: Ruling | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideRuling();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form) ?? 'grant';
  const onFinish = (values: DecisionValues) => {
    if (!ruling) return;
    decide.mutate(
      {
        id: ruling.id,
        decision:
          values.decision === 'grant'
            ? { decision: 'grant', code: values.code ?? '', reason: values.reason.trim() }
            : { decision: 'refuse', reason: values.reason.trim() },
      },
      {
        onSuccess: () => {
          void message.success(t('trade.rulings.decided'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={ruling !== null}
      title={t('trade.rulings.decideTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'ruling-decide-ok' } as never}
      destroyOnHidden
      width={640}
    >
      {ruling ? (
        <Form<DecisionValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ decision: 'grant', code: ruling.proposedCode ?? ruling.candidates[0]?.code }}
          onFinish={onFinish}
        >
          <div className="ruling-description">{ruling.description}</div>
          {decide.isError ? (
            <Alert
              type="error"
              showIcon
              className="card-alert"
              title={problemText(decide.error, t('errors.unexpected')).title}
            />
          ) : null}
          <Form.Item name="decision">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'grant', label: t('trade.rulings.grant') },
                { value: 'refuse', label: t('trade.rulings.refuse') },
              ]}
            />
          </Form.Item>
          {decision === 'grant' ? (
            <Form.Item
              name="code"
              label={t('trade.form.code')}
              rules={[{ required: true, message: t('trade.form.required') }]}
            >
              <TariffSelect testId="ruling-code" />
            </Form.Item>
          ) : null}
          <Form.Item
            name="reason"
            label={t('trade.rulings.reason')}
            rules={[{ required: true, whitespace: true, message: t('trade.form.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="ruling-reason" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

function RulingsCard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  const rulings = useRulings();
  const [deciding, setDeciding] = useState<Ruling | null>(null);
  const officer = OFFICER_ROLES.includes(me.user.role);
  const enterprises = useEnterprises(officer);
  const names = new Map((enterprises.data ?? []).map((e) => [e.id, localName(e.names, language)]));
  const columns: ColumnsType<Ruling> = [
    {
      title: t('trade.rulings.asked'),
      key: 'created',
      width: 170,
      render: (_, r) => <span className="muted">{formatInstant(r.createdAt, language)}</span>,
    },
    ...(officer
      ? [
          {
            title: t('trade.list.enterprise'),
            key: 'enterprise',
            width: 200,
            render: (_: unknown, r: Ruling) => names.get(r.enterpriseId) ?? r.enterpriseId.slice(0, 8),
          },
        ]
      : []),
    { title: t('trade.rulings.description'), key: 'description', render: (_, r) => r.description },
    {
      title: t('trade.rulings.proposed'),
      key: 'proposed',
      width: 120,
      render: (_, r) => (r.proposedCode ? <span className="mono">{r.proposedCode}</span> : '—'),
    },
    {
      title: t('trade.list.status'),
      key: 'status',
      width: 110,
      render: (_, r) => (
        <Tag color={RULING_COLORS[r.status]} data-status={r.status}>
          {t(`trade.rulings.statuses.${r.status}`)}
        </Tag>
      ),
    },
    {
      title: t('trade.rulings.decision'),
      key: 'decision',
      render: (_, r): ReactNode =>
        r.status === 'requested' ? (
          officer ? (
            <Button
              size="small"
              icon={<CheckOutlined />}
              onClick={() => setDeciding(r)}
              data-testid={`ruling-decide-${r.id}`}
            >
              {t('trade.rulings.decide')}
            </Button>
          ) : (
            <span className="muted">{t('trade.rulings.waiting')}</span>
          )
        ) : (
          <div>
            {r.decidedCode ? <span className="mono strong-cell">{r.decidedCode} </span> : <CloseOutlined />}
            <span>{r.reason}</span>
          </div>
        ),
    },
  ];
  return (
    <Card title={t('trade.rulings.title')} variant="borderless" className="section-card" data-testid="rulings">
      <div className="muted card-subtitle">
        {officer ? t('trade.rulings.subtitleOfficer') : t('trade.rulings.subtitle')}
      </div>
      {rulings.isError ? <ProblemAlert error={rulings.error} onRetry={() => void rulings.refetch()} /> : null}
      <Table<Ruling>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rulings.data ?? []}
        loading={rulings.isPending}
        pagination={(rulings.data ?? []).length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 860 }}
        onRow={(r) => ({ 'data-testid': `ruling-row-${r.status}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trade.rulings.empty')} /> }}
      />
      <DecisionModal ruling={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}

/** The tariff: search in three languages, every rate column of a line, pre-classification and binding rulings. */
export function TariffView() {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div data-testid="trade-tariff">
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <SearchCard onOpen={setOpen} />
        </Col>
        <Col xs={24} xl={10}>
          <ClassifyCard onOpen={setOpen} />
        </Col>
      </Row>
      <RulingsCard />
      <TariffDrawer code={open} onClose={() => setOpen(null)} />
    </div>
  );
}
