import { inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { locations } from './schema.js';

/** Which of the given UN/LOCODEs are known locations; other modules validate references with it. */
export async function knownLocodes(db: Queryable, locodes: readonly string[]): Promise<Set<string>> {
  if (locodes.length === 0) return new Set();
  const rows = await db
    .select({ locode: locations.locode })
    .from(locations)
    .where(inArray(locations.locode, [...locodes]));
  return new Set(rows.map((r) => r.locode));
}

export interface LocationSummary {
  locode: string;
  names: { 'zh-CN': string; en: string; ru: string };
  lat: number;
  lon: number;
  kinds: string[];
}

/** Names, coordinates and kinds of the given UN/LOCODEs (unknown ones are simply absent). */
export async function locationSummaries(
  db: Queryable,
  locodes: readonly string[],
): Promise<Map<string, LocationSummary>> {
  const unique = [...new Set(locodes)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(locations).where(inArray(locations.locode, unique));
  return new Map(
    rows.map((r) => [
      r.locode,
      {
        locode: r.locode,
        names: { 'zh-CN': r.nameZh, en: r.nameEn, ru: r.nameRu },
        lat: r.lat,
        lon: r.lon,
        kinds: r.kinds,
      },
    ]),
  );
}

/** UN/LOCODEs of border crossings, where shipments wait for the gauge change and customs. */
export async function borderLocodes(db: Queryable): Promise<Set<string>> {
  const rows = await db
    .select({ locode: locations.locode })
    .from(locations)
    .where(sql`${locations.kinds} && ARRAY['border_crossing']::text[]`);
  return new Set(rows.map((r) => r.locode));
}
