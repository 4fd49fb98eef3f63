import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FactorContribution } from './engine.js';

/**
 * One fact per source event: what the platform's own records say about an enterprise (a rejected
 * declaration, a stocktake adjustment …). The unique source event id makes a redelivered event a no-op.
 * A fact named by an accepted repair request stops counting from `repaired_at` on; it is never deleted.
 */
export const creditFacts = pgTable(
  'credit_facts',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    sourceEventId: uuid('source_event_id').notNull(),
    kind: text('kind').notNull(),
    /** What the fact is about (declaration id, list id, consolidation id, shipment id), for display. */
    subjectId: text('subject_id'),
    subjectRef: text('subject_ref'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    repairedAt: timestamp('repaired_at', { withTimezone: true }),
    repairId: uuid('repair_id'),
  },
  (table) => [
    uniqueIndex('credit_facts_source_event').on(table.sourceEventId),
    // Recompute reads only this: the counting facts of one enterprise grouped by kind.
    index('credit_facts_counting').on(table.enterpriseId, table.kind).where(sql`${table.repairedAt} IS NULL`),
    index('credit_facts_subject').on(table.enterpriseId, table.subjectId),
  ],
);

/** The current grade of each enterprise; one row, replaced on every recompute that changes it. */
export const creditScores = pgTable(
  'credit_scores',
  {
    enterpriseId: uuid('enterprise_id').primaryKey(),
    score: integer('score').notNull(),
    grade: text('grade', { enum: ['A', 'B', 'C', 'D'] }).notNull(),
    factors: jsonb('factors').$type<FactorContribution[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('credit_scores_bounds', sql`${table.score} BETWEEN 0 AND 100`)],
);

/** Every score change, append-only (trigger in the migration): the enterprise's credit history. */
export const creditHistory = pgTable(
  'credit_grade_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    score: integer('score').notNull(),
    grade: text('grade', { enum: ['A', 'B', 'C', 'D'] }).notNull(),
    previousGrade: text('previous_grade', { enum: ['A', 'B', 'C', 'D'] }),
    factors: jsonb('factors').$type<FactorContribution[]>().notNull(),
    /** The fact kind or repair that caused the recompute. */
    cause: text('cause').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('credit_grade_history_enterprise').on(table.enterpriseId, table.id)],
);

export const REPAIR_STATUSES = ['pending', 'accepted', 'refused'] as const;

/** Credit repair (信用修复): the enterprise's request with evidence, and the admin's recorded decision. */
export const creditRepairs = pgTable(
  'credit_repairs',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    factIds: uuid('fact_ids').array().notNull(),
    evidence: text('evidence').notNull(),
    references: text('references').array().notNull(),
    status: text('status', { enum: REPAIR_STATUSES }).notNull().default('pending'),
    filedBy: uuid('filed_by').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (table) => [index('credit_repairs_enterprise').on(table.enterpriseId, table.filedAt)],
);
