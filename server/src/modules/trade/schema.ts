import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Customs exchange rates by month (customs.md §3: the rate published for a month applies to every
 * declaration dated in it). Maintained by zone admins; demo months seeded.
 */
export const customsExchangeRates = pgTable(
  'trade_exchange_rates',
  {
    month: text('month').notNull(),
    currency: text('currency').notNull(),
    cnyPerUnit: numeric('cny_per_unit', { precision: 24, scale: 10 }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.month, table.currency] }),
    check('trade_exchange_rates_positive', sql`${table.cnyPerUnit} > 0`),
  ],
);

/**
 * What customs knows of a declarant: its credit tier (GACC Order 282) and whether it has declared
 * before. A projection the trade centre owns; the registry's credit events will feed it (issue 6).
 */
export const declarantProfiles = pgTable('trade_declarant_profiles', {
  enterpriseId: uuid('enterprise_id').primaryKey(),
  creditClass: text('credit_class', {
    enum: ['advanced_certified', 'certified', 'regular', 'discredited', 'seriously_discredited'],
  })
    .notNull()
    .default('regular'),
  firstDeclaredAt: timestamp('first_declared_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** The zone's public credit grade (credit.grade_changed), null until the first event arrives. */
  publicGrade: text('public_grade', { enum: ['A', 'B', 'C', 'D'] }),
  /** When the stored grade was computed: an older event arriving late never overwrites a newer grade. */
  publicGradeAt: timestamp('public_grade_at', { withTimezone: true }),
});

export const DECLARATION_STATUSES = [
  'draft',
  'submitted',
  'documents_requested',
  'inspection',
  'released',
  'rejected',
] as const;

/** 18-digit declaration numbers: office + year + I/E flag + this 9-digit serial (customs.md §1). */
export const declarationSerial = pgSequence('trade_declaration_serial', { startWith: 1 });

/**
 * Import and export declarations (报关单). The header is kept as submitted (jsonb, validated by the
 * route schema); the columns are what queues, statistics and the cockpit filter and sum on.
 */
export const declarations = pgTable(
  'trade_declarations',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** Null while a draft; assigned on submission. */
    number: text('number').unique(),
    direction: text('direction', { enum: ['import', 'export'] }).notNull(),
    /** `summary`: the first step of a two-step declaration (released on the summary, completed later). */
    step: text('step', { enum: ['full', 'summary', 'completed'] }).notNull(),
    status: text('status', { enum: DECLARATION_STATUSES }).notNull(),
    supervisionMode: text('supervision_mode').notNull(),
    transportMode: text('transport_mode').notNull(),
    tradeCountry: text('trade_country').notNull(),
    currency: text('currency').notNull(),
    declarationDate: date('declaration_date', { mode: 'string' }).notNull(),
    blNumber: text('bl_number'),
    shipmentId: uuid('shipment_id'),
    header: jsonb('header').notNull(),
    /** Risk decision: channel, reasons and the sampling draw (RiskDecision), fixed at submission. */
    channel: text('channel', { enum: ['auto_release', 'document_review', 'inspection'] }),
    risk: jsonb('risk'),
    /** "New three" fast lane: category and target release time. */
    fastLane: text('fast_lane', { enum: ['ev', 'li_ion_battery', 'pv'] }),
    targetReleaseAt: timestamp('target_release_at', { withTimezone: true }),
    taxBill: jsonb('tax_bill'),
    customsValueFen: bigint('customs_value_fen', { mode: 'number' }),
    taxFen: bigint('tax_fen', { mode: 'number' }),
    payment: text('payment', { enum: ['none_due', 'unpaid', 'guaranteed', 'paid'] })
      .notNull()
      .default('none_due'),
    guaranteeId: uuid('guarantee_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    index('trade_declarations_tenant_idx').on(table.enterpriseId, table.createdAt),
    index('trade_declarations_queue_idx').on(table.status, table.submittedAt),
    check('trade_declarations_tax_nonneg', sql`${table.taxFen} IS NULL OR ${table.taxFen} >= 0`),
  ],
);

/** Items (商品项) as declared, with the customs value the tax bill gave them. */
export const declarationItems = pgTable(
  'trade_declaration_items',
  {
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 25, scale: 10 }).notNull(),
    unit: text('unit').notNull(),
    secondQuantity: numeric('second_quantity', { precision: 25, scale: 10 }),
    secondUnit: text('second_unit'),
    amount: numeric('amount', { precision: 25, scale: 10 }).notNull(),
    originCountry: text('origin_country').notNull(),
    certificateOfOrigin: boolean('certificate_of_origin').notNull().default(false),
    licences: jsonb('licences').notNull(),
    customsValueFen: bigint('customs_value_fen', { mode: 'number' }),
  },
  (table) => [
    primaryKey({ columns: [table.declarationId, table.seq] }),
    index('trade_declaration_items_code_idx').on(table.code),
  ],
);

