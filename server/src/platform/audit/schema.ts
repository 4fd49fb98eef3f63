import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only record of every mutation: who (user and, for systems, the API key), what
 * (action on an entity), when, and the entity before and after (secrets redacted).
 * Distribution key for Citus: enterprise_id of the actor's tenant.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    actorRole: text('actor_role'),
    enterpriseId: uuid('enterprise_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (table) => [
    index('audit_log_enterprise_idx').on(table.enterpriseId, table.id),
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
  ],
);
