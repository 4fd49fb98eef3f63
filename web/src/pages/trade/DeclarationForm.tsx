import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useCurrencies } from '../../api/hooks';
import { newIdempotencyKey, useShipments } from '../../api/shipments';
import {
  DECLARATION_ITEMS_MAX,
  type DocumentKind,
  EXPORT_ONLY_MODES,
  LICENCE_CODES,
  type LicenceCode,
  SUPERVISION_MODES,
  type SupervisionMode,
  type TariffHit,
  TERMS_OF_SALE,
  TRADE_DIRECTIONS,
  TRANSPORT_MODE_CODES,
  type TradeDirection,
  type TransportModeCode,
  useCustomsRates,
  useSubmitDeclaration,
  useTariffLine,
  useTaxPreview,
} from '../../api/trade';
import type { Shipment } from '../../api/types';
import { CountrySelect } from '../../components/CountrySelect';
import { problemText } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { useLocationIndex } from '../../lib/locations';
import { useDebounced } from '../../lib/useDebounced';
import { LocationSelect } from '../logistics/LocationSelect';
import { DocumentFields, type ServerStatus } from './DocumentFields';
import {
  DECIMAL_PATTERN,
  type DeclarationValues,
  type ItemValues,
  type PlacedErrors,
  pathKey,
  placeFieldErrors,
  toDeclarationRequest,
  transportModeOf,
} from './model';
import { TariffSelect } from './TariffSelect';
import { TaxPreviewPanel } from './TaxPreviewPanel';
import { MatchedTerms } from './TradeTags';

/** The preview asks the server this long after the last keystroke. */
const PREVIEW_DEBOUNCE_MS = 500;
const LANGUAGE_KEY = { 'zh-CN': 'zh', en: 'en', ru: 'ru' } as const;
const NO_ERRORS: PlacedErrors = { byPath: new Map(), unplaced: [] };

function initialValues(): DeclarationValues {
  return {
    direction: 'export',
    supervisionMode: '0110',
    termsOfSale: 'FOB',
    currency: 'USD',
    loadingPort: 'CNJZH',
    declarationDate: dayjs(),
    twoStep: false,
    foreignParty: { aeo: false },
    items: [{ originCountry: 'CN' }],
    documents: [{ kind: 'invoice' }],
  };
}

