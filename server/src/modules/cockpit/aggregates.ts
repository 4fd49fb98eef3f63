/**
 * The subscribers that keep the cockpit's aggregates. Each handler runs in one transaction that
 * (1) records the event id (a redelivery finds it and stops), (2) for declarations and shipments, locks
 * the entity's contribution row, reads the entity's current facts through the owning module's public
 * function, and applies (new − old) to the aggregate rows, and (3) stores the new contribution. Because
 * the facts are read under the lock, events that arrive twice, late or out of order still leave the
 * aggregates equal to a full recomputation (the property test checks exactly that).
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../platform/db/client.js';
import type { EventEnvelope, Subscriber } from '../events/index.js';
import { shipmentFacts } from '../logistics/index.js';
import { declarationFacts } from '../trade/index.js';
import { clearanceBucket } from './clearance.js';

/** Processed-event ids are kept this long: far beyond the dispatcher's last retry (15 attempts, ≤ 15 min apart). */
export const PROCESSED_EVENTS_KEEP_MS = 7 * 86_400_000;

const DECLARATION_EVENTS = [
  'trade.declaration_submitted',
  'trade.declaration_released',
  // A rejection sets the decision time but not the release: re-read so the contribution stays exact.
  'trade.declaration_rejected',
];
const SHIPMENT_EVENTS = [
  'logistics.shipment_booked',
  'logistics.shipment_amended',
  'logistics.shipment_cancelled',
  // Every booking issues its bill of lading; shipments loaded without a booking event (the demo) have one too.
  'logistics.document_issued',
];

