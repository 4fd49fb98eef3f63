import {
  AimOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  GlobalOutlined,
  IdcardOutlined,
  LineChartOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries, useEnterprises, useEvents, useLocations } from '../api/hooks';
import { LOCATION_KINDS, type PlatformEvent } from '../api/types';
import { type ChartOption, EChart } from '../components/EChart';
import { Kpi } from '../components/Kpi';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { eventTypeLabel, localName } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';
import { formatDateTime } from '../lib/format';
import { KIND_COLORS } from './reference/WorldMap';

const EVENTS_SHOWN = 20;

export function CockpitPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const enterprises = useEnterprises();
  const locations = useLocations();
  const countries = useCountries('all');
  const events = useEvents(EVENTS_SHOWN);

  const countryIndex = useMemo(() => new Map((countries.data ?? []).map((c) => [c.alpha2, c])), [countries.data]);
  const members = countries.data?.filter((c) => c.scoStatus === 'member').length;
  const partners = countries.data?.filter(
    (c) => c.scoStatus === 'observer' || c.scoStatus === 'dialogue_partner',
  ).length;

  const byKindOption = useMemo<ChartOption | null>(() => {
    if (!locations.data) return null;
    const counts = LOCATION_KINDS.map((kind) => ({
      kind,
      count: locations.data.filter((location) => location.kinds.includes(kind)).length,
    })).sort((a, b) => a.count - b.count);
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef1f5' } } },
      yAxis: { type: 'category', data: counts.map((c) => t(`locationKinds.${c.kind}`)), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: t('cockpit.locations'),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
          data: counts.map((c) => ({
            value: c.count,
            itemStyle: { color: KIND_COLORS[c.kind], borderRadius: [0, 3, 3, 0] },
          })),
        },
      ],
    };
  }, [locations.data, t]);

  const byCountryOption = useMemo<ChartOption | null>(() => {
    if (!locations.data) return null;
    const counts = new Map<string, number>();
    for (const location of locations.data)
      counts.set(location.countryCode, (counts.get(location.countryCode) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
    const isMember = (code: string) => countryIndex.get(code)?.scoStatus === 'member';
    const label = (code: string) => {
      const country = countryIndex.get(code);
      return country ? localName(country.names, language) : code;
    };
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'category',
        data: top.map(([code]) => label(code)),
        axisLabel: { interval: 0, rotate: language === 'zh-CN' ? 0 : 35, fontSize: 11 },
        axisTick: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef1f5' } } },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12 } },
      // Two stacked series, one of which is empty for each country, so the legend explains the colours.
      series: [
        { name: t('scoStatus.member'), color: '#1d4e89', filter: (code: string) => isMember(code) },
        { name: t('cockpit.otherCountries'), color: '#8fb0d6', filter: (code: string) => !isMember(code) },
      ].map((group) => ({
        type: 'bar',
        name: group.name,
        stack: 'locations',
        barMaxWidth: 26,
        itemStyle: { color: group.color, borderRadius: [3, 3, 0, 0] },
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p: { value: unknown }) => (p.value ? String(p.value) : ''),
        },
        data: top.map(([code, count]) => (group.filter(code) ? count : null)),
      })),
    };
  }, [locations.data, countryIndex, language, t]);

  const enterpriseNames = new Map((enterprises.data ?? []).map((e) => [e.id, localName(e.names, language)]));
  const eventColumns: ColumnsType<PlatformEvent> = [
    { title: t('admin.audit.at'), key: 'at', width: 170, render: (_, row) => formatDateTime(row.occurredAt) },
    {
      title: t('admin.webhooks.eventType'),
      key: 'type',
      render: (_, row) => <Tag color="blue">{eventTypeLabel(t, row.type)}</Tag>,
    },
    {
      title: t('user.enterprise'),
      key: 'enterprise',
      render: (_, row) =>
        row.enterpriseId ? (enterpriseNames.get(row.enterpriseId) ?? t('common.none')) : t('common.none'),
    },
  ];

  const error = enterprises.error ?? locations.error ?? countries.error ?? events.error;
  const planned = [
    { key: 'targets', icon: <AimOutlined /> },
    { key: 'measures', icon: <ProfileOutlined /> },
    { key: 'trade', icon: <LineChartOutlined /> },
  ] as const;

  return (
    <div className="page" data-testid="cockpit">
      <PageHeader title={t('cockpit.title')} subtitle={t('cockpit.subtitle')} icon={<DashboardOutlined />} />
      {error ? <ProblemAlert error={error} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Kpi
            title={t('cockpit.enterprises')}
            value={enterprises.data?.length}
            icon={<IdcardOutlined />}
            color="#9a3412"
            testId="kpi-enterprises"
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Kpi
            title={t('cockpit.locations')}
            value={locations.data?.length}
            icon={<EnvironmentOutlined />}
            color="#1d4e89"
            testId="kpi-locations"
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Kpi
            title={t('cockpit.scoMembers')}
            value={members}
            icon={<FlagOutlined />}
            color="#0f766e"
            testId="kpi-members"
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Kpi
            title={t('cockpit.scoPartners')}
            value={partners}
            icon={<GlobalOutlined />}
            color="#6b21a8"
            testId="kpi-partners"
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="row-gap">
        <Col xs={24} xl={10}>
          <Card title={t('cockpit.locationsByKind')} variant="borderless" className="section-card">
            {byKindOption ? <EChart option={byKindOption} height={300} testId="chart-by-kind" /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('cockpit.locationsByCountry')} variant="borderless" className="section-card">
            {byCountryOption ? (
              <EChart option={byCountryOption} height={300} testId="chart-by-country" />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('cockpit.recentEvents')}
            extra={<span className="muted">{t('cockpit.eventsShown', { count: EVENTS_SHOWN })}</span>}
            variant="borderless"
            className="section-card"
          >
            <Table<PlatformEvent>
              rowKey="id"
              size="small"
              columns={eventColumns}
              dataSource={events.data ?? []}
              loading={events.isPending}
              pagination={false}
              scroll={{ y: 320 }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('cockpit.plannedTitle')} variant="borderless" className="section-card">
            {planned.map((item) => (
              <div key={item.key} className="planned-item">
                <span className="feature-icon small">{item.icon}</span>
                <div>
                  <Typography.Text strong>{t(`cockpit.planned.${item.key}.title`)}</Typography.Text>{' '}
                  <Tag color="gold" className="tag-small">
                    {t('common.comingNext')}
                  </Tag>
                  <div className="feature-desc">{t(`cockpit.planned.${item.key}.desc`)}</div>
                </div>
              </div>
            ))}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
