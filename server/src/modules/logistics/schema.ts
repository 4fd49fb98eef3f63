import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A published transport service (a train path, a liner loop, a TIR line, a flight) with a
 * weekly pattern. Owned by its operator's enterprise (distribution key enterprise_id).
 */
export const services = pgTable(
  'logistics_services',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    code: text('code').notNull().unique(),
    mode: text('mode', { enum: ['rail', 'sea', 'road', 'air'] }).notNull(),
    emissionClass: text('emission_class').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    nameRu: text('name_ru').notNull(),
    timezone: text('timezone').notNull(),
    weekdays: integer('weekdays').array().notNull(),
    departureLocalTime: text('departure_local_time').notNull(),
    capacityUnits: integer('capacity_units').notNull(),
    capacityUnit: text('capacity_unit', { enum: ['TEU', 'KG'] }).notNull(),
    reefer: boolean('reefer').notNull(),
    dangerousGoodsClasses: text('dangerous_goods_classes').array().notNull(),
    currency: text('currency').notNull().default('CNY'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('logistics_services_capacity_positive', sql`${table.capacityUnits} > 0`),
    index('logistics_services_enterprise_idx').on(table.enterpriseId),
  ],
);

/** The calls of a service in order, with offsets from the first departure. */
export const serviceCalls = pgTable(
  'logistics_service_calls',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    seq: integer('seq').notNull(),
    locode: text('locode').notNull(),
    arrivalOffsetMinutes: integer('arrival_offset_minutes'),
    departureOffsetMinutes: integer('departure_offset_minutes'),
    tariffFenPerUnitToNext: bigint('tariff_fen_per_unit_to_next', { mode: 'number' }).notNull(),
    distanceKmToNext: integer('distance_km_to_next').notNull(),
  },
  (table) => [primaryKey({ columns: [table.serviceId, table.seq] })],
);

/**
 * One dated run of a service: the planner's "trip". Remaining capacity is kept per segment
 * (between consecutive calls), because a booking Jiaozhou→Xi'an frees nothing on Xi'an→Urumqi.
 */
export const departures = pgTable(
  'logistics_departures',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    serviceVersion: integer('service_version').notNull(),
    departsAt: timestamp('departs_at', { withTimezone: true }).notNull(),
    capacityRemaining: integer('capacity_remaining').array().notNull(),
    status: text('status', { enum: ['scheduled', 'cancelled'] })
      .notNull()
      .default('scheduled'),
  },
  (table) => [
    unique('logistics_departures_service_time_uq').on(table.serviceId, table.departsAt),
    index('logistics_departures_departs_idx').on(table.departsAt),
  ],
);

/** Zone-wide links between nearby nodes: drayage, and gauge-change transshipment at borders. */
export const transfers = pgTable(
  'logistics_transfers',
  {
    fromLocode: text('from_locode').notNull(),
    toLocode: text('to_locode').notNull(),
    kind: text('kind', { enum: ['drayage', 'gauge_change'] }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    costFenPerTeu: bigint('cost_fen_per_teu', { mode: 'number' }).notNull(),
    distanceKm: integer('distance_km').notNull(),
  },
  (table) => [primaryKey({ columns: [table.fromLocode, table.toLocode] })],
);