/** Attached documents: references and issuers (the files stay with the trader; customs may ask for them). */
export const declarationDocuments = pgTable(
  'trade_declaration_documents',
  {
    id: uuid('id').primaryKey(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    reference: text('reference').notNull(),
    issuer: text('issuer'),
    validUntil: date('valid_until', { mode: 'string' }),
    addedBy: uuid('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('trade_declaration_documents_uq').on(table.declarationId, table.kind, table.reference)],
);

/** The declaration's timeline: 申报 → 审核 → 查验 → 放行, one row per step, with who and why. */
export const declarationSteps = pgTable(
  'trade_declaration_steps',
  {
    id: uuid('id').primaryKey(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role').notNull(),
    note: text('note'),
    details: jsonb('details'),
  },
  (table) => [index('trade_declaration_steps_decl_idx').on(table.declarationId, table.at)],
);

/** Risk rules officers maintain without code changes (validated by risk/rules.ts). */
export const riskRules = pgTable('trade_risk_rules', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  direction: text('direction', { enum: ['import', 'export', 'any'] }).notNull(),
  channel: text('channel', { enum: ['document_review', 'inspection'] }).notNull(),
  params: jsonb('params').notNull(),
  active: boolean('active').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row: the random-sampling policy (rate per credit class) and the seed that makes draws reproducible. */
export const riskSettings = pgTable('trade_risk_settings', {
  id: integer('id').primaryKey(),
  policy: jsonb('policy').notNull(),
  seed: text('seed').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Customs–bank guarantee lines (银关通-style): a bank grants an enterprise an amount; releases before
 * payment hold part of it; payment gives it back. The CHECK keeps the balance within 0..amount.
 */
export const guarantees = pgTable(
  'trade_guarantees',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    enterpriseId: uuid('enterprise_id').notNull(),
    bankEnterpriseId: uuid('bank_enterprise_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('trade_guarantees_balance', sql`${table.balanceFen} >= 0 AND ${table.balanceFen} <= ${table.amountFen}`),
    index('trade_guarantees_tenant_idx').on(table.enterpriseId),
  ],
);

/** Amounts a guarantee holds for declarations released before payment; released on payment. */
export const guaranteeHolds = pgTable('trade_guarantee_holds', {
  declarationId: uuid('declaration_id').primaryKey(),
  guaranteeId: uuid('guarantee_id')
    .notNull()
    .references(() => guarantees.id),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  status: text('status', { enum: ['held', 'released'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  releasedAt: timestamp('released_at', { withTimezone: true }),
});

/** Binding classification rulings (预裁定): a trader asks, an officer grants or refuses. */
export const rulings = pgTable(
  'trade_rulings',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    description: text('description').notNull(),
    proposedCode: text('proposed_code'),
    candidates: jsonb('candidates').notNull(),
    status: text('status', { enum: ['requested', 'granted', 'refused'] }).notNull(),
    decidedCode: text('decided_code'),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('trade_rulings_tenant_idx').on(table.enterpriseId, table.createdAt)],
);

/** Release notes (放行通知书): rendered deterministically like bills of lading, verified by QR token. */
export const releaseNotes = pgTable('trade_release_notes', {
  id: uuid('id').primaryKey(),
  declarationId: uuid('declaration_id')
    .notNull()
    .unique()
    .references(() => declarations.id),
  enterpriseId: uuid('enterprise_id').notNull(),
  number: text('number').notNull(),
  verificationToken: text('verification_token').notNull().unique(),
  content: jsonb('content').notNull(),
  sha256: text('sha256'),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
});
