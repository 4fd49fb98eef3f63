import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { makeBlNumber } from '../../lib/identifiers/index.js';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { DomainError, type FieldIssue } from '../../platform/http/problem.js';
import { emitEvent } from '../events/index.js';
import type { BillOfLadingContent, Party } from './documents.js';
import type { Service } from './network.js';
import {
  departures,
  documents,
  serviceCalls,
  services,
  shipmentContainers,
  shipmentLegs,
  shipments,
} from './schema.js';

export type Shipment = typeof shipments.$inferSelect;
export type ShipmentLeg = typeof shipmentLegs.$inferSelect;
export type ShipmentDocument = typeof documents.$inferSelect;

/** A shipment holds at most this many legs, containers and cargo lines (bounds on what a request may grow). */
export const LEGS_MAX = 12;
export const CONTAINERS_MAX = 200;
export const CARGO_LINES_MAX = 50;

export interface CargoLine {
  hsCode: string;
  description: string;
  packages: number;
  grossWeightKg: number;
}

export interface ShipmentParties {
  shipper: Party;
  consignee: Party;
  notify: Party | null;
}

/** A leg as priced by the planner and chosen by the customer; `index` is its place in the request. */
export interface PricedLeg {
  index: number;
  kind: 'trip' | 'transfer';
  mode: 'rail' | 'sea' | 'road' | 'air' | 'drayage';
  serviceId: string | null;
  departureId: string | null;
  fromLocode: string;
  toLocode: string;
  plannedDeparture: Date;
  plannedArrival: Date;
  costFen: number;
  co2Grams: number;
}

interface ReservedLeg extends PricedLeg {
  fromCallSeq: number | null;
  toCallSeq: number | null;
}

/** A departure as a reservation sees it: its state, its remaining capacity per segment, and its calls. */
interface DepartureRow {
  id: string;
  serviceId: string;
  status: string;
  capacityRemaining: number[];
  locodes: string[];
  serviceCode: string;
}

/** Departures by id, with their services' calls and codes; `lock` takes their row locks in id order. */
async function readDepartures(
  db: Queryable,
  ids: readonly string[],
  lock: boolean,
): Promise<Map<string, DepartureRow>> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return new Map();
  const query = db
    .select({
      id: departures.id,
      serviceId: departures.serviceId,
      status: departures.status,
      capacityRemaining: departures.capacityRemaining,
    })
    .from(departures)
    .where(inArray(departures.id, unique))
    .orderBy(asc(departures.id));
  // One statement locks every row in id order: two bookings sharing departures queue on the first
  // shared row instead of deadlocking.
  const rows = lock ? await query.for('update') : await query;
  const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
  const calls = serviceIds.length
    ? await db
        .select({ serviceId: serviceCalls.serviceId, seq: serviceCalls.seq, locode: serviceCalls.locode })
        .from(serviceCalls)
        .where(inArray(serviceCalls.serviceId, serviceIds))
        .orderBy(asc(serviceCalls.serviceId), asc(serviceCalls.seq))
    : [];
  const codes = serviceIds.length
    ? await db.select({ id: services.id, code: services.code }).from(services).where(inArray(services.id, serviceIds))
    : [];
  const codeById = new Map(codes.map((c) => [c.id, c.code]));
  const locodesByService = new Map<string, string[]>();
  for (const call of calls) {
    const list = locodesByService.get(call.serviceId) ?? [];
    list[call.seq] = call.locode;
    locodesByService.set(call.serviceId, list);
  }
  return new Map(
    rows.map((r) => [
      r.id,
      { ...r, locodes: locodesByService.get(r.serviceId) ?? [], serviceCode: codeById.get(r.serviceId) ?? '' },
    ]),
  );
}

function callSpan(departure: DepartureRow, from: string, to: string): { from: number; to: number } | null {
  const start = departure.locodes.indexOf(from);
  if (start < 0) return null;
  const end = departure.locodes.indexOf(to, start + 1);
  return end < 0 ? null : { from: start, to: end };
}

