import { AlertOutlined, CalendarOutlined, ContainerOutlined, DashboardOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransportServices } from '../../api/hooks';
import { useDepartures } from '../../api/operations';
import type { DepartureUtilisation } from '../../api/types';
import { useSession } from '../../auth/session';
import { KpiRow } from '../../components/Kpi';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { DeparturesTable, UtilisationChart } from './DeparturesTable';
import { EventFeed } from './EventFeed';
import { formatNumber } from './model';
import { mayPublish, operatedBy, utilisationPercent } from './operationsModel';
import { PublishServiceDrawer } from './PublishServiceDrawer';
import './operations.css';

const KPI_WINDOW_MS = 7 * 86_400_000;

/** Departures listed from the start of the current hour, so the query key stays put for an hour. */
function startOfHour(): string {
  const now = new Date();
  now.setMinutes(0, 0, 0);
  return now.toISOString();
}

function summary(departures: readonly DepartureUtilisation[]) {
  const horizon = Date.now() + KPI_WINDOW_MS;
  const week = departures.filter((row) => row.status === 'scheduled' && Date.parse(row.departsAt) < horizon);
  const average = week.length ? week.reduce((sum, row) => sum + row.utilisation, 0) / week.length : 0;
  return {
    count: week.length,
    average,
    full: week.filter((row) => row.utilisation >= 0.95).length,
    shipments: week.reduce((sum, row) => sum + row.shipments, 0),
  };
}

/**
 * The operator's side of the logistics centre: what is sold on each coming departure, the tracking
 * events arriving from terminals and borders, and publishing a new service. The authorities see
 * every operator's departures and events.
 */
export function OperationsView() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  const services = useTransportServices();
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [from] = useState(startOfHour);
  const [publishing, setPublishing] = useState(false);
  const departures = useDepartures(serviceId, from, serviceId ? 120 : 300);
  const allServices = me.user.authorityId !== null;

  const operated = useMemo(() => operatedBy(me, services.data ?? []), [me, services.data]);
  const byId = useMemo(() => new Map((services.data ?? []).map((service) => [service.id, service])), [services.data]);
  const rows = departures.data ?? [];
  const totals = useMemo(() => summary(rows), [rows]);
  const selected = serviceId ? byId.get(serviceId) : undefined;

  const serviceOptions = operated
    .map((service) => ({
      value: service.id,
      label: `${service.code} · ${localName(service.names, language)}`,
      code: service.code,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));

  return (
    <div data-testid="logistics-operations">
      <KpiRow
        className="operations-kpis"
        items={[
          {
            title: t('logistics.operations.kpiDepartures'),
            value: formatNumber(totals.count, language),
            icon: <CalendarOutlined />,
            color: '#1f6fb4',
            testId: 'kpi-departures',
          },
          {
            title: t('logistics.operations.kpiAverage'),
            value: `${utilisationPercent(totals.average)}%`,
            icon: <DashboardOutlined />,
            color: '#0e9aa7',
            testId: 'kpi-utilisation',
          },
          {
            title: t('logistics.operations.kpiFull'),
            value: formatNumber(totals.full, language),
            icon: <AlertOutlined />,
            color: '#c0392b',
            testId: 'kpi-full',
          },
          {
            title: t('logistics.operations.kpiShipments'),
            value: formatNumber(totals.shipments, language),
            icon: <ContainerOutlined />,
            color: '#b86e00',
            testId: 'kpi-shipments',
          },
        ]}
      />

      <Card
        title={t('logistics.operations.departuresTitle')}
        extra={
          <div className="operations-toolbar">
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={serviceId ?? undefined}
              onChange={(value) => setServiceId(value ?? null)}
              placeholder={t('logistics.operations.allServices')}
              options={serviceOptions}
              loading={services.isPending}
              className="operations-service-filter"
              popupMatchSelectWidth={false}
              data-testid="departures-service-filter"
            />
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
          </div>
        }
        variant="borderless"
        className="section-card"
      >
        <div className="muted card-hint">{t('logistics.operations.departuresHint')}</div>
        {departures.isError ? (
          <ProblemAlert error={departures.error} onRetry={() => void departures.refetch()} />
        ) : null}
        <UtilisationChart departures={rows} serviceCode={selected?.code ?? null} />
        <DeparturesTable departures={rows} services={byId} loading={departures.isPending} />
      </Card>

      <EventFeed allServices={allServices} />
      {mayPublish(me) ? <PublishServiceDrawer open={publishing} onClose={() => setPublishing(false)} /> : null}
    </div>
  );
}
