import { EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useEnterprises } from '../../api/hooks';
import {
  CREDIT_CLASSES,
  type CreditClass,
  type RiskRule,
  type RiskRuleInput,
  type RiskSettings,
  RULE_CHANNELS,
  RULE_DIRECTIONS,
  RULE_KINDS,
  type RuleChannel,
  type RuleDirection,
  type RuleKind,
  UNIT_CODES,
  useRiskRules,
  useRiskSettings,
  useSaveRiskRule,
  useSaveRiskSettings,
} from '../../api/trade';
import { CountrySelect } from '../../components/CountrySelect';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { formatInstant } from '../logistics/model';
import { DECIMAL_PATTERN, fractionToPercent, percentToFraction } from './model';
import { ChannelTag, unitName } from './TradeTags';

const HS_PREFIX = /^\d{2,10}$/;

interface RuleValues {
  kind: RuleKind;
  name?: string;
  channel: RuleChannel;
  direction: RuleDirection;
  active: boolean;
  prefixes?: string[];
  countries?: string[];
  classes?: CreditClass[];
  codePrefix?: string;
  unit?: string;
  minCnyPerUnit?: string;
  maxCnyPerUnit?: string;
  enterpriseIds?: string[];
}

/** The request body of a rule from the drawer's values: only the fields of its kind. */
function toRuleInput(values: RuleValues): RiskRuleInput {
  const common = {
    name: (values.name ?? '').trim(),
    channel: values.channel,
    direction: values.direction,
    active: values.active,
  };
  switch (values.kind) {
    case 'hs_prefix':
      return { kind: 'hs_prefix', ...common, prefixes: values.prefixes ?? [] };
    case 'origin':
      return { kind: 'origin', ...common, countries: values.countries ?? [] };
    case 'trade_country':
      return { kind: 'trade_country', ...common, countries: values.countries ?? [] };
    case 'credit_class':
      return { kind: 'credit_class', ...common, classes: values.classes ?? [] };
    case 'unit_value_band': {
      const min = values.minCnyPerUnit?.trim();
      const max = values.maxCnyPerUnit?.trim();
      return {
        kind: 'unit_value_band',
        ...common,
        codePrefix: (values.codePrefix ?? '').trim(),
        unit: values.unit ?? '',
        ...(min ? { minCnyPerUnit: min } : {}),
        ...(max ? { maxCnyPerUnit: max } : {}),
      };
    }
    case 'first_time_declarant':
      return { kind: 'first_time_declarant', ...common };
    case 'watch_list':
      return { kind: 'watch_list', ...common, enterpriseIds: values.enterpriseIds ?? [] };
  }
}

/** A rule without its id and version, as the server takes it back (to switch it on or off). */
function inputOf(rule: RiskRule): RiskRuleInput {
  const { id: _id, version: _version, updatedAt: _updatedAt, ...input } = rule;
  return input as RiskRuleInput;
}

/** What a rule looks for, in a few words. */
function ruleTarget(t: TFunction, rule: RiskRule, enterprises: ReadonlyMap<string, string>, language: string): string {
  switch (rule.kind) {
    case 'hs_prefix':
      return rule.prefixes.join(', ');
    case 'origin':
    case 'trade_country':
      return rule.countries.join(', ');
    case 'credit_class':
      return rule.classes.map((c) => t(`trade.creditClasses.${c}`)).join(', ');
    case 'unit_value_band': {
      const min = rule.minCnyPerUnit === undefined ? null : formatDecimalString(rule.minCnyPerUnit, language);
      const max = rule.maxCnyPerUnit === undefined ? null : formatDecimalString(rule.maxCnyPerUnit, language);
      const range = min !== null && max !== null ? `${min} – ${max}` : min !== null ? `≥ ${min}` : `≤ ${max ?? ''}`;
      return t('trade.rules.band', { prefix: rule.codePrefix, unit: unitName(t, rule.unit), range });
    }
    case 'first_time_declarant':
      return t('trade.rules.firstTime');
    case 'watch_list':
      return rule.enterpriseIds.map((id) => enterprises.get(id) ?? id.slice(0, 8)).join(', ');
  }
}

