import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
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
    // The last line of defence against overbooking: no segment can be sold below zero.
    check('logistics_departures_capacity_non_negative', sql`0 <= ALL(${table.capacityRemaining})`),
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

/**
 * A booked shipment under one through bill of lading. Owned by the booking enterprise (tenant).
 * The legs' progress (actual/estimated times), status, ETA and risk are derived from the tracking
 * events and stored here so lists read one row; `deriveProgress` is the only writer of them.
 */
export const shipments = pgTable(
  'logistics_shipments',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    blNumber: text('bl_number').notNull().unique(),
    reference: text('reference'),
    status: text('status', { enum: ['booked', 'in_transit', 'at_border', 'delivered', 'cancelled'] })
      .notNull()
      .default('booked'),
    originLocode: text('origin_locode').notNull(),
    destinationLocode: text('destination_locode').notNull(),
    capacityUnit: text('capacity_unit', { enum: ['TEU', 'KG'] }).notNull(),
    units: integer('units').notNull(),
    /** The planner query the booking was made from: cargo, reefer, dangerous goods. */
    cargo: jsonb('cargo').notNull(),
    parties: jsonb('parties').notNull(),
    cargoLines: jsonb('cargo_lines').notNull(),
    costFen: bigint('cost_fen', { mode: 'number' }).notNull(),
    co2Grams: bigint('co2_grams', { mode: 'number' }).notNull(),
    plannedDeparture: timestamp('planned_departure', { withTimezone: true }).notNull(),
    plannedArrival: timestamp('planned_arrival', { withTimezone: true }).notNull(),
    eta: timestamp('eta', { withTimezone: true }),
    atRisk: boolean('at_risk').notNull().default(false),
    risk: jsonb('risk'),
    positionLocode: text('position_locode'),
    positionAt: timestamp('position_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('logistics_shipments_units_positive', sql`${table.units} > 0`),
    index('logistics_shipments_enterprise_idx').on(table.enterpriseId, table.createdAt),
  ],
);

/** One leg of a shipment: a ride on a dated departure between two of its calls, or a drayage transfer. */
export const shipmentLegs = pgTable(
  'logistics_shipment_legs',
  {
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['trip', 'transfer'] }).notNull(),
    mode: text('mode', { enum: ['rail', 'sea', 'road', 'air', 'drayage'] }).notNull(),
    serviceId: uuid('service_id'),
    departureId: uuid('departure_id'),
    /** Segment indexes on the departure (calls fromCallSeq..toCallSeq); null for transfers. */
    fromCallSeq: integer('from_call_seq'),
    toCallSeq: integer('to_call_seq'),
    fromLocode: text('from_locode').notNull(),
    toLocode: text('to_locode').notNull(),
    plannedDeparture: timestamp('planned_departure', { withTimezone: true }).notNull(),
    plannedArrival: timestamp('planned_arrival', { withTimezone: true }).notNull(),
    estimatedDeparture: timestamp('estimated_departure', { withTimezone: true }),
    estimatedArrival: timestamp('estimated_arrival', { withTimezone: true }),
    actualDeparture: timestamp('actual_departure', { withTimezone: true }),
    actualArrival: timestamp('actual_arrival', { withTimezone: true }),
    costFen: bigint('cost_fen', { mode: 'number' }).notNull(),
    co2Grams: bigint('co2_grams', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.shipmentId, table.seq] }),
    index('logistics_shipment_legs_departure_idx').on(table.departureId),
  ],
);

/**
 * Containers under a shipment. A box is on at most one open shipment at a time (partial unique
 * index), which is what lets a terminal's event name only the container number.
 */
export const shipmentContainers = pgTable(
  'logistics_shipment_containers',
  {
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    containerNumber: text('container_number').notNull(),
    sizeType: text('size_type').notNull(),
    open: boolean('open').notNull().default(true),
  },
  (table) => [
    primaryKey({ columns: [table.shipmentId, table.containerNumber] }),
    uniqueIndex('logistics_shipment_containers_open_uq').on(table.containerNumber).where(sql`${table.open}`),
  ],
);

/**
 * Issued documents (the through bill of lading, one row per version). The PDF is rendered
 * deterministically from `content`, so its SHA-256 is fixed at issue; the token behind the QR code
 * opens the public verification page.
 */
export const documents = pgTable(
  'logistics_documents',
  {
    id: uuid('id').primaryKey(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    kind: text('kind', { enum: ['bill_of_lading'] }).notNull(),
    number: text('number').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['issued', 'superseded', 'cancelled'] }).notNull(),
    verificationToken: text('verification_token').notNull().unique(),
    content: jsonb('content').notNull(),
    /** Set when the PDF is first rendered (right after issue, by a subscriber); fixed from then on. */
    sha256: text('sha256'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('logistics_documents_number_version_uq').on(table.number, table.version),
    index('logistics_documents_sha_idx').on(table.sha256),
  ],
);

/**
 * Tracking events as received (DCSA Track & Trace shaped), idempotent by the sender's event id.
 * `shipment_ids` is what the event was attached to at receipt, so a repeat answers the same.
 */
export const trackingEvents = pgTable(
  'logistics_tracking_events',
  {
    eventId: text('event_id').primaryKey(),
    requestHash: text('request_hash').notNull(),
    senderEnterpriseId: uuid('sender_enterprise_id'),
    senderAuthorityId: uuid('sender_authority_id'),
    eventType: text('event_type', { enum: ['EQUIPMENT', 'TRANSPORT', 'BORDER', 'CUSTOMS'] }).notNull(),
    classifier: text('classifier', { enum: ['ACT', 'EST', 'PLN'] }).notNull(),
    code: text('code').notNull(),
    eventAt: timestamp('event_at', { withTimezone: true }).notNull(),
    locode: text('locode').notNull(),
    containerNumber: text('container_number'),
    serviceCode: text('service_code'),
    remark: text('remark'),
    shipmentIds: uuid('shipment_ids').array().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('logistics_tracking_events_shipments_idx').using('gin', table.shipmentIds)],
);

/** Serial of the through bill of lading numbers (SCOB + year + serial + check digit). */
export const blSerial = pgSequence('logistics_bl_serial', { startWith: 1, increment: 1 });
