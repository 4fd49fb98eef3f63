import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { DomainError, invalidFields, notFound } from '../../platform/http/problem.js';
import { type EventEnvelope, emitEvent } from '../events/index.js';
import { getEnterprise } from '../registry/index.js';
import {
  assessCredit,
  BAD_FACT_KINDS,
  type CreditAssessment,
  FACT_KINDS,
  type FactCounts,
  type FactKind,
  type Grade,
} from './engine.js';
import { creditFacts, creditHistory, creditRepairs, creditScores } from './schema.js';

export type CreditFact = typeof creditFacts.$inferSelect;
export type CreditRepair = typeof creditRepairs.$inferSelect;
export type CreditHistoryRow = typeof creditHistory.$inferSelect;

/**
 * Days after release within which duty secured by a guarantee must be paid to count as on time. (memory) China
 * gives 15 days from the tax payment notice (缴款书); we count from release because the platform issues the
 * notice then. Unconfirmed: verify before relying on it outside the demo.
 */
export const DUTY_PAYMENT_DAYS = 15;
const DAY_MS = 86_400_000;

/** Roles that see every enterprise's grade (supervision); others see only their own tenant's. */
const CROSS_TENANT_READERS = new Set(['customs_officer', 'zone_admin']);

export const FACTS_LIST_MAX = 200;
export const HISTORY_LIST_MAX = 200;
export const REPAIRS_LIST_MAX = 100;
export const GRADES_LIST_MAX = 5_000;
export const REPAIR_FACTS_MAX = 50;

