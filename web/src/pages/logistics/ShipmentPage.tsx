import {
  ContainerOutlined,
  FilePdfOutlined,
  FileProtectOutlined,
  NodeIndexOutlined,
  StopOutlined,
  SyncOutlined,
  WarningOutlined,
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
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, fieldErrorPaths } from '../../api/client';
import { useCountries } from '../../api/hooks';
import {
  useAmendShipment,
  useCancelShipment,
  useShipment,
  useShipmentAlternatives,
  useShipmentEvents,
} from '../../api/shipments';
import type {
  CargoLine,
  ContainerSizeType,
  Itinerary,
  ItineraryLeg,
  Location,
  Shipment,
  ShipmentDocument,
  ShipmentLeg,
  ShipmentParty,
} from '../../api/types';
import { useSession } from '../../auth/session';
import { DetailFallback, isNotFound } from '../../components/DetailFallback';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { ScoLegend } from '../../components/ScoLegend';
import { useLanguage } from '../../i18n/useLanguage';
import { countryName, useCountryIndex } from '../../lib/countries';
import { locationName, useLocationIndex } from '../../lib/locations';
import { centreAccent } from '../centres/CentrePage';
import { co2Text, ItineraryTable } from './ItineraryTable';
import { ModeTag } from './ModeTag';
import { formatInstant, formatMoney, formatNumber, highlights, transferKind } from './model';
import { type MapPosition, RouteMap } from './RouteMap';
import { AtRiskTag, DelayTag, DocumentStatusTag, LegStatusTag, ShipmentStatusTag, shortHash } from './ShipmentTags';
import { ShipmentTimeline } from './ShipmentTimeline';
import './shipments.css';

const CONTAINER_NUMBER = /^[A-Z]{4}\d{7}$/;
const AMEND_ROLES = ['trader', 'forwarder'];

/** A shipment leg in the planner's shape, so the route map and the transfer labels can be shared. */
function asItineraryLeg(leg: ShipmentLeg): ItineraryLeg {
  return {
    kind: leg.kind,
    mode: leg.mode,
    service: leg.service,
    departureId: leg.departureId,
    from: leg.from.locode,
    to: leg.to.locode,
    departure: leg.actualDeparture ?? leg.estimatedDeparture ?? leg.plannedDeparture,
    arrival: leg.actualArrival ?? leg.estimatedArrival ?? leg.plannedArrival,
    cost: leg.cost,
    co2Kg: leg.co2Kg,
  };
}

function asItinerary(shipment: Shipment): Itinerary {
  const legs = shipment.legs.map(asItineraryLeg);
  return {
    legs,
    departure: legs[0]?.departure ?? shipment.plannedDeparture,
    arrival: legs[legs.length - 1]?.arrival ?? shipment.plannedArrival,
    transitHours: 0,
    cost: shipment.cost,
    co2Kg: shipment.co2Kg,
    transfers: legs.filter((leg) => leg.kind === 'transfer').length,
  };
}

/** The booked boxes one by one, in the order of the booking's container lines. */
function bookedBoxes(shipment: Shipment): ContainerSizeType[] {
  return (shipment.cargo.containers ?? []).flatMap(({ sizeType, count }) =>
    Array<ContainerSizeType>(count).fill(sizeType),
  );
}

