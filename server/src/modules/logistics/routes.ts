import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../platform/db/client.js';
import { type FieldIssue, invalidFields, notFound, problemSchema } from '../../platform/http/problem.js';
import { type Locale, translate } from '../../platform/i18n/index.js';
import { knownLocodes } from '../reference/index.js';
import { getService, listServices, type Service } from './network.js';
import type { Itinerary } from './planner/index.js';
import type { NetworkPlanner } from './planning.js';
import type { PricedLeg } from './shipments.js';

const LOCODE = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/);
/** ISO 6346 size-type codes the planner prices; 2x is a 20-foot box (1 TEU), 4x/L5 is 40/45-foot (2 TEU). */
export const SIZE_TYPES = ['22G1', '22R1', '22U1', '42G1', '42R1', '42U1', '45G1', '45R1', 'L5G1'] as const;
const CONTAINERS_PER_QUERY_MAX = 500;
const DEPART_AFTER_SLACK_MS = 5 * 60 * 1000;
/** IATA volumetric factor: 1 m³ charges as 166.67 kg (1:6000 cm³/kg). */
const KG_PER_CUBIC_METRE_CHARGEABLE = 1_000_000 / 6_000;

const namesSchema = z.object({ 'zh-CN': z.string(), en: z.string(), ru: z.string() });
export const moneySchema = z
  .object({ amount: z.string().describe('Exact decimal string'), currency: z.string() })
  .meta({ id: 'Money' });

const serviceSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    mode: z.enum(['rail', 'sea', 'road', 'air']),
    name: z.string(),
    names: namesSchema,
    operatorEnterpriseId: z.uuid(),
    timezone: z.string(),
    weekdays: z.array(z.number().int()),
    departureLocalTime: z.string(),
    capacityUnits: z.number().int(),
    capacityUnit: z.enum(['TEU', 'KG']),
    reefer: z.boolean(),
    dangerousGoodsClasses: z.array(z.string()),
    active: z.boolean(),
  })
  .meta({ id: 'TransportService' });

const legSchema = z.object({
  kind: z.enum(['trip', 'transfer']),
  mode: z.enum(['rail', 'sea', 'road', 'air', 'drayage']),
  service: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  departureId: z.uuid().nullable(),
  from: z.string(),
  to: z.string(),
  departure: z.iso.datetime(),
  arrival: z.iso.datetime(),
  cost: moneySchema,
  co2Kg: z.number(),
});

export const itinerarySchema = z
  .object({
    legs: z.array(legSchema),
    departure: z.iso.datetime(),
    arrival: z.iso.datetime(),
    transitHours: z.number(),
    cost: moneySchema,
    co2Kg: z.number(),
    transfers: z.number().int(),
  })
  .meta({ id: 'Itinerary' });

export const searchBody = z.strictObject({
  from: LOCODE.describe('UN/LOCODE of the origin'),
  to: LOCODE.describe('UN/LOCODE of the destination'),
  departAfter: z.iso.datetime({ offset: true }).describe('ISO 8601 instant'),
  cargo: z.strictObject({
    containers: z
      .array(
        z.strictObject({ sizeType: z.enum(SIZE_TYPES), count: z.number().int().min(1).max(CONTAINERS_PER_QUERY_MAX) }),
      )
      .min(1)
      .max(10)
      .optional(),
    weightKg: z.number().positive().max(200_000).optional(),
    volumeM3: z.number().positive().max(1_000).optional(),
    dangerousGoods: z
      .strictObject({
        unNumber: z.string().regex(/^\d{4}$/),
        class: z.string().regex(/^[1-9](\.[1-6])?$/),
      })
      .optional(),
  }),
});

export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function minuteToIso(minute: number): string {
  return new Date(minute * 60_000).toISOString();
}

export function localName(service: Service, locale: Locale): string {
  return locale === 'en' ? service.nameEn : locale === 'ru' ? service.nameRu : service.nameZh;
}

function serviceView(service: Service, locale: Locale): z.infer<typeof serviceSchema> {
  return {
    id: service.id,
    code: service.code,
    mode: service.mode,
    name: localName(service, locale),
    names: { 'zh-CN': service.nameZh, en: service.nameEn, ru: service.nameRu },
    operatorEnterpriseId: service.enterpriseId,
    timezone: service.timezone,
    weekdays: service.weekdays,
    departureLocalTime: service.departureLocalTime,
    capacityUnits: service.capacityUnits,
    capacityUnit: service.capacityUnit,
    reefer: service.reefer,
    dangerousGoodsClasses: service.dangerousGoodsClasses,
    active: service.active,
  };
}

