import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/client.js';
import { principalScope } from './context.js';
import { DomainError } from './problem.js';
import { idempotencyRecords } from './schema.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Keys are remembered this long; a partner retrying later than that is making a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;

function hashRequest(request: FastifyRequest): string {
  return createHash('sha256')
    .update(request.method)
    .update('\n')
    .update(request.routeOptions.url ?? request.url)
    .update('\n')
    .update(JSON.stringify(request.params ?? {}))
    .update('\n')
    .update(JSON.stringify(request.query ?? {}))
    .update('\n')
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

export async function findIdempotentAnswer(db: Queryable, scope: string, key: string) {
  const [record] = await db
    .select()
    .from(idempotencyRecords)
    .where(and(eq(idempotencyRecords.scope, scope), eq(idempotencyRecords.key, key)));
  return record ?? null;
}

export function replay(reply: FastifyReply, record: { statusCode: number; body: unknown }): FastifyReply {
  return reply.code(record.statusCode).header('idempotent-replayed', 'true').send(record.body);
}

/**
 * preHandler: a mutating request with an Idempotency-Key whose answer we already hold gets
 * that answer again and changes nothing; the same key with a different request is refused.
 * Runs after authentication, so keys are scoped per caller and cannot collide across tenants.
 */
export async function idempotencyPreHandler(db: Queryable, request: FastifyRequest, reply: FastifyReply) {
  request.idempotency = null;
  const header = request.headers['idempotency-key'];
  if (header === undefined || !MUTATING.has(request.method) || !request.principal) return;
  if (request.routeOptions.config.idempotency === false) return;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY_PATTERN.test(key)) {
    throw new DomainError('validation_failed', 400, {
      params: { count: 1 },
      issues: [{ field: 'headers.idempotency-key', code: 'invalid_format', params: { format: '1–255 visible ASCII' } }],
    });
  }
  const scope = principalScope(request.principal);
  const requestHash = hashRequest(request);
  const existing = await findIdempotentAnswer(db, scope, key);
  if (existing) {
    if (existing.requestHash !== requestHash) throw new DomainError('idempotency_key_reused', 422);
    return replay(reply, existing);
  }
  request.idempotency = { key, scope, requestHash };
}

type IdempotencyClaim = { key: string; scope: string; requestHash: string };

/** Inserts the key's row inside the mutation's transaction; it is only visible once that commits. */
export async function claimIdempotencyKey(tx: Queryable, idempotency: IdempotencyClaim): Promise<void> {
  await tx.insert(idempotencyRecords).values({
    scope: idempotency.scope,
    key: idempotency.key,
    requestHash: idempotency.requestHash,
    statusCode: 0,
    body: null,
  });
}

export async function storeIdempotentAnswer(
  tx: Queryable,
  idempotency: IdempotencyClaim,
  statusCode: number,
  body: unknown,
): Promise<void> {
  await tx
    .update(idempotencyRecords)
    .set({ statusCode, body: body ?? null })
    .where(and(eq(idempotencyRecords.scope, idempotency.scope), eq(idempotencyRecords.key, idempotency.key)));
}

export async function purgeExpiredIdempotencyRecords(db: Queryable): Promise<void> {
  await db
    .delete(idempotencyRecords)
    .where(lt(idempotencyRecords.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`));
}
