import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../platform/http/context.js';
import { runMutation } from '../../platform/http/mutation.js';
import { DomainError, type FieldIssue, invalidFields, notFound, problemSchema } from '../../platform/http/problem.js';
import { emitEvent } from '../events/index.js';
import { knownLocodes } from '../reference/index.js';
import { CO2_GRAMS_PER_TONNE_KM } from './data/network.js';
import { createService, getService, TIMETABLE_HORIZON_DAYS } from './network.js';
import type { NetworkPlanner } from './planning.js';
import { isValidTimeZone } from './schedule.js';
import { departures, services, shipmentLegs } from './schema.js';

const OPERATORS = ['forwarder', 'zone_admin'] as const;
const CALLS_MAX = 40;
const YUAN = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/);

const callSchema = z.strictObject({
  locode: z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/),
  arrivalOffsetMinutes: z
    .number()
    .int()
    .min(0)
    .max(120 * 24 * 60)
    .nullable(),
  departureOffsetMinutes: z
    .number()
    .int()
    .min(0)
    .max(120 * 24 * 60)
    .nullable(),
  tariffToNext: YUAN.describe('Per TEU (or per kg for air) to the next call, in CNY'),
  distanceKmToNext: z.number().int().min(0).max(30_000),
});

const publishBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/),
  mode: z.enum(['rail', 'sea', 'road', 'air']),
  emissionClass: z.enum(Object.keys(CO2_GRAMS_PER_TONNE_KM) as [string, ...string[]]),
  names: z.strictObject({
    zh: z.string().min(1).max(120),
    en: z.string().min(1).max(120),
    ru: z.string().min(1).max(120),
  }),
  timezone: z.string().min(1).max(64),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  departureLocalTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  capacityUnits: z.number().int().min(1).max(1_000_000),
  capacityUnit: z.enum(['TEU', 'KG']),
  reefer: z.boolean(),
  dangerousGoodsClasses: z.array(z.string().regex(/^[1-9](\.[1-6])?$/)).max(22),
  calls: z.array(callSchema).min(2).max(CALLS_MAX),
});

const amendServiceBody = z.strictObject({
  active: z.boolean().optional(),
  capacityUnits: z.number().int().min(1).max(1_000_000).optional(),
  names: publishBody.shape.names.optional(),
});

const utilisationSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  serviceCode: z.string(),
  departsAt: z.iso.datetime(),
  status: z.enum(['scheduled', 'cancelled']),
  capacityUnits: z.number().int(),
  capacityUnit: z.enum(['TEU', 'KG']),
  segments: z.array(
    z.object({ from: z.string(), to: z.string(), remaining: z.number().int(), sold: z.number().int() }),
  ),
  soldMaxUnits: z.number().int().describe('Units sold on the busiest segment'),
  utilisation: z.number().describe('soldMaxUnits / capacityUnits, 0…1'),
  shipments: z.number().int(),
});

