import { DeleteOutlined, FileProtectOutlined, InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, fieldErrorPaths } from '../../api/client';
import { newIdempotencyKey, useBookShipment } from '../../api/shipments';
import type {
  BookingRequest,
  ContainerSizeType,
  Itinerary,
  Location,
  RouteSearchRequest,
  ShipmentParty,
} from '../../api/types';
import { useSession } from '../../auth/session';
import { CountrySelect } from '../../components/CountrySelect';
import { problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { locationName } from '../../lib/locations';
import { co2Text } from './ItineraryTable';
import { ModeTag } from './ModeTag';
import { formatInstant, formatMoney, formatNumber, transitDays, tripModes } from './model';
import './shipments.css';

/** What the server accepts on the bill of lading (printable in its English PDF): Latin-1 text. */
const LATIN_1_TEXT = /^[\u0020-\u007E\u00A0-\u00FF\n]*$/;
const CONTAINER_NUMBER = /^[A-Z]{4}\d{7}$/;
const HS_CODE = /^(\d{6}|\d{8}|\d{10})$/;
const USCC = /^[0-9A-Z]{18}$/;
/** A booking carries at most this many container numbers (the server's limit). */
const CONTAINERS_MAX = 200;

interface PartyValues {
  name?: string;
  address?: string;
  country?: string;
  uscc?: string;
}

interface BookingValues {
  parties: { shipper: PartyValues; consignee: PartyValues; notify?: PartyValues };
  withNotify: boolean;
  cargoLines: { hsCode?: string; description?: string; packages?: number | null; grossWeightKg?: number | null }[];
  containers: { sizeType?: ContainerSizeType; number?: string }[];
  reference?: string;
}

type PartyRole = 'shipper' | 'consignee' | 'notify';

/** The booked boxes one by one, in the order of the search's container lines. */
function bookedBoxes(search: RouteSearchRequest): ContainerSizeType[] {
  return (search.cargo.containers ?? []).flatMap(({ sizeType, count }) =>
    Array<ContainerSizeType>(count).fill(sizeType),
  );
}

function toParty(values: PartyValues): ShipmentParty {
  const party: ShipmentParty = {
    name: (values.name ?? '').trim(),
    address: (values.address ?? '').trim(),
    country: values.country ?? '',
  };
  const uscc = values.uscc?.trim();
  if (uscc) party.uscc = uscc;
  return party;
}

function toRequest(
  values: BookingValues,
  search: RouteSearchRequest,
  itinerary: Itinerary,
  boxes: readonly ContainerSizeType[],
): BookingRequest {
  const request: BookingRequest = {
    search,
    legs: itinerary.legs.map(({ departureId, from, to }) => ({ departureId, from, to })),
    parties: { shipper: toParty(values.parties.shipper), consignee: toParty(values.parties.consignee) },
    cargoLines: values.cargoLines.map((line) => ({
      hsCode: (line.hsCode ?? '').trim(),
      description: (line.description ?? '').trim(),
      packages: line.packages ?? 0,
      grossWeightKg: line.grossWeightKg ?? 0,
    })),
  };
  if (values.withNotify && values.parties.notify) request.parties.notify = toParty(values.parties.notify);
  // Only the numbers are form fields; each box's size-type is the booked one at the same place.
  const containers = (values.containers ?? []).map((box, index) => ({
    sizeType: boxes[index] ?? box.sizeType ?? '42G1',
    number: (box.number ?? '').trim().toUpperCase(),
  }));
  if (containers.some((box) => box.number !== '')) request.containers = containers;
  const reference = values.reference?.trim();
  if (reference) request.reference = reference;
  return request;
}

/**
 * Where a server field error belongs in this form. The form mirrors the request, so
 * 'parties.shipper.name', 'cargoLines.0.hsCode' and 'containers.1.number' are form fields as they
 * are; 'containers' as a whole goes under the container list; the rest (search, legs) to the alert.
 */
function formPath(path: (string | number)[]): (string | number)[] | 'containers' | null {
  const [head] = path;
  if (head === 'parties' && path.length === 3) return path;
  if (head === 'cargoLines' && path.length === 3) return path;
  // A box's problem (its number, or a size-type that does not fit) is shown under its number field.
  if (head === 'containers') return path.length === 3 ? ['containers', path[1] ?? 0, 'number'] : 'containers';
  if (head === 'reference') return ['reference'];
  return null;
}

interface BookingDrawerProps {
  /** The option being booked and its number in the results (0-based); null while closed. */
  booking: { itinerary: Itinerary; index: number } | null;
  /** Exactly the body that was sent to the route search the option came from. */
  search: RouteSearchRequest;
  locations: ReadonlyMap<string, Location>;
  onClose: () => void;
}

export function BookingDrawer({ booking, search, locations, onClose }: BookingDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={booking !== null}
      onClose={onClose}
      size={900}
      destroyOnHidden
      title={
        booking ? (
          <span>
            <FileProtectOutlined /> {t('booking.title', { n: String(booking.index + 1) })}
          </span>
        ) : null
      }
    >
      {booking ? (
        // A new key per opened form: a double click or a retry books once, another option is another booking.
        <BookingForm
          key={`${booking.index}-${booking.itinerary.departure}`}
          itinerary={booking.itinerary}
          search={search}
          locations={locations}
          onCancel={onClose}
        />
      ) : null}
    </Drawer>
  );
}