function Times({ planned, estimated, actual }: { planned: string; estimated: string | null; actual: string | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const changed = estimated !== null && estimated !== planned;
  return (
    <div className="leg-times-grid">
      <span className="muted">{t('shipment.planned')}</span>
      <span>{formatInstant(planned, language)}</span>
      {changed && actual === null ? (
        <>
          <span className="muted">{t('shipment.estimated')}</span>
          <span className="estimated-time">{formatInstant(estimated, language)}</span>
        </>
      ) : null}
      <span className="muted">{t('shipment.actual')}</span>
      {actual ? (
        <span className="actual-time">{formatInstant(actual, language)}</span>
      ) : (
        <span className="muted">{t('common.none')}</span>
      )}
    </div>
  );
}

function LegsCard({ shipment, locations }: { shipment: Shipment; locations: ReadonlyMap<string, Location> }) {
  const { t } = useTranslation();

  const moveLabel = (leg: ShipmentLeg) => {
    if (leg.service)
      return (
        <span>
          <span className="mono strong-cell">{leg.service.code}</span> <span>{leg.service.name}</span>
        </span>
      );
    const kind = transferKind(asItineraryLeg(leg), locations);
    if (kind === 'gauge') {
      return (
        <Tag color="purple" className="transfer-tag">
          {t('logistics.results.transferGauge', {
            from: String(locations.get(leg.from.locode)?.gaugeMm ?? ''),
            to: String(locations.get(leg.to.locode)?.gaugeMm ?? ''),
          })}
        </Tag>
      );
    }
    if (kind === 'border') return <Tag color="purple">{t('logistics.results.transferBorder')}</Tag>;
    return <span className="muted">{t('logistics.results.transferLocal')}</span>;
  };

  const place = (p: ShipmentLeg['from']) => (
    <span>
      {p.name} <span className="mono muted">{p.locode}</span>
    </span>
  );

  const columns: ColumnsType<ShipmentLeg> = [
    { title: t('shipment.leg'), key: 'n', width: 56, render: (_, leg) => leg.seq + 1 },
    { title: t('shipment.mode'), key: 'mode', width: 100, render: (_, leg) => <ModeTag mode={leg.mode} /> },
    { title: t('shipment.service'), key: 'service', width: 200, render: (_, leg) => moveLabel(leg) },
    {
      title: t('shipment.fromTo'),
      key: 'fromTo',
      render: (_, leg) => (
        <div className="leg-route">
          <div>{place(leg.from)}</div>
          <div>
            <span className="leg-arrow">→</span>
            {place(leg.to)}
          </div>
        </div>
      ),
    },
    {
      title: t('shipment.departure'),
      key: 'departure',
      width: 215,
      render: (_, leg) => (
        <Times planned={leg.plannedDeparture} estimated={leg.estimatedDeparture} actual={leg.actualDeparture} />
      ),
    },
    {
      title: t('shipment.arrival'),
      key: 'arrival',
      width: 215,
      render: (_, leg) => (
        <Times planned={leg.plannedArrival} estimated={leg.estimatedArrival} actual={leg.actualArrival} />
      ),
    },
    {
      title: t('shipment.legStatus'),
      key: 'status',
      width: 116,
      render: (_, leg) => <LegStatusTag status={leg.status} testId={`leg-status-${leg.seq}`} />,
    },
  ];

  return (
    <Card title={t('shipment.legsTitle')} variant="borderless" className="section-card">
      <div data-testid="shipment-legs">
        <Table<ShipmentLeg>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={shipment.legs}
          pagination={false}
          scroll={{ x: 1060 }}
          rowClassName={(leg) => (leg.kind === 'transfer' ? 'leg-transfer' : '')}
          onRow={(leg) => ({ 'data-testid': `shipment-leg-${leg.seq}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </div>
    </Card>
  );
}

function DocumentsCard({ documents }: { documents: readonly ShipmentDocument[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: ColumnsType<ShipmentDocument> = [
    {
      title: t('shipment.docNumber'),
      key: 'version',
      width: 190,
      render: (_, doc) => (
        <div>
          <div>
            <span className="mono strong-cell">{doc.number}</span> <span className="doc-version">v{doc.version}</span>
          </div>
          <div className="muted doc-issued">
            {t('shipment.issuedAt')} {formatInstant(doc.issuedAt, language)}
          </div>
        </div>
      ),
    },
    {
      title: t('shipment.docStatus'),
      key: 'status',
      width: 100,
      render: (_, doc) => <DocumentStatusTag status={doc.status} testId={`document-status-${doc.version}`} />,
    },
    {
      title: t('shipment.fingerprint'),
      key: 'sha256',
      render: (_, doc) =>
        doc.sha256 ? (
          <Tooltip title={<span className="mono">{doc.sha256}</span>}>
            <Typography.Text
              className="mono fingerprint"
              copyable={{ text: doc.sha256 }}
              data-testid={`document-sha256-${doc.version}`}
            >
              {shortHash(doc.sha256)}
            </Typography.Text>
          </Tooltip>
        ) : (
          <span className="muted">{t('shipment.fingerprintPending')}</span>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, doc) => (
        <Space size={4} wrap>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={doc.pdfUrl}
            target="_blank"
            rel="noopener"
            data-testid={`document-pdf-${doc.version}`}
          >
            {t('shipment.pdf')}
          </Button>
          <Button
            size="small"
            icon={<FileProtectOutlined />}
            href={doc.verifyUrl}
            target="_blank"
            rel="noopener"
            data-testid={`document-verify-${doc.version}`}
          >
            {t('shipment.verify')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('shipment.documentsTitle')} variant="borderless" className="section-card">
      <div data-testid="shipment-documents">
        <Table<ShipmentDocument>
          rowKey="version"
          size="small"
          columns={columns}
          dataSource={[...documents]}
          pagination={false}
          scroll={{ x: 660 }}
        />
      </div>
    </Card>
  );
}

function PartyBlock({ party, title }: { party: ShipmentParty; title: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const countries = useCountryIndex();
  return (
    <div className="party-block">
      <div className="party-title">{title}</div>
      <div className="strong-cell">{party.name}</div>
      <div className="party-address">{party.address}</div>
      <div className="muted">{countryName(countries, party.country, language)}</div>
      {party.uscc ? (
        <div className="muted">
          {t('shipment.uscc')}: <span className="mono">{party.uscc}</span>
        </div>
      ) : null}
    </div>
  );
}

function CargoCard({ shipment, mayAmend }: { shipment: Shipment; mayAmend: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [editing, setEditing] = useState(false);
  const boxes = bookedBoxes(shipment);
  const columns: ColumnsType<CargoLine & { n: number }> = [
    {
      title: t('booking.hsCode'),
      key: 'hs',
      width: 110,
      render: (_, line) => <span className="mono">{line.hsCode}</span>,
    },
    { title: t('booking.description'), key: 'description', render: (_, line) => line.description },
    {
      title: t('booking.packages'),
      key: 'packages',
      align: 'right',
      width: 90,
      render: (_, line) => <span className="num">{formatNumber(line.packages, language)}</span>,
    },
    {
      title: t('booking.grossWeightKg'),
      key: 'weight',
      align: 'right',
      width: 130,
      render: (_, line) => <span className="num">{formatNumber(line.grossWeightKg, language, 3, 0)}</span>,
    },
  ];
  const canAddContainers = mayAmend && shipment.status === 'booked' && boxes.length > 0;
  return (
    <Card
      title={t('shipment.cargoTitle')}
      variant="borderless"
      className="section-card"
      extra={
        canAddContainers ? (
          <Button
            size="small"
            icon={<ContainerOutlined />}
            onClick={() => setEditing(true)}
            data-testid="add-containers"
          >
            {shipment.containers.length > 0 ? t('shipment.editContainers') : t('shipment.addContainers')}
          </Button>
        ) : null
      }
    >
      <Table<CargoLine & { n: number }>
        rowKey="n"
        size="small"
        columns={columns}
        dataSource={shipment.cargoLines.map((line, n) => ({ ...line, n }))}
        pagination={false}
      />
      <div className="containers-title">{t('shipment.containersTitle')}</div>
      <div data-testid="shipment-containers">
        {shipment.containers.length === 0 ? (
          <span className="muted">{t('shipment.noContainers')}</span>
        ) : (
          <div className="container-tags">
            {shipment.containers.map((container) => (
              <Tag key={container.number} className="container-tag">
                <span className="mono">{container.number}</span> <span className="muted">{container.sizeType}</span>
              </Tag>
            ))}
          </div>
        )}
      </div>
      {editing ? <ContainersModal shipment={shipment} boxes={boxes} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

interface ContainersValues {
  containers: { sizeType?: ContainerSizeType; number?: string }[];
}

/** Adds (or corrects) the container numbers of a booking; the bill of lading is reissued as a new version. */
function ContainersModal({
  shipment,
  boxes,
  onClose,
}: {
  shipment: Shipment;
  boxes: ContainerSizeType[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const amend = useAmendShipment(shipment.id);
  const [form] = Form.useForm<ContainersValues>();
  const initialValues = useMemo<ContainersValues>(() => {
    // Keep numbers already given next to a box of their size-type.
    const given = [...shipment.containers];
    return {
      containers: boxes.map((sizeType) => {
        const index = given.findIndex((c) => c.sizeType === sizeType);
        const number = index >= 0 ? given.splice(index, 1)[0]?.number : undefined;
        return { sizeType, number };
      }),
    };
  }, [boxes, shipment.containers]);

  const paths = useMemo(() => fieldErrorPaths(amend.error), [amend.error]);
  useEffect(() => {
    // A box's problem (its number, or its size-type) is shown under its number field.
    const fields = paths.flatMap((item) =>
      item.path[0] === 'containers' && item.path.length === 3
        ? [{ name: ['containers', item.path[1] ?? 0, 'number'], errors: item.messages }]
        : [],
    );
    if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
  }, [paths, form]);
  const unplaced = paths
    .filter((item) => !(item.path[0] === 'containers' && item.path.length === 3))
    .flatMap((item) => item.messages);
  const failure = amend.isError
    ? problemText(amend.error, amend.error instanceof ApiError ? t('errors.unexpected') : t('errors.network'))
    : null;

  const onFinish = (values: ContainersValues) => {
    amend.mutate(
      {
        version: shipment.version,
        // Only the numbers are form fields; each box's size-type is the booked one at the same place.
        containers: values.containers.map((box, index) => ({
          sizeType: boxes[index] ?? box.sizeType ?? '42G1',
          number: (box.number ?? '').trim().toUpperCase(),
        })),
      },
      {
        onSuccess: (updated) => {
          const latest = Math.max(...updated.documents.map((doc) => doc.version));
          void message.success(t('shipment.containersSaved', { version: String(latest) }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('shipment.containersModalTitle', { number: shipment.blNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={amend.isPending}
      width={640}
      destroyOnHidden
    >
      <div className="muted booking-help">{t('booking.containersHelp')}</div>
      {failure && (unplaced.length > 0 || paths.length === 0) ? (
        <Alert
          type="error"
          showIcon
          className="card-alert"
          title={failure.title}
          description={unplaced.length > 0 ? unplaced.join(' · ') : failure.detail}
        />
      ) : null}
      <Form<ContainersValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <Form.List name="containers">
          {(fields) => (
            <Row gutter={10} data-testid="containers-form">
              {fields.map((field, index) => {
                const sizeType = boxes[index] ?? '42G1';
                return (
                  <Col xs={24} md={12} key={field.key}>
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
                      rules={[
                        { required: true, message: t('booking.required') },
                        { pattern: CONTAINER_NUMBER, message: t('booking.containerInvalid') },
                      ]}
                      normalize={(value: string) => value?.toUpperCase().replace(/\s+/g, '')}
                    >
                      <Input maxLength={11} className="mono-input" placeholder="CSQU3054383" />
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function AlternativesCard({ shipment, locations }: { shipment: Shipment; locations: ReadonlyMap<string, Location> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const alternatives = useShipmentAlternatives(shipment.id, true);
  const [selected, setSelected] = useState(0);
  const itineraries = alternatives.data?.itineraries ?? [];
  const best = useMemo(() => highlights(itineraries), [itineraries]);
  const from = alternatives.data?.from;
  return (
    <Card
      title={
        <span>
          <NodeIndexOutlined /> {t('shipment.alternativesTitle')}
        </span>
      }
      extra={
        alternatives.data && from ? (
          <span className="muted card-extra-text">
            {t('shipment.alternativesFrom', {
              place: `${locationName(locations, from, language)} (${from})`,
              time: formatInstant(alternatives.data.departAfter, language),
            })}
          </span>
        ) : null
      }
      variant="borderless"
      className="section-card alternatives-card"
    >
      <div data-testid="shipment-alternatives">
        {alternatives.isError ? (
          <ProblemAlert error={alternatives.error} onRetry={() => void alternatives.refetch()} />
        ) : alternatives.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : itineraries.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={alternatives.data?.reason?.message ?? t('shipment.alternativesEmpty')}
          />
        ) : (
          <ItineraryTable
            itineraries={itineraries}
            highlights={best}
            selected={selected}
            onSelect={setSelected}
            locations={locations}
          />
        )}
      </div>
    </Card>
  );
}

/** One booking: status, ETA and risk, legs with planned/estimated/actual times, timeline, map, documents. */
export function ShipmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const me = useSession();
  const shipment = useShipment(id);
  const events = useShipmentEvents(id);
  const cancel = useCancelShipment(id);
  const locations = useLocationIndex();
  const countries = useCountries('all');
  const { icon, accent } = centreAccent('logistics');
  const data = shipment.data;

  const itinerary = useMemo(() => (data ? asItinerary(data) : null), [data]);
  const position = useMemo<MapPosition | null>(() => {
    const at = data?.position;
    if (!at || at.lat === null || at.lon === null) return null;
    return { lon: at.lon, lat: at.lat, label: `${at.name} (${at.locode}) · ${formatInstant(at.at, language)}` };
  }, [data?.position, language]);

  const breadcrumb = (
    <Breadcrumb
      className="shipment-breadcrumb"
      items={[
        { title: <Link to="/logistics">{t('centres.logistics.title')}</Link> },
        { title: <Link to="/logistics/shipments">{t('shipments.title')}</Link> },
        { title: data?.blNumber ?? '…' },
      ]}
    />
  );

  if (!data || isNotFound(shipment.error)) {
    return (
      <DetailFallback
        testId="shipment-page"
        breadcrumb={breadcrumb}
        query={shipment}
        notFoundText={t('shipment.notFound')}
        back={{ to: '/logistics/shipments', label: t('shipment.back') }}
      />
    );
  }

  const mayAmend = AMEND_ROLES.includes(me.user.role) && me.enterprise !== null;
  const open = data.status !== 'cancelled' && data.status !== 'delivered';
  const onCancel = () =>
    cancel.mutateAsync().then(
      () => void message.success(t('shipment.cancelled')),
      (error: unknown) => void message.error(problemText(error, t('errors.unexpected')).title),
    );
  const unitText =
    data.capacityUnit === 'TEU'
      ? t('shipment.teu', { value: formatNumber(data.units, language) })
      : t('shipment.kg', { value: formatNumber(data.units, language) });

  return (
    <div className="page" data-testid="shipment-page">
      {breadcrumb}
      <PageHeader
        title={
          <span>
            {t('shipment.title', { number: '' }).trim()}{' '}
            <span className="mono bl-number" data-testid="shipment-bl-number">
              {data.blNumber}
            </span>
          </span>
        }
        subtitle={t('shipment.subtitle', {
          from: `${data.origin.name} (${data.origin.locode})`,
          to: `${data.destination.name} (${data.destination.locode})`,
        })}
        icon={<span style={{ background: accent }}>{icon}</span>}
        extra={
          mayAmend && data.status === 'booked' ? (
            <Popconfirm
              title={t('shipment.cancelConfirm')}
              okText={t('shipment.cancelConfirmOk')}
              okButtonProps={{ danger: true, 'data-testid': 'shipment-cancel-confirm' }}
              cancelText={t('shipment.keep')}
              onConfirm={onCancel}
            >
              <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="shipment-cancel">
                {t('shipment.cancel')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      {data.atRisk && data.risk ? (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          className="card-alert"
          title={t('shipment.riskTitle')}
          description={
            <span>
              <span data-testid="shipment-risk-message">{data.risk.message}</span>
              {open ? <span className="muted"> {t('shipment.riskHint')}</span> : null}
            </span>
          }
          data-testid="shipment-risk"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('shipment.summaryTitle')} variant="borderless" className="section-card">
            <Descriptions size="small" column={{ xs: 1, md: 2 }} className="shipment-summary">
              <Descriptions.Item label={t('shipment.status')}>
                <span className="shipment-status-cell">
                  <ShipmentStatusTag status={data.status} testId="shipment-status" />
                  {data.atRisk ? <AtRiskTag /> : null}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('shipment.eta')}>
                <span className="eta-cell">
                  <span className="strong-cell" data-testid="shipment-eta">
                    {data.eta ? formatInstant(data.eta, language) : t('shipment.etaUnknown')}
                  </span>
                  <DelayTag hours={data.delayHours} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('shipment.plannedDeparture')}>
                {formatInstant(data.plannedDeparture, language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('shipment.plannedArrival')}>
                {formatInstant(data.plannedArrival, language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('shipment.position')} span={2}>
                {data.position ? (
                  <span data-testid="shipment-position">
                    {data.position.name} <span className="mono muted">{data.position.locode}</span>
                    <span className="muted"> · {formatInstant(data.position.at, language)}</span>
                  </span>
                ) : (
                  <span className="muted">{t('shipment.noPosition')}</span>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('shipment.cost')}>
                <span className="num strong-cell">{formatMoney(data.cost, language)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('shipment.co2')}>
                <span className="num">{co2Text(t, data.co2Kg, language)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('shipment.units')}>{unitText}</Descriptions.Item>
              <Descriptions.Item label={t('shipment.reference')}>
                {data.reference ?? <span className="muted">{t('common.none')}</span>}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={t('shipment.mapTitle')}
            variant="borderless"
            className="section-card map-card"
            extra={<ScoLegend />}
          >
            {countries.isPending ? (
              <Skeleton.Node active style={{ width: '100%', height: 380 }} />
            ) : (
              <RouteMap
                itinerary={itinerary}
                locations={locations}
                countries={countries.data ?? []}
                height={380}
                position={position}
              />
            )}
            <div className="map-hint">{t('shipment.mapHint')}</div>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('shipment.timelineTitle')} variant="borderless" className="section-card timeline-card">
            <div className="muted timeline-refresh">
              <SyncOutlined spin={events.isFetching} /> {t('shipment.autoRefresh')}
            </div>
            {events.isError ? <ProblemAlert error={events.error} onRetry={() => void events.refetch()} /> : null}
            {events.isPending ? (
              <Skeleton active />
            ) : (
              <ShipmentTimeline events={events.data ?? []} locations={locations} />
            )}
          </Card>
          <Card title={t('shipment.partiesTitle')} variant="borderless" className="section-card">
            <div className="parties">
              <PartyBlock party={data.parties.shipper} title={t('shipment.shipper')} />
              <PartyBlock party={data.parties.consignee} title={t('shipment.consignee')} />
              {data.parties.notify ? <PartyBlock party={data.parties.notify} title={t('shipment.notify')} /> : null}
            </div>
          </Card>
        </Col>
      </Row>
      {data.atRisk && open ? <AlternativesCard shipment={data} locations={locations} /> : null}
      <LegsCard shipment={data} locations={locations} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <DocumentsCard documents={data.documents} />
        </Col>
        <Col xs={24} xl={9}>
          <CargoCard shipment={data} mayAmend={mayAmend} />
        </Col>
      </Row>
    </div>
  );
}
