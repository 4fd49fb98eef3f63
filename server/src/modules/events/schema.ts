import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The transactional outbox. A module writes its event here in the same transaction as its
 * state change, so an acknowledged change always has its event and a rolled-back one never does.
 * Distribution key for Citus: enterprise_id (null for zone-wide events, which are few).
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    module: text('module').notNull(),
    type: text('type').notNull(),
    enterpriseId: uuid('enterprise_id'),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (table) => [index('outbox_events_undispatched_idx').on(table.id).where(sql`dispatched_at IS NULL`)],
);

/** One row per event per target; the unit of retry and of the delivery log. */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outboxId: bigint('outbox_id', { mode: 'number' })
      .notNull()
      .references(() => outboxEvents.id),
    target: text('target').notNull(),
    webhookId: uuid('webhook_id'),
    status: text('status', { enum: ['pending', 'delivered', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    lastStatusCode: integer('last_status_code'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('event_deliveries_outbox_target_uq').on(table.outboxId, table.target),
    index('event_deliveries_due_idx').on(table.nextAttemptAt).where(sql`status = 'pending'`),
    index('event_deliveries_webhook_idx').on(table.webhookId, table.id),
  ],
);

/** Webhook subscriptions of a tenant (or of an authority, which sees zone-wide events). */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id'),
    authorityId: uuid('authority_id'),
    createdBy: uuid('created_by').notNull(),
    url: text('url').notNull(),
    // The HMAC key must be readable to sign bodies; it is shown once on creation and never logged.
    secret: text('secret').notNull(),
    eventTypes: text('event_types').array().notNull(),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('webhooks_enterprise_idx').on(table.enterpriseId)],
);
