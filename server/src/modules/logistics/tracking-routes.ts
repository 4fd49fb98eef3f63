import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validateBlNumber, validateContainerNumber } from '../../lib/identifiers/index.js';
import { runMutation } from '../../platform/http/mutation.js';
import { type FieldIssue, invalidFields, notFound, problemSchema } from '../../platform/http/problem.js';
import { knownLocodes } from '../reference/index.js';
import { EVENT_CODES } from './progress.js';
import { canRead, findShipment } from './shipments.js';
import { type IncomingEvent, ingestEvents, operatorEventFeed, shipmentEvents, TRACKING_BATCH_MAX } from './tracking.js';

const TRACKERS = ['forwarder', 'customs_officer', 'zone_admin'] as const;
const EVENT_TIME_SKEW_MS = 24 * 3_600_000;

const eventSchema = z
  .strictObject({
    eventId: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/)
      .describe("The sender's unique id; a repeat with the same id is accepted once"),
    eventType: z.enum(['EQUIPMENT', 'TRANSPORT', 'BORDER', 'CUSTOMS']),
    eventClassifierCode: z.enum(['ACT', 'EST', 'PLN']).describe('Actual, estimated or planned'),
    code: z
      .string()
      .regex(/^[A-Z]{4}$/)
      .describe('EQUIPMENT: GTIN LOAD DISC GTOT · TRANSPORT: DEPA ARRI · BORDER: CRSS HOLD · CUSTOMS: RELS HOLD INSP'),
    eventDateTime: z.iso.datetime({ offset: true }),
    locode: z
      .string()
      .regex(/^[A-Z]{2}[A-Z2-9]{3}$/)
      .describe('Where it happened (UN/LOCODE)'),
    equipmentReference: z.string().max(20).optional().describe('Container number (ISO 6346)'),
    blNumber: z.string().max(20).optional(),
    serviceCode: z.string().max(40).optional().describe('Service whose departure this is (transport events)'),
    remark: z.string().max(500).optional(),
  })
  .meta({ id: 'TrackingEvent' });

const answerSchema = z.object({
  eventId: z.string(),
  shipmentIds: z.array(z.uuid()),
  firstReceivedAt: z.iso.datetime().describe('When the platform first received this id: equal on a repeat'),
});

const timelineSchema = z.object({
  eventId: z.string(),
  eventType: z.string(),
  classifier: z.enum(['ACT', 'EST', 'PLN']),
  code: z.string(),
  eventAt: z.iso.datetime(),
  locode: z.string(),
  containerNumber: z.string().nullable(),
  serviceCode: z.string().nullable(),
  remark: z.string().nullable(),
  receivedAt: z.iso.datetime(),
});

/** Field checks an event's schema cannot express (check digits, known places, codes by type). */
async function checkEvents(
  db: Parameters<typeof knownLocodes>[0],
  events: readonly IncomingEvent[],
  fieldFor: (index: number) => string,
  now: Date,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const known = await knownLocodes(db, [...new Set(events.map((e) => e.locode))]);
  for (const [index, event] of events.entries()) {
    const field = fieldFor(index);
    if (!EVENT_CODES[event.eventType].includes(event.code))
      issues.push({ field: `${field}.code`, code: 'invalid_value' });
    if (!known.has(event.locode)) issues.push({ field: `${field}.locode`, code: 'unknown_location' });
    if (event.equipmentReference) {
      const check = validateContainerNumber(event.equipmentReference);
      if (!check.ok) {
        issues.push({
          field: `${field}.equipmentReference`,
          code: check.problem === 'check' ? 'check_digit' : 'invalid_format',
        });
      }
    }
    if (event.blNumber && !validateBlNumber(event.blNumber).ok) {
      issues.push({ field: `${field}.blNumber`, code: 'check_digit' });
    }
    if (event.eventType === 'EQUIPMENT' && !event.equipmentReference) {
      issues.push({ field: `${field}.equipmentReference`, code: 'required' });
    }
    if (
      event.eventClassifierCode === 'ACT' &&
      new Date(event.eventDateTime).getTime() > now.getTime() + EVENT_TIME_SKEW_MS
    ) {
      issues.push({ field: `${field}.eventDateTime`, code: 'actual_in_future' });
    }
  }
  return issues;
}

