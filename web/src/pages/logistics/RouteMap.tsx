import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country, Itinerary, Location } from '../../api/types';
import { type ChartOption, EChart } from '../../components/EChart';
import { buildWorldGeo, EURASIA_VIEW, escapeHtml, type WorldGeoView } from '../../components/worldMap';
import { useLanguage } from '../../i18n/useLanguage';
import { locationName } from '../../lib/locations';
import { formatInstant, MODE_COLORS } from './model';

/**
 * Centre and zoom that frame the given points on the shared world map, with room for the labels.
 * Measured on the planner's map card: at zoom 1 it shows about 420° of longitude and 185° of latitude.
 */
function frame(points: readonly [number, number][]): WorldGeoView {
  if (points.length === 0) return EURASIA_VIEW;
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const zoom = Math.min(420 / (east - west + 20), 185 / (north - south + 10));
  return { center: [(west + east) / 2, (south + north) / 2], zoom: Math.max(1.2, Math.min(zoom, 10)) };
}

/** A label for the map: the place without its qualifier ("胶州（…）" → "胶州", "Jiaozhou – SCO …" → "Jiaozhou"). */
export function shortName(name: string): string {
  return name.split(/\s*[（(]|\s+[–—-]\s+/)[0] || name;
}

/** Where the cargo was last reported, drawn as a pin on top of the route. */
export interface MapPosition {
  lon: number;
  lat: number;
  /** Tooltip text (place and time), plain text. */
  label: string;
}

interface RouteMapProps {
  itinerary: Itinerary | null;
  locations: ReadonlyMap<string, Location>;
  countries: readonly Country[];
  height?: number;
  position?: MapPosition | null;
}

/** The selected itinerary on the offline world map: one line per leg between its ends, coloured by mode. */
export function RouteMap({ itinerary, locations, countries, height = 420, position = null }: RouteMapProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();

  const option = useMemo<ChartOption>(() => {
    const legs = itinerary?.legs ?? [];
    const coord = (locode: string): [number, number] | null => {
      const location = locations.get(locode);
      return location ? [location.lon, location.lat] : null;
    };
    const stops = [...new Set(legs.flatMap((leg) => [leg.from, leg.to]))];
    const points = stops.flatMap((locode) => {
      const position = coord(locode);
      return position ? [{ locode, position }] : [];
    });
    const view = frame(points.map((p) => p.position));
    const { geo, regionLabel } = buildWorldGeo(countries, language, t, view);
    const first = legs[0]?.from;
    const last = legs[legs.length - 1]?.to;
    const centreLon = view.center?.[0] ?? 0;
    // Border pairs such as Alashankou and Dostyk lie a few kilometres apart: label the ends of the
    // route first, then any stop not right next to one already labelled.
    const labelled: [number, number][] = [];
    const ordered = [...points].sort(
      (a, b) => Number(b.locode === first || b.locode === last) - Number(a.locode === first || a.locode === last),
    );
    const showLabel = new Set<string>();
    for (const { locode, position } of ordered) {
      if (labelled.some(([lon, lat]) => Math.hypot(lon - position[0], lat - position[1]) < 2.5)) continue;
      labelled.push(position);
      showLabel.add(locode);
    }

    const lineData = legs.flatMap((leg, index) => {
      const from = coord(leg.from);
      const to = coord(leg.to);
      if (!from || !to) return [];
      const title = leg.service ? `${leg.service.code} · ${leg.service.name}` : t(`logistics.modes.${leg.mode}`);
      return [
        {
          coords: [from, to],
          lineStyle: {
            color: MODE_COLORS[leg.mode],
            width: leg.kind === 'transfer' ? 2 : 3.5,
            type: leg.kind === 'transfer' ? 'dashed' : 'solid',
          },
          tooltip: [
            `<b>${index + 1}. ${escapeHtml(title)}</b>`,
            `${escapeHtml(locationName(locations, leg.from, language))} → ${escapeHtml(locationName(locations, leg.to, language))}`,
            `${escapeHtml(formatInstant(leg.departure, language))} → ${escapeHtml(formatInstant(leg.arrival, language))}`,
          ].join('<br/>'),
        },
      ];
    });

    return {
      backgroundColor: '#f6f9fc',
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const p = params as {
            componentType?: string;
            seriesType?: string;
            name?: string;
            data?: { tooltip?: string };
          };
          if (p.componentType === 'series') return p.data?.tooltip ?? escapeHtml(p.name ?? '');
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
          symbol: ['none', 'arrow'],
          symbolSize: 9,
          // The series default is half-transparent, which washes the mode colours out on the shaded map.
          lineStyle: { opacity: 0.9 },
          data: lineData,
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          geoIndex: 0,
          zlevel: 2,
          data: points.map(({ locode, position }) => {
            const end = locode === first || locode === last;
            const name = locationName(locations, locode, language);
            return {
              name,
              value: position,
              symbolSize: end ? 12 : 7,
              itemStyle: { color: end ? '#1d4e89' : '#ffffff', borderColor: '#1d4e89', borderWidth: 2 },
              label: {
                show: showLabel.has(locode),
                position: position[0] > centreLon ? 'left' : 'right',
                formatter: shortName(name),
                fontSize: end ? 12 : 11,
                fontWeight: end ? 600 : 400,
                color: '#1f2d3d',
                backgroundColor: 'rgba(255,255,255,0.8)',
                padding: [2, 4],
                borderRadius: 3,
              },
              tooltip: `<b>${escapeHtml(name)}</b> <span style="font-family:monospace">${escapeHtml(locode)}</span>`,
            };
          }),
        },
        ...(position
          ? [
              {
                type: 'scatter',
                coordinateSystem: 'geo',
                geoIndex: 0,
                zlevel: 3,
                symbol: 'pin',
                symbolSize: 34,
                // The pin's tip, not its centre, marks the place.
                symbolOffset: [0, '-50%'],
                itemStyle: { color: '#e8590c', borderColor: '#ffffff', borderWidth: 1.5 },
                data: [{ value: [position.lon, position.lat], tooltip: escapeHtml(position.label) }],
              },
            ]
          : []),
      ],
    };
  }, [itinerary, locations, countries, language, t, position]);

  return <EChart option={option} height={height} testId="world-map" ariaLabel={t('reference.locations.mapTitle')} />;
}