/** A booking's claim on capacity, checked but not yet taken (see prepareReservation and takeCapacity). */
export interface Reservation {
  reserved: ReservedLeg[];
  departureIds: string[];
  units: number;
  serviceCodes: ReadonlyMap<string, string>;
}

/**
 * What taking `units` on every trip leg leaves on each departure, and the legs that do not fit.
 * Several legs may ride the same departure (never in practice, but the arithmetic must hold).
 */
function subtract(
  reserved: readonly ReservedLeg[],
  capacityOf: (departureId: string) => readonly number[] | undefined,
  units: number,
  serviceCodes: ReadonlyMap<string, string>,
): { after: Map<string, number[]>; shortages: FieldIssue[] } {
  const after = new Map<string, number[]>();
  const shortages: FieldIssue[] = [];
  for (const leg of reserved) {
    if (leg.kind !== 'trip' || leg.fromCallSeq === null || leg.toCallSeq === null) continue;
    const id = leg.departureId!;
    const capacity = after.get(id) ?? [...(capacityOf(id) ?? [])];
    const remaining =
      capacity.length >= leg.toCallSeq ? Math.min(...capacity.slice(leg.fromCallSeq, leg.toCallSeq)) : 0;
    if (remaining < units) {
      shortages.push({
        field: `body.legs.${leg.index}`,
        code: 'leg_full',
        params: {
          service: serviceCodes.get(id) ?? '',
          from: leg.fromLocode,
          to: leg.toLocode,
          remaining,
          units,
        },
      });
      continue;
    }
    for (let segment = leg.fromCallSeq; segment < leg.toCallSeq; segment += 1)
      capacity[segment] = capacity[segment]! - units;
    after.set(id, capacity);
  }
  return { after, shortages };
}

const capacityExhausted = (shortages: FieldIssue[]) =>
  new DomainError('capacity_exhausted', 409, { params: { count: shortages.length }, issues: shortages });

/**
 * Checks every trip leg against its departure — scheduled, not yet left, calling at both places,
 * with `units` left on every segment the leg rides — and works out those segments, without taking
 * any lock. Throws 422 naming the legs that cannot be booked, 409 naming every leg that is full.
 * Nothing is taken yet: takeCapacity does that, as late in the transaction as possible.
 */
export async function prepareReservation(
  db: Queryable,
  legs: readonly PricedLeg[],
  units: number,
  now: Date,
): Promise<Reservation> {
  const found = await readDepartures(
    db,
    legs.filter((leg) => leg.kind === 'trip').map((leg) => leg.departureId!),
    false,
  );
  const invalid: FieldIssue[] = [];
  const reserved: ReservedLeg[] = [];
  for (const leg of legs) {
    if (leg.kind === 'transfer') {
      reserved.push({ ...leg, fromCallSeq: null, toCallSeq: null });
      continue;
    }
    const departure = found.get(leg.departureId!);
    const span = departure ? callSpan(departure, leg.fromLocode, leg.toLocode) : null;
    if (!departure || !span || departure.status !== 'scheduled') {
      invalid.push({ field: `body.legs.${leg.index}.departureId`, code: 'unknown_departure' });
      continue;
    }
    if (leg.plannedDeparture.getTime() <= now.getTime()) {
      invalid.push({ field: `body.legs.${leg.index}.departureId`, code: 'departed' });
      continue;
    }
    reserved.push({ ...leg, fromCallSeq: span.from, toCallSeq: span.to });
  }
  if (invalid.length > 0)
    throw new DomainError('validation_failed', 422, { params: { count: invalid.length }, issues: invalid });
  const serviceCodes = new Map([...found.values()].map((d) => [d.id, d.serviceCode]));
  // A first look without locks: a leg that is already full fails here, before the booking writes anything.
  const { after, shortages } = subtract(reserved, (id) => found.get(id)?.capacityRemaining, units, serviceCodes);
  if (shortages.length > 0) throw capacityExhausted(shortages);
  return { reserved, departureIds: [...after.keys()], units, serviceCodes };
}

