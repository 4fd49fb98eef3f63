import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validateContainerNumber, validateHsCode } from '../../lib/identifiers/index.js';
import type { Queryable } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { runMutation } from '../../platform/http/mutation.js';
import { DomainError, type FieldIssue, invalidFields, notFound, problemSchema } from '../../platform/http/problem.js';
import type { Locale } from '../../platform/i18n/index.js';
import { emitEvent } from '../events/index.js';
import { locationSummaries } from '../reference/index.js';
import type { DocumentService } from './document-service.js';
import { LATIN_1_TEXT } from './documents.js';
import { listServices } from './network.js';
import type { NetworkPlanner } from './planning.js';
import {
  cargoUnits,
  fenToYuan,
  gramsToKg,
  itinerarySchema,
  legSignature,
  localName,
  moneySchema,
  type QuotedItinerary,
  runSearch,
  type SearchBody,
  SIZE_TYPES,
  searchBody,
} from './routes.js';
import { shipmentContainers, shipmentLegs, shipments } from './schema.js';
import {
  type BillNames,
  billContent,
  CARGO_LINES_MAX,
  CONTAINERS_MAX,
  canRead,
  containersInUse,
  findShipment,
  insertLegs,
  insertShipment,
  issueBillOfLading,
  LEGS_MAX,
  listShipments,
  lockShipment,
  prepareReservation,
  releaseLegs,
  reserveLegs,
  SHIPMENT_STATUSES,
  type Shipment,
  type ShipmentParties,
  shipmentDetail,
  takeCapacity,
} from './shipments.js';

const LOCODE = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/);
const latin = (max: number) =>
  z.string().trim().min(1).max(max).regex(LATIN_1_TEXT, { message: 'latin_script_required' });

const partySchema = z.strictObject({
  name: latin(140),
  address: latin(400),
  country: z.string().regex(/^[A-Z]{2}$/),
  uscc: z
    .string()
    .regex(/^[0-9A-Z]{18}$/)
    .optional(),
});
const cargoLineSchema = z.strictObject({
  hsCode: z.string().regex(/^\d{6,10}$/),
  description: latin(300),
  packages: z.number().int().min(1).max(1_000_000),
  grossWeightKg: z.number().positive().max(1_000_000),
});
const containerSchema = z.strictObject({ number: z.string().min(1).max(20), sizeType: z.enum(SIZE_TYPES) });
const partiesSchema = z.strictObject({ shipper: partySchema, consignee: partySchema, notify: partySchema.optional() });

const bookingBody = z.strictObject({
  search: searchBody.describe('The route search the itinerary came from (re-run to price and check it)'),
  legs: z
    .array(z.strictObject({ departureId: z.uuid().nullable(), from: LOCODE, to: LOCODE }))
    .min(1)
    .max(LEGS_MAX)
    .describe('The chosen itinerary: its legs as the search returned them'),
  parties: partiesSchema,
  cargoLines: z.array(cargoLineSchema).min(1).max(CARGO_LINES_MAX),
  containers: z.array(containerSchema).max(CONTAINERS_MAX).optional(),
  reference: z.string().trim().max(64).regex(LATIN_1_TEXT).optional(),
});

const amendBody = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets 409'),
  parties: partiesSchema.optional(),
  cargoLines: z.array(cargoLineSchema).min(1).max(CARGO_LINES_MAX).optional(),
  containers: z.array(containerSchema).max(CONTAINERS_MAX).optional(),
  reference: z.string().trim().max(64).regex(LATIN_1_TEXT).nullable().optional(),
  itinerary: z
    .strictObject({
      search: searchBody,
      legs: z
        .array(z.strictObject({ departureId: z.uuid().nullable(), from: LOCODE, to: LOCODE }))
        .min(1)
        .max(LEGS_MAX),
    })
    .optional()
    .describe('Move the booking to another itinerary (only before the first departure)'),
});

