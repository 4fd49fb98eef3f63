import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import type { FieldIssue } from '../../platform/http/problem.js';
import { emitEvents, type NewEvent } from '../events/index.js';
import {
  deriveProgress,
  type EventClassifier,
  type PlannedLeg,
  type ShipmentProgress,
  type TrackingEventType,
  type TrackingFact,
} from './progress.js';
import { services, shipmentContainers, shipmentLegs, shipments, trackingEvents } from './schema.js';

/** The batch endpoint takes at most this many events; bigger feeds page themselves. */
export const TRACKING_BATCH_MAX = 1_000;
/** A transport event naming only a service attaches to the departure planned within this window of it. */
const SERVICE_MATCH_WINDOW_MS = 72 * 3_600_000;
const MIN_CONNECTION_MINUTES = 180;

export interface IncomingEvent {
  eventId: string;
  eventType: TrackingEventType;
  eventClassifierCode: EventClassifier;
  code: string;
  eventDateTime: string;
  locode: string;
  equipmentReference?: string | undefined;
  blNumber?: string | undefined;
  serviceCode?: string | undefined;
  remark?: string | undefined;
}

export interface IngestAnswer {
  eventId: string;
  shipmentIds: string[];
  firstReceivedAt: string;
}

function requestHash(event: IncomingEvent): string {
  const canonical = JSON.stringify([
    event.eventType,
    event.eventClassifierCode,
    event.code,
    new Date(event.eventDateTime).toISOString(),
    event.locode,
    event.equipmentReference ?? null,
    event.blNumber ?? null,
    event.serviceCode ?? null,
    event.remark ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}

interface Attachable {
  id: string;
  enterpriseId: string;
  status: string;
}

/**
 * `= any($1)` with the whole list as one array parameter. A batch names up to 1,000 ids; as one
 * parameter each (inArray) Drizzle spends milliseconds building the statement and PostgreSQL parsing it.
 */
function anyOf(values: readonly string[], type: 'text' | 'uuid') {
  return sql`any(${sql.param([...values])}::${sql.raw(type)}[])`;
}

/** Shipments the sender may report on: its own, those riding its services; authorities report on any. */
async function operatorShipmentIds(db: Queryable, enterpriseId: string, shipmentIds: readonly string[]) {
  if (shipmentIds.length === 0) return new Set<string>();
  const rows = await db
    .selectDistinct({ shipmentId: shipmentLegs.shipmentId })
    .from(shipmentLegs)
    .innerJoin(services, eq(services.id, shipmentLegs.serviceId))
    .where(
      and(sql`${shipmentLegs.shipmentId} = ${anyOf(shipmentIds, 'uuid')}`, eq(services.enterpriseId, enterpriseId)),
    );
  return new Set(rows.map((r) => r.shipmentId));
}

/**
 * Finds the shipments each event belongs to: by container number (the open shipment carrying the
 * box), by bill of lading number, or — for a transport event naming a service — every shipment
 * riding that service's departure at that place and time. Events the sender may not see, or that
 * match nothing, are reported as field issues; the batch is then rejected whole.
 */
async function resolveTargets(
  tx: Tx,
  principal: Principal,
  events: readonly IncomingEvent[],
  fieldPrefix: string,
): Promise<{ targets: string[][]; issues: FieldIssue[] }> {
  const containers = [...new Set(events.flatMap((e) => (e.equipmentReference ? [e.equipmentReference] : [])))];
  const bls = [...new Set(events.flatMap((e) => (e.blNumber ? [e.blNumber] : [])))];
  const byContainer = new Map<string, Attachable>();
  if (containers.length > 0) {
    const rows = await tx
      .select({
        number: shipmentContainers.containerNumber,
        id: shipments.id,
        enterpriseId: shipments.enterpriseId,
        status: shipments.status,
      })
      .from(shipmentContainers)
      .innerJoin(shipments, eq(shipments.id, shipmentContainers.shipmentId))
      .where(
        and(
          sql`${shipmentContainers.containerNumber} = ${anyOf(containers, 'text')}`,
          eq(shipmentContainers.open, true),
        ),
      );
    for (const row of rows) byContainer.set(row.number, row);
  }
  const byBl = new Map<string, Attachable>();
  if (bls.length > 0) {
    const rows = await tx
      .select({
        number: shipments.blNumber,
        id: shipments.id,
        enterpriseId: shipments.enterpriseId,
        status: shipments.status,
      })
      .from(shipments)
      .where(inArray(shipments.blNumber, bls));
    for (const row of rows) byBl.set(row.number, row);
  }

  const targets: string[][] = [];
  const issues: FieldIssue[] = [];
  const serviceTargets = new Map<number, Attachable[]>();
  for (const [index, event] of events.entries()) {
    if (event.equipmentReference || event.blNumber || !event.serviceCode) continue;
    const at = new Date(event.eventDateTime);
    const side = event.code === 'ARRI' ? shipmentLegs.toLocode : shipmentLegs.fromLocode;
    const planned = event.code === 'ARRI' ? shipmentLegs.plannedArrival : shipmentLegs.plannedDeparture;
    const rows = await tx
      .selectDistinct({ id: shipments.id, enterpriseId: shipments.enterpriseId, status: shipments.status })
      .from(shipmentLegs)
      .innerJoin(services, eq(services.id, shipmentLegs.serviceId))
      .innerJoin(shipments, eq(shipments.id, shipmentLegs.shipmentId))
      .where(
        and(
          eq(services.code, event.serviceCode),
          eq(side, event.locode),
          sql`${planned} between ${new Date(at.getTime() - SERVICE_MATCH_WINDOW_MS)} and ${new Date(at.getTime() + SERVICE_MATCH_WINDOW_MS)}`,
        ),
      )
      .limit(10_000);
    serviceTargets.set(index, rows);
  }

  const candidates = new Set<string>();
  for (const a of [...byContainer.values(), ...byBl.values(), ...[...serviceTargets.values()].flat()])
    candidates.add(a.id);
  const operated =
    principal.authorityId === null && principal.enterpriseId
      ? await operatorShipmentIds(tx, principal.enterpriseId, [...candidates])
      : new Set<string>();
  const visible = (a: Attachable) =>
    principal.authorityId !== null || a.enterpriseId === principal.enterpriseId || operated.has(a.id);

  for (const [index, event] of events.entries()) {
    const field = `${fieldPrefix}${index}`;
    if (event.equipmentReference) {
      const found = byContainer.get(event.equipmentReference);
      if (!found || !visible(found)) {
        issues.push({ field: `${field}.equipmentReference`, code: 'unknown_container' });
        targets.push([]);
      } else targets.push([found.id]);
    } else if (event.blNumber) {
      const found = byBl.get(event.blNumber);
      if (!found || !visible(found)) {
        issues.push({ field: `${field}.blNumber`, code: 'unknown_bill_of_lading' });
        targets.push([]);
      } else targets.push([found.id]);
    } else if (event.serviceCode) {
      const found = (serviceTargets.get(index) ?? []).filter((a) => visible(a) && a.status !== 'cancelled');
      if (found.length === 0) {
        issues.push({ field: `${field}.serviceCode`, code: 'no_shipment_on_service' });
        targets.push([]);
      } else targets.push(found.map((a) => a.id).sort());
    } else {
      issues.push({ field: `${field}.equipmentReference`, code: 'reference_required' });
      targets.push([]);
    }
  }
  return { targets, issues };
}

/** What was stored for these event ids: enough to detect a reused id and to answer a repeat. */
function storedReceipts(tx: Tx, eventIds: readonly string[]) {
  return tx
    .select({
      eventId: trackingEvents.eventId,
      requestHash: trackingEvents.requestHash,
      shipmentIds: trackingEvents.shipmentIds,
      receivedAt: trackingEvents.receivedAt,
    })
    .from(trackingEvents)
    .where(sql`${trackingEvents.eventId} = ${anyOf(eventIds, 'text')}`);
}

/**
 * Stores new events (ON CONFLICT on the sender's event id, so a repeat stores nothing), answers
 * repeats with what the first receipt answered, and recomputes the progress of every shipment a
 * new event touched — all in the caller's transaction.
 */
export async function ingestEvents(
  tx: Tx,
  principal: Principal,
  events: readonly IncomingEvent[],
  options: { fieldPrefix: string; borderLocodes: ReadonlySet<string>; now: Date },
): Promise<{ answers: IngestAnswer[]; issues: FieldIssue[]; stored: number }> {
  const issues: FieldIssue[] = [];
  const hashes = events.map(requestHash);
  const seenInBatch = new Map<string, number>();
  for (const [index, event] of events.entries()) {
    const first = seenInBatch.get(event.eventId);
    if (first !== undefined && hashes[first] !== hashes[index]) {
      issues.push({ field: `${options.fieldPrefix}${index}.eventId`, code: 'event_id_reused' });
    }
    if (first === undefined) seenInBatch.set(event.eventId, index);
  }

  // Repeats answer from what was stored, without re-resolving (the container may have moved on since).
  const ids = [...seenInBatch.keys()];
  const existing = new Map((await storedReceipts(tx, ids)).map((r) => [r.eventId, r]));
  for (const [index, event] of events.entries()) {
    const stored = existing.get(event.eventId);
    if (stored && stored.requestHash !== hashes[index]) {
      issues.push({ field: `${options.fieldPrefix}${index}.eventId`, code: 'event_id_reused' });
    }
  }
  const fresh = [...seenInBatch.values()].filter((index) => !existing.has(events[index]!.eventId));
  const resolved = await resolveTargets(
    tx,
    principal,
    fresh.map((index) => events[index]!),
    '',
  );
  for (const issue of resolved.issues) {
    const [position, ...rest] = issue.field.split('.');
    issues.push({ ...issue, field: [`${options.fieldPrefix}${fresh[Number(position)]}`, ...rest].join('.') });
  }
  if (issues.length > 0) return { answers: [], issues, stored: 0 };

  const receivedAt = options.now;
  const rows = fresh.map((index, position) => {
    const event = events[index]!;
    return {
      eventId: event.eventId,
      requestHash: hashes[index]!,
      senderEnterpriseId: principal.enterpriseId,
      senderAuthorityId: principal.authorityId,
      eventType: event.eventType,
      classifier: event.eventClassifierCode,
      code: event.code,
      eventAt: new Date(event.eventDateTime),
      locode: event.locode,
      containerNumber: event.equipmentReference ?? null,
      serviceCode: event.serviceCode ?? null,
      remark: event.remark ?? null,
      shipmentIds: resolved.targets[position]!,
      receivedAt,
    };
  });
  // A concurrent request may have stored the same id a moment ago: DO NOTHING keeps the first.
  const inserted = await insertEvents(tx, rows);
  const insertedIds = new Set(inserted.map((r) => r.eventId));
  const racedIds = rows.filter((r) => !insertedIds.has(r.eventId)).map((r) => r.eventId);
  if (racedIds.length > 0) {
    for (const r of await storedReceipts(tx, racedIds)) existing.set(r.eventId, r);
  }

  const newRows = rows.filter((r) => insertedIds.has(r.eventId));
  const affected = [...new Set(newRows.flatMap((r) => r.shipmentIds))];
  await recomputeProgress(tx, affected, options.borderLocodes, newRows);

  const storedById = new Map(newRows.map((r) => [r.eventId, r]));
  const answers = events.map((event): IngestAnswer => {
    const mine = storedById.get(event.eventId);
    if (mine)
      return { eventId: event.eventId, shipmentIds: mine.shipmentIds, firstReceivedAt: receivedAt.toISOString() };
    const earlier = existing.get(event.eventId)!;
    return {
      eventId: event.eventId,
      shipmentIds: earlier.shipmentIds,
      firstReceivedAt: earlier.receivedAt.toISOString(),
    };
  });
  return { answers, issues: [], stored: newRows.length };
}

type EventRow = typeof trackingEvents.$inferInsert & { shipmentIds: string[]; receivedAt: Date; eventAt: Date };

/**
 * One INSERT … SELECT FROM unnest(…) for the whole batch: one array parameter per column. The same
 * rows through Drizzle's insert().values() are 14 parameters each (14,000 for a full batch), which
 * took ~60 ms of CPU to build before PostgreSQL saw it. Returns the ids actually inserted.
 */
async function insertEvents(tx: Tx, rows: readonly EventRow[]): Promise<{ eventId: string }[]> {
  if (rows.length === 0) return [];
  const column = <T>(pick: (row: EventRow) => T) => sql.param(rows.map(pick));
  return queryRows<{ eventId: string }>(
    tx,
    sql`insert into ${trackingEvents} (event_id, request_hash, sender_enterprise_id, sender_authority_id, event_type,
          classifier, code, event_at, locode, container_number, service_code, remark, shipment_ids, received_at)
        select e, h, se, sa, et, cl, co, at, lo, cn, sc, re, si::uuid[], ra
        from unnest(${column((r) => r.eventId)}::text[], ${column((r) => r.requestHash)}::text[],
          ${column((r) => r.senderEnterpriseId ?? null)}::uuid[], ${column((r) => r.senderAuthorityId ?? null)}::uuid[],
          ${column((r) => r.eventType)}::text[], ${column((r) => r.classifier)}::text[], ${column((r) => r.code)}::text[],
          ${column((r) => r.eventAt.toISOString())}::timestamptz[], ${column((r) => r.locode)}::text[],
          ${column((r) => r.containerNumber ?? null)}::text[], ${column((r) => r.serviceCode ?? null)}::text[],
          ${column((r) => r.remark ?? null)}::text[], ${column((r) => `{${r.shipmentIds.join(',')}}`)}::text[],
          ${column((r) => r.receivedAt.toISOString())}::timestamptz[])
          as u(e, h, se, sa, et, cl, co, at, lo, cn, sc, re, si, ra)
        on conflict (event_id) do nothing
        returning event_id as "eventId"`,
  );
}

function plannedLegs(
  legs: readonly (typeof shipmentLegs.$inferSelect & { serviceCode: string | null })[],
): PlannedLeg[] {
  return legs.map((leg) => ({
    seq: leg.seq,
    kind: leg.kind,
    fromLocode: leg.fromLocode,
    toLocode: leg.toLocode,
    serviceCode: leg.serviceCode,
    plannedDepartureMs: leg.plannedDeparture.getTime(),
    plannedArrivalMs: leg.plannedArrival.getTime(),
  }));
}

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Re-derives status, leg times, ETA, risk and position of the given shipments from all their events
 * and writes them in a few set-based statements; emits a milestone per new event and a status or risk
 * change per shipment through the outbox.
 */
export async function recomputeProgress(
  tx: Tx,
  shipmentIds: readonly string[],
  borderLocodes: ReadonlySet<string>,
  newEvents: readonly (typeof trackingEvents.$inferInsert)[],
): Promise<Map<string, ShipmentProgress>> {
  const result = new Map<string, ShipmentProgress>();
  if (shipmentIds.length === 0) return result;
  const ids = [...shipmentIds];
  const heads = await tx
    .select({
      id: shipments.id,
      enterpriseId: shipments.enterpriseId,
      blNumber: shipments.blNumber,
      status: shipments.status,
      atRisk: shipments.atRisk,
      eta: shipments.eta,
    })
    .from(shipments)
    .where(sql`${shipments.id} = ${anyOf(ids, 'uuid')}`)
    // In id order, so two batches touching the same shipments queue instead of deadlocking.
    .orderBy(asc(shipments.id))
    .for('update');
  const legRows = await tx
    .select({ leg: shipmentLegs, serviceCode: services.code })
    .from(shipmentLegs)
    .leftJoin(services, eq(services.id, shipmentLegs.serviceId))
    .where(sql`${shipmentLegs.shipmentId} = ${anyOf(ids, 'uuid')}`)
    .orderBy(asc(shipmentLegs.shipmentId), asc(shipmentLegs.seq));
  const facts = await queryRows<{
    event_id: string;
    event_type: TrackingEventType;
    classifier: EventClassifier;
    code: string;
    event_at: string | Date;
    locode: string;
    service_code: string | null;
    received_at: string | Date;
    shipment_id: string;
  }>(
    tx,
    sql`select e.event_id, e.event_type, e.classifier, e.code, e.event_at, e.locode, e.service_code, e.received_at, s.id as shipment_id
        from ${trackingEvents} e, unnest(e.shipment_ids) as s(id)
        where e.shipment_ids && ${sql.param(ids)}::uuid[]`,
  );
  const legsByShipment = new Map<string, (typeof shipmentLegs.$inferSelect & { serviceCode: string | null })[]>();
  for (const row of legRows) {
    const list = legsByShipment.get(row.leg.shipmentId) ?? [];
    list.push({ ...row.leg, serviceCode: row.serviceCode });
    legsByShipment.set(row.leg.shipmentId, list);
  }
  const factsByShipment = new Map<string, TrackingFact[]>();
  for (const f of facts) {
    const list = factsByShipment.get(f.shipment_id) ?? [];
    list.push({
      eventId: f.event_id,
      eventType: f.event_type,
      classifier: f.classifier,
      code: f.code,
      eventAtMs: new Date(f.event_at).getTime(),
      locode: f.locode,
      serviceCode: f.service_code,
      receivedAtMs: new Date(f.received_at).getTime(),
    });
    factsByShipment.set(f.shipment_id, list);
  }

  const legUpdates: { shipmentId: string; seq: number; p: ShipmentProgress['legs'][number] }[] = [];
  const outbox: NewEvent[] = [];
  const newByShipment = new Map<string, (typeof trackingEvents.$inferInsert)[]>();
  for (const e of newEvents)
    for (const id of e.shipmentIds) newByShipment.set(id, [...(newByShipment.get(id) ?? []), e]);

  const shipmentUpdates: { id: string; status: string; progress: ShipmentProgress }[] = [];
  for (const head of heads) {
    const legs = legsByShipment.get(head.id) ?? [];
    if (legs.length === 0) continue;
    const progress = deriveProgress(plannedLegs(legs), factsByShipment.get(head.id) ?? [], {
      minConnectionMinutes: MIN_CONNECTION_MINUTES,
      borderLocodes,
    });
    result.set(head.id, progress);
    // A cancelled shipment keeps its status; late events are still recorded against it.
    const status = head.status === 'cancelled' ? 'cancelled' : progress.status;
    shipmentUpdates.push({ id: head.id, status, progress });
    for (const p of progress.legs) legUpdates.push({ shipmentId: head.id, seq: p.seq, p });
    for (const e of newByShipment.get(head.id) ?? []) {
      outbox.push({
        module: 'logistics',
        event: 'shipment_milestone',
        enterpriseId: head.enterpriseId,
        payload: {
          shipmentId: head.id,
          blNumber: head.blNumber,
          eventId: e.eventId,
          eventType: e.eventType,
          classifier: e.classifier,
          code: e.code,
          locode: e.locode,
          eventAt: e.eventAt.toISOString(),
          containerNumber: e.containerNumber ?? null,
        },
      });
    }
    if (status !== head.status) {
      outbox.push({
        module: 'logistics',
        event: 'shipment_status_changed',
        enterpriseId: head.enterpriseId,
        payload: { shipmentId: head.id, blNumber: head.blNumber, from: head.status, to: status },
      });
    }
    if ((progress.risk !== null) !== head.atRisk) {
      outbox.push({
        module: 'logistics',
        event: progress.risk ? 'shipment_at_risk' : 'shipment_back_on_track',
        enterpriseId: head.enterpriseId,
        payload: { shipmentId: head.id, blNumber: head.blNumber, risk: progress.risk },
      });
    }
  }

  if (shipmentUpdates.length > 0) {
    // One statement per table, whatever the batch size: one array parameter per column, unnested and
    // joined on the key (a VALUES list of 7 parameters a row cost milliseconds to build and parse).
    const column = <T>(pick: (u: (typeof shipmentUpdates)[number]) => T) => sql.param(shipmentUpdates.map(pick));
    await tx.execute(sql`
      update ${shipments} as s set
        status = v.status,
        eta = v.eta,
        at_risk = v.at_risk,
        risk = v.risk::jsonb,
        position_locode = v.position_locode,
        position_at = v.position_at,
        updated_at = now()
      from unnest(
        ${column((u) => u.id)}::uuid[],
        ${column((u) => u.status)}::text[],
        ${column((u) => toDate(u.progress.etaMs)?.toISOString() ?? null)}::timestamptz[],
        ${column((u) => u.progress.risk !== null)}::boolean[],
        ${column((u) => (u.progress.risk ? JSON.stringify(u.progress.risk) : null))}::text[],
        ${column((u) => u.progress.position?.locode ?? null)}::text[],
        ${column((u) => (u.progress.position ? new Date(u.progress.position.atMs).toISOString() : null))}::timestamptz[]
      ) as v(id, status, eta, at_risk, risk, position_locode, position_at)
      where s.id = v.id`);
  }
  if (legUpdates.length > 0) {
    const column = <T>(pick: (u: (typeof legUpdates)[number]) => T) => sql.param(legUpdates.map(pick));
    await tx.execute(sql`
      update ${shipmentLegs} as l set
        estimated_departure = v.ed,
        estimated_arrival = v.ea,
        actual_departure = v.ad,
        actual_arrival = v.aa
      from unnest(
        ${column((u) => u.shipmentId)}::uuid[],
        ${column((u) => u.seq)}::int[],
        ${column((u) => new Date(u.p.estimatedDepartureMs).toISOString())}::timestamptz[],
        ${column((u) => new Date(u.p.estimatedArrivalMs).toISOString())}::timestamptz[],
        ${column((u) => toDate(u.p.actualDepartureMs)?.toISOString() ?? null)}::timestamptz[],
        ${column((u) => toDate(u.p.actualArrivalMs)?.toISOString() ?? null)}::timestamptz[]
      ) as v(shipment_id, seq, ed, ea, ad, aa)
      where l.shipment_id = v.shipment_id and l.seq = v.seq`);
  }
  await emitEvents(tx, outbox);
  // Open containers of delivered shipments are freed for their next bill.
  const delivered = shipmentUpdates.filter((u) => u.status === 'delivered').map((u) => u.id);
  if (delivered.length > 0) {
    await tx
      .update(shipmentContainers)
      .set({ open: false })
      .where(and(inArray(shipmentContainers.shipmentId, delivered), eq(shipmentContainers.open, true)));
  }
  return result;
}

/** The timeline of one shipment: its events in event-time order. */
export async function shipmentEvents(db: Queryable, shipmentId: string) {
  return db
    .select()
    .from(trackingEvents)
    .where(sql`${trackingEvents.shipmentIds} @> ARRAY[${shipmentId}]::uuid[]`)
    .orderBy(asc(trackingEvents.eventAt), asc(trackingEvents.receivedAt))
    .limit(2_000);
}

/** Recent events on an operator's services (the operator's event feed), newest first. */
export async function operatorEventFeed(db: Queryable, enterpriseId: string | null, limit: number) {
  const condition = enterpriseId
    ? sql`exists (select 1 from ${shipmentLegs} l join ${services} sv on sv.id = l.service_id
                  where l.shipment_id = any(${trackingEvents.shipmentIds}) and sv.enterprise_id = ${enterpriseId})`
    : sql`true`;
  return db
    .select()
    .from(trackingEvents)
    .where(condition)
    .orderBy(sql`${trackingEvents.receivedAt} desc`, sql`${trackingEvents.eventAt} desc`)
    .limit(limit);
}