/**
 * Takes the reserved units off every segment, all legs or none. The departures' rows are locked in
 * id order and their capacity checked again (another booking may have taken it since the
 * reservation was prepared), so two bookings racing for the last slots serialise here and the
 * second sees what the first left; a shortage throws 409, which rolls the whole booking back.
 * Row locks last until commit, so a booking calls this last: a departure everybody wants is then
 * held for two statements and the commit instead of the whole booking.
 */
export async function takeCapacity(tx: Tx, reservation: Reservation): Promise<void> {
  if (reservation.departureIds.length === 0) return;
  const locked = await tx
    .select({ id: departures.id, status: departures.status, capacityRemaining: departures.capacityRemaining })
    .from(departures)
    .where(inArray(departures.id, [...reservation.departureIds].sort()))
    .orderBy(asc(departures.id))
    .for('update');
  const byId = new Map(locked.map((row) => [row.id, row]));
  const invalid = reservation.reserved
    .filter((leg) => leg.kind === 'trip' && byId.get(leg.departureId!)?.status !== 'scheduled')
    .map((leg): FieldIssue => ({ field: `body.legs.${leg.index}.departureId`, code: 'unknown_departure' }));
  if (invalid.length > 0)
    throw new DomainError('validation_failed', 422, { params: { count: invalid.length }, issues: invalid });
  const { after, shortages } = subtract(
    reservation.reserved,
    (id) => byId.get(id)?.capacityRemaining,
    reservation.units,
    reservation.serviceCodes,
  );
  if (shortages.length > 0) throw capacityExhausted(shortages);
  for (const [id, capacity] of after) {
    if (capacity.some((units) => units < 0)) throw new Error(`invariant: capacity of ${id} would go negative`);
  }
  // One statement for all departures.
  await tx.execute(sql`
    update ${departures} as d set capacity_remaining = v.capacity::int[]
    from (values ${sql.join(
      [...after].map(([id, capacity]) => sql`(${id}::uuid, ${`{${capacity.join(',')}}`})`),
      sql`, `,
    )}) as v(id, capacity)
    where d.id = v.id`);
}

/**
 * Both steps at once, for amendments, the demo data and trial reservations, where how long the
 * departures stay locked does not matter. Throws 422/409 as prepareReservation and takeCapacity do.
 */
export async function reserveLegs(
  tx: Tx,
  legs: readonly PricedLeg[],
  units: number,
  now: Date,
): Promise<{ reserved: ReservedLeg[]; departureIds: string[] }> {
  const reservation = await prepareReservation(tx, legs, units, now);
  await takeCapacity(tx, reservation);
  return { reserved: reservation.reserved, departureIds: reservation.departureIds };
}

/** Gives the units of a shipment's trip legs back to their departures (cancel, re-route). */
export async function releaseLegs(tx: Tx, legs: readonly ShipmentLeg[], units: number): Promise<string[]> {
  const tripLegs = legs.filter((leg) => leg.kind === 'trip' && leg.departureId);
  const locked = await readDepartures(
    tx,
    tripLegs.map((leg) => leg.departureId!),
    true,
  );
  const capacityById = new Map<string, number>();
  if (locked.size > 0) {
    const rows = await tx
      .select({ id: departures.id, capacity: services.capacityUnits })
      .from(departures)
      .innerJoin(services, eq(services.id, departures.serviceId))
      .where(inArray(departures.id, [...locked.keys()]));
    for (const row of rows) capacityById.set(row.id, row.capacity);
  }
  const after = new Map<string, number[]>();
  for (const leg of tripLegs) {
    const departure = locked.get(leg.departureId!);
    if (!departure || leg.fromCallSeq === null || leg.toCallSeq === null) continue;
    const capacity = after.get(departure.id) ?? [...departure.capacityRemaining];
    const ceiling = capacityById.get(departure.id) ?? Number.POSITIVE_INFINITY;
    for (let segment = leg.fromCallSeq; segment < leg.toCallSeq; segment += 1) {
      // A service amended to fewer slots may hold bookings above its new size; never hand out more than it has.
      capacity[segment] = Math.min(capacity[segment]! + units, ceiling);
    }
    after.set(departure.id, capacity);
  }
  for (const [id, capacity] of after) {
    await tx.update(departures).set({ capacityRemaining: capacity }).where(eq(departures.id, id));
  }
  return [...after.keys()];
}

