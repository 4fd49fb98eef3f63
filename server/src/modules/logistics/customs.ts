// What the logistics centre offers the trade centre: a bill of lading a declaration may link to, and the
// "customs released" milestone a release turns into. Both go through this file so the trade module never
// reads logistics tables.
import { and, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import type { EventEnvelope } from '../events/index.js';
import { shipmentLegs, shipments } from './schema.js';
import { ingestEvents } from './tracking.js';

export interface LinkableShipment {
  id: string;
  blNumber: string;
  status: string;
  originLocode: string;
  destinationLocode: string;
  /** Modes of the shipment's trip legs, in order (a declaration's transport mode should be one of them). */
  modes: string[];
}

/**
 * The shipment a declaration of `enterpriseId` may link to by its bill of lading number: only the
 * enterprise's own shipments, so a declaration cannot be used to probe other tenants' bills.
 */
export async function findLinkableShipment(
  db: Queryable,
  enterpriseId: string,
  blNumber: string,
): Promise<LinkableShipment | null> {
  const [row] = await db
    .select()
    .from(shipments)
    .where(and(eq(shipments.blNumber, blNumber), eq(shipments.enterpriseId, enterpriseId)))
    .limit(1);
  if (!row) return null;
  const legs = await db
    .select({ mode: shipmentLegs.mode, kind: shipmentLegs.kind })
    .from(shipmentLegs)
    .where(eq(shipmentLegs.shipmentId, row.id))
    .orderBy(shipmentLegs.seq);
  return {
    id: row.id,
    blNumber: row.blNumber,
    status: row.status,
    originLocode: row.originLocode,
    destinationLocode: row.destinationLocode,
    modes: legs.filter((l) => l.kind === 'trip').map((l) => l.mode),
  };
}

/**
 * Turns `trade.declaration_released` into a CUSTOMS RELS tracking event on the linked shipment. The
 * tracking event id is derived from the declaration, so a redelivered event stores nothing new.
 */
export async function recordCustomsRelease(
  db: Db,
  event: EventEnvelope,
  borderLocodes: ReadonlySet<string>,
): Promise<void> {
  const p = event.payload as {
    declarationId?: string;
    declarationNumber?: string;
    blNumber?: string | null;
    locode?: string;
    releasedAt?: string;
    authorityId?: string | null;
    actorUserId?: string | null;
  };
  if (!p.blNumber || !p.declarationId || !p.locode || !p.releasedAt || !p.authorityId) return;
  const principal: Principal = {
    kind: 'api_key',
    userId: p.actorUserId ?? '00000000-0000-0000-0000-000000000000',
    apiKeyId: null,
    sessionId: null,
    role: 'customs_officer',
    enterpriseId: null,
    authorityId: p.authorityId,
    locale: 'en',
    displayName: 'customs',
  };
  await db.transaction(async (tx) => {
    const result = await ingestEvents(
      tx,
      principal,
      [
        {
          eventId: `customs-release-${p.declarationId}`,
          eventType: 'CUSTOMS',
          eventClassifierCode: 'ACT',
          code: 'RELS',
          eventDateTime: p.releasedAt as string,
          locode: p.locode as string,
          blNumber: p.blNumber as string,
          remark: `Declaration ${p.declarationNumber ?? ''} released`.trim(),
        },
      ],
      { fieldPrefix: '', borderLocodes, now: new Date() },
    );
    // A bill cancelled since cannot take the milestone; retrying would not change that.
    if (result.issues.length > 0) return;
  });
}