export function trackingRoutes(borders: () => Promise<ReadonlySet<string>>): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    /** Checks that need no transaction, before one is opened; returns the border stations. */
    async function prepare(events: IncomingEvent[], fieldFor: (index: number) => string) {
      const issues = await checkEvents(db, events, fieldFor, new Date());
      if (issues.length > 0) throw invalidFields(issues);
      return borders();
    }

    app.post(
      '/logistics/tracking/events',
      {
        config: { access: TRACKERS },
        schema: {
          tags: ['logistics'],
          summary: 'Report one tracking event (DCSA Track & Trace shaped)',
          description:
            'Attached by container number, bill of lading number, or — for a transport event — by service code, place and time ' +
            '(every shipment on that departure). Idempotent by `eventId`: a repeat is stored once and answered the same.',
          body: eventSchema,
          response: { 202: answerSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const event = request.body as IncomingEvent;
        const borderLocodes = await prepare([event], () => 'body');
        return runMutation(request, reply, async ({ tx, principal, audit }) => {
          const result = await ingestEvents(tx, principal, [event], {
            fieldPrefix: '',
            borderLocodes,
            now: new Date(),
          });
          if (result.issues.length > 0)
            throw invalidFields(result.issues.map((i) => ({ ...i, field: i.field.replace(/^0/, 'body') })));
          await audit({
            action: 'logistics.tracking_events_received',
            entityType: 'tracking_event',
            entityId: event.eventId,
            after: { stored: result.stored },
          });
          return { statusCode: 202, body: result.answers[0]! };
        });
      },
    );

    app.post(
      '/logistics/tracking/events/batch',
      {
        config: { access: TRACKERS },
        schema: {
          tags: ['logistics'],
          summary: `Report up to ${TRACKING_BATCH_MAX} tracking events at once`,
          description:
            'All or nothing: any invalid event rejects the batch with every problem named (`body.events.<i>.<field>`). Events may ' +
            'arrive out of order; repeats (same eventId and content) are stored once and answered as the first time.',
          body: z.strictObject({ events: z.array(eventSchema).min(1).max(TRACKING_BATCH_MAX) }),
          response: {
            202: z.object({ received: z.number().int(), stored: z.number().int(), events: z.array(answerSchema) }),
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const events = request.body.events as IncomingEvent[];
        const borderLocodes = await prepare(events, (index) => `body.events.${index}`);
        return runMutation(request, reply, async ({ tx, principal, audit }) => {
          const result = await ingestEvents(tx, principal, events, {
            fieldPrefix: 'body.events.',
            borderLocodes,
            now: new Date(),
          });
          if (result.issues.length > 0) throw invalidFields(result.issues);
          await audit({
            action: 'logistics.tracking_events_received',
            entityType: 'tracking_event',
            entityId: events[0]!.eventId,
            after: { received: events.length, stored: result.stored },
          });
          return { statusCode: 202, body: { received: events.length, stored: result.stored, events: result.answers } };
        });
      },
    );

    app.get(
      '/logistics/shipments/:id/events',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['logistics'],
          summary: "A shipment's timeline: its tracking events in event-time order",
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ items: z.array(timelineSchema) }), 404: problemSchema },
        },
      },
      async (request) => {
        const shipment = await findShipment(db, request.params.id);
        if (!shipment || !canRead(request.principal!, shipment)) throw notFound('shipment');
        const rows = await shipmentEvents(db, shipment.id);
        return { items: rows.map(timelineView) };
      },
    );

    app.get(
      '/logistics/tracking/feed',
      {
        config: { access: TRACKERS },
        schema: {
          tags: ['logistics'],
          summary: "Latest tracking events on the caller's services (all services for authorities)",
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ items: z.array(timelineSchema.extend({ shipmentIds: z.array(z.uuid()) })) }) },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const rows = await operatorEventFeed(
          db,
          principal.authorityId ? null : principal.enterpriseId,
          request.query.limit,
        );
        return { items: rows.map((r) => ({ ...timelineView(r), shipmentIds: r.shipmentIds })) };
      },
    );
  };
}

function timelineView(row: Awaited<ReturnType<typeof shipmentEvents>>[number]): z.infer<typeof timelineSchema> {
  return {
    eventId: row.eventId,
    eventType: row.eventType,
    classifier: row.classifier,
    code: row.code,
    eventAt: row.eventAt.toISOString(),
    locode: row.locode,
    containerNumber: row.containerNumber,
    serviceCode: row.serviceCode,
    remark: row.remark,
    receivedAt: row.receivedAt.toISOString(),
  };
}