export async function nextBlNumber(tx: Tx, now: Date): Promise<string> {
  const [row] = await queryRows<{ serial: string }>(tx, sql`select nextval('logistics_bl_serial')::text as serial`);
  if (!row) throw new Error('nextval returned nothing');
  return makeBlNumber(now.getUTCFullYear(), Number(row.serial));
}

export interface NewShipment {
  enterpriseId: string;
  reference: string | null;
  origin: string;
  destination: string;
  capacityUnit: 'TEU' | 'KG';
  units: number;
  cargo: Record<string, unknown>;
  parties: ShipmentParties;
  cargoLines: CargoLine[];
  containers: { number: string; sizeType: string }[];
  legs: ReservedLeg[];
  costFen: number;
  co2Grams: number;
}

/** Containers already on another open shipment, as field issues (a box travels under one bill at a time). */
export async function containersInUse(
  db: Queryable,
  numbers: readonly string[],
  exceptShipmentId: string | null,
): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db
    .select({ number: shipmentContainers.containerNumber, shipmentId: shipmentContainers.shipmentId })
    .from(shipmentContainers)
    .where(and(inArray(shipmentContainers.containerNumber, [...numbers]), eq(shipmentContainers.open, true)));
  return new Set(rows.filter((r) => r.shipmentId !== exceptShipmentId).map((r) => r.number));
}

