import {
  ClockCircleOutlined,
  DashboardOutlined,
  DownloadOutlined,
  EnvironmentOutlined,
  FilePdfOutlined,
  GlobalOutlined,
  IdcardOutlined,
  NodeIndexOutlined,
  TransactionOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Segmented, Skeleton, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CockpitIndicators,
  type DrillFilter,
  downloadCockpit,
  PERIOD_PRESETS,
  type PeriodPreset,
  useCockpitIndicators,
} from '../api/cockpit';
import { useCountries, useEnterprises, useLocations } from '../api/hooks';
import { useSession } from '../auth/session';
import { type ChartOption, EChart } from '../components/EChart';
import { Kpi } from '../components/Kpi';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { type Language, localName } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';
import { DrillTable } from './cockpit/DrillTable';
import { compactYuan, dynamic, integer } from './cockpit/format';
import { MeasuresTracker } from './cockpit/MeasuresTracker';
import { NetworkSection } from './cockpit/NetworkSection';
import { PlanTable } from './cockpit/PlanTable';
import { TradeMap } from './cockpit/TradeMap';

const GRID = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
const SPLIT = { lineStyle: { color: '#eef1f5' } };
const LEGEND = { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12 } };

/** A clickable line of the trade-by-country list (a button, so it is reachable by keyboard). */
const COUNTRY_ROW = {
  display: 'grid',
  gridTemplateColumns: '1fr auto 96px',
  gap: 12,
  width: '100%',
  padding: '5px 8px',
  border: 'none',
  borderBottom: '1px solid #eef1f5',
  background: 'transparent',
  cursor: 'pointer',
  textAlign: 'left' as const,
  fontSize: 13,
};

type T = (key: string, options?: Record<string, unknown>) => string;

function charts(
  c: CockpitIndicators,
  t: T,
  language: Language,
  countryName: (code: string) => string,
  placeName: (locode: string) => string,
) {
  const money = (v: number) => compactYuan(v, language);
  const topCountries = c.trade.byCountry.slice(0, 10);
  const byCountry: ChartOption = {
    grid: GRID,
    legend: LEGEND,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => money(Number(v)) },
    xAxis: {
      type: 'category',
      data: topCountries.map((r) => countryName(r.country)),
      axisLabel: { interval: 0, rotate: language === 'zh-CN' ? 0 : 30, fontSize: 11 },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) }, splitLine: SPLIT },
    series: [
      {
        type: 'bar',
        stack: 'trade',
        name: t('zoneCockpit.exports'),
        color: '#1d4e89',
        barMaxWidth: 28,
        data: topCountries.map((r) => r.exportFen),
      },
      {
        type: 'bar',
        stack: 'trade',
        name: t('zoneCockpit.imports'),
        color: '#e69500',
        barMaxWidth: 28,
        data: topCountries.map((r) => r.importFen),
      },
    ],
  };
  const byMonth: ChartOption = {
    grid: GRID,
    legend: LEGEND,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => money(Number(v)) },
    xAxis: { type: 'category', data: c.trade.byMonth.map((m) => m.month) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) }, splitLine: SPLIT },
    series: [
      {
        type: 'bar',
        stack: 'm',
        name: t('zoneCockpit.exports'),
        color: '#1d4e89',
        data: c.trade.byMonth.map((m) => m.exportFen),
      },
      {
        type: 'bar',
        stack: 'm',
        name: t('zoneCockpit.imports'),
        color: '#e69500',
        data: c.trade.byMonth.map((m) => m.importFen),
      },
    ],
  };
  const channels: ChartOption = {
    grid: { ...GRID, right: 16 },
    legend: LEGEND,
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: c.clearance.byChannel.map((r) => dynamic(t)(`zoneCockpit.channels.${r.channel}`)),
      axisLabel: { interval: 0, fontSize: 11, width: 110, overflow: 'break' },
    },
    yAxis: [
      { type: 'value', minInterval: 1, splitLine: SPLIT },
      { type: 'value', splitLine: { show: false }, axisLabel: { formatter: `{value} ${t('zoneCockpit.minutes')}` } },
    ],
    series: [
      {
        type: 'bar',
        name: t('zoneCockpit.declarations'),
        color: '#0f766e',
        barMaxWidth: 36,
        label: { show: true, position: 'top', fontSize: 11 },
        data: c.clearance.byChannel.map((r) => r.declarations),
      },
      {
        type: 'bar',
        name: t('zoneCockpit.medianClearance'),
        color: '#b45309',
        barMaxWidth: 36,
        yAxisIndex: 1,
        label: { show: true, position: 'top', fontSize: 11, formatter: `{c} ${t('zoneCockpit.minutes')}` },
        data: c.clearance.byChannel.map((r) => r.medianMinutes),
      },
    ],
  };
  const trains: ChartOption = {
    grid: GRID,
    legend: LEGEND,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: [...new Set(c.trains.map((r) => r.corridor))].map(placeName),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: SPLIT },
    series: (['outbound', 'inbound'] as const).map((direction, i) => ({
      type: 'bar',
      stack: 'trains',
      name: dynamic(t)(`zoneCockpit.trainDirections.${direction}`),
      color: ['#d1402a', '#1f6fb4'][i],
      barMaxWidth: 28,
      data: [...new Set(c.trains.map((r) => r.corridor))].map(
        (corridor) => c.trains.find((r) => r.corridor === corridor && r.direction === direction)?.trains ?? null,
      ),
    })),
  };
  const pie = (data: { name: string; value: number }[]): ChartOption | null =>
    data.length === 0
      ? null
      : {
          tooltip: { trigger: 'item' },
          legend: { bottom: 0, itemWidth: 10, itemHeight: 8, textStyle: { fontSize: 11 } },
          series: [{ type: 'pie', radius: ['38%', '64%'], center: ['50%', '44%'], label: { formatter: '{c}' }, data }],
        };
  return {
    byCountry,
    byMonth,
    channels,
    trains: c.trains.length === 0 ? null : trains,
    containers: pie(
      c.containers.byMode.map((m) => ({ name: dynamic(t)(`zoneCockpit.modes.${m.mode}`), value: m.teu })),
    ),
    bonded: pie(c.bonded.map((b) => ({ name: dynamic(t)(`zoneCockpit.bondedKinds.${b.kind}`), value: b.lists }))),
    ecommerce: pie(c.ecommerce.byMode.map((m) => ({ name: m.mode, value: m.lists }))),
    grades: pie(
      c.enterprises.byGrade.map((g) => ({
        name: t('zoneCockpit.gradeName', { grade: g.grade }),
        value: g.enterprises,
      })),
    ),
  };
}

