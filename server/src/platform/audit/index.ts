import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import type { Principal } from '../http/context.js';
import { auditLog } from './schema.js';

export { auditLog } from './schema.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  userId: string | null;
  apiKeyId: string | null;
  role: string | null;
  enterpriseId: string | null;
}

const SECRET_FIELDS = new Set(['password', 'passwordHash', 'secret', 'token', 'tokenHash', 'keyHash', 'key']);

/** Copies a snapshot without the fields that must never be stored twice or shown in a log. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
      copy[key] = SECRET_FIELDS.has(key) ? '[redacted]' : redact(field);
    }
    return copy;
  }
  return value;
}

export function actorOf(principal: Principal): AuditActor {
  return {
    userId: principal.userId,
    apiKeyId: principal.apiKeyId,
    role: principal.role,
    enterpriseId: principal.enterpriseId,
  };
}

export async function recordAudit(
  tx: Queryable,
  actor: AuditActor,
  requestId: string | null,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    actorRole: actor.role,
    enterpriseId: actor.enterpriseId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId,
  });
}

export interface AuditQuery {
  enterpriseId: string | null;
  entityType?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Newest first, keyset-paged by id; enterpriseId null means the whole zone (authorities only). */
export async function listAudit(db: Queryable, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.enterpriseId) conditions.push(eq(auditLog.enterpriseId, query.enterpriseId));
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.beforeId) conditions.push(lt(auditLog.id, query.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
}
