import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import countriesData from './data/countries.json' with { type: 'json' };
import currenciesData from './data/currencies.json' with { type: 'json' };
import { DEMO_EXCHANGE_RATES } from './data/exchange-rates.js';
import { LOCATIONS } from './data/locations.js';
import { countries, currencies, exchangeRates, locations, referenceMeta } from './schema.js';

interface CountrySeed {
  alpha2: string;
  alpha3: string;
  numeric: string;
  names: { zh: string; en: string; ru: string };
  sco: 'member' | 'observer' | 'dialogue_partner' | null;
  scoSince: string | null;
}
interface CurrencySeed {
  code: string;
  numeric: string;
  minorUnits: number;
  names: { zh: string; en: string; ru: string };
}

const COUNTRIES = countriesData as CountrySeed[];
const CURRENCIES = currenciesData as CurrencySeed[];
const BATCH_ROWS_MAX = 500;

function dataVersion(): string {
  return createHash('sha256')
    .update(JSON.stringify([COUNTRIES, CURRENCIES, DEMO_EXCHANGE_RATES, LOCATIONS]))
    .digest('hex');
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < rows.length; index += BATCH_ROWS_MAX) out.push(rows.slice(index, index + BATCH_ROWS_MAX));
  return out;
}

/**
 * Loads the SCO reference world (countries, currencies, rates, locations) when the shipped
 * data differs from what the database holds. Upserts only: rows added by users later (e.g. a
 * forwarder's new terminal) are never deleted by an upgrade. Returns whether it wrote anything.
 */
export async function seedReferenceData(db: Db): Promise<boolean> {
  const version = dataVersion();
  const [current] = await db.select().from(referenceMeta).where(eq(referenceMeta.key, 'data_version'));
  if (current?.value === version) return false;
  await db.transaction(async (tx) => {
    for (const batch of chunks(COUNTRIES)) {
      await tx
        .insert(countries)
        .values(
          batch.map((c) => ({
            alpha2: c.alpha2,
            alpha3: c.alpha3,
            numeric: c.numeric,
            nameZh: c.names.zh,
            nameEn: c.names.en,
            nameRu: c.names.ru,
            scoStatus: c.sco,
            scoSince: c.scoSince,
          })),
        )
        .onConflictDoUpdate({
          target: countries.alpha2,
          set: {
            alpha3: sql`excluded.alpha3`,
            numeric: sql`excluded.numeric`,
            nameZh: sql`excluded.name_zh`,
            nameEn: sql`excluded.name_en`,
            nameRu: sql`excluded.name_ru`,
            scoStatus: sql`excluded.sco_status`,
            scoSince: sql`excluded.sco_since`,
          },
        });
    }
    for (const batch of chunks(CURRENCIES)) {
      await tx
        .insert(currencies)
        .values(
          batch.map((c) => ({
            code: c.code,
            numeric: c.numeric,
            minorUnits: c.minorUnits,
            nameZh: c.names.zh,
            nameEn: c.names.en,
            nameRu: c.names.ru,
          })),
        )
        .onConflictDoUpdate({
          target: currencies.code,
          set: {
            numeric: sql`excluded.numeric`,
            minorUnits: sql`excluded.minor_units`,
            nameZh: sql`excluded.name_zh`,
            nameEn: sql`excluded.name_en`,
            nameRu: sql`excluded.name_ru`,
          },
        });
    }
    if (DEMO_EXCHANGE_RATES.length > 0) {
      await tx
        .insert(exchangeRates)
        .values(
          DEMO_EXCHANGE_RATES.map((r) => ({
            currency: r.currency,
            validOn: r.validOn,
            cnyPerUnit: r.cnyPerUnit,
            source: r.source,
          })),
        )
        .onConflictDoUpdate({
          target: [exchangeRates.currency, exchangeRates.validOn],
          set: { cnyPerUnit: sql`excluded.cny_per_unit`, source: sql`excluded.source` },
        });
    }
    for (const batch of chunks(LOCATIONS)) {
      await tx
        .insert(locations)
        .values(
          batch.map((l) => ({
            locode: l.locode,
            locodeConfirmed: l.locodeConfirmed,
            nameZh: l.names.zh,
            nameEn: l.names.en,
            nameRu: l.names.ru,
            countryCode: l.countryCode,
            lat: l.lat,
            lon: l.lon,
            kinds: [...l.kinds],
            gaugeMm: l.gaugeMm,
            gaugeFarSideMm: l.gaugeFarSideMm,
            borderWith: l.borderWith,
            note: l.note,
          })),
        )
        .onConflictDoUpdate({
          target: locations.locode,
          set: {
            locodeConfirmed: sql`excluded.locode_confirmed`,
            nameZh: sql`excluded.name_zh`,
            nameEn: sql`excluded.name_en`,
            nameRu: sql`excluded.name_ru`,
            countryCode: sql`excluded.country_code`,
            lat: sql`excluded.lat`,
            lon: sql`excluded.lon`,
            kinds: sql`excluded.kinds`,
            gaugeMm: sql`excluded.gauge_mm`,
            gaugeFarSideMm: sql`excluded.gauge_far_side_mm`,
            borderWith: sql`excluded.border_with`,
            note: sql`excluded.note`,
          },
        });
    }
    await tx
      .insert(referenceMeta)
      .values({ key: 'data_version', value: version })
      .onConflictDoUpdate({ target: referenceMeta.key, set: { value: version } });
  });
  return true;
}