export function CockpitPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const session = useSession();
  const canEdit = session.user.role === 'zone_admin';
  const [preset, setPreset] = useState<PeriodPreset>('last_12_months');
  const [drill, setDrill] = useState<{ filter: DrillFilter; title: string } | null>(null);
  const [downloading, setDownloading] = useState<'xlsx' | 'pdf' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const indicators = useCockpitIndicators(preset);
  const enterprises = useEnterprises();
  const locations = useLocations();
  const countries = useCountries('all');

  const countryIndex = useMemo(() => new Map((countries.data ?? []).map((c) => [c.alpha2, c])), [countries.data]);
  const countryName = useCallback(
    (code: string) => {
      const country = countryIndex.get(code);
      return country ? localName(country.names, language) : code;
    },
    [countryIndex, language],
  );
  const c = indicators.data;
  const placeName = useCallback(
    (locode: string) => {
      const place = locations.data?.find((l) => l.locode === locode);
      return place ? localName(place.names, language) : locode;
    },
    [locations.data, language],
  );
  const options = useMemo(
    () => (c ? charts(c, t as T, language, countryName, placeName) : null),
    [c, t, language, countryName, placeName],
  );
  const scoFen = c
    ? c.trade.byCountry
        .filter((r) => countryIndex.get(r.country)?.scoStatus)
        .reduce((s, r) => s + r.importFen + r.exportFen, 0)
    : undefined;

  const openCountry = (country: string) =>
    setDrill({ filter: { country }, title: t('zoneCockpit.drill.titleCountry', { country: countryName(country) }) });

  const download = async (kind: 'xlsx' | 'pdf') => {
    setDownloading(kind);
    setDownloadError(null);
    try {
      await downloadCockpit(kind, preset, language);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(null);
    }
  };

  /** Empty figures say so instead of drawing an empty chart (e.g. no e-commerce lists in the period). */
  const chartCard = (title: string, option: ChartOption | null | undefined, testId: string, height = 280) => (
    <Card title={title} variant="borderless" className="section-card">
      {option === undefined ? (
        <Skeleton active />
      ) : option === null ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('zoneCockpit.noFigures')}
          style={{ height, paddingTop: height / 4 }}
        />
      ) : (
        <EChart option={option} height={height} testId={testId} />
      )}
    </Card>
  );

  return (
    <div className="page" data-testid="cockpit">
      <PageHeader
        title={t('cockpit.title')}
        subtitle={t('zoneCockpit.subtitle')}
        icon={<DashboardOutlined />}
        extra={
          <Space wrap>
            <Segmented<PeriodPreset>
              data-testid="cockpit-period"
              value={preset}
              onChange={(value) => {
                setPreset(value);
                setDrill(null);
              }}
              options={PERIOD_PRESETS.map((p) => ({ value: p, label: dynamic(t)(`zoneCockpit.periods.${p}`) }))}
            />
            <Button
              icon={<DownloadOutlined />}
              loading={downloading === 'xlsx'}
              onClick={() => void download('xlsx')}
              data-testid="cockpit-xlsx"
            >
              XLSX
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={downloading === 'pdf'}
              onClick={() => void download('pdf')}
              data-testid="cockpit-pdf"
            >
              PDF
            </Button>
          </Space>
        }
      />
      {indicators.error ? <ProblemAlert error={indicators.error} /> : null}
      {downloadError ? <ProblemAlert error={downloadError} /> : null}
      {c ? (
        <div className="muted row-gap" data-testid="cockpit-period-label">
          {t('zoneCockpit.periodLabel', { from: c.period.from, to: c.period.to })}
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={4}>
          <Kpi
            title={t('zoneCockpit.tradeTotal')}
            value={c ? compactYuan(c.trade.totalFen, language) : undefined}
            icon={<TransactionOutlined />}
            color="#1d4e89"
            testId="kpi-trade"
          />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Kpi
            title={t('zoneCockpit.tradeSco')}
            value={scoFen === undefined ? undefined : compactYuan(scoFen, language)}
            icon={<GlobalOutlined />}
            color="#0f766e"
            testId="kpi-trade-sco"
          />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Kpi
            title={t('zoneCockpit.medianClearance')}
            value={
              c
                ? c.clearance.medianMinutes === null
                  ? '—'
                  : `${c.clearance.medianMinutes} ${t('zoneCockpit.min')}`
                : undefined
            }
            icon={<ClockCircleOutlined />}
            color="#b45309"
            testId="kpi-clearance"
          />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Kpi
            title={t('zoneCockpit.trainsRun')}
            value={
              c
                ? integer(
                    c.trains.reduce((s, r) => s + r.trains, 0),
                    language,
                  )
                : undefined
            }
            icon={<NodeIndexOutlined />}
            color="#d1402a"
            testId="kpi-trains"
          />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Kpi
            title={t('cockpit.enterprises')}
            value={enterprises.data?.length}
            icon={<IdcardOutlined />}
            color="#9a3412"
            testId="kpi-enterprises"
          />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Kpi
            title={t('cockpit.locations')}
            value={locations.data?.length}
            icon={<EnvironmentOutlined />}
            color="#6b21a8"
            testId="kpi-locations"
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="row-gap">
        <Col xs={24} xl={14}>
          <Card
            title={t('zoneCockpit.mapTitle')}
            variant="borderless"
            className="section-card"
            extra={<span className="muted">{t('zoneCockpit.clickToDrill')}</span>}
          >
            {c && countries.data && locations.data ? (
              <TradeMap
                flows={c.trade.byCountry}
                countries={countries.data}
                locations={locations.data}
                language={language}
                onCountry={openCountry}
              />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('zoneCockpit.tradeByCountry')} variant="borderless" className="section-card">
            {c ? (
              <div data-testid="cockpit-countries">
                {c.trade.byCountry.slice(0, 10).map((row) => (
                  <button
                    type="button"
                    key={row.country}
                    style={COUNTRY_ROW}
                    data-testid={`drill-country-${row.country}`}
                    onClick={() => openCountry(row.country)}
                  >
                    <span>{countryName(row.country)}</span>
                    <span className="muted">{integer(row.declarations, language)}</span>
                    <b>{compactYuan(row.importFen + row.exportFen, language)}</b>
                  </button>
                ))}
                {c.trade.byCountry.length === 0 ? <span className="muted">{t('zoneCockpit.noData')}</span> : null}
              </div>
            ) : (
              <Skeleton active />
            )}
            {options ? <EChart option={options.byCountry} height={220} testId="chart-trade-country" /> : null}
          </Card>
        </Col>
      </Row>
      {drill ? (
        <div className="row-gap">
          <DrillTable preset={preset} filter={drill.filter} title={drill.title} onClose={() => setDrill(null)} />
        </div>
      ) : null}
      <Row gutter={[16, 16]} className="row-gap">
        <Col xs={24} xl={14}>
          {chartCard(t('zoneCockpit.tradeByMonth'), options ? options.byMonth : undefined, 'chart-trade-month')}
        </Col>
        <Col xs={24} xl={10}>
          {chartCard(t('zoneCockpit.channelsTitle'), options ? options.channels : undefined, 'chart-channels')}
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="row-gap">
        <Col xs={24} xl={12}>
          {chartCard(t('zoneCockpit.trainsTitle'), options ? options.trains : undefined, 'chart-trains')}
        </Col>
        <Col xs={24} xl={12}>
          {chartCard(t('zoneCockpit.containersTitle'), options ? options.containers : undefined, 'chart-containers')}
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="row-gap">
        <Col xs={24} xl={8}>
          {chartCard(t('zoneCockpit.bondedTitle'), options ? options.bonded : undefined, 'chart-bonded', 240)}
        </Col>
        <Col xs={24} xl={8}>
          {chartCard(t('zoneCockpit.ecommerceTitle'), options ? options.ecommerce : undefined, 'chart-ecommerce', 240)}
        </Col>
        <Col xs={24} xl={8}>
          {chartCard(t('zoneCockpit.gradesTitle'), options ? options.grades : undefined, 'chart-grades', 240)}
        </Col>
      </Row>
      <div className="row-gap">
        <PlanTable canEdit={canEdit} />
      </div>
      <div className="row-gap">
        <MeasuresTracker canEdit={canEdit} />
      </div>
      <NetworkSection locations={locations.data} countries={countries.data} />
    </div>
  );
}
