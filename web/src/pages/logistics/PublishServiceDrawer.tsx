import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Switch,
  TimePicker,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorPaths } from '../../api/client';
import { usePublishService } from '../../api/operations';
import { newIdempotencyKey } from '../../api/shipments';
import {
  type EmissionClass,
  type NewTransportService,
  type PublishedService,
  TRANSPORT_MODES,
  type TransportMode,
} from '../../api/types';
import { problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { LocationSelect } from './LocationSelect';
import { ModeIcon } from './ModeTag';
import { formatNumber, offsetLabel, weekdayNames } from './model';
import { capacityUnitFor, EMISSION_CLASSES_BY_MODE, offsetMinutes, timeZoneChoices } from './operationsModel';
import { DG_CLASSES } from './PlannerForm';
import './operations.css';

interface CallValues {
  locode?: string;
  arrivalDays?: number | null;
  arrivalHours?: number | null;
  departureDays?: number | null;
  departureHours?: number | null;
  tariff?: string;
  distance?: number | null;
}

interface PublishValues {
  code: string;
  mode: TransportMode;
  emissionClass: EmissionClass;
  names: { zh: string; en: string; ru: string };
  timezone: string;
  weekdays: number[];
  departureTime: Dayjs;
  capacityUnits: number | null;
  reefer: boolean;
  dangerousGoodsClasses: string[];
  calls: CallValues[];
}

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,39}$/;
const YUAN_PATTERN = /^\d{1,9}(\.\d{1,2})?$/;
const CALLS_MAX = 40;
/** Widths of the call lines' columns, shared by the header and every line so they stay aligned. */
const CALL_COLUMNS = {
  seq: '0 0 28px',
  location: '1 1 200px',
  offset: '0 0 172px',
  tariff: '0 0 132px',
  distance: '0 0 104px',
  remove: '0 0 32px',
};

function initialValues(): PublishValues {
  return {
    code: '',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: { zh: '', en: '', ru: '' },
    timezone: 'Asia/Shanghai',
    weekdays: [1, 3, 5],
    departureTime: dayjs().hour(8).minute(0).second(0).millisecond(0),
    capacityUnits: null,
    reefer: false,
    dangerousGoodsClasses: [],
    calls: [{ locode: 'CNJZH' }, {}],
  };
}

function toRequest(values: PublishValues): NewTransportService {
  const last = values.calls.length - 1;
  return {
    code: values.code.trim(),
    mode: values.mode,
    emissionClass: values.emissionClass,
    names: { zh: values.names.zh.trim(), en: values.names.en.trim(), ru: values.names.ru.trim() },
    timezone: values.timezone,
    weekdays: [...values.weekdays].sort((a, b) => a - b),
    departureLocalTime: values.departureTime.format('HH:mm'),
    capacityUnits: values.capacityUnits ?? 0,
    capacityUnit: capacityUnitFor(values.mode),
    reefer: values.reefer,
    dangerousGoodsClasses: values.dangerousGoodsClasses,
    calls: values.calls.map((call, index) => ({
      locode: call.locode ?? '',
      arrivalOffsetMinutes: index === 0 ? null : offsetMinutes(call.arrivalDays, call.arrivalHours),
      // The run starts at the first call: its departure is the timetable's zero.
      departureOffsetMinutes:
        index === 0 ? 0 : index === last ? null : offsetMinutes(call.departureDays, call.departureHours),
      tariffToNext: index === last ? '0' : (call.tariff ?? '').trim(),
      distanceKmToNext: index === last ? 0 : (call.distance ?? 0),
    })),
  };
}

/** Where a server field error belongs on this form; null puts it in the alert under the form. */
function formPath(path: (string | number)[]): (string | number)[] | null {
  const [head, second, third] = path;
  switch (head) {
    case 'code':
    case 'mode':
    case 'emissionClass':
    case 'timezone':
    case 'capacityUnits':
    case 'reefer':
      return [head];
    case 'capacityUnit':
      return ['capacityUnits'];
    case 'departureLocalTime':
      return ['departureTime'];
    case 'weekdays':
    case 'dangerousGoodsClasses':
      return [head];
    case 'names':
      return typeof second === 'string' ? ['names', second] : null;
    case 'calls': {
      if (typeof second !== 'number') return null;
      const field: Record<string, string> = {
        locode: 'locode',
        arrivalOffsetMinutes: 'arrivalDays',
        departureOffsetMinutes: 'departureDays',
        tariffToNext: 'tariff',
        distanceKmToNext: 'distance',
      };
      const name = typeof third === 'string' ? field[third] : undefined;
      // The first call's departure is fixed at zero, so a problem with it is about the place.
      if (second === 0 && name === 'departureDays') return ['calls', 0, 'locode'];
      return name ? ['calls', second, name] : null;
    }
    default:
      return null;
  }
}