export async function insertShipment(tx: Tx, input: NewShipment, now: Date): Promise<Shipment> {
  const id = randomUUID();
  const blNumber = await nextBlNumber(tx, now);
  const first = input.legs[0];
  const last = input.legs[input.legs.length - 1];
  if (!first || !last) throw new Error('a shipment has at least one leg');
  const [row] = await tx
    .insert(shipments)
    .values({
      id,
      enterpriseId: input.enterpriseId,
      blNumber,
      reference: input.reference,
      originLocode: input.origin,
      destinationLocode: input.destination,
      capacityUnit: input.capacityUnit,
      units: input.units,
      cargo: input.cargo,
      parties: input.parties,
      cargoLines: input.cargoLines,
      costFen: input.costFen,
      co2Grams: input.co2Grams,
      plannedDeparture: first.plannedDeparture,
      plannedArrival: last.plannedArrival,
      eta: last.plannedArrival,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await insertLegs(tx, id, input.legs);
  if (input.containers.length > 0) {
    await tx
      .insert(shipmentContainers)
      .values(input.containers.map((c) => ({ shipmentId: id, containerNumber: c.number, sizeType: c.sizeType })));
  }
  return row;
}

export async function insertLegs(tx: Tx, shipmentId: string, legs: readonly ReservedLeg[]): Promise<void> {
  await tx.insert(shipmentLegs).values(
    legs.map((leg, seq) => ({
      shipmentId,
      seq,
      kind: leg.kind,
      mode: leg.mode,
      serviceId: leg.serviceId,
      departureId: leg.departureId,
      fromCallSeq: leg.fromCallSeq,
      toCallSeq: leg.toCallSeq,
      fromLocode: leg.fromLocode,
      toLocode: leg.toLocode,
      plannedDeparture: leg.plannedDeparture,
      plannedArrival: leg.plannedArrival,
      estimatedDeparture: leg.plannedDeparture,
      estimatedArrival: leg.plannedArrival,
      costFen: leg.costFen,
      co2Grams: leg.co2Grams,
    })),
  );
}

/** A fresh unguessable token for the public verification address (128 bits, URL-safe). */
export function newVerificationToken(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Issues a new version of the shipment's bill of lading and supersedes (or, on cancel, voids) the
 * previous one. The PDF and its fingerprint follow right after commit (see renderPendingDocuments).
 */
export async function issueBillOfLading(
  tx: Tx,
  shipment: Shipment,
  content: Omit<BillOfLadingContent, 'version' | 'issuedAt' | 'verifyUrl' | 'number'>,
  publicUrl: string,
  now: Date,
): Promise<ShipmentDocument> {
  const [latest] = await tx
    .select({ version: documents.version })
    .from(documents)
    .where(eq(documents.shipmentId, shipment.id))
    .orderBy(desc(documents.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  await tx
    .update(documents)
    .set({ status: 'superseded' })
    .where(and(eq(documents.shipmentId, shipment.id), eq(documents.status, 'issued')));
  const token = newVerificationToken();
  const full: BillOfLadingContent = {
    ...content,
    number: shipment.blNumber,
    version,
    issuedAt: now.toISOString(),
    verifyUrl: `${publicUrl.replace(/\/$/, '')}/verify/${token}`,
  };
  const [row] = await tx
    .insert(documents)
    .values({
      id: randomUUID(),
      shipmentId: shipment.id,
      enterpriseId: shipment.enterpriseId,
      kind: 'bill_of_lading',
      number: shipment.blNumber,
      version,
      status: 'issued',
      verificationToken: token,
      content: full,
      issuedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await emitEvent(tx, {
    module: 'logistics',
    event: 'document_issued',
    enterpriseId: shipment.enterpriseId,
    payload: { documentId: row.id, shipmentId: shipment.id, number: row.number, version },
  });
  return row;
}

/** Who may read a shipment: its owner, and the authorities (customs, zone administration). */
export function canRead(principal: Principal, shipment: Pick<Shipment, 'enterpriseId'>): boolean {
  if (principal.authorityId !== null) return true;
  return principal.enterpriseId === shipment.enterpriseId;
}

export async function findShipment(db: Queryable, id: string): Promise<Shipment | null> {
  const [row] = await db.select().from(shipments).where(eq(shipments.id, id));
  return row ?? null;
}

export async function lockShipment(tx: Tx, id: string): Promise<Shipment | null> {
  const [row] = await tx.select().from(shipments).where(eq(shipments.id, id)).for('update');
  return row ?? null;
}

export async function shipmentDetail(db: Queryable, shipment: Shipment) {
  const legs = await db
    .select()
    .from(shipmentLegs)
    .where(eq(shipmentLegs.shipmentId, shipment.id))
    .orderBy(asc(shipmentLegs.seq));
  const containers = await db
    .select()
    .from(shipmentContainers)
    .where(eq(shipmentContainers.shipmentId, shipment.id))
    .orderBy(asc(shipmentContainers.containerNumber));
  const docs = await db
    .select({
      id: documents.id,
      number: documents.number,
      version: documents.version,
      status: documents.status,
      verificationToken: documents.verificationToken,
      sha256: documents.sha256,
      issuedAt: documents.issuedAt,
    })
    .from(documents)
    .where(eq(documents.shipmentId, shipment.id))
    .orderBy(desc(documents.version));
  return { legs, containers, documents: docs };
}

export const SHIPMENT_STATUSES = ['booked', 'in_transit', 'at_border', 'delivered', 'cancelled'] as const;
export const SHIPMENTS_PAGE_MAX = 200;

/** Newest first, keyset-paged on created_at; the owner's own, or all for authorities. */
export async function listShipments(
  db: Queryable,
  principal: Principal,
  filter: { status?: (typeof SHIPMENT_STATUSES)[number] | undefined; before?: Date | undefined; limit: number },
): Promise<Shipment[]> {
  const conditions = [];
  if (principal.authorityId === null) {
    if (!principal.enterpriseId) return [];
    conditions.push(eq(shipments.enterpriseId, principal.enterpriseId));
  }
  if (filter.status) conditions.push(eq(shipments.status, filter.status));
  if (filter.before) conditions.push(lt(shipments.createdAt, filter.before));
  return db
    .select()
    .from(shipments)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(shipments.createdAt), desc(shipments.id))
    .limit(Math.min(filter.limit, SHIPMENTS_PAGE_MAX));
}

export interface BillNames {
  place(locode: string): string;
  service(id: string): Service | undefined;
}

/** What the bill of lading prints, from the shipment and its legs (the renderer adds number, version, QR). */
export function billContent(
  shipment: Shipment,
  parties: ShipmentParties,
  cargoLines: CargoLine[],
  containers: { number: string; sizeType: string }[],
  legs: readonly Pick<
    ShipmentLeg,
    'mode' | 'serviceId' | 'fromLocode' | 'toLocode' | 'plannedDeparture' | 'plannedArrival'
  >[],
  names: BillNames,
): Omit<BillOfLadingContent, 'version' | 'issuedAt' | 'verifyUrl' | 'number'> {
  return {
    shipper: parties.shipper,
    consignee: parties.consignee,
    notify: parties.notify,
    origin: { locode: shipment.originLocode, name: names.place(shipment.originLocode) },
    destination: { locode: shipment.destinationLocode, name: names.place(shipment.destinationLocode) },
    legs: legs.map((leg, seq) => {
      const service = leg.serviceId ? names.service(leg.serviceId) : undefined;
      return {
        seq,
        mode: leg.mode,
        service: service ? `${service.code} ${service.nameEn}` : null,
        from: leg.fromLocode,
        to: leg.toLocode,
        plannedDeparture: leg.plannedDeparture.toISOString(),
        plannedArrival: leg.plannedArrival.toISOString(),
      };
    }),
    containers,
    cargoLines,
    units: shipment.units,
    capacityUnit: shipment.capacityUnit,
    reference: shipment.reference,
  };
}

export interface CapacityBreak {
  departureId: string;
  segment: number;
  /** Capacity minus remaining on the departure row. */
  taken: number;
  /** Units of open (not cancelled) shipments whose legs ride the segment. */
  booked: number;
}

/**
 * The capacity ledger's invariant, checked over the whole database: on every departure and segment,
 * what the row says is taken equals what the shipments' legs say is booked, and nothing is negative.
 * Returns the breaks (empty when all is well). A service whose capacity was amended reconciles only on
 * departures after the amendment, so callers pass the departures they want checked, or all.
 */
export async function reconcileCapacity(db: Queryable, departureIds?: readonly string[]): Promise<CapacityBreak[]> {
  const filter = departureIds
    ? sql`and d.id in (${sql.join(
        departureIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  return queryRows<CapacityBreak>(
    db,
    sql`with booked as (
          select l.departure_id, seg, sum(s.units)::int as units
          from logistics_shipment_legs l
          join logistics_shipments s on s.id = l.shipment_id
          cross join lateral generate_series(l.from_call_seq, l.to_call_seq - 1) as seg
          where l.kind = 'trip' and s.status <> 'cancelled'
          group by l.departure_id, seg
        )
        select d.id as "departureId", i - 1 as segment,
               (sv.capacity_units - d.capacity_remaining[i])::int as taken,
               coalesce(b.units, 0)::int as booked
        from logistics_departures d
        join logistics_services sv on sv.id = d.service_id
        cross join lateral generate_subscripts(d.capacity_remaining, 1) as i
        left join booked b on b.departure_id = d.id and b.seg = i - 1
        where (d.capacity_remaining[i] < 0 or sv.capacity_units - d.capacity_remaining[i] <> coalesce(b.units, 0)) ${filter}
        order by d.id, i
        limit 1000`,
  );
}
