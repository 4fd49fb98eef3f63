import { Card, Col, Row, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Country, LOCATION_KINDS, type Location } from '../../api/types';
import { type ChartOption, EChart } from '../../components/EChart';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { KIND_COLORS } from '../reference/WorldMap';

/** The logistics network the platform knows (locations by type and by country): the cockpit's reference. */
export function NetworkSection({
  locations,
  countries,
}: {
  locations: readonly Location[] | undefined;
  countries: readonly Country[] | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const locationsData = locations;
  const countryIndex = useMemo(() => new Map((countries ?? []).map((c) => [c.alpha2, c])), [countries]);
  const byKindOption = useMemo<ChartOption | null>(() => {
    if (!locationsData) return null;
    const counts = LOCATION_KINDS.map((kind) => ({
      kind,
      count: locationsData.filter((location) => location.kinds.includes(kind)).length,
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
  }, [locationsData, t]);

  const byCountryOption = useMemo<ChartOption | null>(() => {
    if (!locationsData) return null;
    const counts = new Map<string, number>();
    for (const location of locationsData) counts.set(location.countryCode, (counts.get(location.countryCode) ?? 0) + 1);
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
  }, [locationsData, countryIndex, language, t]);

  return (
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
  );
}
