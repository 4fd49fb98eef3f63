import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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

export const SITE_TYPES = ['zone', 'logistics_centre', 'processing'] as const;

/**
 * Electronic account books (电子账册): one per enterprise per bonded site. customs.md §5: the
 * verification list is the only thing that moves a book's balances.
 */
export const books = pgTable(
  'bonded_books',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    siteCode: text('site_code').notNull(),
    siteType: text('site_type', { enum: SITE_TYPES }).notNull(),
    /** Approved for batch release with consolidated declaration (分批出区、集中申报). */
    batchReleaseApproved: boolean('batch_release_approved').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('bonded_books_number_key').on(table.number),
    uniqueIndex('bonded_books_site_key').on(table.enterpriseId, table.siteCode),
  ],
);

export const items = pgTable(
  'bonded_items',
  {
    id: uuid('id').primaryKey(),
    bookId: uuid('book_id')
      .notNull()
      .references(() => books.id),
    itemNo: integer('item_no').notNull(),
    hsCode: text('hs_code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    unitPrice: numeric('unit_price', { precision: 24, scale: 6 }).notNull(),
    currency: text('currency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('bonded_items_book_item_key').on(table.bookId, table.itemNo),
    check('bonded_items_item_no', sql`${table.itemNo} > 0`),
  ],
);

/**
 * The accounts quantities move between. Each item has its own account (kind `item`, floored: never
 * below zero) and one counter-account per kind of movement, so every list is double entry and the
 * counter-accounts say where the goods went (abroad, domestic market, another book, consumed by
 * processing, scrapped, adjusted at stocktake). Over the whole ledger the balances sum to zero.
 */
export const ACCOUNT_KINDS = [
  'item',
  'abroad',
  'domestic',
  'transfer',
  'consumed',
  'produced',
  'scrapped',
  'adjustment',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const accounts = pgTable(
  'bonded_accounts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bookId: uuid('book_id').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
    /** Thousandths of the item's legal unit. */
    balanceMilli: bigint('balance_milli', { mode: 'number' }).notNull().default(0),
    floored: boolean('floored').notNull(),
  },
  (table) => [
    uniqueIndex('bonded_accounts_item_kind_key').on(table.itemId, table.kind),
    check('bonded_accounts_floor', sql`NOT ${table.floored} OR ${table.balanceMilli} >= 0`),
  ],
);

/** Serial part of list numbers (HZ + year + 10 digits): one sequence, so numbers never collide across processes. */
export const listNumberSeq = pgSequence('bonded_list_number_seq');

export const LIST_KINDS = [
  'first_line_entry',
  'first_line_exit',
  'second_line_entry',
  'second_line_exit',
  'transfer_out',
  'transfer_in',
  'processing',
  'stocktake',
  'destruction',
  'reversal',
] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/**
 * Verification lists (保税核注清单). A list is posted whole or not at all; a posted list is never
 * changed (a reversal list undoes it). `clientId` is the submitting system's own id: a second
 * submission with the same id and content answers the first list, with other content it is refused.
 */
export const lists = pgTable(
  'bonded_lists',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    bookId: uuid('book_id').notNull(),
    clientId: text('client_id').notNull(),
    kind: text('kind', { enum: LIST_KINDS }).notNull(),
    status: text('status', { enum: ['posted', 'pending_approval', 'refused'] }).notNull(),
    /** SHA-256 of the canonical request, to tell a replay from a reused client id. */
    requestHash: text('request_hash').notNull(),
    lineCount: integer('line_count').notNull(),
    /** The submitted lines of a list that waits for approval (stocktake); null once posted. */
    pendingLines: jsonb('pending_lines'),
    reversesListId: uuid('reverses_list_id'),
    pairListId: uuid('pair_list_id'),
    consolidationId: uuid('consolidation_id'),
    /** The trade centre's import declaration a second-line exit filed in the same commit (not batches). */
    declarationId: uuid('declaration_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
  },
  (table) => [
    uniqueIndex('bonded_lists_client_key').on(table.enterpriseId, table.clientId),
    uniqueIndex('bonded_lists_number_key').on(table.number),
    // A list is reversed at most once.
    uniqueIndex('bonded_lists_reverses_key').on(table.reversesListId),
    uniqueIndex('bonded_lists_declaration_key').on(table.declarationId),
    index('bonded_lists_consolidation_idx').on(table.consolidationId),
    index('bonded_lists_book_idx').on(table.bookId, table.createdAt),
  ],
);

/**
 * Postings: the lines of posted lists, each moving a positive quantity from one account to another.
 * Append-only — a trigger in the migration refuses UPDATE and DELETE.
 */
export const postings = pgTable(
  'bonded_postings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    listId: uuid('list_id').notNull(),
    lineNo: integer('line_no').notNull(),
    itemId: uuid('item_id').notNull(),
    fromAccount: bigint('from_account', { mode: 'number' }).notNull(),
    toAccount: bigint('to_account', { mode: 'number' }).notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('bonded_postings_line_key').on(table.listId, table.lineNo),
    index('bonded_postings_item_idx').on(table.itemId, table.id),
    check('bonded_postings_positive', sql`${table.quantityMilli} > 0`),
    check('bonded_postings_two_accounts', sql`${table.fromAccount} <> ${table.toAccount}`),
  ],
);

/** Consumption norms (单耗) registered in a processing book: material per unit of product. */
export const norms = pgTable(
  'bonded_norms',
  {
    bookId: uuid('book_id').notNull(),
    productItemId: uuid('product_item_id').notNull(),
    materialItemId: uuid('material_item_id').notNull(),
    netConsumption: numeric('net_consumption', { precision: 18, scale: 9 }).notNull(),
    lossRate: numeric('loss_rate', { precision: 10, scale: 9 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.productItemId, table.materialItemId] })],
);

/** Gate passes (核放单): one vehicle through the gate, carrying goods of one or more lists. */
export const gatePasses = pgTable(
  'bonded_gate_passes',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    vehiclePlate: text('vehicle_plate').notNull(),
    containers: jsonb('containers').$type<string[]>().notNull(),
    status: text('status', { enum: ['issued', 'passed'] }).notNull(),
    passedAt: timestamp('passed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('bonded_gate_passes_number_key').on(table.number)],
);

export const gatePassLists = pgTable(
  'bonded_gate_pass_lists',
  {
    gatePassId: uuid('gate_pass_id')
      .notNull()
      .references(() => gatePasses.id),
    listId: uuid('list_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.gatePassId, table.listId] }),
    index('bonded_gate_pass_lists_list_idx').on(table.listId),
  ],
);

/**
 * Consolidated declarations (集中申报): the batches an approved enterprise released in a period,
 * declared once. A period is at most a calendar month and never crosses a year.
 */
export const consolidations = pgTable(
  'bonded_consolidations',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    bookId: uuid('book_id').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['open', 'filed'] }).notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    /** The import declaration filed for the period's batches. */
    declarationId: uuid('declaration_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('bonded_consolidations_number_key').on(table.number),
    uniqueIndex('bonded_consolidations_period_key').on(table.bookId, table.periodFrom),
    check(
      'bonded_consolidations_one_year',
      sql`${table.periodTo} >= ${table.periodFrom} AND date_part('year', ${table.periodFrom}) = date_part('year', ${table.periodTo})`,
    ),
  ],
);
