import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuditEntry, actorOf, recordAudit } from '../audit/index.js';
import { isUniqueViolation, type Tx } from '../db/client.js';
import type { Principal } from './context.js';
import { claimIdempotencyKey, findIdempotentAnswer, replay, storeIdempotentAnswer } from './idempotency.js';
import { DomainError, unauthenticated } from './problem.js';

export interface MutationContext {
  tx: Tx;
  principal: Principal;
  requestId: string;
  /** Records who changed what, in the same transaction as the change. */
  audit(entry: AuditEntry): Promise<void>;
}

export interface MutationOutcome<T> {
  statusCode: number;
  body: T;
}

/**
 * The one way a route changes data. In a single transaction it runs the work (which writes its
 * own rows and outbox events), and the audit record, and — when the request carries an
 * Idempotency-Key — the answer to replay. Either all of that commits or none of it does.
 */
export async function runMutation<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (context: MutationContext) => Promise<MutationOutcome<T>>,
): Promise<FastifyReply> {
  const principal = request.principal;
  if (!principal) throw unauthenticated();
  const { db, afterCommit } = request.server.platform;
  const idempotency = request.idempotency;
  let audited = 0;
  try {
    const outcome = await db.transaction(async (tx) => {
      // Claim the key first: a concurrent duplicate blocks on this row until we commit, then
      // fails on the primary key and replays our answer instead of doing the work again.
      if (idempotency) await claimIdempotencyKey(tx, idempotency);
      const result = await work({
        tx,
        principal,
        requestId: request.id,
        audit: async (entry) => {
          audited += 1;
          await recordAudit(tx, actorOf(principal), request.id, entry);
        },
      });
      if (audited === 0) throw new Error(`mutation ${request.routeOptions.url} wrote no audit record`);
      if (idempotency) await storeIdempotentAnswer(tx, idempotency, result.statusCode, result.body);
      return result;
    });
    afterCommit();
    return reply.code(outcome.statusCode).send(outcome.body);
  } catch (error) {
    if (idempotency && isUniqueViolation(error)) {
      const stored = await findIdempotentAnswer(db, idempotency.scope, idempotency.key);
      if (stored && stored.requestHash !== idempotency.requestHash)
        throw new DomainError('idempotency_key_reused', 422);
      if (stored) return replay(reply, stored);
    }
    throw error;
  }
}