/** Zone-time month (UTC+8) of an instant. */
export function zoneMonth(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** True when this event was already applied; otherwise marks it applied (in the caller's transaction). */
async function alreadyProcessed(tx: Tx, eventId: string): Promise<boolean> {
  const rows = await queryRows<{ event_id: string }>(
    tx,
    sql`INSERT INTO cockpit_processed_events (event_id) VALUES (${eventId}) ON CONFLICT DO NOTHING RETURNING event_id`,
  );
  return rows.length === 0;
}

interface DeclarationContribution {
  declaration_date: string | null;
  month: string | null;
  trade_country: string | null;
  direction: string | null;
  channel: string | null;
  value_fen: string | number;
  clearance_bucket: number | null;
}

export async function applyDeclaration(tx: Tx, declarationId: string): Promise<void> {
  await tx.execute(
    sql`INSERT INTO cockpit_declaration_contributions (declaration_id) VALUES (${declarationId}) ON CONFLICT DO NOTHING`,
  );
  const [old] = await queryRows<DeclarationContribution>(
    tx,
    sql`SELECT declaration_date, month, trade_country, direction, channel, value_fen, clearance_bucket
        FROM cockpit_declaration_contributions WHERE declaration_id = ${declarationId} FOR UPDATE`,
  );
  const facts = await declarationFacts(tx, declarationId);
  const next: DeclarationContribution = facts
    ? {
        declaration_date: facts.date,
        month: facts.month,
        trade_country: facts.tradeCountry,
        direction: facts.direction,
        channel: facts.channel,
        value_fen: facts.valueFen,
        clearance_bucket: facts.clearanceSeconds === null ? null : clearanceBucket(facts.clearanceSeconds),
      }
    : {
        declaration_date: null,
        month: null,
        trade_country: null,
        direction: null,
        channel: null,
        value_fen: 0,
        clearance_bucket: null,
      };
  const same =
    old!.declaration_date === next.declaration_date &&
    old!.month === next.month &&
    old!.trade_country === next.trade_country &&
    old!.direction === next.direction &&
    old!.channel === next.channel &&
    Number(old!.value_fen) === Number(next.value_fen) &&
    old!.clearance_bucket === next.clearance_bucket;
  if (same) return;
  // Remove the old contribution, add the new one; rows in key order so concurrent handlers never deadlock.
  const statDeltas = [
    ...(old!.month !== null ? [{ c: old!, sign: -1 }] : []),
    ...(next.month !== null ? [{ c: next, sign: 1 }] : []),
  ].sort((a, b) =>
    `${a.c.month}|${a.c.trade_country}|${a.c.direction}|${a.c.channel}`.localeCompare(
      `${b.c.month}|${b.c.trade_country}|${b.c.direction}|${b.c.channel}`,
    ),
  );
  for (const { c, sign } of statDeltas) {
    await tx.execute(
      sql`INSERT INTO cockpit_declaration_stats AS s (month, trade_country, direction, channel, declarations, value_fen, released)
          VALUES (${c.month}, ${c.trade_country}, ${c.direction}, ${c.channel}, ${sign}, ${sign * Number(c.value_fen)},
                  ${c.clearance_bucket === null ? 0 : sign})
          ON CONFLICT (month, trade_country, direction, channel) DO UPDATE SET
            declarations = s.declarations + EXCLUDED.declarations,
            value_fen = s.value_fen + EXCLUDED.value_fen,
            released = s.released + EXCLUDED.released`,
    );
  }
  const histogramDeltas = statDeltas
    .filter(({ c }) => c.clearance_bucket !== null)
    .sort((a, b) =>
      `${a.c.month}|${a.c.channel}|${a.c.clearance_bucket}`.localeCompare(
        `${b.c.month}|${b.c.channel}|${b.c.clearance_bucket}`,
      ),
    );
  for (const { c, sign } of histogramDeltas) {
    await tx.execute(
      sql`INSERT INTO cockpit_clearance_histogram AS h (month, channel, bucket, declarations)
          VALUES (${c.month}, ${c.channel}, ${c.clearance_bucket}, ${sign})
          ON CONFLICT (month, channel, bucket) DO UPDATE SET declarations = h.declarations + EXCLUDED.declarations`,
    );
  }
  await tx.execute(
    sql`UPDATE cockpit_declaration_contributions SET declaration_date = ${next.declaration_date}, month = ${next.month}, trade_country = ${next.trade_country},
          direction = ${next.direction}, channel = ${next.channel}, value_fen = ${Number(next.value_fen)},
          clearance_bucket = ${next.clearance_bucket}, updated_at = now()
        WHERE declaration_id = ${declarationId}`,
  );
}

interface ShipmentContribution {
  month: string | null;
  mode: string | null;
  direction: string | null;
  teu: number;
}

export async function applyShipment(tx: Tx, shipmentId: string): Promise<void> {
  await tx.execute(
    sql`INSERT INTO cockpit_shipment_contributions (shipment_id) VALUES (${shipmentId}) ON CONFLICT DO NOTHING`,
  );
  const [old] = await queryRows<ShipmentContribution>(
    tx,
    sql`SELECT month, mode, direction, teu FROM cockpit_shipment_contributions WHERE shipment_id = ${shipmentId} FOR UPDATE`,
  );
  const facts = await shipmentFacts(tx, shipmentId);
  const next: ShipmentContribution =
    facts && !facts.cancelled
      ? { month: facts.month, mode: facts.mode, direction: facts.direction, teu: facts.teu }
      : { month: null, mode: null, direction: null, teu: 0 };
  if (
    old!.month === next.month &&
    old!.mode === next.mode &&
    old!.direction === next.direction &&
    old!.teu === next.teu
  ) {
    return;
  }
  const deltas = [
    ...(old!.month !== null ? [{ c: old!, sign: -1 }] : []),
    ...(next.month !== null ? [{ c: next, sign: 1 }] : []),
  ].sort((a, b) =>
    `${a.c.month}|${a.c.mode}|${a.c.direction}`.localeCompare(`${b.c.month}|${b.c.mode}|${b.c.direction}`),
  );
  for (const { c, sign } of deltas) {
    await tx.execute(
      sql`INSERT INTO cockpit_shipment_stats AS s (month, mode, direction, shipments, teu)
          VALUES (${c.month}, ${c.mode}, ${c.direction}, ${sign}, ${sign * c.teu})
          ON CONFLICT (month, mode, direction) DO UPDATE SET shipments = s.shipments + EXCLUDED.shipments,
            teu = s.teu + EXCLUDED.teu`,
    );
  }
  await tx.execute(
    sql`UPDATE cockpit_shipment_contributions SET month = ${next.month}, mode = ${next.mode}, direction = ${next.direction},
          teu = ${next.teu}, updated_at = now() WHERE shipment_id = ${shipmentId}`,
  );
}

/** A posted verification list: append-only (corrections are reversal lists), so one add per event. */
async function applyBondedList(tx: Tx, event: EventEnvelope): Promise<void> {
  const payload = event.payload as { kind?: unknown; lines?: unknown };
  const kind = typeof payload.kind === 'string' ? payload.kind : 'unknown';
  const lines = Array.isArray(payload.lines) ? (payload.lines as { quantityMilli?: unknown }[]) : [];
  const quantityMilli = lines.reduce((sum, l) => sum + (typeof l.quantityMilli === 'number' ? l.quantityMilli : 0), 0);
  await tx.execute(
    sql`INSERT INTO cockpit_bonded_stats AS b (month, kind, lists, lines, quantity_milli)
        VALUES (${zoneMonth(event.occurredAt)}, ${kind}, 1, ${lines.length}, ${quantityMilli})
        ON CONFLICT (month, kind) DO UPDATE SET lists = b.lists + 1, lines = b.lines + EXCLUDED.lines,
          quantity_milli = b.quantity_milli + EXCLUDED.quantity_milli`,
  );
}

const GRADES = new Set(['A', 'B', 'C', 'D']);

async function applyEnterpriseActivated(tx: Tx, event: EventEnvelope): Promise<void> {
  const payload = event.payload as { enterpriseId?: unknown; countryCode?: unknown; activatedAt?: unknown };
  if (typeof payload.enterpriseId !== 'string') return;
  const country = typeof payload.countryCode === 'string' ? payload.countryCode : null;
  const at = typeof payload.activatedAt === 'string' ? payload.activatedAt : event.occurredAt;
  await tx.execute(
    sql`INSERT INTO cockpit_enterprises (enterprise_id, country_code, activated_month)
        VALUES (${payload.enterpriseId}, ${country}, ${zoneMonth(at)})
        ON CONFLICT (enterprise_id) DO UPDATE SET country_code = EXCLUDED.country_code,
          activated_month = EXCLUDED.activated_month`,
  );
}

async function applyGradeChanged(tx: Tx, event: EventEnvelope): Promise<void> {
  const payload = event.payload as { enterpriseId?: unknown; grade?: unknown; computedAt?: unknown };
  if (typeof payload.enterpriseId !== 'string' || typeof payload.grade !== 'string') return;
  const grade = GRADES.has(payload.grade) ? payload.grade : 'unknown';
  const at = typeof payload.computedAt === 'string' ? payload.computedAt : event.occurredAt;
  // The newest computation wins whatever order the events arrive in.
  await tx.execute(
    sql`INSERT INTO cockpit_enterprises AS e (enterprise_id, grade, grade_at) VALUES (${payload.enterpriseId}, ${grade}, ${at})
        ON CONFLICT (enterprise_id) DO UPDATE SET grade = EXCLUDED.grade, grade_at = EXCLUDED.grade_at
        WHERE e.grade_at IS NULL OR e.grade_at <= EXCLUDED.grade_at`,
  );
}

function idOf(event: EventEnvelope, key: string): string | null {
  const value = event.payload[key];
  return typeof value === 'string' ? value : null;
}

/** One idempotent transaction per event: the id is recorded with the update, or neither happens. */
export async function handleCockpitEvent(db: Db, event: EventEnvelope): Promise<void> {
  await db.transaction(async (tx) => {
    if (await alreadyProcessed(tx, event.id)) return;
    if (DECLARATION_EVENTS.includes(event.type)) {
      const id = idOf(event, 'declarationId');
      if (id) await applyDeclaration(tx, id);
    } else if (SHIPMENT_EVENTS.includes(event.type)) {
      const id = idOf(event, 'shipmentId');
      if (id) await applyShipment(tx, id);
    } else if (event.type === 'bonded.list_posted') {
      await applyBondedList(tx, event);
    } else if (event.type === 'registry.enterprise_activated') {
      await applyEnterpriseActivated(tx, event);
    } else if (event.type === 'credit.grade_changed') {
      await applyGradeChanged(tx, event);
    }
  });
}

export const COCKPIT_EVENT_TYPES = [
  ...DECLARATION_EVENTS,
  ...SHIPMENT_EVENTS,
  'bonded.list_posted',
  'registry.enterprise_activated',
  'credit.grade_changed',
] as const;

/** One subscriber per event type (not `trade.*`): the busy tracking milestones never reach us. */
export function cockpitSubscribers(db: Db): Subscriber[] {
  return COCKPIT_EVENT_TYPES.map((type) => ({
    name: `cockpit.${type}`,
    pattern: type,
    handle: (event: EventEnvelope) => handleCockpitEvent(db, event),
  }));
}

/** Hourly: forget processed-event ids no redelivery can still carry. */
export async function purgeProcessedEvents(db: Db, now: Date): Promise<void> {
  await db.execute(
    sql`DELETE FROM cockpit_processed_events WHERE processed_at < ${new Date(now.getTime() - PROCESSED_EVENTS_KEEP_MS).toISOString()}`,
  );
}