function ItinerarySummary({
  itinerary,
  search,
  locations,
}: {
  itinerary: Itinerary;
  search: RouteSearchRequest;
  locations: ReadonlyMap<string, Location>;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const place = (locode: string) => (
    <span>
      {locationName(locations, locode, language)} <span className="mono muted">{locode}</span>
    </span>
  );
  const cargo = search.cargo.containers
    ? search.cargo.containers
        .map(({ sizeType, count }) =>
          t('booking.boxes', { n: String(count), type: `${t(`logistics.sizeTypes.${sizeType}`)} (${sizeType})` }),
        )
        .join(' + ')
    : t('booking.weight', { value: formatNumber(search.cargo.weightKg ?? 0, language) });
  return (
    <Card size="small" className="booking-summary" data-testid="booking-summary">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('booking.route')} span={2}>
          <span className="booking-route">
            {place(itinerary.legs[0]?.from ?? search.from)}
            <span className="leg-arrow">→</span>
            {place(itinerary.legs[itinerary.legs.length - 1]?.to ?? search.to)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.departure')}>
          {formatInstant(itinerary.departure, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.arrival')}>{formatInstant(itinerary.arrival, language)}</Descriptions.Item>
        <Descriptions.Item label={t('booking.modes')}>
          <span className="mode-tags">
            {tripModes(itinerary).map((mode) => (
              <ModeTag key={mode} mode={mode} />
            ))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.transit')}>
          {t('logistics.results.days', { value: formatNumber(transitDays(itinerary.transitHours), language, 1) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.cost')}>
          <span className="num strong-cell" data-testid="booking-cost">
            {formatMoney(itinerary.cost, language)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.co2')}>
          <span className="num">{co2Text(t, itinerary.co2Kg, language)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.cargo')} span={2}>
          {cargo}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function BookingForm({
  itinerary,
  search,
  locations,
  onCancel,
}: {
  itinerary: Itinerary;
  search: RouteSearchRequest;
  locations: ReadonlyMap<string, Location>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useSession();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const book = useBookShipment(idempotencyKey);
  const [form] = Form.useForm<BookingValues>();
  const withNotify = Form.useWatch('withNotify', form) ?? false;
  const boxes = useMemo(() => bookedBoxes(search), [search]);
  const showContainers = boxes.length > 0 && boxes.length <= CONTAINERS_MAX;

  const initialValues = useMemo<BookingValues>(() => {
    const destinationCountry = locations.get(search.to)?.countryCode;
    const enterprise = me.enterprise;
    return {
      parties: {
        // The booking enterprise usually ships itself; its English name and USCC are a good start.
        shipper: {
          name: enterprise?.names.en,
          country: enterprise?.countryCode ?? 'CN',
          uscc: enterprise?.countryCode === 'CN' ? enterprise.uscc : undefined,
        },
        consignee: { country: destinationCountry },
        notify: { country: destinationCountry },
      },
      withNotify: false,
      cargoLines: [{}],
      containers: boxes.map((sizeType) => ({ sizeType })),
    };
  }, [boxes, locations, me.enterprise, search.to]);

  // The server's per-field messages go next to their fields; the rest (and a 409's full legs) into the alert.
  const error = book.error;
  const paths = useMemo(() => fieldErrorPaths(error), [error]);
  const unplaced = paths.filter((item) => formPath(item.path) === null).flatMap((item) => item.messages);
  const containersError = paths.filter((item) => formPath(item.path) === 'containers').flatMap((i) => i.messages);
  useEffect(() => {
    const fields = paths.flatMap((item) => {
      const name = formPath(item.path);
      return Array.isArray(name) ? [{ name, errors: item.messages }] : [];
    });
    if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
  }, [paths, form]);
  const showAlert = book.isError && (unplaced.length > 0 || paths.length === 0);
  const failure = book.isError
    ? problemText(error, error instanceof ApiError ? t('booking.failed') : t('errors.network'))
    : null;

  const required: Rule = { required: true, whitespace: true, message: t('booking.required') };
  const latin: Rule = { pattern: LATIN_1_TEXT, message: t('booking.latinOnly') };

  const onFinish = (values: BookingValues) => {
    book.mutate(toRequest(values, search, itinerary, boxes), {
      onSuccess: (shipment) => {
        void message.success(t('booking.booked', { number: shipment.blNumber }));
        navigate(`/logistics/shipments/${shipment.id}`);
      },
    });
  };

  const partyFields = (role: PartyRole) => (
    <Card
      size="small"
      className="booking-party"
      title={t(`booking.${role}`)}
      data-testid={`booking-party-${role}`}
      key={role}
    >
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item name={['parties', role, 'name']} label={t('booking.name')} rules={[required, latin]}>
            <Input maxLength={140} placeholder={t('booking.namePlaceholder')} data-testid={`booking-${role}-name`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name={['parties', role, 'country']}
            label={t('booking.country')}
            rules={[{ required: true, message: t('booking.required') }]}
          >
            <CountrySelect data-testid={`booking-${role}-country`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name={['parties', role, 'address']} label={t('booking.address')} rules={[required, latin]}>
            <Input.TextArea
              rows={2}
              maxLength={400}
              placeholder={t('booking.addressPlaceholder')}
              data-testid={`booking-${role}-address`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name={['parties', role, 'uscc']}
            label={t('booking.uscc')}
            rules={[{ pattern: USCC, message: t('booking.usccInvalid') }]}
            normalize={(value: string) => value?.toUpperCase()}
          >
            <Input maxLength={18} className="mono-input" data-testid={`booking-${role}-uscc`} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );

  return (
    <div data-testid="booking-form">
      <ItinerarySummary itinerary={itinerary} search={search} locations={locations} />
      <Alert
        type="info"
        showIcon
        icon={<InfoCircleOutlined />}
        className="card-alert"
        title={t('booking.latinHelp')}
        data-testid="booking-latin-help"
      />
      <Form<BookingValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError
      >
        {partyFields('shipper')}
        {partyFields('consignee')}
        <div className="booking-notify">
          <Form.Item name="withNotify" valuePropName="checked" noStyle>
            <Switch size="small" data-testid="booking-notify-toggle" />
          </Form.Item>
          <span>{t('booking.addNotify')}</span>
        </div>
        {withNotify ? partyFields('notify') : null}

        <Typography.Title level={5} className="booking-section-title">
          {t('booking.cargoLines')}
        </Typography.Title>
        <Form.List name="cargoLines">
          {(fields, { add, remove }) => (
            <div data-testid="booking-cargo-lines">
              {fields.map((field, index) => (
                <Row gutter={10} key={field.key} align="top" className="booking-cargo-line">
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[field.name, 'hsCode']}
                      label={index === 0 ? t('booking.hsCode') : undefined}
                      rules={[required, { pattern: HS_CODE, message: t('booking.hsCodeInvalid') }]}
                    >
                      <Input maxLength={10} className="mono-input" data-testid={`booking-hs-code-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={9}>
                    <Form.Item
                      name={[field.name, 'description']}
                      label={index === 0 ? t('booking.description') : undefined}
                      rules={[required, latin]}
                    >
                      <Input
                        maxLength={300}
                        placeholder={t('booking.descriptionPlaceholder')}
                        data-testid={`booking-description-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={4}>
                    <Form.Item
                      name={[field.name, 'packages']}
                      label={index === 0 ? t('booking.packages') : undefined}
                      rules={[{ required: true, message: t('booking.required') }]}
                    >
                      <InputNumber
                        min={1}
                        max={1_000_000}
                        precision={0}
                        style={{ width: '100%' }}
                        data-testid={`booking-packages-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={5}>
                    <Form.Item
                      name={[field.name, 'grossWeightKg']}
                      label={index === 0 ? t('booking.grossWeightKg') : undefined}
                      rules={[{ required: true, message: t('booking.required') }]}
                    >
                      <InputNumber
                        min={0.001}
                        max={1_000_000}
                        style={{ width: '100%' }}
                        data-testid={`booking-weight-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    {fields.length > 1 ? (
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('booking.removeLine')}
                          onClick={() => remove(field.name)}
                        />
                      </Form.Item>
                    ) : null}
                  </Col>
                </Row>
              ))}
              {fields.length < 50 ? (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  className="add-container-line"
                  data-testid="booking-add-line"
                >
                  {t('booking.addLine')}
                </Button>
              ) : null}
            </div>
          )}
        </Form.List>

        {showContainers ? (
          <>
            <Typography.Title level={5} className="booking-section-title">
              {t('booking.containers')}
            </Typography.Title>
            <div className="muted booking-help">{t('booking.containersHelp')}</div>
            <Form.List
              name="containers"
              rules={[
                {
                  validator: async (_, boxes: BookingValues['containers']) => {
                    const given = boxes.filter((box) => (box.number ?? '').trim() !== '').length;
                    if (given > 0 && given < boxes.length) throw new Error(t('booking.containersAllOrNone'));
                  },
                },
              ]}
            >
              {(fields, _operations, { errors }) => (
                <div data-testid="booking-containers">
                  <Row gutter={10}>
                    {fields.map((field, index) => {
                      const sizeType = boxes[index] ?? '42G1';
                      return (
                        <Col xs={24} md={12} xl={8} key={field.key}>
                          <Form.Item
                            name={[field.name, 'number']}
                            label={
                              <span>
                                {t('booking.containerNumber', { n: String(index + 1) })}{' '}
                                <Tag className="tag-small">
                                  {t(`logistics.sizeTypes.${sizeType}`)} · {sizeType}
                                </Tag>
                              </span>
                            }
                            rules={[{ pattern: CONTAINER_NUMBER, message: t('booking.containerInvalid') }]}
                            normalize={(value: string) => value?.toUpperCase().replace(/\s+/g, '')}
                          >
                            <Input
                              maxLength={11}
                              className="mono-input"
                              placeholder="CSQU3054383"
                              data-testid={`booking-container-${index}`}
                            />
                          </Form.Item>
                        </Col>
                      );
                    })}
                  </Row>
                  <Form.ErrorList errors={[...errors, ...containersError]} />
                </div>
              )}
            </Form.List>
          </>
        ) : null}

        <Row gutter={12} className="booking-reference">
          <Col xs={24} md={12}>
            <Form.Item
              name="reference"
              label={t('booking.reference')}
              rules={[{ pattern: /^[\u0020-\u007E\u00A0-\u00FF]*$/, message: t('booking.latinOnly') }]}
            >
              <Input maxLength={64} placeholder={t('booking.referencePlaceholder')} data-testid="booking-reference" />
            </Form.Item>
          </Col>
        </Row>

        {showAlert && failure ? (
          <Alert
            type="error"
            showIcon
            className="card-alert"
            title={failure.title}
            description={
              <div>
                {failure.detail ? <div>{failure.detail}</div> : null}
                {unplaced.length > 0 ? (
                  <ul className="booking-problems">
                    {unplaced.map((text) => (
                      <li key={text} data-testid="booking-problem-item">
                        {text}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            }
            data-testid="booking-error"
          />
        ) : null}
        <div className="planner-actions">
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<FileProtectOutlined />}
            loading={book.isPending}
            data-testid="booking-submit"
          >
            {t('booking.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