export type SearchBody = z.infer<typeof searchBody>;
export type ItineraryView = z.infer<typeof itinerarySchema>;

export interface QuotedItinerary {
  view: ItineraryView;
  legs: PricedLeg[];
  costFen: number;
  co2Grams: number;
  /** Identifies the itinerary across searches: the departures and places of its legs. */
  signature: string;
}

export function legSignature(legs: readonly { departureId: string | null; from: string; to: string }[]): string {
  return legs.map((leg) => `${leg.departureId ?? '-'}:${leg.from}:${leg.to}`).join('|');
}

export function cargoUnits(body: SearchBody): { unit: 'TEU' | 'KG'; units: number; reefer: boolean } {
  const containers = body.cargo.containers ?? [];
  const byContainer = body.cargo.containers !== undefined;
  const units = byContainer
    ? containers.reduce((sum, c) => sum + c.count * (c.sizeType.startsWith('2') ? 1 : 2), 0)
    : Math.ceil(Math.max(body.cargo.weightKg ?? 0, (body.cargo.volumeM3 ?? 0) * KG_PER_CUBIC_METRE_CHARGEABLE));
  return { unit: byContainer ? 'TEU' : 'KG', units, reefer: containers.some((c) => c.sizeType[2] === 'R') };
}

/**
 * Validates a search, plans it and prices every itinerary. Booking re-runs the same search so the
 * price and the legs it stores are the planner's, never the client's.
 */
export async function runSearch(
  db: Queryable,
  planner: NetworkPlanner,
  body: SearchBody,
  locale: Locale,
  now: Date,
  options: { allowPast?: boolean; fieldPrefix?: string; clampToNow?: boolean } = {},
): Promise<{ itineraries: QuotedItinerary[]; truncated: boolean; reason: { code: string; message: string } | null }> {
  const prefix = options.fieldPrefix ?? 'body';
  const issues: FieldIssue[] = [];
  const known = await knownLocodes(db, [body.from, body.to]);
  if (!known.has(body.from)) issues.push({ field: `${prefix}.from`, code: 'unknown_location' });
  if (!known.has(body.to)) issues.push({ field: `${prefix}.to`, code: 'unknown_location' });
  if (body.from === body.to) issues.push({ field: `${prefix}.to`, code: 'same_as_origin' });
  const departAfter = new Date(body.departAfter);
  if (!options.allowPast && departAfter.getTime() < now.getTime() - DEPART_AFTER_SLACK_MS) {
    issues.push({ field: `${prefix}.departAfter`, code: 'in_the_past' });
  }
  const byContainer = body.cargo.containers !== undefined;
  const byWeight = body.cargo.weightKg !== undefined || body.cargo.volumeM3 !== undefined;
  if (byContainer === byWeight) issues.push({ field: `${prefix}.cargo`, code: 'one_of_containers_or_weight' });
  if (issues.length > 0) throw invalidFields(issues);

  const { unit, units, reefer } = cargoUnits(body);
  const result = await planner.search({
    unit,
    from: body.from,
    to: body.to,
    // Nothing that already left can be booked; only the demo seed plans journeys in the past.
    departAfter: options.clampToNow === false ? departAfter : new Date(Math.max(departAfter.getTime(), now.getTime())),
    cargo: {
      units,
      reefer,
      ...(body.cargo.dangerousGoods ? { dangerousGoodsClass: body.cargo.dangerousGoods.class } : {}),
    },
  });
  const services = new Map((await listServices(db)).map((s) => [s.id, s]));
  const quote = (itinerary: Itinerary): QuotedItinerary => {
    const legs: PricedLeg[] = [];
    const views: z.infer<typeof legSchema>[] = [];
    for (const [index, leg] of itinerary.legs.entries()) {
      const service = leg.kind === 'trip' ? services.get(leg.serviceId) : undefined;
      const costFen = leg.costFen + (leg.kind === 'trip' ? leg.transshipmentCostFen : 0);
      const co2Grams = leg.co2Grams + (leg.kind === 'trip' ? leg.transshipmentCo2Grams : 0);
      const departureId = leg.kind === 'trip' ? (result.trips[leg.tripIndex]?.departureId ?? null) : null;
      const mode = leg.kind === 'trip' ? leg.mode : 'drayage';
      legs.push({
        index,
        kind: leg.kind,
        mode,
        serviceId: service?.id ?? null,
        departureId,
        fromLocode: leg.fromStopId,
        toLocode: leg.toStopId,
        plannedDeparture: new Date(leg.departureMinute * 60_000),
        plannedArrival: new Date(leg.arrivalMinute * 60_000),
        costFen,
        co2Grams,
      });
      views.push({
        kind: leg.kind,
        mode,
        service: service ? { id: service.id, code: service.code, name: localName(service, locale) } : null,
        departureId,
        from: leg.fromStopId,
        to: leg.toStopId,
        departure: minuteToIso(leg.departureMinute),
        arrival: minuteToIso(leg.arrivalMinute),
        cost: { amount: fenToYuan(costFen), currency: 'CNY' },
        co2Kg: gramsToKg(co2Grams),
      });
    }
    return {
      view: {
        legs: views,
        departure: minuteToIso(itinerary.departureMinute),
        arrival: minuteToIso(itinerary.arrivalMinute),
        transitHours: Math.round(((itinerary.arrivalMinute - itinerary.departureMinute) / 60) * 10) / 10,
        cost: { amount: fenToYuan(itinerary.costFen), currency: 'CNY' },
        co2Kg: gramsToKg(itinerary.co2Grams),
        transfers: itinerary.transfers,
      },
      legs,
      costFen: itinerary.costFen,
      co2Grams: itinerary.co2Grams,
      signature: legSignature(views),
    };
  };
  return {
    itineraries: result.itineraries.map(quote),
    truncated: result.truncated,
    reason: result.reason
      ? { code: result.reason, message: translate(locale, `logistics.reason.${result.reason}`) }
      : null,
  };
}

