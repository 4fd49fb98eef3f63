import { inArray, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client.js';
import { countries, currencies, locations } from './schema.js';

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

/** Which of the given ISO 3166-1 alpha-2 codes are known countries. */
export async function knownCountries(db: Queryable, codes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const rows = await db.select({ code: countries.alpha2 }).from(countries).where(inArray(countries.alpha2, unique));
  return new Set(rows.map((r) => r.code));
}

/** Which of the given ISO 4217 codes are known currencies. */
export async function knownCurrencies(db: Queryable, codes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const rows = await db.select({ code: currencies.code }).from(currencies).where(inArray(currencies.code, unique));
  return new Set(rows.map((r) => r.code));
}

/** The latest reference rate of every currency (CNY per unit, exact decimal strings). */
export async function latestReferenceRates(db: Queryable): Promise<Map<string, string>> {
  const rows = await queryRows<{ currency: string; cny_per_unit: string }>(
    db,
    sql`SELECT DISTINCT ON (currency) currency, cny_per_unit::text AS cny_per_unit
        FROM ref_exchange_rates ORDER BY currency, valid_on DESC`,
  );
  return new Map(rows.map((r) => [r.currency, r.cny_per_unit]));
}
