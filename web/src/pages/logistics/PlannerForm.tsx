import { DeleteOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Segmented, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorPaths } from '../../api/client';
import { useLocations } from '../../api/hooks';
import { CONTAINER_SIZE_TYPES, type ContainerSizeType, type Location, type RouteSearchRequest } from '../../api/types';
import { problemText } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';

type CargoMode = 'containers' | 'air';

interface PlannerValues {
  from?: string;
  to?: string;
  departAfter: Dayjs;
  cargoMode: CargoMode;
  containers: { sizeType: ContainerSizeType; count: number }[];
  dangerous: boolean;
  unNumber?: string;
  dgClass?: string;
  weightKg?: number | null;
  volumeM3?: number | null;
}

/** UN hazard classes and divisions, as the server accepts them (class, or class.division). */
export const DG_CLASSES = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '2.1',
  '2.2',
  '2.3',
  '3',
  '4.1',
  '4.2',
  '4.3',
  '5.1',
  '5.2',
  '6.1',
  '6.2',
  '7',
  '8',
  '9',
];

/** Where the zone ships from by default: the Jiaozhou multimodal centre, or Qingdao Jiaodong airport for air cargo. */
const DEFAULT_ORIGIN: Record<CargoMode, string> = { containers: 'CNJZH', air: 'CNQJD' };

/** Air cargo flies between airports; containers go from any other node. */
function servesMode(location: Location, mode: CargoMode): boolean {
  const airport = location.kinds.includes('airport');
  return mode === 'air' ? airport : location.kinds.some((kind) => kind !== 'airport');
}

/**
 * Where a server field error belongs in this form: 'cargo.containers.0.sizeType' on the first
 * container line, 'cargo.dangerousGoods.class' on the class select, 'cargo' itself on the mode switch.
 */
function formPath(path: (string | number)[]): (string | number)[] | null {
  const [head, second, ...rest] = path;
  if (head === 'from' || head === 'to' || head === 'departAfter') return [head];
  if (head !== 'cargo') return null;
  if (second === undefined) return ['cargoMode'];
  if (second === 'containers') return rest.length === 2 ? ['containers', ...rest] : ['cargoMode'];
  if (second === 'weightKg' || second === 'volumeM3') return [second];
  if (second === 'dangerousGoods') return rest[0] === 'class' ? ['dgClass'] : ['unNumber'];
  return ['cargoMode'];
}

function toRequest(values: PlannerValues): RouteSearchRequest {
  const cargo: RouteSearchRequest['cargo'] = {};
  if (values.cargoMode === 'containers') {
    cargo.containers = values.containers.map(({ sizeType, count }) => ({ sizeType, count }));
  } else {
    if (values.weightKg) cargo.weightKg = values.weightKg;
    if (values.volumeM3) cargo.volumeM3 = values.volumeM3;
  }
  if (values.dangerous && values.unNumber && values.dgClass) {
    cargo.dangerousGoods = { unNumber: values.unNumber, class: values.dgClass };
  }
  return {
    from: values.from ?? '',
    to: values.to ?? '',
    departAfter: values.departAfter.toISOString(),
    cargo,
  };
}

interface PlannerFormProps {
  onSearch: (request: RouteSearchRequest) => void;
  searching: boolean;
  error: unknown;
}

