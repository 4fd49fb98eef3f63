import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { CO2_GRAMS_PER_TONNE_KM, type ServiceSeed, TONNES_PER_TEU, type TransferSeed } from './data/network.js';
import { departureInstants } from './schedule.js';
import { departures, serviceCalls, services, transfers } from './schema.js';

export type Service = typeof services.$inferSelect;
export type ServiceCall = typeof serviceCalls.$inferSelect;
export type Departure = typeof departures.$inferSelect;
export type Transfer = typeof transfers.$inferSelect;

/** How far ahead timetables are generated from weekly patterns. */
export const TIMETABLE_HORIZON_DAYS = 120;
const INSERT_BATCH_ROWS_MAX = 500;

export interface NewService extends Omit<ServiceSeed, 'operatorKey'> {
  enterpriseId: string;
}

/** Writes a service with its calls and its departures over the horizon; returns the service row. */
export async function createService(tx: Queryable, input: NewService, now: Date): Promise<Service> {
  const id = randomUUID();
  const [row] = await tx
    .insert(services)
    .values({
      id,
      enterpriseId: input.enterpriseId,
      code: input.code,
      mode: input.mode,
      emissionClass: input.emissionClass,
      nameZh: input.names.zh,
      nameEn: input.names.en,
      nameRu: input.names.ru,
      timezone: input.timezone,
      weekdays: [...input.weekdays],
      departureLocalTime: input.departureLocalTime,
      capacityUnits: input.capacityUnits,
      capacityUnit: input.capacityUnit,
      reefer: input.reefer,
      dangerousGoodsClasses: [...input.dangerousGoodsClasses],
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await tx.insert(serviceCalls).values(
    input.calls.map((call, seq) => ({
      serviceId: id,
      seq,
      locode: call.locode,
      arrivalOffsetMinutes: call.arrivalOffsetMinutes,
      departureOffsetMinutes: call.departureOffsetMinutes,
      tariffFenPerUnitToNext: call.tariffFenPerUnitToNext,
      distanceKmToNext: call.distanceKmToNext,
    })),
  );
  await generateDepartures(tx, row, input.calls.length - 1, now);
  return row;
}

/**
 * Adds the departures of a service's weekly pattern that are missing over the horizon. Existing
 * rows (and the capacity already sold on them) are left alone, so it is safe to run at every start.
 */
export async function generateDepartures(
  tx: Queryable,
  service: Service,
  segments: number,
  now: Date,
): Promise<number> {
  if (!service.active) return 0;
  const instants = departureInstants(service, now, TIMETABLE_HORIZON_DAYS);
  let inserted = 0;
  for (let index = 0; index < instants.length; index += INSERT_BATCH_ROWS_MAX) {
    const rows = await tx
      .insert(departures)
      .values(
        instants.slice(index, index + INSERT_BATCH_ROWS_MAX).map((departsAt) => ({
          id: randomUUID(),
          serviceId: service.id,
          enterpriseId: service.enterpriseId,
          serviceVersion: service.version,
          departsAt,
          capacityRemaining: Array.from({ length: segments }, () => service.capacityUnits),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: departures.id });
    inserted += rows.length;
  }
  return inserted;
}

/** Tops up every active service's timetable to the horizon (daily, and at start-up). */
export async function extendTimetables(db: Queryable, now: Date): Promise<number> {
  const active = await db.select().from(services).where(eq(services.active, true));
  const counts = await db
    .select({ serviceId: serviceCalls.serviceId, n: sql<number>`count(*)::int` })
    .from(serviceCalls)
    .groupBy(serviceCalls.serviceId);
  const callCount = new Map(counts.map((c) => [c.serviceId, c.n]));
  let inserted = 0;
  for (const service of active)
    inserted += await generateDepartures(db, service, (callCount.get(service.id) ?? 1) - 1, now);
  return inserted;
}

export async function upsertTransfers(tx: Queryable, seeds: readonly TransferSeed[]): Promise<void> {
  if (seeds.length === 0) return;
  await tx
    .insert(transfers)
    .values(seeds.map((t) => ({ ...t })))
    .onConflictDoUpdate({
      target: [transfers.fromLocode, transfers.toLocode],
      set: {
        kind: sql`excluded.kind`,
        durationMinutes: sql`excluded.duration_minutes`,
        costFenPerTeu: sql`excluded.cost_fen_per_teu`,
        distanceKm: sql`excluded.distance_km`,
      },
    });
}

export async function listServices(db: Queryable): Promise<Service[]> {
  return db.select().from(services).orderBy(asc(services.code)).limit(1000);
}

export async function getService(
  db: Queryable,
  id: string,
): Promise<{ service: Service; calls: ServiceCall[] } | null> {
  const [service] = await db.select().from(services).where(eq(services.id, id));
  if (!service) return null;
  const calls = await db
    .select()
    .from(serviceCalls)
    .where(eq(serviceCalls.serviceId, id))
    .orderBy(asc(serviceCalls.seq));
  return { service, calls };
}

/** Everything the planner needs, read in four queries: services, calls, future departures, transfers. */
export async function loadNetwork(db: Queryable, from: Date) {
  const serviceRows = await db.select().from(services).where(eq(services.active, true));
  const ids = serviceRows.map((s) => s.id);
  const callRows = ids.length
    ? await db
        .select()
        .from(serviceCalls)
        .where(inArray(serviceCalls.serviceId, ids))
        .orderBy(asc(serviceCalls.serviceId), asc(serviceCalls.seq))
    : [];
  const departureRows = ids.length
    ? await db
        .select()
        .from(departures)
        .where(
          and(
            inArray(departures.serviceId, ids),
            eq(departures.status, 'scheduled'),
            gte(departures.departsAt, new Date(from.getTime() - 60 * 86_400_000)),
          ),
        )
        .orderBy(asc(departures.departsAt))
    : [];
  const transferRows = await db.select().from(transfers);
  return { services: serviceRows, calls: callRows, departures: departureRows, transfers: transferRows };
}

/** Grams of CO2e to move one unit (a TEU, or a kg for air) over a distance with a service's factor. */
export function co2GramsPerUnit(emissionClass: string, distanceKm: number, capacityUnit: 'TEU' | 'KG'): number {
  const factor = CO2_GRAMS_PER_TONNE_KM[emissionClass];
  if (factor === undefined) throw new Error(`unknown emission class ${emissionClass}`);
  const tonnes = capacityUnit === 'TEU' ? TONNES_PER_TEU : 0.001;
  return Math.round(factor * distanceKm * tonnes);
}