export function gramsToKg(grams: number): number {
  return Math.round(grams / 100) / 10;
}

export function logisticsRoutes(planner: NetworkPlanner): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    app.get(
      '/logistics/services',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['logistics'],
          summary: 'Published transport services (rail, sea, TIR road, air)',
          response: { 200: z.object({ items: z.array(serviceSchema) }) },
        },
      },
      async (request) => ({ items: (await listServices(db)).map((s) => serviceView(s, request.locale)) }),
    );

    app.get(
      '/logistics/services/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['logistics'],
          summary: 'One service with its calls',
          params: z.object({ id: z.uuid() }),
          response: {
            200: serviceSchema.extend({
              calls: z.array(
                z.object({
                  seq: z.number().int(),
                  locode: z.string(),
                  arrivalOffsetMinutes: z.number().int().nullable(),
                  departureOffsetMinutes: z.number().int().nullable(),
                  tariffToNext: moneySchema,
                  distanceKmToNext: z.number().int(),
                }),
              ),
            }),
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const found = await getService(db, request.params.id);
        if (!found) throw notFound('service');
        return {
          ...serviceView(found.service, request.locale),
          calls: found.calls.map((c) => ({
            seq: c.seq,
            locode: c.locode,
            arrivalOffsetMinutes: c.arrivalOffsetMinutes,
            departureOffsetMinutes: c.departureOffsetMinutes,
            tariffToNext: { amount: fenToYuan(c.tariffFenPerUnitToNext), currency: found.service.currency },
            distanceKmToNext: c.distanceKmToNext,
          })),
        };
      },
    );

    app.post(
      '/logistics/routes/search',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['logistics'],
          summary: 'Plan a multimodal route: every Pareto-optimal option over arrival, cost, CO2 and transfers',
          description:
            'Containers (ISO 6346 size-types) plan on the rail, sea and road network in TEU; a weight/volume plans air cargo ' +
            'by chargeable kg. Nothing is written. No route → 200 with an empty list and a localised reason.',
          body: searchBody,
          response: {
            200: z.object({
              itineraries: z.array(itinerarySchema),
              truncated: z.boolean(),
              reason: z.object({ code: z.string(), message: z.string() }).nullable(),
            }),
            400: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) => {
        const outcome = await runSearch(db, planner, request.body, request.locale, new Date());
        return {
          itineraries: outcome.itineraries.map((i) => i.view),
          truncated: outcome.truncated,
          reason: outcome.reason,
        };
      },
    );
  };
}
