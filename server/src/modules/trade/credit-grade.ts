/**
 * The trade centre's side of the registry's credit records. (1) The public credit grade: `credit.grade_changed` is projected into the declarant's own
 * profile row (trade_declarant_profiles.public_grade), where the next declaration's risk assessment reads it. An
 * event, not a join into the credit module's tables. Idempotent and order-proof: the row keeps the grade with the
 * latest `computedAt`, so a redelivered or late event changes nothing. (2) The customs credit tier recorded in the
 * registry (`registry.customs_status_changed`) becomes the declarant's credit class, unless the profile was
 * changed after the event (an officer's later edit in the trade centre wins).
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import type { EventEnvelope, Subscriber } from '../events/index.js';
import { CREDIT_CLASSES, type CreditClass, PUBLIC_GRADES, type PublicGrade } from './risk/index.js';

export async function applyGradeEvent(db: Db, event: EventEnvelope): Promise<boolean> {
  const { enterpriseId, grade, computedAt } = event.payload as {
    enterpriseId?: unknown;
    grade?: unknown;
    computedAt?: unknown;
  };
  if (typeof enterpriseId !== 'string' || typeof computedAt !== 'string') return false;
  if (!(PUBLIC_GRADES as readonly unknown[]).includes(grade)) return false;
  const at = new Date(computedAt);
  if (Number.isNaN(at.getTime())) return false;
  const rows = await queryRows<{ enterprise_id: string }>(
    db,
    sql`INSERT INTO trade_declarant_profiles (enterprise_id, public_grade, public_grade_at)
        VALUES (${enterpriseId}, ${grade as PublicGrade}, ${at.toISOString()})
        ON CONFLICT (enterprise_id) DO UPDATE
          SET public_grade = EXCLUDED.public_grade, public_grade_at = EXCLUDED.public_grade_at, updated_at = now()
          WHERE trade_declarant_profiles.public_grade_at IS NULL
             OR trade_declarant_profiles.public_grade_at < EXCLUDED.public_grade_at
        RETURNING enterprise_id`,
  );
  return rows.length > 0;
}

export function creditGradeSubscriber(db: Db): Subscriber {
  return {
    name: 'trade-credit-grade',
    pattern: 'credit.grade_changed',
    handle: async (event) => {
      await applyGradeEvent(db, event);
    },
  };
}

export async function applyCustomsStatusEvent(db: Db, event: EventEnvelope): Promise<boolean> {
  const { enterpriseId, customsCreditTier } = event.payload as { enterpriseId?: unknown; customsCreditTier?: unknown };
  if (typeof enterpriseId !== 'string') return false;
  if (!(CREDIT_CLASSES as readonly unknown[]).includes(customsCreditTier)) return false;
  const at = new Date(event.occurredAt);
  if (Number.isNaN(at.getTime())) return false;
  const rows = await queryRows<{ enterprise_id: string }>(
    db,
    sql`INSERT INTO trade_declarant_profiles (enterprise_id, credit_class, updated_at)
        VALUES (${enterpriseId}, ${customsCreditTier as CreditClass}, ${at.toISOString()})
        ON CONFLICT (enterprise_id) DO UPDATE
          SET credit_class = EXCLUDED.credit_class, updated_at = EXCLUDED.updated_at
          WHERE trade_declarant_profiles.updated_at <= EXCLUDED.updated_at
        RETURNING enterprise_id`,
  );
  return rows.length > 0;
}

export function customsStatusSubscriber(db: Db): Subscriber {
  return {
    name: 'trade-customs-status',
    pattern: 'registry.customs_status_changed',
    handle: async (event) => {
      await applyCustomsStatusEvent(db, event);
    },
  };
}
