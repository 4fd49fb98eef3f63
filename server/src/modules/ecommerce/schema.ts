import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Cross-border e-commerce (跨境电商) documents as platforms, payment firms and logistics firms send them.
 * Consumers' national ID numbers are never stored: `consumer_hash` is a keyed HMAC (for matching and the
 * annual limit) and `consumer_masked` what a screen may show.
 */
export const orders = pgTable(
  'ecommerce_orders',
  {
    /** Order numbers are zone-unique (platforms prefix them with their code), so the three documents meet on it. */
    orderNo: text('order_no').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    uploadId: uuid('upload_id').notNull(),
    lineNo: integer('line_no').notNull(),
    mode: text('mode', { enum: ['1210', '9610'] }).notNull(),
    consumerHash: text('consumer_hash').notNull(),
    consumerMasked: text('consumer_masked').notNull(),
    orderDate: text('order_date').notNull(),
    /** Goods + freight + insurance, in fen: what the payment must equal. */
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    items: jsonb('items').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ecommerce_orders_tenant_idx').on(table.enterpriseId, table.createdAt)],
);

export const payments = pgTable(
  'ecommerce_payments',
  {
    paymentNo: text('payment_no').primaryKey(),
    orderNo: text('order_no').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    uploadId: uuid('upload_id').notNull(),
    lineNo: integer('line_no').notNull(),
    payerHash: text('payer_hash').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ecommerce_payments_order_idx').on(table.orderNo)],
);

export const waybills = pgTable(
  'ecommerce_waybills',
  {
    waybillNo: text('waybill_no').primaryKey(),
    orderNo: text('order_no').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    uploadId: uuid('upload_id').notNull(),
    lineNo: integer('line_no').notNull(),
    consigneeHash: text('consignee_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ecommerce_waybills_order_idx').on(table.orderNo)],
);

/**
 * Retail import lists (申报清单), one per order once its three documents meet: released, held for
 * inspection, or rejected with the reason (a mismatch, the positive list, a limit). Rejection is final, so
 * no order is ever counted twice against a consumer's limit.
 */
export const retailLists = pgTable(
  'ecommerce_lists',
  {
    orderNo: text('order_no').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    mode: text('mode', { enum: ['1210', '9610'] }).notNull(),
    status: text('status', { enum: ['released', 'inspection', 'rejected'] }).notNull(),
    reason: text('reason'),
    treatment: text('treatment'),
    consumerHash: text('consumer_hash').notNull(),
    year: integer('year').notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    taxFen: bigint('tax_fen', { mode: 'number' }).notNull(),
    uploadId: uuid('upload_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ecommerce_lists_tenant_idx').on(table.enterpriseId, table.createdAt),
    check('ecommerce_lists_tax_nonneg', sql`${table.taxFen} >= 0`),
  ],
);

/**
 * What each consumer has bought through CBEC in a year, in fen: the CNY 26,000 annual limit is checked
 * against this row under its lock, so two orders racing at the limit never both pass.
 */
export const consumerYears = pgTable(
  'ecommerce_consumer_years',
  {
    consumerHash: text('consumer_hash').notNull(),
    year: integer('year').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.consumerHash, table.year] }),
    check('ecommerce_consumer_years_limit', sql`${table.totalFen} BETWEEN 0 AND 2600000`),
  ],
);

/**
 * Yearly quantity caps of the positive list (sugar 2 kg, rice 20 kg a person a year): what each consumer has
 * bought of a capped line, in the cap's unit, locked like the annual amount.
 */
export const consumerQuantities = pgTable(
  'ecommerce_consumer_quantities',
  {
    consumerHash: text('consumer_hash').notNull(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    quantity: numeric('quantity', { precision: 20, scale: 6 }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.consumerHash, table.year, table.code] })],
);

/** Export lists (9610 list by list, 9710 B2B direct, 9810 overseas warehouse), consolidated by month. */
export const exportLists = pgTable(
  'ecommerce_export_lists',
  {
    listNo: text('list_no').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    uploadId: uuid('upload_id').notNull(),
    lineNo: integer('line_no').notNull(),
    mode: text('mode', { enum: ['9610', '9710', '9810'] }).notNull(),
    code: text('code').notNull(),
    quantity: text('quantity').notNull(),
    unit: text('unit').notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    destinationCountry: text('destination_country').notNull(),
    warehouse: text('warehouse'),
    month: text('month').notNull(),
    status: text('status', { enum: ['released', 'inspection'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ecommerce_export_lists_month_idx').on(table.enterpriseId, table.month, table.mode)],
);

export const UPLOAD_KINDS = ['orders', 'payments', 'waybills', 'export_lists'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** One bulk upload: its progress while it streams, its counts when done. */
export const uploads = pgTable(
  'ecommerce_uploads',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    kind: text('kind', { enum: UPLOAD_KINDS }).notNull(),
    format: text('format', { enum: ['csv', 'ndjson'] }).notNull(),
    status: text('status', { enum: ['processing', 'completed', 'failed'] }).notNull(),
    linesRead: integer('lines_read').notNull().default(0),
    linesAccepted: integer('lines_accepted').notNull().default(0),
    linesDuplicate: integer('lines_duplicate').notNull().default(0),
    linesRejected: integer('lines_rejected').notNull().default(0),
    listsReleased: integer('lists_released').notNull().default(0),
    listsInspection: integer('lists_inspection').notNull().default(0),
    listsRejected: integer('lists_rejected').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    sha256: text('sha256'),
    failure: text('failure'),
    createdBy: uuid('created_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('ecommerce_uploads_tenant_idx').on(table.enterpriseId, table.startedAt)],
);

/** The error report: one row per problem (line, field, code), localised when downloaded. */
export const uploadErrors = pgTable(
  'ecommerce_upload_errors',
  {
    uploadId: uuid('upload_id').notNull(),
    lineNo: integer('line_no').notNull(),
    seq: integer('seq').notNull(),
    field: text('field').notNull(),
    code: text('code').notNull(),
  },
  (table) => [primaryKey({ columns: [table.uploadId, table.lineNo, table.seq] })],
);

/** The key of the consumer-ID HMAC when none is configured: generated once, kept in the database, never logged. */
export const settings = pgTable('ecommerce_settings', {
  id: integer('id').primaryKey(),
  idHashKey: text('id_hash_key').notNull(),
});