/** Days and hours side by side, entered as two numbers; the errors of both show under the pair. */
function OffsetInput({ name, testId }: { name: (string | number)[]; testId: string }) {
  const { t } = useTranslation();
  const days = [...name.slice(0, -1), `${String(name.at(-1))}Days`];
  const hours = [...name.slice(0, -1), `${String(name.at(-1))}Hours`];
  return (
    <Space.Compact block>
      <Form.Item name={days} noStyle>
        <InputNumber
          min={0}
          max={119}
          precision={0}
          suffix={t('logistics.publish.days')}
          style={{ width: '50%' }}
          data-testid={`${testId}-days`}
        />
      </Form.Item>
      <Form.Item name={hours} noStyle>
        <InputNumber
          min={0}
          max={23.99}
          step={1}
          suffix={t('logistics.publish.hours')}
          style={{ width: '50%' }}
          data-testid={`${testId}-hours`}
        />
      </Form.Item>
    </Space.Compact>
  );
}

interface PublishServiceDrawerProps {
  open: boolean;
  onClose: () => void;
}

/**
 * The operator publishes a service: its weekly pattern, capacity, cargo it accepts and its calls with
 * their offsets, tariffs and distances. The server generates the dated departures and says how many.
 */
export function PublishServiceDrawer({ open, onClose }: PublishServiceDrawerProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<PublishValues>();
  // One key per opened form: a retried click cannot publish twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const publish = usePublishService(idempotencyKey);
  const [published, setPublished] = useState<PublishedService | null>(null);
  const mode = Form.useWatch('mode', form) ?? 'rail';
  const calls = Form.useWatch('calls', form) ?? [];
  const departureTime = Form.useWatch('departureTime', form);
  const unit = capacityUnitFor(mode) === 'KG' ? t('logistics.services.unitKg') : t('logistics.services.unitTeu');

  const zones = useMemo(() => timeZoneChoices().map((zone) => ({ value: zone, label: zone })), []);
  const weekdayOptions = useMemo(
    () => [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: day, label: weekdayNames([day], language)[0] ?? String(day) })),
    [language],
  );

  const { error } = publish;
  useEffect(() => {
    const fields = fieldErrorPaths(error).flatMap((item) => {
      const name = formPath(item.path);
      return name ? [{ name, errors: item.messages }] : [];
    });
    if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
  }, [error, form]);
  const unplaced = fieldErrorPaths(error)
    .filter((item) => formPath(item.path) === null)
    .flatMap((item) => item.messages);
  const fieldErrorCount = fieldErrorPaths(error).length;

  const reset = () => {
    publish.reset();
    setPublished(null);
    setIdempotencyKey(newIdempotencyKey());
    form.resetFields();
  };

  const close = () => {
    onClose();
    // A published form starts afresh next time; an unfinished one keeps what was typed.
    if (published) reset();
  };

  const onModeChange = (next: TransportMode) => {
    const allowed = EMISSION_CLASSES_BY_MODE[next];
    const current = form.getFieldValue('emissionClass') as EmissionClass;
    if (!allowed.includes(current)) form.setFieldValue('emissionClass', allowed[0]);
  };

  const submit = (values: PublishValues) => {
    publish.mutate(toRequest(values), { onSuccess: (result) => setPublished(result) });
  };

  const required = { required: true, message: t('logistics.publish.required') };

  /** "day 2 20:00" under an offset, in the timetable's local time, so the numbers can be checked. */
  const offsetHint = (days: number | null | undefined, hours: number | null | undefined) => {
    const minutes = offsetMinutes(days, hours);
    if (minutes === null || !departureTime) return t('common.none');
    const { day, time } = offsetLabel(departureTime.format('HH:mm'), minutes);
    return t('logistics.services.dayTime', { day: String(day), time });
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      size={1040}
      title={t('logistics.publish.title')}
      destroyOnHidden={false}
      footer={
        published ? null : (
          <div className="drawer-footer">
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={publish.isPending}
              onClick={() => form.submit()}
              data-testid="publish-submit"
            >
              {t('logistics.publish.submit')}
            </Button>
          </div>
        )
      }
    >
      {published ? (
        <div data-testid="publish-service-result">
          <Result
            status="success"
            title={t('logistics.publish.doneTitle', { code: published.code })}
            subTitle={t('logistics.publish.doneText', { departures: formatNumber(published.departures, language) })}
            extra={[
              <Button key="another" onClick={reset}>
                {t('logistics.publish.another')}
              </Button>,
              <Button key="close" type="primary" onClick={close} data-testid="publish-close">
                {t('common.close')}
              </Button>,
            ]}
          />
        </div>
      ) : (
        <Form<PublishValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues()}
          onFinish={submit}
          className="publish-form"
          data-testid="publish-service-form"
        >
          <Divider titlePlacement="start" className="form-section">
            {t('logistics.publish.sectionService')}
          </Divider>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name="code"
                label={t('logistics.publish.code')}
                normalize={(value: string) => value.toUpperCase()}
                rules={[required, { pattern: CODE_PATTERN, message: t('logistics.publish.codeInvalid') }]}
              >
                <Input
                  className="mono"
                  maxLength={40}
                  placeholder={t('logistics.publish.codePlaceholder')}
                  data-testid="publish-code"
                />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="mode" label={t('logistics.publish.mode')}>
                <Radio.Group
                  optionType="button"
                  onChange={(event) => onModeChange(event.target.value as TransportMode)}
                  options={TRANSPORT_MODES.map((value) => ({
                    value,
                    label: (
                      <span className="mode-option" data-testid={`publish-mode-${value}`}>
                        <ModeIcon mode={value} /> {t(`logistics.modes.${value}`)}
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="emissionClass" label={t('logistics.publish.emissionClass')} rules={[required]}>
                <Select<EmissionClass>
                  options={EMISSION_CLASSES_BY_MODE[mode].map((value) => ({
                    value,
                    label: t(`logistics.publish.emissionClasses.${value}`),
                  }))}
                  data-testid="publish-emission-class"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name={['names', 'zh']} label={t('logistics.publish.nameZh')} rules={[required]}>
                <Input maxLength={120} data-testid="publish-name-zh" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['names', 'en']} label={t('logistics.publish.nameEn')} rules={[required]}>
                <Input maxLength={120} data-testid="publish-name-en" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['names', 'ru']} label={t('logistics.publish.nameRu')} rules={[required]}>
                <Input maxLength={120} data-testid="publish-name-ru" />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start" className="form-section">
            {t('logistics.publish.sectionTimetable')}
          </Divider>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="weekdays" label={t('logistics.publish.weekdays')} rules={[required]}>
                <Checkbox.Group options={weekdayOptions} data-testid="publish-weekdays" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="departureTime" label={t('logistics.publish.departureTime')} rules={[required]}>
                <TimePicker
                  format="HH:mm"
                  minuteStep={5}
                  needConfirm={false}
                  allowClear={false}
                  style={{ width: '100%' }}
                  data-testid="publish-departure-time"
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="timezone" label={t('logistics.publish.timezone')} rules={[required]}>
                <Select<string> showSearch options={zones} virtual data-testid="publish-timezone" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name="capacityUnits" label={t('logistics.publish.capacity')} rules={[required]}>
                <InputNumber
                  min={1}
                  max={1_000_000}
                  precision={0}
                  suffix={unit}
                  style={{ width: '100%' }}
                  data-testid="publish-capacity"
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="reefer" label={t('logistics.publish.reefer')} valuePropName="checked">
                <Switch data-testid="publish-reefer" />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="dangerousGoodsClasses" label={t('logistics.publish.dgClasses')}>
                <Select<string[]>
                  mode="multiple"
                  allowClear
                  placeholder={t('logistics.publish.dgNone')}
                  options={DG_CLASSES.map((value) => ({ value, label: value }))}
                  maxTagCount="responsive"
                  data-testid="publish-dg"
                />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start" className="form-section">
            {t('logistics.publish.sectionCalls')}
          </Divider>
          <div className="muted form-hint">{t('logistics.publish.callsHint')}</div>
          <Form.List name="calls">
            {(fields, { add, remove }) => (
              <div className="call-lines" data-testid="publish-calls">
                <Row gutter={10} wrap={false} className="call-head" align="bottom">
                  <Col flex={CALL_COLUMNS.seq} />
                  <Col flex={CALL_COLUMNS.location}>{t('logistics.publish.location')}</Col>
                  <Col flex={CALL_COLUMNS.offset}>{t('logistics.publish.arrival')}</Col>
                  <Col flex={CALL_COLUMNS.offset}>{t('logistics.publish.departure')}</Col>
                  <Col flex={CALL_COLUMNS.tariff}>{t('logistics.publish.tariff', { unit })}</Col>
                  <Col flex={CALL_COLUMNS.distance}>{t('logistics.publish.distance')}</Col>
                  <Col flex={CALL_COLUMNS.remove} />
                </Row>
                {fields.map((field, index) => {
                  const first = index === 0;
                  const last = index === fields.length - 1;
                  const values = calls[index] ?? {};
                  return (
                    <Row gutter={10} wrap={false} key={field.key} align="top" className="call-line">
                      <Col flex={CALL_COLUMNS.seq}>
                        <span className="call-seq">{index + 1}</span>
                      </Col>
                      <Col flex={CALL_COLUMNS.location}>
                        <Form.Item name={[field.name, 'locode']} rules={[required]}>
                          <LocationSelect testId={`publish-call-${index}-locode`} />
                        </Form.Item>
                      </Col>
                      <Col flex={CALL_COLUMNS.offset}>
                        {first ? (
                          <span className="muted call-fixed">{t('common.none')}</span>
                        ) : (
                          <Form.Item extra={offsetHint(values.arrivalDays, values.arrivalHours)}>
                            <OffsetInput name={[field.name, 'arrival']} testId={`publish-call-${index}-arrival`} />
                          </Form.Item>
                        )}
                      </Col>
                      <Col flex={CALL_COLUMNS.offset}>
                        {first || last ? (
                          <span className="muted call-fixed">
                            {first ? t('logistics.publish.atFirst') : t('logistics.publish.atLast')}
                          </span>
                        ) : (
                          <Form.Item extra={offsetHint(values.departureDays, values.departureHours)}>
                            <OffsetInput name={[field.name, 'departure']} testId={`publish-call-${index}-departure`} />
                          </Form.Item>
                        )}
                      </Col>
                      <Col flex={CALL_COLUMNS.tariff}>
                        {last ? (
                          <span className="muted call-fixed">{t('common.none')}</span>
                        ) : (
                          <Form.Item
                            name={[field.name, 'tariff']}
                            rules={[required, { pattern: YUAN_PATTERN, message: t('logistics.publish.tariffInvalid') }]}
                          >
                            <Input inputMode="decimal" className="num" data-testid={`publish-call-${index}-tariff`} />
                          </Form.Item>
                        )}
                      </Col>
                      <Col flex={CALL_COLUMNS.distance}>
                        {last ? (
                          <span className="muted call-fixed">{t('common.none')}</span>
                        ) : (
                          <Form.Item name={[field.name, 'distance']} rules={[required]}>
                            <InputNumber
                              min={0}
                              max={30_000}
                              precision={0}
                              style={{ width: '100%' }}
                              data-testid={`publish-call-${index}-distance`}
                            />
                          </Form.Item>
                        )}
                      </Col>
                      <Col flex={CALL_COLUMNS.remove}>
                        {fields.length > 2 ? (
                          <Button
                            type="text"
                            icon={<DeleteOutlined />}
                            aria-label={t('logistics.publish.removeCall')}
                            onClick={() => remove(field.name)}
                          />
                        ) : null}
                      </Col>
                    </Row>
                  );
                })}
                {fields.length < CALLS_MAX ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({})}
                    className="add-call-line"
                    data-testid="publish-add-call"
                  >
                    {t('logistics.publish.addCall')}
                  </Button>
                ) : null}
              </div>
            )}
          </Form.List>
          {error && (unplaced.length > 0 || fieldErrorCount === 0) ? (
            <Alert
              type="error"
              showIcon
              className="card-alert publish-error"
              title={problemText(error, t('logistics.publish.failed')).title}
              description={unplaced.length > 0 ? unplaced.join(' · ') : problemText(error, '').detail}
              data-testid="publish-error"
            />
          ) : null}
        </Form>
      )}
    </Drawer>
  );
}
