import { ClockCircleOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Drawer, Skeleton, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransportService, useTransportServices } from '../../api/hooks';
import type { ServiceCall, TransportService } from '../../api/types';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { locationName, useLocationIndex } from '../../lib/locations';
import { ModeTag } from './ModeTag';
import { formatMoney, formatNumber, offsetLabel, weekdayNames } from './model';
import { mayManage, mayPublish } from './operationsModel';
import { PublishServiceDrawer } from './PublishServiceDrawer';
import { ServiceActions, ServiceStatusTag } from './ServiceManagement';

const MODE_ORDER = ['rail', 'road', 'sea', 'air'];

function useServiceText() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return {
    weekdays: (service: TransportService) =>
      service.weekdays.length === 7
        ? t('logistics.services.daily')
        : weekdayNames(service.weekdays, language).join(' · '),
    capacity: (service: TransportService) =>
      service.capacityUnit === 'TEU'
        ? t('logistics.services.teu', { value: formatNumber(service.capacityUnits, language) })
        : t('logistics.services.kg', { value: formatNumber(service.capacityUnits, language) }),
  };
}

function CallsDrawer({ service, onClose }: { service: TransportService | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const detail = useTransportService(service?.id ?? null);
  const locations = useLocationIndex();
  const text = useServiceText();
  const unit = service?.capacityUnit === 'KG' ? t('logistics.services.unitKg') : t('logistics.services.unitTeu');

  const offset = (minutes: number | null) => {
    if (minutes === null || !service) return t('common.none');
    const { day, time } = offsetLabel(service.departureLocalTime, minutes);
    return t('logistics.services.dayTime', { day: String(day), time });
  };

  const columns: ColumnsType<ServiceCall> = [
    { title: t('logistics.services.seq'), key: 'seq', width: 56, render: (_, call) => call.seq + 1 },
    {
      title: t('logistics.services.location'),
      key: 'location',
      render: (_, call) => (
        <span>
          {locationName(locations, call.locode, language)} <span className="mono muted">{call.locode}</span>
        </span>
      ),
    },
    {
      title: t('logistics.services.arrives'),
      key: 'arrives',
      width: 130,
      render: (_, call) => offset(call.arrivalOffsetMinutes),
    },
    {
      title: t('logistics.services.departs'),
      key: 'departs',
      width: 130,
      render: (_, call) => offset(call.departureOffsetMinutes),
    },
    {
      title: t('logistics.services.tariff', { unit }),
      key: 'tariff',
      align: 'right',
      width: 150,
      render: (_, call) =>
        call.departureOffsetMinutes === null ? (
          t('common.none')
        ) : (
          <span className="num">{formatMoney(call.tariffToNext, language)}</span>
        ),
    },
    {
      title: t('logistics.services.distance'),
      key: 'distance',
      align: 'right',
      width: 130,
      render: (_, call) =>
        call.departureOffsetMinutes === null
          ? t('common.none')
          : t('logistics.services.km', { value: formatNumber(call.distanceKmToNext, language) }),
    },
  ];

  return (
    <Drawer
      open={service !== null}
      onClose={onClose}
      size={880}
      title={service ? t('logistics.services.callsTitle', { code: service.code }) : ''}
    >
      {service ? (
        <div data-testid="service-drawer">
          <Descriptions size="small" column={2} className="service-summary">
            <Descriptions.Item label={t('logistics.services.name')}>
              {localName(service.names, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('logistics.services.mode')}>
              <ModeTag mode={service.mode} />
            </Descriptions.Item>
            <Descriptions.Item label={t('logistics.services.weekdays')}>{text.weekdays(service)}</Descriptions.Item>
            <Descriptions.Item label={t('logistics.services.departure')}>
              {service.departureLocalTime} <span className="muted zone">{service.timezone}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('logistics.services.capacity')}>{text.capacity(service)}</Descriptions.Item>
            <Descriptions.Item label={t('logistics.services.reefer')}>
              {service.reefer ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
          </Descriptions>
          {detail.isError ? <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
          {detail.isPending ? (
            <Skeleton active />
          ) : (
            <div data-testid="service-calls">
              <Table<ServiceCall>
                rowKey="seq"
                size="small"
                columns={columns}
                dataSource={detail.data?.calls ?? []}
                pagination={false}
              />
            </div>
          )}
          <div className="muted drawer-note">
            <ClockCircleOutlined /> {t('logistics.services.timesNote', { zone: service.timezone })}
          </div>
        </div>
      ) : null}
    </Drawer>
  );
}

/** The published services with their weekly timetables; a drawer lists each one's calls. */
export function ServicesPanel() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const services = useTransportServices();
  const text = useServiceText();
  const [open, setOpen] = useState<TransportService | null>(null);
  const me = useSession();
  const [publishing, setPublishing] = useState(false);
  const manages = (services.data ?? []).some((service) => mayManage(me, service));

  const rows = [...(services.data ?? [])].sort(
    (a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode) || a.code.localeCompare(b.code),
  );

  const columns: ColumnsType<TransportService> = [
    {
      title: t('logistics.services.mode'),
      key: 'mode',
      width: 96,
      render: (_, row) => <ModeTag mode={row.mode} />,
      filters: MODE_ORDER.map((mode) => ({
        value: mode,
        text: t(`logistics.modes.${mode as TransportService['mode']}`),
      })),
      onFilter: (value, row) => row.mode === value,
    },
    {
      title: t('logistics.services.code'),
      key: 'code',
      width: 140,
      render: (_, row) => (
        <div className="service-code-cell">
          <span className="mono strong-cell">{row.code}</span>
          <ServiceStatusTag service={row} />
        </div>
      ),
    },
    { title: t('logistics.services.name'), key: 'name', render: (_, row) => localName(row.names, language) },
    {
      title: `${t('logistics.services.weekdays')} · ${t('logistics.services.departure')}`,
      key: 'timetable',
      width: manages ? 180 : 190,
      render: (_, row) => (
        <div className="timetable-cell">
          <div>{text.weekdays(row)}</div>
          <div>
            {row.departureLocalTime}
            <span className="muted zone">{row.timezone}</span>
          </div>
        </div>
      ),
    },
    {
      title: t('logistics.services.capacity'),
      key: 'capacity',
      align: 'right',
      width: 110,
      render: (_, row) => text.capacity(row),
    },
    {
      title: t('logistics.services.reefer'),
      key: 'reefer',
      width: 80,
      render: (_, row) =>
        row.reefer ? <Tag color="blue">{t('common.yes')}</Tag> : <span className="muted">{t('common.no')}</span>,
    },
    {
      title: t('logistics.services.dgClasses'),
      key: 'dg',
      width: manages ? 150 : 170,
      render: (_, row) =>
        row.dangerousGoodsClasses.length === 0 ? (
          <span className="muted">{t('logistics.services.noDg')}</span>
        ) : (
          <span className="mono dg-classes">{row.dangerousGoodsClasses.join(' · ')}</span>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: manages ? 200 : 110,
      render: (_, row) => (
        <Space size={6}>
          <Button
            size="small"
            icon={<UnorderedListOutlined />}
            onClick={() => setOpen(row)}
            data-testid={`service-calls-${row.code}`}
          >
            {t('logistics.services.calls')}
          </Button>
          {mayManage(me, row) ? <ServiceActions service={row} /> : null}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('logistics.services.title')}
      extra={
        <Space size={16}>
          <span className="muted card-extra-text">{t('logistics.services.subtitle')}</span>
          {mayPublish(me) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setPublishing(true)}
              data-testid="publish-service-open"
            >
              {t('logistics.publish.open')}
            </Button>
          ) : null}
        </Space>
      }
      variant="borderless"
      className="section-card"
    >
      {services.isError ? <ProblemAlert error={services.error} onRetry={() => void services.refetch()} /> : null}
      <div data-testid="services-table">
        <Table<TransportService>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={services.isPending}
          pagination={false}
          scroll={{ x: manages ? 1110 : 1080 }}
        />
      </div>
      <CallsDrawer service={open} onClose={() => setOpen(null)} />
      {mayPublish(me) ? <PublishServiceDrawer open={publishing} onClose={() => setPublishing(false)} /> : null}
    </Card>
  );
}