const placeSchema = z.object({
  locode: z.string(),
  name: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

const shipmentLegSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(['trip', 'transfer']),
  mode: z.enum(['rail', 'sea', 'road', 'air', 'drayage']),
  service: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  departureId: z.uuid().nullable(),
  from: placeSchema,
  to: placeSchema,
  plannedDeparture: z.iso.datetime(),
  plannedArrival: z.iso.datetime(),
  estimatedDeparture: z.iso.datetime().nullable(),
  estimatedArrival: z.iso.datetime().nullable(),
  actualDeparture: z.iso.datetime().nullable(),
  actualArrival: z.iso.datetime().nullable(),
  status: z.enum(['planned', 'departed', 'arrived']),
  cost: moneySchema,
  co2Kg: z.number(),
});

const documentSchema = z.object({
  id: z.uuid(),
  kind: z.literal('bill_of_lading'),
  number: z.string(),
  version: z.number().int(),
  status: z.enum(['issued', 'superseded', 'cancelled']),
  sha256: z.string().nullable().describe('SHA-256 of the PDF; null for the moment between issue and first rendering'),
  verifyUrl: z.string(),
  pdfUrl: z.string(),
  issuedAt: z.iso.datetime(),
});

const shipmentSchema = z
  .object({
    id: z.uuid(),
    blNumber: z.string(),
    reference: z.string().nullable(),
    status: z.enum(SHIPMENT_STATUSES),
    atRisk: z.boolean(),
    risk: z
      .object({ code: z.string(), message: z.string(), locode: z.string() })
      .nullable()
      .describe('Why the shipment is at risk (a missed connection, a hold), and where'),
    origin: placeSchema,
    destination: placeSchema,
    plannedDeparture: z.iso.datetime(),
    plannedArrival: z.iso.datetime(),
    eta: z.iso.datetime().nullable(),
    delayHours: z.number().nullable(),
    position: placeSchema.extend({ at: z.iso.datetime() }).nullable(),
    cost: moneySchema,
    co2Kg: z.number(),
    capacityUnit: z.enum(['TEU', 'KG']),
    units: z.number().int(),
    cargo: z.record(z.string(), z.unknown()),
    parties: z.object({ shipper: partySchema, consignee: partySchema, notify: partySchema.nullable() }),
    cargoLines: z.array(cargoLineSchema),
    containers: z.array(z.object({ number: z.string(), sizeType: z.string() })),
    legs: z.array(shipmentLegSchema),
    documents: z.array(documentSchema),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Shipment' });

const shipmentSummarySchema = shipmentSchema
  .pick({
    id: true,
    blNumber: true,
    reference: true,
    status: true,
    atRisk: true,
    origin: true,
    destination: true,
    plannedDeparture: true,
    plannedArrival: true,
    eta: true,
    delayHours: true,
    cost: true,
    co2Kg: true,
    capacityUnit: true,
    units: true,
    createdAt: true,
  })
  .meta({ id: 'ShipmentSummary' });

const RISK_MESSAGES: Record<Locale, Record<string, (place: string) => string>> = {
  'zh-CN': {
    connection_missed: (p) => `在${p}可能赶不上下一程班次`,
    held: (p) => `货物在${p}被扣留`,
  },
  en: {
    connection_missed: (p) => `The connection at ${p} will probably be missed`,
    held: (p) => `The cargo is held at ${p}`,
  },
  ru: {
    connection_missed: (p) => `Стыковка в пункте ${p}, вероятно, будет упущена`,
    held: (p) => `Груз задержан в пункте ${p}`,
  },
};

type Place = z.infer<typeof placeSchema>;

/** Everything a shipment view needs besides the shipment: place names and service names, read once. */
async function viewContext(db: Queryable, locodes: readonly string[]) {
  const [places, services] = await Promise.all([locationSummaries(db, locodes), listServices(db)]);
  return { places, services: new Map(services.map((s) => [s.id, s])) };
}

function placeOf(ctx: Awaited<ReturnType<typeof viewContext>>, locode: string, locale: Locale): Place {
  const place = ctx.places.get(locode);
  return place
    ? { locode, name: place.names[locale], lat: place.lat, lon: place.lon }
    : { locode, name: locode, lat: null, lon: null };
}

/** Bills of lading are printed in English: English place and service names. */
function billNames(ctx: Awaited<ReturnType<typeof viewContext>>): BillNames {
  return { place: (locode) => placeOf(ctx, locode, 'en').name, service: (id) => ctx.services.get(id) };
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function delayHours(shipment: Shipment): number | null {
  if (!shipment.eta) return null;
  return Math.round(((shipment.eta.getTime() - shipment.plannedArrival.getTime()) / 3_600_000) * 10) / 10;
}

function summaryView(shipment: Shipment, ctx: Awaited<ReturnType<typeof viewContext>>, locale: Locale) {
  return {
    id: shipment.id,
    blNumber: shipment.blNumber,
    reference: shipment.reference,
    status: shipment.status,
    atRisk: shipment.atRisk,
    origin: placeOf(ctx, shipment.originLocode, locale),
    destination: placeOf(ctx, shipment.destinationLocode, locale),
    plannedDeparture: shipment.plannedDeparture.toISOString(),
    plannedArrival: shipment.plannedArrival.toISOString(),
    eta: iso(shipment.eta),
    delayHours: delayHours(shipment),
    cost: { amount: fenToYuan(shipment.costFen), currency: 'CNY' },
    co2Kg: gramsToKg(shipment.co2Grams),
    capacityUnit: shipment.capacityUnit,
    units: shipment.units,
    createdAt: shipment.createdAt.toISOString(),
  };
}

async function shipmentView(
  db: Queryable,
  shipment: Shipment,
  locale: Locale,
): Promise<z.infer<typeof shipmentSchema>> {
  const detail = await shipmentDetail(db, shipment);
  const locodes = [
    shipment.originLocode,
    shipment.destinationLocode,
    ...(shipment.positionLocode ? [shipment.positionLocode] : []),
    ...detail.legs.flatMap((l) => [l.fromLocode, l.toLocode]),
  ];
  const ctx = await viewContext(db, locodes);
  const risk = shipment.risk as { code: string; locode: string } | null;
  const parties = shipment.parties as ShipmentParties;
  return {
    ...summaryView(shipment, ctx, locale),
    risk: risk
      ? {
          code: risk.code,
          locode: risk.locode,
          message: (RISK_MESSAGES[locale][risk.code] ?? RISK_MESSAGES[locale].held!)(
            placeOf(ctx, risk.locode, locale).name,
          ),
        }
      : null,
    position:
      shipment.positionLocode && shipment.positionAt
        ? { ...placeOf(ctx, shipment.positionLocode, locale), at: shipment.positionAt.toISOString() }
        : null,
    cargo: shipment.cargo as Record<string, unknown>,
    parties: { shipper: parties.shipper, consignee: parties.consignee, notify: parties.notify ?? null },
    cargoLines: shipment.cargoLines as z.infer<typeof cargoLineSchema>[],
    containers: detail.containers.map((c) => ({ number: c.containerNumber, sizeType: c.sizeType })),
    legs: detail.legs.map((leg) => {
      const service = leg.serviceId ? ctx.services.get(leg.serviceId) : undefined;
      return {
        seq: leg.seq,
        kind: leg.kind,
        mode: leg.mode,
        service: service ? { id: service.id, code: service.code, name: localName(service, locale) } : null,
        departureId: leg.departureId,
        from: placeOf(ctx, leg.fromLocode, locale),
        to: placeOf(ctx, leg.toLocode, locale),
        plannedDeparture: leg.plannedDeparture.toISOString(),
        plannedArrival: leg.plannedArrival.toISOString(),
        estimatedDeparture: iso(leg.estimatedDeparture),
        estimatedArrival: iso(leg.estimatedArrival),
        actualDeparture: iso(leg.actualDeparture),
        actualArrival: iso(leg.actualArrival),
        status: leg.actualArrival ? 'arrived' : leg.actualDeparture ? 'departed' : 'planned',
        cost: { amount: fenToYuan(leg.costFen), currency: 'CNY' },
        co2Kg: gramsToKg(leg.co2Grams),
      };
    }),
    documents: detail.documents.map((d) => ({
      id: d.id,
      kind: 'bill_of_lading' as const,
      number: d.number,
      version: d.version,
      status: d.status,
      sha256: d.sha256,
      verifyUrl: `/verify/${d.verificationToken}`,
      pdfUrl: `/api/logistics/shipments/${shipment.id}/documents/${d.version}/bill-of-lading.pdf`,
      issuedAt: d.issuedAt.toISOString(),
    })),
    version: shipment.version,
  };
}

/** Checks of a booking or an amendment that the schema cannot express; all issues at once. */
function checkCargo(
  body: {
    containers?: z.infer<typeof containerSchema>[] | undefined;
    cargoLines?: z.infer<typeof cargoLineSchema>[] | undefined;
  },
  cargo: SearchBody['cargo'] | null,
  prefix: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [index, container] of (body.containers ?? []).entries()) {
    const check = validateContainerNumber(container.number);
    if (!check.ok) {
      issues.push({
        field: `${prefix}.containers.${index}.number`,
        code: check.problem === 'check' ? 'check_digit' : 'invalid_format',
      });
    } else if (seen.has(container.number)) {
      issues.push({ field: `${prefix}.containers.${index}.number`, code: 'duplicate' });
    }
    seen.add(container.number);
  }
  for (const [index, line] of (body.cargoLines ?? []).entries()) {
    if (!validateHsCode(line.hsCode).ok)
      issues.push({ field: `${prefix}.cargoLines.${index}.hsCode`, code: 'invalid_format' });
  }
  if (cargo && body.containers && body.containers.length > 0) {
    // Numbers, when given, must match the booked boxes size-type by size-type.
    const wanted = new Map<string, number>();
    for (const c of cargo.containers ?? []) wanted.set(c.sizeType, (wanted.get(c.sizeType) ?? 0) + c.count);
    const given = new Map<string, number>();
    for (const c of body.containers) given.set(c.sizeType, (given.get(c.sizeType) ?? 0) + 1);
    const matches = [...new Set([...wanted.keys(), ...given.keys()])].every(
      (k) => (wanted.get(k) ?? 0) === (given.get(k) ?? 0),
    );
    if (!matches) issues.push({ field: `${prefix}.containers`, code: 'containers_do_not_match_cargo' });
  }
  return issues;
}

/** Re-plans the customer's search and finds the chosen itinerary in it (same departures, same places). */
async function quoteChosen(
  db: Queryable,
  planner: NetworkPlanner,
  search: SearchBody,
  legs: readonly { departureId: string | null; from: string; to: string }[],
  locale: Locale,
  now: Date,
  prefix: string,
): Promise<QuotedItinerary> {
  const issues: FieldIssue[] = [];
  if (legs[0]?.from !== search.from) issues.push({ field: `${prefix}.legs.0.from`, code: 'not_search_origin' });
  if (legs[legs.length - 1]?.to !== search.to) {
    issues.push({ field: `${prefix}.legs.${legs.length - 1}.to`, code: 'not_search_destination' });
  }
  if (issues.length > 0) throw invalidFields(issues);
  const result = await runSearch(db, planner, search, locale, now, {
    allowPast: true,
    fieldPrefix: `${prefix}.search`,
  });
  const signature = legSignature(legs);
  const chosen = result.itineraries.find((itinerary) => itinerary.signature === signature);
  if (chosen) return chosen;
  // Not offered any more: most often a leg filled up since the search. The transaction below is the
  // judge of capacity, so hand it the legs as asked and let it name the full ones; if none is full,
  // the itinerary is simply no longer on offer (departed, cancelled, or no longer Pareto-optimal).
  throw new DomainError('itinerary_unavailable', 409);
}

export function shipmentRoutes(
  planner: NetworkPlanner,
  documentsService: DocumentService,
  publicUrl: string,
): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    const readable = async (principal: Principal | null, id: string): Promise<Shipment> => {
      const shipment = await findShipment(db, id);
      // Another tenant's shipment is "not found", never "forbidden": ids must not leak.
      if (!shipment || !principal || !canRead(principal, shipment)) throw notFound('shipment');
      return shipment;
    };

    app.post(
      '/logistics/shipments',
      {
        config: { access: ['trader', 'forwarder'] },
        schema: {
          tags: ['logistics'],
          summary: 'Book an itinerary under one through bill of lading',
          description:
            'Re-plans `search`, finds the chosen `legs` among the results and, in one transaction, reserves capacity on every ' +
            'leg (all or none), assigns the bill of lading number and issues the bill. 409 `capacity_exhausted` names the legs ' +
            'that filled up; 409 `itinerary_unavailable` when the itinerary is no longer offered. Honours Idempotency-Key.',
          body: bookingBody,
          response: { 201: shipmentSchema, 400: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const principal = request.principal!;
        const now = new Date();
        const issues = checkCargo(body, body.search.cargo, 'body');
        if (body.search.cargo.containers === undefined && (body.containers?.length ?? 0) > 0) {
          issues.push({ field: 'body.containers', code: 'containers_do_not_match_cargo' });
        }
        if (!principal.enterpriseId) issues.push({ field: 'body', code: 'enterprise_required' });
        if (body.containers?.length) {
          const inUse = await containersInUse(
            db,
            body.containers.map((c) => c.number),
            null,
          );
          for (const [index, c] of body.containers.entries()) {
            if (inUse.has(c.number))
              issues.push({ field: `body.containers.${index}.number`, code: 'container_on_open_shipment' });
          }
        }
        if (issues.length > 0) throw invalidFields(issues);
        const quote = await quoteChosenOrShortage(body.search, body.legs, request.locale, now, 'body');
        const { units, unit } = cargoUnits(body.search);
        const ctx = await viewContext(db, [body.search.from, body.search.to]);
        let departureIds: string[] = [];
        const response = await runMutation(request, reply, async ({ tx, audit }) => {
          // Checked here, taken last (takeCapacity): the departures' row locks then last for the
          // end of the transaction only, not for the whole booking.
          const reservation = await prepareReservation(tx, quote.legs, units, now);
          departureIds = reservation.departureIds;
          const parties: ShipmentParties = {
            shipper: body.parties.shipper,
            consignee: body.parties.consignee,
            notify: body.parties.notify ?? null,
          };
          const shipment = await insertShipment(
            tx,
            {
              enterpriseId: principal.enterpriseId!,
              reference: body.reference ?? null,
              origin: body.search.from,
              destination: body.search.to,
              capacityUnit: unit,
              units,
              cargo: body.search.cargo as Record<string, unknown>,
              parties,
              cargoLines: body.cargoLines,
              containers: body.containers ?? [],
              legs: reservation.reserved,
              costFen: quote.costFen,
              co2Grams: quote.co2Grams,
            },
            now,
          );
          await issueBillOfLading(
            tx,
            shipment,
            billContent(shipment, parties, body.cargoLines, body.containers ?? [], quote.legs, billNames(ctx)),
            publicUrl,
            now,
          );
          await emitEvent(tx, {
            module: 'logistics',
            event: 'capacity_changed',
            enterpriseId: null,
            payload: { departureIds },
          });
          await emitEvent(tx, {
            module: 'logistics',
            event: 'shipment_booked',
            enterpriseId: shipment.enterpriseId,
            payload: {
              shipmentId: shipment.id,
              blNumber: shipment.blNumber,
              origin: shipment.originLocode,
              destination: shipment.destinationLocode,
              units,
              capacityUnit: unit,
              legs: quote.legs.map((l) => ({ departureId: l.departureId, from: l.fromLocode, to: l.toLocode })),
            },
          });
          await audit({
            action: 'logistics.shipment_booked',
            entityType: 'shipment',
            entityId: shipment.id,
            after: { blNumber: shipment.blNumber },
          });
          const view = await shipmentView(tx, shipment, request.locale);
          await takeCapacity(tx, reservation);
          return { statusCode: 201, body: view };
        });
        await planner.refreshCapacity(departureIds);
        documentsService.kick();
        return response;
      },
    );

    /** Like quoteChosen, but when the itinerary is gone because a leg is full, says which leg (409). */
    async function quoteChosenOrShortage(
      search: SearchBody,
      legs: z.infer<typeof bookingBody>['legs'],
      locale: Locale,
      now: Date,
      prefix: string,
    ): Promise<QuotedItinerary> {
      try {
        return await quoteChosen(db, planner, search, legs, locale, now, prefix);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'itinerary_unavailable') throw error;
        const { units } = cargoUnits(search);
        // Ask the database (not the planner's cache) whether a leg is short: a trial reservation that
        // always rolls back, and throws 409 naming the full legs if there are any.
        await db.transaction(async (tx) => {
          await reserveLegs(
            tx,
            legs.map((leg, index) => ({
              index,
              kind: leg.departureId ? 'trip' : 'transfer',
              mode: 'rail',
              serviceId: null,
              departureId: leg.departureId,
              fromLocode: leg.from,
              toLocode: leg.to,
              plannedDeparture: new Date(now.getTime() + 60_000),
              plannedArrival: now,
              costFen: 0,
              co2Grams: 0,
            })),
            units,
            now,
          );
          throw error;
        });
        throw error;
      }
    }

    app.get(
      '/logistics/shipments',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['logistics'],
          summary: "Shipments, newest first: the tenant's own; authorities see all",
          querystring: z.object({
            status: z.enum(SHIPMENT_STATUSES).optional(),
            before: z.iso.datetime().optional().describe('Cursor: createdAt of the last item of the previous page'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.object({ items: z.array(shipmentSummarySchema), nextBefore: z.string().nullable() }) },
        },
      },
      async (request) => {
        const { status, before, limit } = request.query;
        const rows = await listShipments(db, request.principal!, {
          status,
          before: before ? new Date(before) : undefined,
          limit,
        });
        const ctx = await viewContext(
          db,
          rows.flatMap((r) => [r.originLocode, r.destinationLocode]),
        );
        const last = rows[rows.length - 1];
        return {
          items: rows.map((r) => summaryView(r, ctx, request.locale)),
          nextBefore: rows.length === limit && last ? last.createdAt.toISOString() : null,
        };
      },
    );

    app.get(
      '/logistics/shipments/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['logistics'],
          summary: 'One shipment: legs with planned/estimated/actual times, ETA, risk, position, documents',
          params: z.object({ id: z.uuid() }),
          response: { 200: shipmentSchema, 404: problemSchema },
        },
      },
      async (request) => shipmentView(db, await readable(request.principal, request.params.id), request.locale),
    );

    app.post(
      '/logistics/shipments/:id/cancel',
      {
        config: { access: ['trader', 'forwarder'] },
        schema: {
          tags: ['logistics'],
          summary: 'Cancel a booking before its first departure: capacity goes back, the bill is voided',
          params: z.object({ id: z.uuid() }),
          response: { 200: shipmentSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        let departureIds: string[] = [];
        const response = await runMutation(request, reply, async ({ tx, principal, audit }) => {
          const shipment = await lockShipment(tx, request.params.id);
          if (!shipment || shipment.enterpriseId !== principal.enterpriseId) throw notFound('shipment');
          if (shipment.status !== 'booked')
            throw new DomainError('shipment_not_cancellable', 409, { params: { status: shipment.status } });
          const legs = await tx.select().from(shipmentLegs).where(eq(shipmentLegs.shipmentId, shipment.id));
          departureIds = await releaseLegs(tx, legs, shipment.units);
          const [updated] = await tx
            .update(shipments)
            .set({
              status: 'cancelled',
              eta: null,
              atRisk: false,
              risk: null,
              version: shipment.version + 1,
              updatedAt: new Date(),
            })
            .where(eq(shipments.id, shipment.id))
            .returning();
          await tx
            .update(shipmentContainers)
            .set({ open: false })
            .where(eq(shipmentContainers.shipmentId, shipment.id));
          await documentsService.voidAll(tx, shipment.id);
          await emitEvent(tx, {
            module: 'logistics',
            event: 'capacity_changed',
            enterpriseId: null,
            payload: { departureIds },
          });
          await emitEvent(tx, {
            module: 'logistics',
            event: 'shipment_cancelled',
            enterpriseId: shipment.enterpriseId,
            payload: { shipmentId: shipment.id, blNumber: shipment.blNumber },
          });
          await audit({
            action: 'logistics.shipment_cancelled',
            entityType: 'shipment',
            entityId: shipment.id,
            before: { status: shipment.status },
          });
          return { statusCode: 200, body: await shipmentView(tx, updated!, request.locale) };
        });
        await planner.refreshCapacity(departureIds);
        return response;
      },
    );

    app.patch(
      '/logistics/shipments/:id',
      {
        config: { access: ['trader', 'forwarder'] },
        schema: {
          tags: ['logistics'],
          summary: 'Amend parties, cargo, containers or the itinerary; the bill of lading is reissued as a new version',
          params: z.object({ id: z.uuid() }),
          body: amendBody,
          response: { 200: shipmentSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const now = new Date();
        const current = await readable(request.principal, request.params.id);
        if (current.enterpriseId !== request.principal!.enterpriseId) throw notFound('shipment');
        const issues = checkCargo(body, body.itinerary?.search.cargo ?? (current.cargo as SearchBody['cargo']), 'body');
        if (body.containers?.length) {
          const inUse = await containersInUse(
            db,
            body.containers.map((c) => c.number),
            current.id,
          );
          for (const [index, c] of body.containers.entries()) {
            if (inUse.has(c.number))
              issues.push({ field: `body.containers.${index}.number`, code: 'container_on_open_shipment' });
          }
        }
        if (body.itinerary) {
          const { units, unit } = cargoUnits(body.itinerary.search);
          if (unit !== current.capacityUnit)
            issues.push({ field: 'body.itinerary.search.cargo', code: 'invalid_value' });
          if (units !== current.units) issues.push({ field: 'body.itinerary.search.cargo', code: 'cargo_changed' });
        }
        if (issues.length > 0) throw invalidFields(issues);
        const quote = body.itinerary
          ? await quoteChosenOrShortage(
              body.itinerary.search,
              body.itinerary.legs,
              request.locale,
              now,
              'body.itinerary',
            )
          : null;
        let departureIds: string[] = [];
        const response = await runMutation(request, reply, async ({ tx, audit }) => {
          const shipment = await lockShipment(tx, current.id);
          if (!shipment) throw notFound('shipment');
          if (shipment.version !== body.version) {
            throw new DomainError('stale_version', 409, { params: { current: shipment.version } });
          }
          if (shipment.status === 'cancelled' || shipment.status === 'delivered') {
            throw new DomainError('shipment_closed', 409, { params: { status: shipment.status } });
          }
          if ((quote || body.containers) && shipment.status !== 'booked') {
            throw new DomainError('shipment_departed', 409);
          }
          const parties = body.parties
            ? { shipper: body.parties.shipper, consignee: body.parties.consignee, notify: body.parties.notify ?? null }
            : (shipment.parties as ShipmentParties);
          const cargoLines = body.cargoLines ?? (shipment.cargoLines as z.infer<typeof cargoLineSchema>[]);
          const changes: Partial<typeof shipments.$inferInsert> = {
            parties,
            cargoLines,
            version: shipment.version + 1,
            updatedAt: now,
          };
          if (body.reference !== undefined) changes.reference = body.reference;
          if (quote) {
            const oldLegs = await tx.select().from(shipmentLegs).where(eq(shipmentLegs.shipmentId, shipment.id));
            const released = await releaseLegs(tx, oldLegs, shipment.units);
            const reservation = await reserveLegs(tx, quote.legs, shipment.units, now);
            departureIds = [...new Set([...released, ...reservation.departureIds])];
            await tx.delete(shipmentLegs).where(eq(shipmentLegs.shipmentId, shipment.id));
            await insertLegs(tx, shipment.id, reservation.reserved);
            Object.assign(changes, {
              originLocode: body.itinerary!.search.from,
              destinationLocode: body.itinerary!.search.to,
              costFen: quote.costFen,
              co2Grams: quote.co2Grams,
              plannedDeparture: quote.legs[0]!.plannedDeparture,
              plannedArrival: quote.legs[quote.legs.length - 1]!.plannedArrival,
              eta: quote.legs[quote.legs.length - 1]!.plannedArrival,
              atRisk: false,
              risk: null,
            });
            await emitEvent(tx, {
              module: 'logistics',
              event: 'capacity_changed',
              enterpriseId: null,
              payload: { departureIds },
            });
          }
          if (body.containers) {
            await tx.delete(shipmentContainers).where(eq(shipmentContainers.shipmentId, shipment.id));
            if (body.containers.length > 0) {
              await tx.insert(shipmentContainers).values(
                body.containers.map((c) => ({
                  shipmentId: shipment.id,
                  containerNumber: c.number,
                  sizeType: c.sizeType,
                })),
              );
            }
          }
          const [updated] = await tx.update(shipments).set(changes).where(eq(shipments.id, shipment.id)).returning();
          const legs = await tx.select().from(shipmentLegs).where(eq(shipmentLegs.shipmentId, shipment.id));
          const containers = (
            await tx
              .select()
              .from(shipmentContainers)
              .where(and(eq(shipmentContainers.shipmentId, shipment.id)))
          ).map((c) => ({ number: c.containerNumber, sizeType: c.sizeType as (typeof SIZE_TYPES)[number] }));
          const ctx = await viewContext(tx, [updated!.originLocode, updated!.destinationLocode]);
          await issueBillOfLading(
            tx,
            updated!,
            billContent(
              updated!,
              parties,
              cargoLines,
              containers,
              legs.sort((a, b) => a.seq - b.seq),
              billNames(ctx),
            ),
            publicUrl,
            now,
          );
          await emitEvent(tx, {
            module: 'logistics',
            event: 'shipment_amended',
            enterpriseId: shipment.enterpriseId,
            payload: {
              shipmentId: shipment.id,
              blNumber: shipment.blNumber,
              version: updated!.version,
              rerouted: quote !== null,
            },
          });
          await audit({
            action: 'logistics.shipment_amended',
            entityType: 'shipment',
            entityId: shipment.id,
            before: { version: shipment.version },
            after: { version: updated!.version, rerouted: quote !== null },
          });
          return { statusCode: 200, body: await shipmentView(tx, updated!, request.locale) };
        });
        await planner.refreshCapacity(departureIds);
        documentsService.kick();
        return response;
      },
    );

    app.get(
      '/logistics/shipments/:id/alternatives',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['logistics'],
          summary: 'Re-routing: itineraries from where the cargo is (or will be) to the destination',
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({
              from: z.string(),
              departAfter: z.iso.datetime(),
              itineraries: z.array(itinerarySchema),
              reason: z.object({ code: z.string(), message: z.string() }).nullable(),
            }),
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request) => {
        const shipment = await readable(request.principal, request.params.id);
        if (shipment.status === 'delivered' || shipment.status === 'cancelled') {
          throw new DomainError('shipment_closed', 409, { params: { status: shipment.status } });
        }
        const { legs } = await shipmentDetail(db, shipment);
        // From the end of the last leg already ridden (or the origin), once the cargo is there.
        const done = legs.filter((l) => l.actualArrival);
        const lastDone = done[done.length - 1];
        const from = lastDone ? lastDone.toLocode : shipment.originLocode;
        const readyAt = new Date(Math.max(Date.now(), lastDone?.actualArrival?.getTime() ?? 0));
        const cargo = shipment.cargo as SearchBody['cargo'];
        if (from === shipment.destinationLocode)
          return { from, departAfter: readyAt.toISOString(), itineraries: [], reason: null };
        const result = await runSearch(
          db,
          planner,
          { from, to: shipment.destinationLocode, departAfter: readyAt.toISOString(), cargo },
          request.locale,
          new Date(),
          { allowPast: true },
        );
        return {
          from,
          departAfter: readyAt.toISOString(),
          itineraries: result.itineraries.map((i) => i.view),
          reason: result.reason,
        };
      },
    );

    app.get(
      '/logistics/shipments/:id/documents/:version/bill-of-lading.pdf',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['logistics'],
          summary: 'The bill of lading as PDF, with its QR code to the public verification page',
          params: z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) }),
          response: { 200: z.any().describe('application/pdf'), 404: problemSchema },
        },
      },
      async (request, reply) => {
        const shipment = await readable(request.principal, request.params.id);
        const pdf = await documentsService.pdf(shipment.id, request.params.version);
        if (!pdf) throw notFound('document');
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${pdf.number}-v${pdf.version}.pdf"`)
          .header('x-content-sha256', pdf.sha256)
          .send(pdf.bytes);
      },
    );
  };
}
