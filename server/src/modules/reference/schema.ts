import { boolean, date, doublePrecision, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

// Reference tables are small and read everywhere; under Citus they become reference tables
// (replicated to every node), so they carry no distribution key.

export const countries = pgTable('ref_countries', {
  alpha2: text('alpha2').primaryKey(),
  alpha3: text('alpha3').notNull().unique(),
  numeric: text('numeric').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  nameRu: text('name_ru').notNull(),
  scoStatus: text('sco_status', { enum: ['member', 'observer', 'dialogue_partner'] }),
  scoSince: date('sco_since'),
});

export const currencies = pgTable('ref_currencies', {
  code: text('code').primaryKey(),
  numeric: text('numeric').notNull(),
  minorUnits: integer('minor_units').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  nameRu: text('name_ru').notNull(),
});

/** Reference rates as exact decimals: yuan per one unit of the currency, valid from a date. */
export const exchangeRates = pgTable(
  'ref_exchange_rates',
  {
    currency: text('currency')
      .notNull()
      .references(() => currencies.code),
    validOn: date('valid_on').notNull(),
    cnyPerUnit: numeric('cny_per_unit', { precision: 24, scale: 10 }).notNull(),
    source: text('source').notNull(),
  },
  (table) => [primaryKey({ columns: [table.currency, table.validOn] })],
);

export const locations = pgTable('ref_locations', {
  locode: text('locode').primaryKey(),
  locodeConfirmed: boolean('locode_confirmed').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  nameRu: text('name_ru').notNull(),
  countryCode: text('country_code')
    .notNull()
    .references(() => countries.alpha2),
  // Approximate (city or terminal level); good for maps and great-circle distances, not surveying.
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  kinds: text('kinds').array().notNull(),
  gaugeMm: integer('gauge_mm'),
  gaugeFarSideMm: integer('gauge_far_side_mm'),
  borderWith: text('border_with'),
  note: text('note'),
});

/** Version of the loaded reference data, so a restart with unchanged data writes nothing. */
export const referenceMeta = pgTable('ref_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
