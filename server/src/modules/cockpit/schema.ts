import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The cockpit's read model. Every figure is a sum over small aggregate rows (month × dimension), kept
 * up to date by event subscribers; nothing here is another module's truth, and all of it can be rebuilt
 * by replaying events (or by the statistics functions of trade and logistics).
 *
 * Idempotency: a subscriber records the event id here in the same transaction as its aggregate update,
 * so a redelivered event changes nothing. Rows older than the dispatcher's retry horizon are purged hourly.
 */
export const processedEvents = pgTable(
  'cockpit_processed_events',
  {
    eventId: uuid('event_id').primaryKey(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('cockpit_processed_events_at_idx').on(table.processedAt)],
);

/**
 * What a declaration currently contributes to the aggregates. A handler locks this row, reads the
 * declaration's current facts from trade, applies (new − old) to the aggregates and stores the new
 * contribution: events may arrive twice or out of order, the aggregates still converge to the truth.
 */
export const declarationContributions = pgTable(
  'cockpit_declaration_contributions',
  {
    declarationId: uuid('declaration_id').primaryKey(),
    /** YYYY-MM-DD: the drill-down pages through this table by country and date, then fetches the page from trade. */
    declarationDate: text('declaration_date'),
    month: text('month'),
    tradeCountry: text('trade_country'),
    direction: text('direction'),
    channel: text('channel'),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull().default(0),
    /** Clearance-time bucket once released (see clearance.ts), else null. */
    clearanceBucket: smallint('clearance_bucket'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('cockpit_declaration_contributions_country_idx').on(table.tradeCountry, table.declarationDate),
    index('cockpit_declaration_contributions_date_idx').on(table.declarationDate),
  ],
);

/** Trade by month (declaration date, Beijing) × trade country × direction × risk channel. */
export const declarationStats = pgTable(
  'cockpit_declaration_stats',
  {
    month: text('month').notNull(),
    tradeCountry: text('trade_country').notNull(),
    direction: text('direction').notNull(),
    channel: text('channel').notNull(),
    declarations: integer('declarations').notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    released: integer('released').notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.tradeCountry, table.direction, table.channel] })],
);

/** Released declarations by month × channel × clearance-time bucket: the median is read off the histogram. */
export const clearanceHistogram = pgTable(
  'cockpit_clearance_histogram',
  {
    month: text('month').notNull(),
    channel: text('channel').notNull(),
    bucket: smallint('bucket').notNull(),
    declarations: integer('declarations').notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.channel, table.bucket] })],
);

/** What a shipment contributes (same convergence rule as declarations). */
export const shipmentContributions = pgTable('cockpit_shipment_contributions', {
  shipmentId: uuid('shipment_id').primaryKey(),
  month: text('month'),
  mode: text('mode'),
  direction: text('direction'),
  teu: integer('teu').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Booked (not cancelled) shipments and TEU by month of planned departure × main mode × direction. */
export const shipmentStats = pgTable(
  'cockpit_shipment_stats',
  {
    month: text('month').notNull(),
    mode: text('mode').notNull(),
    direction: text('direction').notNull(),
    shipments: integer('shipments').notNull(),
    teu: integer('teu').notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.mode, table.direction] })],
);

/** Posted verification lists by month × kind, with their line quantities in thousandths. */
export const bondedStats = pgTable(
  'cockpit_bonded_stats',
  {
    month: text('month').notNull(),
    kind: text('kind').notNull(),
    lists: integer('lists').notNull(),
    lines: integer('lines').notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.kind] })],
);

/** Enterprises as the registry and the credit grade report them (one row each; 20k rows at most here). */
export const enterpriseFacts = pgTable(
  'cockpit_enterprises',
  {
    enterpriseId: uuid('enterprise_id').primaryKey(),
    countryCode: text('country_code'),
    activatedMonth: text('activated_month'),
    grade: text('grade'),
    /** The computedAt of the grade held, so an older grade event arriving late is ignored. */
    gradeAt: timestamp('grade_at', { withTimezone: true }),
  },
  (table) => [index('cockpit_enterprises_month_idx').on(table.activatedMonth)],
);

/** Values of plan indicators entered by hand, each with its source; the latest by asOf is current. */
export const indicatorValues = pgTable(
  'cockpit_indicator_values',
  {
    id: uuid('id').primaryKey(),
    indicatorCode: text('indicator_code').notNull(),
    value: text('value').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('cockpit_indicator_values_code_idx').on(table.indicatorCode, table.asOf),
    check('cockpit_indicator_values_source', sql`length(${table.source}) > 0`),
  ],
);

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** The tracker's state of a measure (the measure itself is committed data); no row = not started. */
export const measureStates = pgTable('cockpit_measures', {
  no: integer('no').primaryKey(),
  status: text('status', { enum: MEASURE_STATUSES }).notNull(),
  dueDate: date('due_date', { mode: 'string' }),
  evidence: text('evidence'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Tasks under a measure, each owned by one of the departments the measures name. */
export const measureTasks = pgTable(
  'cockpit_measure_tasks',
  {
    id: uuid('id').primaryKey(),
    measureNo: integer('measure_no').notNull(),
    title: text('title').notNull(),
    department: text('department').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: MEASURE_STATUSES }).notNull().default('not_started'),
    evidence: text('evidence'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('cockpit_measure_tasks_measure_idx').on(table.measureNo, table.createdAt)],
);
