import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country, Location } from '../../api/types';
import { type ChartOption, EChart } from '../../components/EChart';
import { buildWorldGeo, escapeHtml } from '../../components/worldMap';
import { type Language, localName } from '../../i18n';
import { compactYuan } from './format';

/** The zone's own terminal (Jiaozhou), where every flow starts or ends. */
const ZONE_LOCODE = 'CNJZH';

interface Flow {
  country: string;
  importFen: number;
  exportFen: number;
}

interface TradeMapProps {
  flows: readonly Flow[];
  countries: readonly Country[];
  locations: readonly Location[];
  language: Language;
  onCountry: (country: string) => void;
}

/**
 * The SCO map with the period's trade flows: a line from Jiaozhou to each trade country, its width by
 * value; a country is placed at the mean of its known locations (the reference data has no centroids).
 */
export function TradeMap({ flows, countries, locations, language, onCountry }: TradeMapProps) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const { geo, regionLabel } = buildWorldGeo(countries, language, t);
    const zone = locations.find((l) => l.locode === ZONE_LOCODE);
    const points = new Map<string, [number, number]>();
    for (const country of new Set(flows.map((f) => f.country))) {
      const own = locations.filter((l) => l.countryCode === country);
      if (own.length === 0) continue;
      points.set(country, [
        own.reduce((s, l) => s + l.lon, 0) / own.length,
        own.reduce((s, l) => s + l.lat, 0) / own.length,
      ]);
    }
    const byAlpha2 = new Map(countries.map((c) => [c.alpha2, c]));
    const name = (code: string) => {
      const country = byAlpha2.get(code);
      return country ? localName(country.names, language) : code;
    };
    const max = Math.max(1, ...flows.map((f) => f.importFen + f.exportFen));
    const placed = flows.filter((f) => points.has(f.country) && zone);
    const label = (f: Flow) =>
      `<b>${escapeHtml(name(f.country))}</b><br/>${escapeHtml(t('zoneCockpit.exports'))}: ${compactYuan(f.exportFen, language)}<br/>${escapeHtml(t('zoneCockpit.imports'))}: ${compactYuan(f.importFen, language)}`;
    return {
      backgroundColor: '#f6f9fc',
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const p = params as { componentType?: string; name?: string; data?: { flow?: Flow } };
          if (p.data?.flow) return label(p.data.flow);
          return regionLabel(p.name ?? '');
        },
      },
      geo,
      series: [
        {
          type: 'lines',
          coordinateSystem: 'geo',
          geoIndex: 0,
          zlevel: 1,
          lineStyle: { color: '#d1402a', opacity: 0.75, curveness: 0.2 },
          // SCO members, observers and partners in red; other trade partners in grey, so the map stays
          // the SCO map without hiding where the rest of the trade goes.
          data: placed.map((f) => ({
            coords: [[zone!.lon, zone!.lat], points.get(f.country)!],
            flow: f,
            lineStyle: {
              width: 1 + 7 * ((f.importFen + f.exportFen) / max),
              ...(byAlpha2.get(f.country)?.scoStatus ? {} : { color: '#8a96a8', opacity: 0.6 }),
            },
          })),
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          geoIndex: 0,
          zlevel: 2,
          itemStyle: { color: '#1d4e89', borderColor: '#ffffff', borderWidth: 1 },
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p: { data: { code: string } }) => name(p.data.code),
          },
          data: placed.map((f) => ({
            name: name(f.country),
            code: f.country,
            value: points.get(f.country)!,
            flow: f,
            symbolSize: 6 + 12 * ((f.importFen + f.exportFen) / max),
          })),
        },
      ],
    };
  }, [flows, countries, locations, language, t]);

  return (
    <EChart
      option={option}
      height={420}
      testId="cockpit-map"
      ariaLabel={t('zoneCockpit.mapTitle')}
      onItemClick={(params) => {
        const data = params.data as { flow?: Flow } | undefined;
        if (data?.flow) onCountry(data.flow.country);
      }}
    />
  );
}