function yuanToFen(yuan: string): number {
  const [whole, fraction = ''] = yuan.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Operators manage their own services; the zone administration may manage any. */
function mayOperate(principal: Principal, enterpriseId: string): boolean {
  return principal.role === 'zone_admin' || principal.enterpriseId === enterpriseId;
}

export function operatorRoutes(planner: NetworkPlanner): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    app.post(
      '/logistics/services',
      {
        config: { access: ['forwarder'] },
        schema: {
          tags: ['logistics'],
          summary: 'Publish a service: its weekly pattern, calls, capacity and tariffs',
          description: `Departures are generated ${TIMETABLE_HORIZON_DAYS} days ahead; the planner sees the service within seconds.`,
          body: publishBody,
          response: {
            201: z.object({ id: z.uuid(), code: z.string(), departures: z.number().int() }),
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const issues: FieldIssue[] = [];
        const known = await knownLocodes(
          db,
          body.calls.map((c) => c.locode),
        );
        for (const [index, call] of body.calls.entries()) {
          if (!known.has(call.locode)) issues.push({ field: `body.calls.${index}.locode`, code: 'unknown_location' });
          const first = index === 0;
          const last = index === body.calls.length - 1;
          if (!first && call.arrivalOffsetMinutes === null)
            issues.push({ field: `body.calls.${index}.arrivalOffsetMinutes`, code: 'required' });
          if (!last && call.departureOffsetMinutes === null)
            issues.push({ field: `body.calls.${index}.departureOffsetMinutes`, code: 'required' });
          const previous = body.calls[index - 1];
          const previousDeparture = previous?.departureOffsetMinutes ?? null;
          if (
            previousDeparture !== null &&
            call.arrivalOffsetMinutes !== null &&
            call.arrivalOffsetMinutes <= previousDeparture
          ) {
            issues.push({ field: `body.calls.${index}.arrivalOffsetMinutes`, code: 'not_after_previous_call' });
          }
          if (
            call.arrivalOffsetMinutes !== null &&
            call.departureOffsetMinutes !== null &&
            call.departureOffsetMinutes < call.arrivalOffsetMinutes
          ) {
            issues.push({ field: `body.calls.${index}.departureOffsetMinutes`, code: 'not_after_previous_call' });
          }
        }
        if (body.calls[0]?.departureOffsetMinutes !== 0)
          issues.push({ field: 'body.calls.0.departureOffsetMinutes', code: 'invalid_value' });
        if (!isValidTimeZone(body.timezone)) issues.push({ field: 'body.timezone', code: 'invalid_value' });
        if (body.mode === 'air' && body.capacityUnit !== 'KG')
          issues.push({ field: 'body.capacityUnit', code: 'invalid_value' });
        if (body.mode !== 'air' && body.capacityUnit !== 'TEU')
          issues.push({ field: 'body.capacityUnit', code: 'invalid_value' });
        const [taken] = await db.select({ id: services.id }).from(services).where(eq(services.code, body.code));
        if (taken) issues.push({ field: 'body.code', code: 'duplicate' });
        if (issues.length > 0) throw invalidFields(issues);
        const response = await runMutation(request, reply, async ({ tx, principal, audit }) => {
          const now = new Date();
          const service = await createService(
            tx,
            {
              enterpriseId: principal.enterpriseId!,
              code: body.code,
              mode: body.mode,
              emissionClass: body.emissionClass,
              names: body.names,
              timezone: body.timezone,
              weekdays: [...new Set(body.weekdays)].sort(),
              departureLocalTime: body.departureLocalTime,
              capacityUnits: body.capacityUnits,
              capacityUnit: body.capacityUnit,
              reefer: body.reefer,
              dangerousGoodsClasses: body.dangerousGoodsClasses,
              calls: body.calls.map((c) => ({
                locode: c.locode,
                arrivalOffsetMinutes: c.arrivalOffsetMinutes,
                departureOffsetMinutes: c.departureOffsetMinutes,
                tariffFenPerUnitToNext: yuanToFen(c.tariffToNext),
                distanceKmToNext: c.distanceKmToNext,
              })),
            },
            now,
          );
          const [count] = await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(departures)
            .where(eq(departures.serviceId, service.id));
          await emitEvent(tx, {
            module: 'logistics',
            event: 'service_published',
            enterpriseId: service.enterpriseId,
            payload: { serviceId: service.id, code: service.code, mode: service.mode },
          });
          await audit({
            action: 'logistics.service_published',
            entityType: 'service',
            entityId: service.id,
            after: { code: service.code },
          });
          return { statusCode: 201, body: { id: service.id, code: service.code, departures: count?.n ?? 0 } };
        });
        // This instance's planner sees the change on its next query; other instances via the event.
        planner.markDirty();
        return response;
      },
    );

    app.patch(
      '/logistics/services/:id',
      {
        config: { access: OPERATORS },
        schema: {
          tags: ['logistics'],
          summary: 'Amend a service: suspend/resume it, change its capacity or names',
          description:
            'A capacity change applies to every future departure by the difference; it is refused (409) when a departure has ' +
            'already sold more than the new capacity. Suspending cancels no bookings: future departures stop being offered.',
          params: z.object({ id: z.uuid() }),
          body: amendServiceBody,
          response: {
            200: z.object({ id: z.uuid(), version: z.number().int() }),
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const response = await runMutation(request, reply, async ({ tx, principal, audit }) => {
          const [service] = await tx.select().from(services).where(eq(services.id, request.params.id)).for('update');
          if (!service || !mayOperate(principal, service.enterpriseId)) throw notFound('service');
          const body = request.body;
          const now = new Date();
          if (body.capacityUnits !== undefined && body.capacityUnits !== service.capacityUnits) {
            const delta = body.capacityUnits - service.capacityUnits;
            const future = await tx
              .select({
                id: departures.id,
                capacityRemaining: departures.capacityRemaining,
                departsAt: departures.departsAt,
              })
              .from(departures)
              .where(and(eq(departures.serviceId, service.id), gte(departures.departsAt, now)))
              .orderBy(asc(departures.id))
              .for('update');
            const oversold = future.filter((d) => d.capacityRemaining.some((units) => units + delta < 0));
            if (oversold.length > 0) {
              throw new DomainError('capacity_below_sold', 409, {
                params: { count: oversold.length, first: oversold[0]!.departsAt.toISOString().slice(0, 10) },
              });
            }
            await tx
              .update(departures)
              .set({
                capacityRemaining: sql`(select array_agg(c + ${delta} order by o) from unnest(${departures.capacityRemaining}) with ordinality as t(c, o))`,
              })
              .where(and(eq(departures.serviceId, service.id), gte(departures.departsAt, now)));
          }
          const [updated] = await tx
            .update(services)
            .set({
              ...(body.active !== undefined ? { active: body.active } : {}),
              ...(body.capacityUnits !== undefined ? { capacityUnits: body.capacityUnits } : {}),
              ...(body.names ? { nameZh: body.names.zh, nameEn: body.names.en, nameRu: body.names.ru } : {}),
              version: service.version + 1,
              updatedAt: now,
            })
            .where(eq(services.id, service.id))
            .returning();
          await emitEvent(tx, {
            module: 'logistics',
            event: 'service_amended',
            enterpriseId: service.enterpriseId,
            payload: { serviceId: service.id, code: service.code, changes: Object.keys(body) },
          });
          await audit({
            action: 'logistics.service_amended',
            entityType: 'service',
            entityId: service.id,
            before: { active: service.active, capacityUnits: service.capacityUnits },
            after: { active: updated!.active, capacityUnits: updated!.capacityUnits },
          });
          return { statusCode: 200, body: { id: service.id, version: updated!.version } };
        });
        planner.markDirty();
        return response;
      },
    );

    app.get(
      '/logistics/departures',
      {
        config: { access: ['forwarder', 'customs_officer', 'zone_admin'] },
        schema: {
          tags: ['logistics'],
          summary: 'Utilisation per departure (slots sold vs capacity) of the caller’s services; authorities see all',
          querystring: z.object({
            serviceId: z.uuid().optional(),
            from: z.iso.datetime().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ items: z.array(utilisationSchema) }), 404: problemSchema },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const { serviceId, from, limit } = request.query;
        const conditions = [gte(departures.departsAt, from ? new Date(from) : new Date(Date.now() - 7 * 86_400_000))];
        if (serviceId) {
          const found = await getService(db, serviceId);
          if (!found || !(principal.authorityId || mayOperate(principal, found.service.enterpriseId)))
            throw notFound('service');
          conditions.push(eq(departures.serviceId, serviceId));
        } else if (!principal.authorityId) {
          conditions.push(
            eq(departures.enterpriseId, principal.enterpriseId ?? '00000000-0000-0000-0000-000000000000'),
          );
        }
        const rows = await db
          .select({ departure: departures, service: services })
          .from(departures)
          .innerJoin(services, eq(services.id, departures.serviceId))
          .where(and(...conditions))
          .orderBy(asc(departures.departsAt), asc(services.code))
          .limit(limit);
        const serviceIds = [...new Set(rows.map((r) => r.service.id))];
        const callRows = serviceIds.length ? await Promise.all(serviceIds.map((id) => getService(db, id))) : [];
        const locodes = new Map(
          callRows.flatMap((r) => (r ? [[r.service.id, r.calls.map((c) => c.locode)] as const] : [])),
        );
        const departureIds = rows.map((r) => r.departure.id);
        const counts = departureIds.length
          ? await db
              .select({
                departureId: shipmentLegs.departureId,
                n: sql<number>`count(distinct ${shipmentLegs.shipmentId})::int`,
              })
              .from(shipmentLegs)
              .where(inArray(shipmentLegs.departureId, departureIds))
              .groupBy(shipmentLegs.departureId)
          : [];
        const shipmentsBy = new Map(counts.map((c) => [c.departureId, c.n]));
        return {
          items: rows.map(({ departure, service }) => {
            const calls = locodes.get(service.id) ?? [];
            const segments = departure.capacityRemaining.map((remaining, index) => ({
              from: calls[index] ?? '?',
              to: calls[index + 1] ?? '?',
              remaining,
              sold: Math.max(0, service.capacityUnits - remaining),
            }));
            const soldMaxUnits = segments.reduce((max, s) => Math.max(max, s.sold), 0);
            return {
              id: departure.id,
              serviceId: service.id,
              serviceCode: service.code,
              departsAt: departure.departsAt.toISOString(),
              status: departure.status,
              capacityUnits: service.capacityUnits,
              capacityUnit: service.capacityUnit,
              segments,
              soldMaxUnits,
              utilisation: Math.round((soldMaxUnits / service.capacityUnits) * 1000) / 1000,
              shipments: shipmentsBy.get(departure.id) ?? 0,
            };
          }),
        };
      },
    );
  };
}