interface NewFact {
  kind: FactKind;
  subjectId: string | null;
  subjectRef: string | null;
  details: Record<string, unknown>;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Maps an event onto the fact it proves about its enterprise, or null when it proves nothing we count.
 * Reads only the credit module's own facts (the release a payment belongs to).
 */
export async function factOfEvent(tx: Queryable, event: EventEnvelope): Promise<NewFact | null> {
  const payload = event.payload;
  const declarationId = str(payload.declarationId);
  const number = str(payload.number) ?? str(payload.declarationNumber);
  const declarationFact = (kind: FactKind, details: Record<string, unknown> = {}): NewFact => ({
    kind,
    subjectId: declarationId,
    subjectRef: number,
    details,
  });
  switch (event.type) {
    case 'trade.declaration_submitted':
      return declarationFact('declaration_submitted', { channel: payload.channel ?? null });
    case 'trade.declaration_released':
      return declarationFact('declaration_released', {
        payment: payload.payment ?? null,
        releasedAt: payload.releasedAt ?? event.occurredAt,
      });
    case 'trade.declaration_rejected':
      return declarationFact('declaration_rejected', { note: payload.note ?? null });
    case 'trade.declaration_inspection_findings': {
      const findings = payload.findings as { result?: string } | null;
      return declarationFact(findings?.result === 'discrepancy' ? 'inspection_discrepancy' : 'inspection_clean', {
        result: findings?.result ?? null,
      });
    }
    case 'trade.declaration_paid':
      return declarationFact(await paymentKind(tx, event, declarationId), { taxFen: payload.taxFen ?? null });
    case 'bonded.stocktake_decided':
      // Only an approved adjustment proves the book differed from the stock; a refused one changed nothing.
      return payload.status === 'posted'
        ? { kind: 'stocktake_adjustment', subjectId: str(payload.listId), subjectRef: str(payload.number), details: {} }
        : null;
    case 'bonded.consolidation_overdue':
      return {
        kind: 'consolidation_overdue',
        subjectId: str(payload.consolidationId),
        subjectRef: str(payload.number),
        details: { dueOn: payload.dueOn ?? null },
      };
    case 'logistics.shipment_cancelled':
      return {
        kind: 'shipment_cancelled',
        subjectId: str(payload.shipmentId),
        subjectRef: str(payload.blNumber),
        details: {},
      };
    default:
      return null;
  }
}

/**
 * A payment is late when the declaration was released on a guarantee and paid more than DUTY_PAYMENT_DAYS after
 * the release. A payment before release (or with no release fact yet) is on time.
 */
async function paymentKind(tx: Queryable, event: EventEnvelope, declarationId: string | null): Promise<FactKind> {
  if (!declarationId || !event.enterpriseId) return 'duty_paid_on_time';
  const [release] = await tx
    .select({ details: creditFacts.details, occurredAt: creditFacts.occurredAt })
    .from(creditFacts)
    .where(
      and(
        eq(creditFacts.enterpriseId, event.enterpriseId),
        eq(creditFacts.subjectId, declarationId),
        eq(creditFacts.kind, 'declaration_released'),
      ),
    )
    .limit(1);
  if (release?.details.payment !== 'guaranteed') return 'duty_paid_on_time';
  const releasedAt = Date.parse(String(release.details.releasedAt ?? release.occurredAt.toISOString()));
  const paidAt = Date.parse(event.occurredAt);
  return paidAt - releasedAt > DUTY_PAYMENT_DAYS * DAY_MS ? 'duty_paid_late' : 'duty_paid_on_time';
}

/**
 * Records the fact an event proves (once per event id) and recomputes the enterprise's grade in the same
 * transaction. A redelivered event inserts nothing and recomputes nothing. Returns whether a fact was new.
 */
export async function recordEvent(db: Db, event: EventEnvelope, now = new Date()): Promise<boolean> {
  const enterpriseId = event.enterpriseId;
  if (!enterpriseId) return false;
  return db.transaction(async (tx) => {
    if (event.type === 'registry.enterprise_activated') {
      // No fact: a newly active enterprise gets its first grade (and the cockpit its first grade event).
      await recompute(tx, enterpriseId, 'activated', now);
      return false;
    }
    const fact = await factOfEvent(tx, event);
    if (!fact) return false;
    const inserted = await tx
      .insert(creditFacts)
      .values({
        id: randomUUID(),
        enterpriseId,
        sourceEventId: event.id,
        kind: fact.kind,
        subjectId: fact.subjectId,
        subjectRef: fact.subjectRef,
        occurredAt: new Date(event.occurredAt),
        details: fact.details,
      })
      .onConflictDoNothing({ target: creditFacts.sourceEventId })
      .returning({ id: creditFacts.id });
    if (inserted.length === 0) return false;
    await recompute(tx, enterpriseId, fact.kind, now);
    return true;
  });
}

/** The enterprise's counting facts (not repaired), by kind: the engine's whole input. */
export async function countFacts(db: Queryable, enterpriseId: string): Promise<FactCounts> {
  const rows = await queryRows<{ kind: string; n: number }>(
    db,
    sql`SELECT kind, count(*)::int AS n FROM credit_facts
        WHERE enterprise_id = ${enterpriseId} AND repaired_at IS NULL GROUP BY kind`,
  );
  const counts: FactCounts = {};
  for (const row of rows)
    if ((FACT_KINDS as readonly string[]).includes(row.kind)) counts[row.kind as FactKind] = row.n;
  return counts;
}

/**
 * Recomputes one enterprise's grade under a per-enterprise transaction lock (two facts arriving together queue,
 * so neither overwrites the other's count). Appends history when the score moves and emits
 * `credit.grade_changed` when the grade does (and for the first grade, with previousGrade null).
 */
export async function recompute(tx: Tx, enterpriseId: string, cause: string, now: Date): Promise<CreditAssessment> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`credit:${enterpriseId}`}, 0))`);
  const assessment = assessCredit(await countFacts(tx, enterpriseId));
  const [previous] = await tx
    .select({ score: creditScores.score, grade: creditScores.grade })
    .from(creditScores)
    .where(eq(creditScores.enterpriseId, enterpriseId));
  const values = {
    score: assessment.score,
    grade: assessment.grade,
    factors: assessment.factors,
    computedAt: now,
  };
  await tx
    .insert(creditScores)
    .values({ enterpriseId, ...values })
    .onConflictDoUpdate({ target: creditScores.enterpriseId, set: values });
  if (!previous || previous.score !== assessment.score) {
    await tx.insert(creditHistory).values({
      enterpriseId,
      ...values,
      previousGrade: previous?.grade ?? null,
      cause,
    });
  }
  if (!previous || previous.grade !== assessment.grade) {
    await emitEvent(tx, {
      module: 'credit',
      event: 'grade_changed',
      enterpriseId,
      payload: {
        enterpriseId,
        score: assessment.score,
        grade: assessment.grade,
        previousGrade: previous?.grade ?? null,
        computedAt: now.toISOString(),
      },
    });
  }
  return assessment;
}

/** 404 unless the caller may see this enterprise's credit: its own users, customs and the zone administration. */
export async function assertCanRead(db: Queryable, principal: Principal, enterpriseId: string): Promise<void> {
  if (!CROSS_TENANT_READERS.has(principal.role) && principal.enterpriseId !== enterpriseId) {
    throw notFound('enterprise');
  }
  if (!(await getEnterprise(db, enterpriseId))) throw notFound('enterprise');
}

export interface CreditView extends CreditAssessment {
  enterpriseId: string;
  /** Null when no fact or activation has been processed yet: the score is then computed on the fly. */
  computedAt: Date | null;
}

export async function creditOf(db: Queryable, enterpriseId: string): Promise<CreditView> {
  const [row] = await db.select().from(creditScores).where(eq(creditScores.enterpriseId, enterpriseId));
  if (row) {
    return {
      enterpriseId,
      score: row.score,
      grade: row.grade as Grade,
      factors: row.factors,
      computedAt: row.computedAt,
    };
  }
  return { enterpriseId, ...assessCredit(await countFacts(db, enterpriseId)), computedAt: null };
}

export async function listFacts(db: Queryable, enterpriseId: string, limit: number): Promise<CreditFact[]> {
  return db
    .select()
    .from(creditFacts)
    .where(eq(creditFacts.enterpriseId, enterpriseId))
    .orderBy(desc(creditFacts.occurredAt), desc(creditFacts.id))
    .limit(Math.min(limit, FACTS_LIST_MAX));
}

export async function listHistory(db: Queryable, enterpriseId: string): Promise<CreditHistoryRow[]> {
  return db
    .select()
    .from(creditHistory)
    .where(eq(creditHistory.enterpriseId, enterpriseId))
    .orderBy(desc(creditHistory.id))
    .limit(HISTORY_LIST_MAX);
}

export async function listRepairs(
  db: Queryable,
  filter: { enterpriseId?: string; status?: CreditRepair['status'] },
): Promise<CreditRepair[]> {
  const conditions = [
    ...(filter.enterpriseId ? [eq(creditRepairs.enterpriseId, filter.enterpriseId)] : []),
    ...(filter.status ? [eq(creditRepairs.status, filter.status)] : []),
  ];
  return db
    .select()
    .from(creditRepairs)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(creditRepairs.filedAt))
    .limit(REPAIRS_LIST_MAX);
}

export async function listGrades(db: Queryable) {
  return db
    .select({
      enterpriseId: creditScores.enterpriseId,
      score: creditScores.score,
      grade: creditScores.grade,
      computedAt: creditScores.computedAt,
    })
    .from(creditScores)
    .orderBy(creditScores.enterpriseId)
    .limit(GRADES_LIST_MAX);
}

/**
 * Files a repair request for the enterprise's own counting bad facts. Every named fact must be the enterprise's,
 * a penalty, and not yet repaired; otherwise 422 naming `body.factIds` and nothing is written.
 */
export async function fileRepair(
  tx: Tx,
  principal: Principal,
  enterpriseId: string,
  input: { factIds: string[]; evidence: string; references: string[] },
  now: Date,
): Promise<CreditRepair> {
  const ids = [...new Set(input.factIds)];
  const facts = await tx
    .select({ id: creditFacts.id, kind: creditFacts.kind })
    .from(creditFacts)
    .where(
      and(eq(creditFacts.enterpriseId, enterpriseId), inArray(creditFacts.id, ids), isNull(creditFacts.repairedAt)),
    );
  const repairable = new Set(
    facts.filter((fact) => (BAD_FACT_KINDS as readonly string[]).includes(fact.kind)).map((f) => f.id),
  );
  const issues = ids
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !repairable.has(id))
    .map(({ index }) => ({ field: `body.factIds.${index}`, code: 'fact_not_repairable' }));
  if (issues.length > 0) throw invalidFields(issues);
  const [row] = await tx
    .insert(creditRepairs)
    .values({
      id: randomUUID(),
      enterpriseId,
      factIds: ids,
      evidence: input.evidence,
      references: input.references,
      status: 'pending',
      filedBy: principal.userId,
      filedAt: now,
    })
    .returning();
  await emitEvent(tx, {
    module: 'credit',
    event: 'repair_filed',
    enterpriseId,
    payload: { repairId: row!.id, enterpriseId, facts: ids.length },
  });
  return row!;
}

/**
 * An admin's decision. Accept: the named facts stop counting from now (repaired_at), and the grade is
 * recomputed in the same transaction. Refuse: a reason is required. A decided request answers 409.
 */
export async function decideRepair(
  tx: Tx,
  principal: Principal,
  repairId: string,
  input: { decision: 'accept' | 'refuse'; reason?: string | undefined },
  now: Date,
): Promise<{ repair: CreditRepair; before: CreditRepair }> {
  const [repair] = await tx.select().from(creditRepairs).where(eq(creditRepairs.id, repairId)).for('update');
  if (!repair) throw notFound('credit_repair');
  if (repair.status !== 'pending') {
    throw new DomainError('repair_state', 409, { params: { status: repair.status } });
  }
  if (input.decision === 'refuse' && !input.reason) {
    throw invalidFields([{ field: 'body.reason', code: 'required' }]);
  }
  const status = input.decision === 'accept' ? 'accepted' : 'refused';
  const [updated] = await tx
    .update(creditRepairs)
    .set({ status, decidedBy: principal.userId, decidedAt: now, decisionReason: input.reason ?? null })
    .where(eq(creditRepairs.id, repairId))
    .returning();
  if (status === 'accepted') {
    await tx
      .update(creditFacts)
      .set({ repairedAt: now, repairId })
      .where(
        and(
          eq(creditFacts.enterpriseId, repair.enterpriseId),
          inArray(creditFacts.id, repair.factIds),
          isNull(creditFacts.repairedAt),
        ),
      );
    await recompute(tx, repair.enterpriseId, 'repair', now);
  }
  await emitEvent(tx, {
    module: 'credit',
    event: 'repair_decided',
    enterpriseId: repair.enterpriseId,
    payload: { repairId, enterpriseId: repair.enterpriseId, status },
  });
  return { repair: updated!, before: repair };
}

export async function findRepair(db: Queryable, id: string): Promise<CreditRepair | null> {
  const [row] = await db.select().from(creditRepairs).where(eq(creditRepairs.id, id));
  return row ?? null;
}