/** The items of the form, each with its classification search, legal units, price, origin and licences. */
function ItemCard({
  index,
  fieldName,
  onRemove,
  serverStatus,
  errorsAt,
  currency,
  direction,
}: {
  index: number;
  fieldName: number;
  onRemove: (() => void) | null;
  serverStatus: ServerStatus;
  errorsAt: (path: (string | number)[]) => string[];
  currency: string | undefined;
  direction: TradeDirection;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const form = Form.useFormInstance<DeclarationValues>();
  const code: string | undefined = Form.useWatch(['items', fieldName, 'code'], form);
  const line = useTariffLine(code ?? null);
  const [picked, setPicked] = useState<TariffHit | null>(null);
  const required: Rule = { required: true, whitespace: true, message: t('trade.form.required') };
  const decimal: Rule = { pattern: DECIMAL_PATTERN, message: t('trade.form.decimal') };

  // A newly chosen line brings its legal units into the unit selects (and its name as a first description).
  const lineData = line.data;
  useEffect(() => {
    if (!lineData) return;
    const item: ItemValues = form.getFieldValue(['items', fieldName]) ?? {};
    const next: ItemValues = { ...item, unit1: lineData.firstUnit.code, unit2: lineData.secondUnit?.code };
    if (!next.unit2) next.quantity2 = undefined;
    if (!item.description?.trim()) next.description = lineData.names[LANGUAGE_KEY[language]];
    if (next.unit1 !== item.unit1 || next.unit2 !== item.unit2 || next.description !== item.description) {
      form.setFieldValue(['items', fieldName], next);
    }
  }, [lineData, fieldName, form, language]);

  const unitOptions = lineData
    ? [lineData.firstUnit, ...(lineData.secondUnit ? [lineData.secondUnit] : [])].map((unit) => ({
        value: unit.code,
        label: unit.name,
      }))
    : [];
  const licenceErrors = errorsAt(['items', index, 'licences']);

  return (
    <Card
      size="small"
      className="item-card"
      title={t('trade.form.itemTitle', { n: String(index + 1) })}
      extra={
        onRemove ? (
          <Button type="text" size="small" icon={<DeleteOutlined />} onClick={onRemove}>
            {t('trade.form.removeItem')}
          </Button>
        ) : null
      }
      data-testid={`item-${index}`}
    >
      <Row gutter={10}>
        <Col xs={24} md={14}>
          <Form.Item
            name={[fieldName, 'code']}
            label={t('trade.form.code')}
            rules={[{ required: true, message: t('trade.form.required') }]}
            extra={
              lineData ? (
                <div className="item-line-info" data-testid={`item-units-${index}`}>
                  {t('trade.form.legalUnits', {
                    units: [lineData.firstUnit, lineData.secondUnit]
                      .filter((unit) => unit !== null)
                      .map((unit) => `${unit.name} (${unit.code})`)
                      .join(' · '),
                  })}
                  {picked && picked.code === code && picked.matched.length > 0 ? (
                    <span className="item-matched">
                      {t('trade.form.matched')} <MatchedTerms matched={picked.matched} />
                    </span>
                  ) : null}
                </div>
              ) : null
            }
            {...serverStatus(['items', index, 'code'])}
          >
            <TariffSelect testId={`item-code-${index}`} onPick={setPicked} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name={[fieldName, 'description']}
            label={t('trade.form.description')}
            rules={[required]}
            {...serverStatus(['items', index, 'description'])}
          >
            <Input maxLength={255} data-testid={`item-description-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('trade.form.quantity1')}
            required
            {...serverStatus(['items', index, 'quantity1'])}
            className="compact-item"
          >
            <Space.Compact block>
              <Form.Item name={[fieldName, 'quantity1']} noStyle rules={[required, decimal]}>
                <Input inputMode="decimal" data-testid={`item-quantity1-${index}`} />
              </Form.Item>
              <Form.Item name={[fieldName, 'unit1']} noStyle>
                <Select
                  options={unitOptions}
                  className="unit-select"
                  popupMatchSelectWidth={false}
                  placeholder={t('trade.form.unit')}
                  data-testid={`item-unit1-${index}`}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        {lineData?.secondUnit ? (
          <Col xs={24} md={8}>
            <Form.Item
              label={t('trade.form.quantity2')}
              required
              {...serverStatus(['items', index, 'quantity2'])}
              className="compact-item"
            >
              <Space.Compact block>
                <Form.Item name={[fieldName, 'quantity2']} noStyle rules={[required, decimal]}>
                  <Input inputMode="decimal" data-testid={`item-quantity2-${index}`} />
                </Form.Item>
                <Form.Item name={[fieldName, 'unit2']} noStyle>
                  <Select
                    options={unitOptions}
                    className="unit-select"
                    popupMatchSelectWidth={false}
                    data-testid={`item-unit2-${index}`}
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={8}>
          <Form.Item
            name={[fieldName, 'priceAmount']}
            label={t('trade.form.price', { currency: currency ?? '' })}
            rules={[required, decimal]}
            {...serverStatus(['items', index, 'priceAmount'])}
          >
            <Input inputMode="decimal" suffix={currency} data-testid={`item-price-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[fieldName, 'originCountry']}
            label={t('trade.form.origin')}
            rules={[{ required: true, message: t('trade.form.required') }]}
            {...serverStatus(['items', index, 'originCountry'])}
          >
            <CountrySelect data-testid={`item-origin-${index}`} />
          </Form.Item>
        </Col>
        {direction === 'import' ? (
          <Col xs={24} md={8}>
            <Form.Item
              name={[fieldName, 'certificateOfOrigin']}
              valuePropName="checked"
              label={' '}
              {...serverStatus(['items', index, 'certificateOfOrigin'])}
            >
              <Checkbox>{t('trade.form.certificateOfOrigin')}</Checkbox>
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.List name={[fieldName, 'licences']}>
        {(fields, { add, remove }) => (
          <div className="licences" data-testid={`item-licences-${index}`}>
            {fields.map((field) => (
              <Space.Compact key={field.key} className="licence-row">
                <Form.Item name={[field.name, 'code']} noStyle rules={[{ required: true }]}>
                  <Select<LicenceCode>
                    className="licence-code"
                    placeholder={t('trade.form.licenceCode')}
                    popupMatchSelectWidth={false}
                    options={LICENCE_CODES.map((licence) => ({
                      value: licence,
                      label: `${licence} · ${t(`trade.licences.${licence}`)}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'number']} noStyle rules={[{ required: true, whitespace: true }]}>
                  <Input placeholder={t('trade.form.licenceNumber')} maxLength={40} className="licence-number" />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('trade.form.removeItem')}
                />
              </Space.Compact>
            ))}
            {fields.length < 5 ? (
              <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('trade.form.addLicence')}
              </Button>
            ) : null}
            {licenceErrors.length > 0 ? (
              <Form.ErrorList errors={licenceErrors.map((text) => <span key={text}>{text}</span>)} />
            ) : null}
          </div>
        )}
      </Form.List>
      {lineData && direction === 'export' && lineData.licenceCodes.includes('4') ? (
        <div className="muted">{t('trade.form.licenceHint', { codes: '4' })}</div>
      ) : null}
      {lineData && direction === 'import' && lineData.licenceCodes.some((c) => c === '7' || c === 't') ? (
        <div className="muted">
          {t('trade.form.licenceHint', {
            codes: lineData.licenceCodes.filter((c) => c === '7' || c === 't').join(', '),
          })}
        </div>
      ) : null}
    </Card>
  );
}

/** The bills of lading of the enterprise's shipments a declaration may link to. */
function useBillOptions() {
  const shipments = useShipments('all');
  const rows = shipments.data?.pages.flatMap((page) => page.items) ?? [];
  return {
    loading: shipments.isPending,
    rows,
    options: rows
      .filter((row) => row.status !== 'cancelled')
      .map((row) => ({
        value: row.blNumber,
        label: `${row.blNumber} · ${row.origin.name} → ${row.destination.name}`,
      })),
  };
}

/**
 * The declaration form of a trader or forwarder: header, items with classification search, documents, and a
 * live tax preview that the server recomputes half a second after every change. Submitting opens the
 * declaration; problems the server finds are shown on their fields.
 */
export function DeclarationForm() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DeclarationValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const submit = useSubmitDeclaration(idempotencyKey);
  const currencies = useCurrencies();
  const locations = useLocationIndex();
  const bills = useBillOptions();
  const [initial] = useState(initialValues);

  const values = Form.useWatch((all: DeclarationValues) => all, { form, preserve: true }) ?? initial;
  const request = useMemo(() => toDeclarationRequest(values), [values]);
  const body = request ? JSON.stringify(request) : null;
  const previewBody = useDebounced(body, PREVIEW_DEBOUNCE_MS);
  const preview = useTaxPreview(previewBody);
  const direction = values.direction ?? 'export';
  const month = values.declarationDate ? values.declarationDate.format('YYYY-MM') : dayjs().format('YYYY-MM');
  const rates = useCustomsRates(month);
  const rate = rates.data?.rates.find((r) => r.currency === values.currency);

  // Which problem the fields show: the last submission's while nothing changed since, else the live preview's.
  const submittedBody = useRef<string | null>(null);
  const submitProblem = submit.isError && submittedBody.current === body ? submit.error : null;
  const previewProblem = preview.isError && previewBody === body && body !== null ? preview.error : null;
  const problem = submitProblem ?? previewProblem;
  const placed = useMemo(
    () => (problem instanceof ApiError ? placeFieldErrors(problem.problem.errors ?? []) : NO_ERRORS),
    [problem],
  );
  const errorsAt = useCallback((path: (string | number)[]) => placed.byPath.get(pathKey(path)) ?? [], [placed]);
  const serverStatus: ServerStatus = useCallback(
    (path) => {
      const messages = errorsAt(path);
      return messages.length > 0
        ? {
            validateStatus: 'error' as const,
            help: (
              <span data-testid={`server-error-${pathKey(path)}`}>
                {messages.map((text) => (
                  <div key={text}>{text}</div>
                ))}
              </span>
            ),
          }
        : {};
    },
    [errorsAt],
  );

  const addDocument = useCallback(
    (kind: DocumentKind) => {
      const documents = form.getFieldValue('documents') ?? [];
      form.setFieldValue('documents', [...documents, { kind }]);
      // Focus the new reference field, where the user types next.
      window.setTimeout(() => {
        const input = document.querySelector<HTMLInputElement>(
          `[data-testid="document-reference-${documents.length}"]`,
        );
        input?.focus();
      }, 50);
    },
    [form],
  );

  /** A linked bill of lading brings its ports, the partner's country and the transport mode with it. */
  const onBillChange = async (blNumber: string | undefined) => {
    const row = bills.rows.find((candidate) => candidate.blNumber === blNumber);
    if (!row) return;
    const exporting = form.getFieldValue('direction') !== 'import';
    const partnerCountry = locations.get(exporting ? row.destination.locode : row.origin.locode)?.countryCode;
    form.setFieldsValue({
      loadingPort: row.origin.locode,
      dischargePort: row.destination.locode,
      ...(partnerCountry
        ? {
            tradeCountry: partnerCountry,
            foreignParty: { ...form.getFieldValue('foreignParty'), country: partnerCountry },
          }
        : {}),
    });
    try {
      const shipment = await api.get<Shipment>(`/api/logistics/shipments/${encodeURIComponent(row.id)}`);
      const mode = transportModeOf(shipment.legs.filter((leg) => leg.kind === 'trip').map((leg) => leg.mode));
      if (mode) form.setFieldValue('transportMode', mode);
    } catch {
      // The mode stays for the user to choose.
    }
  };

  const onFinish = (finished: DeclarationValues) => {
    const ready = toDeclarationRequest(finished);
    if (!ready) {
      void message.error(t('trade.form.incomplete'));
      return;
    }
    submittedBody.current = JSON.stringify(ready);
    submit.mutate(ready, {
      onSuccess: (declaration) => {
        void message.success(t('trade.form.submitted', { number: declaration.number ?? '' }));
        navigate(`/trade/declarations/${declaration.id}`);
      },
    });
  };

  const required: Rule = { required: true, message: t('trade.form.required') };
  const item = (path: string[], label: ReactNode, node: ReactNode, rules: Rule[] = [required]) => (
    <Form.Item name={path.length === 1 ? path[0] : path} label={label} rules={rules} {...serverStatus(path)}>
      {node}
    </Form.Item>
  );
  const decimal: Rule = { pattern: DECIMAL_PATTERN, message: t('trade.form.decimal') };
  const currencyOptions = useMemo(
    () =>
      (currencies.data ?? [])
        .map((c) => ({ value: c.code, label: `${c.code} · ${localName(c.names, language)}` }))
        .sort((a, b) => a.value.localeCompare(b.value)),
    [currencies.data, language],
  );
  const submitFailure = submit.isError && submitProblem ? problemText(submitProblem, t('errors.unexpected')) : null;

  return (
    <Row gutter={16} data-testid="declaration-form">
      <Col xs={24} xl={15}>
        <Form<DeclarationValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initial}
          onFinish={onFinish}
          scrollToFirstError
        >
          <Card title={t('trade.form.headerTitle')} variant="borderless" className="section-card">
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="direction" label={t('trade.form.direction')}>
                  <Segmented<TradeDirection>
                    block
                    options={TRADE_DIRECTIONS.map((value) => ({ value, label: t(`trade.directions.${value}`) }))}
                    data-testid="form-direction"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                {item(
                  ['declarationDate'],
                  t('trade.form.declarationDate'),
                  <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="form-date" />,
                )}
              </Col>
              <Col xs={12} md={8}>
                <Form.Item
                  name="twoStep"
                  valuePropName="checked"
                  label={t('trade.form.twoStep')}
                  tooltip={t('trade.form.twoStepHelp')}
                >
                  <Switch />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                {item(
                  ['supervisionMode'],
                  t('trade.form.supervisionMode'),
                  <Select<SupervisionMode>
                    popupMatchSelectWidth={false}
                    options={SUPERVISION_MODES.map((mode) => ({
                      value: mode,
                      label: `${mode} · ${t(`trade.supervisionModes.${mode}`)}`,
                      disabled: direction === 'import' && EXPORT_ONLY_MODES.includes(mode),
                    }))}
                    data-testid="form-supervision-mode"
                  />,
                )}
              </Col>
              <Col xs={12} md={8}>
                {item(
                  ['transportMode'],
                  t('trade.form.transportMode'),
                  <Select<TransportModeCode>
                    options={TRANSPORT_MODE_CODES.map((mode) => ({
                      value: mode,
                      label: `${mode} · ${t(`trade.transportModes.${mode}`)}`,
                    }))}
                    data-testid="form-transport-mode"
                  />,
                )}
              </Col>
              <Col xs={12} md={8}>
                {item(
                  ['termsOfSale'],
                  t('trade.form.termsOfSale'),
                  <Select
                    popupMatchSelectWidth={false}
                    options={TERMS_OF_SALE.map((terms) => ({
                      value: terms,
                      label: `${terms} · ${t(`trade.terms.${terms}`)}`,
                    }))}
                    data-testid="form-terms"
                  />,
                )}
              </Col>
              <Col xs={24}>
                <Form.Item
                  name="blNumber"
                  label={t('trade.form.blNumber')}
                  extra={t('trade.form.blHelp')}
                  {...serverStatus(['blNumber'])}
                >
                  <Select<string>
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    options={bills.options}
                    loading={bills.loading}
                    onChange={(value) => void onBillChange(value)}
                    placeholder={t('trade.form.blPlaceholder')}
                    data-testid="form-bl"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                {item(['loadingPort'], t('trade.form.loadingPort'), <LocationSelect testId="form-loading-port" />)}
              </Col>
              <Col xs={24} md={12}>
                {item(
                  ['dischargePort'],
                  t('trade.form.dischargePort'),
                  <LocationSelect testId="form-discharge-port" />,
                )}
              </Col>
              <Col xs={24} md={10}>
                {item(
                  ['foreignParty', 'name'],
                  direction === 'export' ? t('trade.form.consignee') : t('trade.form.consignor'),
                  <Input maxLength={140} data-testid="form-party-name" />,
                  [{ required: true, whitespace: true, message: t('trade.form.required') }],
                )}
              </Col>
              <Col xs={16} md={8}>
                {item(
                  ['foreignParty', 'country'],
                  t('trade.form.partyCountry'),
                  <CountrySelect data-testid="form-party-country" />,
                )}
              </Col>
              <Col xs={8} md={6}>
                <Form.Item
                  name={['foreignParty', 'aeo']}
                  valuePropName="checked"
                  label={t('trade.form.aeo')}
                  tooltip={t('trade.form.aeoHelp')}
                >
                  <Switch />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                {item(
                  ['tradeCountry'],
                  t('trade.form.tradeCountry'),
                  <CountrySelect data-testid="form-trade-country" />,
                )}
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="currency"
                  label={t('trade.form.currency')}
                  rules={[required]}
                  extra={
                    values.currency && values.currency !== 'CNY' ? (
                      <span data-testid="form-rate">
                        {rate
                          ? t('trade.form.customsRate', {
                              month,
                              currency: values.currency,
                              rate: formatDecimalString(rate.cnyPerUnit.replace(/\.?0+$/, ''), language),
                            })
                          : t('trade.form.noCustomsRate', { month })}
                      </span>
                    ) : null
                  }
                  {...serverStatus(['currency'])}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={currencyOptions}
                    loading={currencies.isPending}
                    popupMatchSelectWidth={false}
                    data-testid="form-currency"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                {item(
                  ['freightAmount'],
                  t('trade.form.freight'),
                  <Input inputMode="decimal" data-testid="form-freight" />,
                  [decimal],
                )}
              </Col>
              <Col xs={12} md={4}>
                {item(
                  ['insuranceAmount'],
                  t('trade.form.insurance'),
                  <Input inputMode="decimal" data-testid="form-insurance" />,
                  [decimal],
                )}
              </Col>
            </Row>
          </Card>

          <Card title={t('trade.form.itemsTitle')} variant="borderless" className="section-card">
            <div className="muted card-subtitle">{t('trade.form.itemsHint')}</div>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <div data-testid="items">
                  {fields.map((field, index) => (
                    <ItemCard
                      key={field.key}
                      index={index}
                      fieldName={field.name}
                      onRemove={fields.length > 1 ? () => remove(field.name) : null}
                      serverStatus={serverStatus}
                      errorsAt={errorsAt}
                      currency={values.currency}
                      direction={direction}
                    />
                  ))}
                  {fields.length < DECLARATION_ITEMS_MAX ? (
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ originCountry: direction === 'export' ? 'CN' : undefined })}
                      className="add-row-button"
                      data-testid="item-add"
                    >
                      {t('trade.form.addItem')}
                    </Button>
                  ) : null}
                </div>
              )}
            </Form.List>
          </Card>

          <Card title={t('trade.form.documentsTitle')} variant="borderless" className="section-card">
            <div className="muted card-subtitle">{t('trade.form.documentsHint')}</div>
            <DocumentFields serverStatus={serverStatus} listErrors={errorsAt(['documents'])} />
          </Card>

          {submitFailure ? (
            <Alert
              type="error"
              showIcon
              className="card-alert"
              title={submitFailure.title}
              description={
                <div>
                  {submitFailure.detail ? <div>{submitFailure.detail}</div> : null}
                  {[...placed.unplaced, ...errorsAt(['documents'])].length > 0 ? (
                    <ul className="problem-list">
                      {[...placed.unplaced, ...errorsAt(['documents'])].map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              }
              data-testid="submit-error"
            />
          ) : null}
          <div className="form-actions">
            <Typography.Text type="secondary">{t('trade.form.submitHint')}</Typography.Text>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SendOutlined />}
              loading={submit.isPending}
              data-testid="declaration-submit"
            >
              {t('trade.form.submit')}
            </Button>
          </div>
        </Form>
      </Col>
      <Col xs={24} xl={9}>
        <div className="preview-sticky">
          <TaxPreviewPanel
            ready={request !== null}
            preview={request !== null ? preview.data : undefined}
            updating={body !== previewBody || preview.isFetching}
            problems={previewProblem ? placed.unplaced : []}
            problemTitle={previewProblem ? problemText(previewProblem, t('errors.unexpected')).title : null}
            direction={direction}
            currency={values.currency}
            onAddDocument={addDocument}
          />
        </div>
      </Col>
    </Row>
  );
}
