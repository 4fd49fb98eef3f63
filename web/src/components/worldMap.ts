import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { TFunction } from 'i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldAtlas from 'world-atlas/countries-110m.json';
import type { Country, ScoStatus } from '../api/types';
import { type Language, localName } from '../i18n';
import { echarts } from './EChart';

/**
 * The offline world map shared by the locations page and the route planner: the bundled Natural
 * Earth 1:110m countries registered with ECharts once, shaded by SCO status, as a `geo` component
 * that pages put their own series (points, route lines) on.
 */
export const WORLD_MAP_NAME = 'scohub-world';
/** Antarctica carries no trade routes and would only take screen space. */
const HIDDEN_FEATURES = new Set(['010']);
/**
 * Natural Earth draws Taiwan as its own feature (ISO numeric 158); the platform's reference data
 * names it a province of China, so the map shades it with China.
 */
const SHADED_AS: Record<string, string> = { '158': '156' };

export const SCO_AREA_COLORS: Record<ScoStatus, string> = {
  member: '#a8c5ea',
  observer: '#bfe3dc',
  dialogue_partner: '#e0d5f0',
};

/** Eurasia from the Iberian Peninsula to Japan, where the SCO and its trade routes are. */
export const EURASIA_VIEW = { center: [72, 40] as [number, number], zoom: 2.3 };

let registered = false;

type Ring = number[][];

/**
 * Natural Earth closes Chukotka and Fiji across the 180° meridian; drawn flat, such a ring jumps from
 * +180 to −180 and paints a band across the whole map. Rings that straddle the meridian are moved
 * east instead (−170° becomes 190°), which keeps Russia in one piece in the Eurasian view.
 */
function unwrapRing(ring: Ring): Ring {
  const straddles = ring.some(([lon = 0]) => lon > 150) && ring.some(([lon = 0]) => lon < -150);
  return straddles ? ring.map(([lon = 0, lat = 0]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrapGeometry(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

/**
 * Registers the bundled Natural Earth 1:110m countries once. Regions are named by their ISO 3166
 * numeric code (the topojson feature id) so they join with the API's `numeric`; the few features
 * without an id (disputed areas) get a private name and are simply never shaded.
 */
export function ensureWorldMapRegistered(): void {
  if (registered) return;
  const topology = worldAtlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features: Feature<Geometry, { name: string; label: string }>[] = [];
  collection.features.forEach((item, index) => {
    const id = item.id === undefined || item.id === null ? null : String(item.id);
    if (id && HIDDEN_FEATURES.has(id)) return;
    features.push({
      ...item,
      geometry: unwrapGeometry(item.geometry),
      properties: { name: id ?? `unassigned-${index}`, label: item.properties?.name ?? '' },
    });
  });
  const geoJson = { type: 'FeatureCollection', features } as unknown as Parameters<typeof echarts.registerMap>[1];
  echarts.registerMap(WORLD_MAP_NAME, geoJson);
  registered = true;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface WorldGeo {
  /** The ECharts `geo` component: the shaded map that series draw on with `coordinateSystem: 'geo'`. */
  geo: Record<string, unknown>;
  /** Tooltip HTML for a country region (localised name and SCO status), '' for unknown regions. */
  regionLabel: (regionName: string) => string;
}

export interface WorldGeoView {
  center?: [number, number];
  zoom?: number;
}

/** The shaded world map as a `geo` component, in the UI language; call from a memoised option builder. */
export function buildWorldGeo(
  countries: readonly Country[],
  language: Language,
  t: TFunction,
  view: WorldGeoView = EURASIA_VIEW,
): WorldGeo {
  ensureWorldMapRegistered();
  const byNumeric = new Map(countries.map((country) => [country.numeric, country]));

  const regions: { name: string; itemStyle: { areaColor: string } }[] = [];
  for (const country of countries) {
    if (country.scoStatus)
      regions.push({ name: country.numeric, itemStyle: { areaColor: SCO_AREA_COLORS[country.scoStatus] } });
  }
  for (const [featureId, shadedAs] of Object.entries(SHADED_AS)) {
    const status = byNumeric.get(shadedAs)?.scoStatus;
    if (status) regions.push({ name: featureId, itemStyle: { areaColor: SCO_AREA_COLORS[status] } });
  }

  const regionLabel = (regionName: string): string => {
    const country = byNumeric.get(regionName);
    if (!country) return '';
    const status = country.scoStatus ? ` · ${t(`scoStatus.${country.scoStatus}`)}` : '';
    return `<b>${escapeHtml(localName(country.names, language))}</b>${escapeHtml(status)}`;
  };

  return {
    geo: {
      map: WORLD_MAP_NAME,
      roam: true,
      center: view.center ?? EURASIA_VIEW.center,
      zoom: view.zoom ?? EURASIA_VIEW.zoom,
      scaleLimit: { min: 1, max: 16 },
      selectedMode: false,
      tooltip: { show: true },
      itemStyle: { areaColor: '#e6eaf0', borderColor: '#ffffff', borderWidth: 0.6 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#f3dc8a' } },
      label: { show: false },
      regions,
    },
    regionLabel,
  };
}