function RuleDrawer({ rule, open, onClose }: { rule: RiskRule | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const save = useSaveRiskRule();
  const enterprises = useEnterprises(open);
  const [form] = Form.useForm<RuleValues>();
  const kind: RuleKind = Form.useWatch('kind', form) ?? rule?.kind ?? 'hs_prefix';

  const { reset } = save;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      rule
        ? ({ ...inputOf(rule) } as RuleValues)
        : { kind: 'hs_prefix', channel: 'document_review', direction: 'any', active: true },
    );
    reset();
  }, [open, rule, form, reset]);

  const errors = useMemo(() => fieldErrors(save.error), [save.error]);
  useEffect(() => {
    const fields = Object.entries(errors).map(([name, messages]) => ({ name, errors: messages }));
    if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
  }, [errors, form]);

  const onFinish = (values: RuleValues) =>
    save.mutate(
      { rule: toRuleInput(values), ...(rule ? { existing: { id: rule.id, version: rule.version } } : {}) },
      {
        onSuccess: () => {
          void message.success(rule ? t('trade.rules.saved') : t('trade.rules.created'));
          onClose();
        },
      },
    );

  const required = { required: true, message: t('trade.form.required') };
  const enterpriseOptions = (enterprises.data ?? []).map((e) => ({
    value: e.id,
    label: `${localName(e.names, language)} · ${e.uscc}`,
  }));
  const unplaced = save.isError && Object.keys(errors).length === 0;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={620}
      destroyOnHidden
      title={rule ? t('trade.rules.editTitle', { name: rule.name }) : t('trade.rules.newTitle')}
      extra={
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="rule-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      <div data-testid="rule-drawer">
        {unplaced ? (
          <Alert
            type="error"
            showIcon
            className="card-alert"
            title={problemText(save.error, t('errors.unexpected')).title}
            description={problemText(save.error, t('errors.unexpected')).detail}
          />
        ) : null}
        <Form<RuleValues> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Form.Item name="name" label={t('trade.rules.name')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={120} data-testid="rule-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('trade.rules.kind')} extra={t(`trade.ruleKindHelp.${kind}`)}>
            <Select<RuleKind>
              options={RULE_KINDS.map((value) => ({ value, label: t(`trade.ruleKinds.${value}`) }))}
              data-testid="rule-kind"
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="direction" label={t('trade.rules.direction')}>
                <Radio.Group
                  optionType="button"
                  options={RULE_DIRECTIONS.map((value) => ({ value, label: t(`trade.ruleDirections.${value}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('trade.rules.channel')}>
                <Radio.Group
                  optionType="button"
                  options={RULE_CHANNELS.map((value) => ({ value, label: t(`trade.channels.${value}`) }))}
                  data-testid="rule-channel"
                />
              </Form.Item>
            </Col>
          </Row>
          {kind === 'hs_prefix' ? (
            <Form.Item
              name="prefixes"
              label={t('trade.rules.prefixes')}
              extra={t('trade.rules.prefixesHelp')}
              rules={[
                required,
                {
                  validator: async (_, value: string[] | undefined) => {
                    if ((value ?? []).some((prefix) => !HS_PREFIX.test(prefix)))
                      throw new Error(t('trade.rules.prefixInvalid'));
                  },
                },
              ]}
            >
              <Select mode="tags" tokenSeparators={[',', ' ']} open={false} data-testid="rule-prefixes" />
            </Form.Item>
          ) : null}
          {kind === 'origin' || kind === 'trade_country' ? (
            <Form.Item name="countries" label={t('trade.rules.countries')} rules={[required]}>
              <CountrySelect mode="multiple" data-testid="rule-countries" />
            </Form.Item>
          ) : null}
          {kind === 'credit_class' ? (
            <Form.Item name="classes" label={t('trade.rules.classes')} rules={[required]}>
              <Select<CreditClass[]>
                mode="multiple"
                options={CREDIT_CLASSES.map((value) => ({ value, label: t(`trade.creditClasses.${value}`) }))}
              />
            </Form.Item>
          ) : null}
          {kind === 'unit_value_band' ? (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="codePrefix"
                  label={t('trade.rules.codePrefix')}
                  rules={[required, { pattern: /^\d{4,10}$/, message: t('trade.rules.codePrefixInvalid') }]}
                >
                  <Input maxLength={10} className="mono-input" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="unit" label={t('trade.rules.unit')} rules={[required]}>
                  <Select
                    options={UNIT_CODES.map((code) => ({ value: code, label: `${unitName(t, code)} (${code})` }))}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item
                  name="minCnyPerUnit"
                  label={t('trade.rules.min')}
                  rules={[{ pattern: DECIMAL_PATTERN, message: t('trade.form.decimal') }]}
                >
                  <Input suffix="CNY" inputMode="decimal" />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item
                  name="maxCnyPerUnit"
                  label={t('trade.rules.max')}
                  rules={[{ pattern: DECIMAL_PATTERN, message: t('trade.form.decimal') }]}
                >
                  <Input suffix="CNY" inputMode="decimal" />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          {kind === 'watch_list' ? (
            <Form.Item name="enterpriseIds" label={t('trade.rules.enterprises')} rules={[required]}>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={enterpriseOptions}
                loading={enterprises.isPending}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="active" label={t('trade.rules.active')} valuePropName="checked">
            <Switch data-testid="rule-active" />
          </Form.Item>
        </Form>
      </div>
    </Drawer>
  );
}

interface SamplingValues {
  rates: Record<CreditClass, string>;
  aeoPartnerRate: string;
  seed: string;
}

/** Random-sampling rates per credit class, edited as percentages and sent as exact fractions. */
function SamplingCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useRiskSettings();
  const save = useSaveRiskSettings();
  const [form] = Form.useForm<SamplingValues>();
  const data = settings.data;
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      rates: Object.fromEntries(
        CREDIT_CLASSES.map((c) => [c, fractionToPercent(data.policy.ratesByClass[c])]),
      ) as Record<CreditClass, string>,
      aeoPartnerRate: fractionToPercent(data.policy.aeoPartnerRate),
      seed: data.seed,
    });
  }, [data, form]);

  const percentRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const fraction = percentToFraction(value ?? '');
      if (fraction === null || !/^(0(\.\d{1,10})?|1(\.0{1,10})?)$/.test(fraction)) {
        throw new Error(t('trade.rules.percentInvalid'));
      }
    },
  };
  const onFinish = (values: SamplingValues) => {
    const settingsBody: RiskSettings = {
      policy: {
        ratesByClass: Object.fromEntries(
          CREDIT_CLASSES.map((c) => [c, percentToFraction(values.rates[c]) ?? '0']),
        ) as Record<CreditClass, string>,
        aeoPartnerRate: percentToFraction(values.aeoPartnerRate) ?? '0',
      },
      seed: values.seed.trim(),
    };
    save.mutate(settingsBody, {
      onSuccess: () => void message.success(t('trade.rules.samplingSaved')),
    });
  };

  return (
    <Card title={t('trade.rules.samplingTitle')} variant="borderless" className="section-card" data-testid="sampling">
      <div className="muted card-subtitle">{t('trade.rules.samplingSubtitle')}</div>
      {settings.isError ? <ProblemAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      {!data ? (
        <Skeleton active />
      ) : (
        <Form<SamplingValues> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Row gutter={12}>
            {CREDIT_CLASSES.map((c) => (
              <Col xs={12} md={8} xl={4} key={c}>
                <Form.Item name={['rates', c]} label={t(`trade.creditClasses.${c}`)} rules={[percentRule]}>
                  <Input suffix="%" inputMode="decimal" data-testid={`sampling-${c}`} />
                </Form.Item>
              </Col>
            ))}
            <Col xs={12} md={8} xl={4}>
              <Form.Item
                name="aeoPartnerRate"
                label={t('trade.rules.aeoPartnerRate')}
                tooltip={t('trade.rules.aeoPartnerHelp')}
                rules={[percentRule]}
              >
                <Input suffix="%" inputMode="decimal" data-testid="sampling-aeo" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="seed"
                label={t('trade.rules.seed')}
                extra={t('trade.rules.seedHelp')}
                rules={[{ required: true, min: 8, max: 128, whitespace: true, message: t('trade.rules.seedInvalid') }]}
              >
                <Input className="mono-input" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} className="sampling-actions">
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={save.isPending}
                data-testid="sampling-save"
              >
                {t('common.save')}
              </Button>
            </Col>
          </Row>
        </Form>
      )}
    </Card>
  );
}

/** The officers' risk rules (switched on and off in place, edited in a drawer) and the sampling rates. */
export function RulesView() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const rules = useRiskRules();
  const save = useSaveRiskRule();
  const enterprises = useEnterprises();
  const [editing, setEditing] = useState<{ rule: RiskRule | null } | null>(null);
  const names = useMemo(
    () => new Map((enterprises.data ?? []).map((e) => [e.id, localName(e.names, language)])),
    [enterprises.data, language],
  );

  const toggle = (rule: RiskRule, active: boolean) =>
    save.mutate(
      { rule: { ...inputOf(rule), active }, existing: { id: rule.id, version: rule.version } },
      { onError: (error) => void message.error(problemText(error, t('errors.unexpected')).title) },
    );

  const columns: ColumnsType<RiskRule> = [
    {
      title: t('trade.rules.active'),
      key: 'active',
      width: 80,
      render: (_, rule) => (
        <Switch
          size="small"
          checked={rule.active}
          loading={save.isPending && save.variables?.existing?.id === rule.id}
          onChange={(checked) => toggle(rule, checked)}
          data-testid={`rule-active-${rule.id}`}
        />
      ),
    },
    {
      title: t('trade.rules.name'),
      key: 'name',
      render: (_, rule) => (
        <div>
          <div className="strong-cell">{rule.name}</div>
          <Tag className="tag-small">{t(`trade.ruleKinds.${rule.kind}`)}</Tag>
        </div>
      ),
    },
    {
      title: t('trade.rules.target'),
      key: 'target',
      render: (_, rule) => <span className="rule-target">{ruleTarget(t, rule, names, language)}</span>,
    },
    {
      title: t('trade.rules.direction'),
      key: 'direction',
      width: 120,
      render: (_, rule) => t(`trade.ruleDirections.${rule.direction}`),
    },
    {
      title: t('trade.rules.channel'),
      key: 'channel',
      width: 140,
      render: (_, rule) => <ChannelTag channel={rule.channel} />,
    },
    {
      title: t('trade.rules.updated'),
      key: 'updated',
      width: 220,
      render: (_, rule) => (
        <span className="muted">
          v{rule.version} · {formatInstant(rule.updatedAt, language)}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, rule) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing({ rule })}
          data-testid={`rule-edit-${rule.id}`}
        >
          {t('trade.rules.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="trade-rules">
      <Card
        title={t('trade.rules.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ rule: null })}
            data-testid="rule-new"
          >
            {t('trade.rules.new')}
          </Button>
        }
        variant="borderless"
        className="section-card"
      >
        <div className="muted card-subtitle">{t('trade.rules.subtitle')}</div>
        {rules.isError ? <ProblemAlert error={rules.error} onRetry={() => void rules.refetch()} /> : null}
        <div data-testid="rules-table">
          <Table<RiskRule>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rules.data ?? []}
            loading={rules.isPending}
            pagination={false}
            scroll={{ x: 980 }}
            rowClassName={(rule) => (rule.active ? '' : 'rule-inactive')}
            onRow={(rule) => ({ 'data-testid': `rule-row-${rule.kind}` }) as React.HTMLAttributes<HTMLElement>}
          />
        </div>
      </Card>
      <SamplingCard />
      <RuleDrawer rule={editing?.rule ?? null} open={editing !== null} onClose={() => setEditing(null)} />
    </div>
  );
}