export function PlannerForm({ onSearch, searching, error }: PlannerFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<PlannerValues>();
  const locations = useLocations();
  const cargoMode = Form.useWatch('cargoMode', form) ?? 'containers';
  const dangerous = Form.useWatch('dangerous', form) ?? false;

  const initialValues = useMemo<PlannerValues>(
    () => ({
      from: DEFAULT_ORIGIN.containers,
      departAfter: dayjs().add(1, 'day').second(0).millisecond(0),
      cargoMode: 'containers',
      containers: [{ sizeType: '45G1', count: 1 }],
      dangerous: false,
    }),
    [],
  );

  const locationOptions = useMemo(
    () =>
      (locations.data ?? [])
        .filter((location) => servesMode(location, cargoMode))
        .map((location) => {
          const name = localName(location.names, language);
          return {
            value: location.locode,
            label: `${name} (${location.locode})`,
            name,
            // The search matches the code and the name in every language, whatever the UI shows.
            search: [location.locode, ...Object.values(location.names)].join('\n').toLocaleLowerCase(),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [locations.data, cargoMode, language],
  );

  // The server's per-field messages go next to the fields they are about; the rest into the alert.
  const unplaced = useMemo(() => {
    const paths = fieldErrorPaths(error);
    return paths.filter((item) => formPath(item.path) === null).flatMap((item) => item.messages);
  }, [error]);
  useEffect(() => {
    const fields = fieldErrorPaths(error).flatMap((item) => {
      const name = formPath(item.path);
      return name ? [{ name, errors: item.messages }] : [];
    });
    if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
  }, [error, form]);
  const fieldErrorCount = fieldErrorPaths(error).length;

  const onCargoModeChange = (mode: CargoMode) => {
    // Keep the chosen places when they still fit the new mode; otherwise start from the zone again.
    const byCode = new Map((locations.data ?? []).map((location) => [location.locode, location]));
    const fits = (code: string | undefined) => {
      const location = code ? byCode.get(code) : undefined;
      return location ? servesMode(location, mode) : false;
    };
    const { from, to } = form.getFieldsValue(['from', 'to']) as Pick<PlannerValues, 'from' | 'to'>;
    if (!fits(from)) form.setFieldValue('from', DEFAULT_ORIGIN[mode]);
    if (!fits(to)) form.setFieldValue('to', undefined);
  };

  const sizeTypeOptions = CONTAINER_SIZE_TYPES.map((code) => ({
    value: code,
    label: `${t(`logistics.sizeTypes.${code}`)} (${code})`,
  }));

  const locationSelect = (testId: string) => (
    <Select<string>
      showSearch={{
        filterOption: (input, option) =>
          Boolean(option && (option as { search: string }).search.includes(input.trim().toLocaleLowerCase())),
      }}
      placeholder={t('logistics.planner.locationPlaceholder')}
      options={locationOptions}
      loading={locations.isPending}
      optionRender={(option) => (
        <span className="location-option">
          <span>{(option.data as { name: string }).name}</span>
          <span className="mono muted">{String(option.value)}</span>
        </span>
      )}
      data-testid={testId}
    />
  );

  return (
    <Card title={t('logistics.planner.formTitle')} variant="borderless" className="section-card planner-card">
      <Form<PlannerValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => onSearch(toRequest(values))}
        requiredMark={false}
        data-testid="planner-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name="from"
              label={t('logistics.planner.from')}
              rules={[{ required: true, message: t('logistics.planner.required') }]}
            >
              {locationSelect('planner-from')}
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name="to"
              label={t('logistics.planner.to')}
              rules={[{ required: true, message: t('logistics.planner.required') }]}
            >
              {locationSelect('planner-to')}
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name="departAfter"
              label={t('logistics.planner.departAfter')}
              rules={[{ required: true, message: t('logistics.planner.required') }]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                allowClear={false}
                style={{ width: '100%' }}
                data-testid="planner-depart-after"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="cargoMode" label={t('logistics.planner.cargo')}>
          <Segmented<CargoMode>
            options={[
              { value: 'containers', label: t('logistics.planner.containers') },
              { value: 'air', label: t('logistics.planner.air') },
            ]}
            onChange={onCargoModeChange}
            data-testid="planner-cargo-mode"
          />
        </Form.Item>
        {cargoMode === 'containers' ? (
          <Form.List name="containers">
            {(fields, { add, remove }) => (
              <div className="container-lines" data-testid="planner-containers">
                {fields.map((field, index) => (
                  <Row gutter={12} key={field.key} align="top">
                    <Col xs={14} md={10} xl={8}>
                      <Form.Item
                        name={[field.name, 'sizeType']}
                        label={index === 0 ? t('logistics.planner.sizeType') : undefined}
                        rules={[{ required: true, message: t('logistics.planner.required') }]}
                      >
                        <Select<ContainerSizeType>
                          options={sizeTypeOptions}
                          data-testid={`planner-size-type-${index}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={7} md={5} xl={4}>
                      <Form.Item
                        name={[field.name, 'count']}
                        label={index === 0 ? t('logistics.planner.count') : undefined}
                        rules={[{ required: true, message: t('logistics.planner.required') }]}
                      >
                        <InputNumber
                          min={1}
                          max={500}
                          precision={0}
                          style={{ width: '100%' }}
                          data-testid={`planner-count-${index}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={3} md={2}>
                      {fields.length > 1 ? (
                        <Form.Item label={index === 0 ? ' ' : undefined}>
                          <Button
                            type="text"
                            icon={<DeleteOutlined />}
                            aria-label={t('logistics.planner.remove')}
                            onClick={() => remove(field.name)}
                          />
                        </Form.Item>
                      ) : null}
                    </Col>
                  </Row>
                ))}
                {fields.length < 10 ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ sizeType: '42G1', count: 1 })}
                    className="add-container-line"
                  >
                    {t('logistics.planner.addContainer')}
                  </Button>
                ) : null}
              </div>
            )}
          </Form.List>
        ) : (
          <Row gutter={16}>
            <Col xs={12} md={6} xl={4}>
              <Form.Item
                name="weightKg"
                label={t('logistics.planner.weightKg')}
                rules={[{ required: true, message: t('logistics.planner.required') }]}
              >
                <InputNumber min={1} max={200000} style={{ width: '100%' }} data-testid="planner-weight" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="volumeM3" label={t('logistics.planner.volumeM3')}>
                <InputNumber min={0.01} max={1000} style={{ width: '100%' }} data-testid="planner-volume" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={16}>
              <div className="planner-air-hint muted">{t('logistics.planner.airHint')}</div>
            </Col>
          </Row>
        )}
        <Row gutter={16} align="top" className="dg-row">
          <Col xs={24} md={6} xl={4}>
            <Form.Item name="dangerous" label={t('logistics.planner.dangerousGoods')} valuePropName="checked">
              <Switch data-testid="planner-dg" />
            </Form.Item>
          </Col>
          {dangerous ? (
            <>
              <Col xs={12} md={6} xl={4}>
                <Form.Item
                  name="unNumber"
                  label={t('logistics.planner.unNumber')}
                  rules={[
                    { required: true, message: t('logistics.planner.required') },
                    { pattern: /^\d{4}$/, message: t('logistics.planner.unNumberInvalid') },
                  ]}
                >
                  <Input
                    prefix="UN"
                    maxLength={4}
                    placeholder={t('logistics.planner.unNumberPlaceholder')}
                    data-testid="planner-un-number"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={4}>
                <Form.Item
                  name="dgClass"
                  label={t('logistics.planner.dgClass')}
                  rules={[{ required: true, message: t('logistics.planner.required') }]}
                >
                  <Select<string>
                    showSearch={{ optionFilterProp: 'label' }}
                    options={DG_CLASSES.map((value) => ({ value, label: value }))}
                    data-testid="planner-dg-class"
                  />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        {error && (unplaced.length > 0 || fieldErrorCount === 0) ? (
          <Alert
            type="error"
            showIcon
            className="card-alert"
            title={problemText(error, t('logistics.planner.failed')).title}
            description={unplaced.length > 0 ? unplaced.join(' · ') : problemText(error, '').detail}
            data-testid="planner-error"
          />
        ) : null}
        <div className="planner-actions">
          <span className="muted planner-hint">{t('logistics.planner.hint')}</span>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined />}
            loading={searching}
            data-testid="planner-submit"
          >
            {t('logistics.planner.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
