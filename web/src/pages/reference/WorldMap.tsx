import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Country, LOCATION_KINDS, type Location, type LocationKind } from '../../api/types';
import { type ChartOption, EChart } from '../../components/EChart';
import { buildWorldGeo, escapeHtml } from '../../components/worldMap';
import { type Language, localName } from '../../i18n';

export const KIND_COLORS: Record<LocationKind, string> = {
  sea_port: '#1f6fb4',
  rail_terminal: '#d1402a',
  border_crossing: '#8e44ad',
  airport: '#0ea5b7',
  inland_depot: '#2e8b57',
  bonded_zone: '#e69500',
  road_terminal: '#8c564b',
};

interface WorldMapProps {
  locations: readonly Location[];
  countries: readonly Country[];
  language: Language;
  height?: number;
}

interface PointDatum {
  name: string;
  value: [number, number];
  locode: string;
}

export function WorldMap({ locations, countries, language, height = 520 }: WorldMapProps) {
  const { t } = useTranslation();

  const option = useMemo<ChartOption>(() => {
    const { geo, regionLabel } = buildWorldGeo(countries, language, t);
    const byAlpha2 = new Map(countries.map((country) => [country.alpha2, country]));
    const byLocode = new Map(locations.map((location) => [location.locode, location]));

    const pointLabel = (datum: PointDatum): string => {
      const location = byLocode.get(datum.locode);
      if (!location) return escapeHtml(datum.name);
      const country = byAlpha2.get(location.countryCode);
      const kinds = location.kinds.map((kind) => t(`locationKinds.${kind}`)).join(' · ');
      return [
        `<b>${escapeHtml(localName(location.names, language))}</b>`,
        `${escapeHtml(t('reference.locations.locode'))}: <span style="font-family:monospace">${escapeHtml(location.locode)}</span>`,
        escapeHtml(kinds),
        country ? escapeHtml(localName(country.names, language)) : escapeHtml(location.countryCode),
      ].join('<br/>');
    };

    const presentKinds = LOCATION_KINDS.filter((kind) => locations.some((location) => location.kinds.includes(kind)));

    return {
      backgroundColor: '#f6f9fc',
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const p = params as { componentType?: string; name?: string; data?: PointDatum };
          if (p.componentType === 'series' && p.data) return pointLabel(p.data);
          return regionLabel(p.name ?? '');
        },
      },
      legend: {
        type: 'scroll',
        bottom: 8,
        left: 'center',
        icon: 'circle',
        itemWidth: 10,
        itemHeight: 10,
        backgroundColor: 'rgba(255,255,255,0.85)',
        borderRadius: 4,
        padding: [6, 10],
        textStyle: { fontSize: 12 },
      },
      geo,
      series: presentKinds.map((kind) => ({
        type: 'scatter',
        name: t(`locationKinds.${kind}`),
        coordinateSystem: 'geo',
        geoIndex: 0,
        symbolSize: 7,
        itemStyle: { color: KIND_COLORS[kind], borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { scale: 1.8 },
        data: locations
          .filter((location) => location.kinds.includes(kind))
          .map<PointDatum>((location) => ({
            name: localName(location.names, language),
            value: [location.lon, location.lat],
            locode: location.locode,
          })),
      })),
    };
  }, [countries, locations, language, t]);

  return <EChart option={option} height={height} testId="world-map" ariaLabel={t('reference.locations.mapTitle')} />;
}
