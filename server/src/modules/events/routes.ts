import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { runMutation } from '../../platform/http/mutation.js';
import { DomainError, notFound, problemSchema } from '../../platform/http/problem.js';
import { emitEvent } from './outbox.js';
import { eventDeliveries, outboxEvents, webhooks } from './schema.js';

type Webhook = typeof webhooks.$inferSelect;

const EVENT_PATTERN = /^(\*|[a-z][a-z0-9_]*\.(\*|[a-z][a-z0-9_]*))$/;
const WEBHOOKS_PER_OWNER_MAX = 20;

const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    description: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Webhook' });

const deliverySchema = z.object({
  id: z.number().int(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});

const eventSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  enterpriseId: z.uuid().nullable(),
  occurredAt: z.iso.datetime(),
  payload: z.record(z.string(), z.unknown()),
});

function view(hook: Webhook): z.infer<typeof webhookSchema> {
  return {
    id: hook.id,
    url: hook.url,
    eventTypes: hook.eventTypes,
    description: hook.description,
    active: hook.active,
    createdAt: hook.createdAt.toISOString(),
  };
}

/** A tenant sees its own webhooks; an authority user sees the authority's. */
function ownerScope(principal: Principal): SQL {
  if (principal.enterpriseId) return eq(webhooks.enterpriseId, principal.enterpriseId);
  if (principal.authorityId) return eq(webhooks.authorityId, principal.authorityId);
  return isNull(webhooks.id);
}

async function findWebhook(db: Queryable, principal: Principal, id: string): Promise<Webhook> {
  const [hook] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), ownerScope(principal)));
  if (!hook) throw notFound('webhook');
  return hook;
}

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.platform.db;

  app.get(
    '/webhooks',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['events'],
        summary: 'My webhooks',
        response: { 200: z.object({ items: z.array(webhookSchema) }) },
      },
    },
    async (request) => {
      const rows = await db
        .select()
        .from(webhooks)
        .where(ownerScope(request.principal!))
        .orderBy(desc(webhooks.createdAt));
      return { items: rows.map(view) };
    },
  );

  app.post(
    '/webhooks',
    {
      // The answer holds the signing secret, shown once; it is not kept for replay.
      config: { access: 'authenticated', idempotency: false },
      schema: {
        tags: ['events'],
        summary: 'Subscribe a URL to events; bodies are signed with HMAC-SHA256 (X-Scohub-Signature)',
        body: z.strictObject({
          url: z.url({ protocol: /^https?$/ }).max(2000),
          eventTypes: z.array(z.string().regex(EVENT_PATTERN)).min(1).max(50),
          description: z.string().trim().max(200).optional(),
        }),
        response: {
          201: z.object({ webhook: webhookSchema, secret: z.string() }),
          400: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) =>
      runMutation(request, reply, async ({ tx, principal, audit }) => {
        const existing = await tx
          .select({ id: webhooks.id })
          .from(webhooks)
          .where(ownerScope(principal))
          .limit(WEBHOOKS_PER_OWNER_MAX);
        if (existing.length >= WEBHOOKS_PER_OWNER_MAX) {
          throw new DomainError('validation_failed', 422, {
            params: { count: 1 },
            issues: [{ field: 'body', code: 'too_big', params: { maximum: WEBHOOKS_PER_OWNER_MAX } }],
          });
        }
        const secret = `whsec_${randomBytes(24).toString('base64url')}`;
        const [hook] = await tx
          .insert(webhooks)
          .values({
            id: randomUUID(),
            enterpriseId: principal.enterpriseId,
            authorityId: principal.enterpriseId ? null : principal.authorityId,
            createdBy: principal.userId,
            url: request.body.url,
            secret,
            eventTypes: request.body.eventTypes,
            description: request.body.description ?? null,
          })
          .returning();
        if (!hook) throw new Error('insert returned nothing');
        await audit({ action: 'webhook.create', entityType: 'webhook', entityId: hook.id, after: view(hook) });
        return { statusCode: 201, body: { webhook: view(hook), secret } };
      }),
  );

  app.delete(
    '/webhooks/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['events'],
        summary: 'Deactivate a webhook (its delivery log is kept)',
        params: z.object({ id: z.uuid() }),
        response: { 200: webhookSchema, 404: problemSchema },
      },
    },
    async (request, reply) =>
      runMutation(request, reply, async ({ tx, principal, audit }) => {
        const before = await findWebhook(tx, principal, request.params.id);
        const [after] = await tx.update(webhooks).set({ active: false }).where(eq(webhooks.id, before.id)).returning();
        await audit({
          action: 'webhook.deactivate',
          entityType: 'webhook',
          entityId: before.id,
          before: view(before),
          after: after ? view(after) : null,
        });
        return { statusCode: 200, body: view(after ?? before) };
      }),
  );

  app.post(
    '/webhooks/:id/ping',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['events'],
        summary: "Emit an events.ping event to the caller's tenant, to test a receiver",
        params: z.object({ id: z.uuid() }),
        response: { 202: z.object({ eventId: z.uuid() }), 404: problemSchema },
      },
    },
    async (request, reply) =>
      runMutation(request, reply, async ({ tx, principal, audit }) => {
        const hook = await findWebhook(tx, principal, request.params.id);
        const eventId = await emitEvent(tx, {
          module: 'events',
          event: 'ping',
          enterpriseId: principal.enterpriseId,
          payload: { webhookId: hook.id },
        });
        await audit({ action: 'webhook.ping', entityType: 'webhook', entityId: hook.id, after: { eventId } });
        return { statusCode: 202, body: { eventId } };
      }),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['events'],
        summary: 'Delivery log of a webhook, newest first',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(deliverySchema) }), 404: problemSchema },
      },
    },
    async (request) => {
      const hook = await findWebhook(db, request.principal!, request.params.id);
      const rows = await db
        .select({ delivery: eventDeliveries, event: outboxEvents })
        .from(eventDeliveries)
        .innerJoin(outboxEvents, eq(outboxEvents.id, eventDeliveries.outboxId))
        .where(eq(eventDeliveries.webhookId, hook.id))
        .orderBy(desc(eventDeliveries.id))
        .limit(request.query.limit);
      return {
        items: rows.map(({ delivery, event }) => ({
          id: delivery.id,
          eventId: event.eventId,
          eventType: event.type,
          status: delivery.status,
          attempts: delivery.attempts,
          lastStatusCode: delivery.lastStatusCode,
          lastError: delivery.lastError,
          nextAttemptAt: delivery.nextAttemptAt.toISOString(),
          deliveredAt: delivery.deliveredAt ? delivery.deliveredAt.toISOString() : null,
        })),
      };
    },
  );

  app.get(
    '/events',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['events'],
        summary: "Recent events: the caller's tenant's, or the whole zone's for authorities",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: z.object({ items: z.array(eventSchema.extend({ seq: z.number().int() })) }) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const conditions: SQL[] = [];
      if (principal.enterpriseId) conditions.push(eq(outboxEvents.enterpriseId, principal.enterpriseId));
      if (request.query.before) conditions.push(lt(outboxEvents.id, request.query.before));
      const rows = await db
        .select()
        .from(outboxEvents)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(outboxEvents.id))
        .limit(request.query.limit);
      return {
        items: rows.map((row) => ({
          seq: row.id,
          id: row.eventId,
          type: row.type,
          enterpriseId: row.enterpriseId,
          occurredAt: row.occurredAt.toISOString(),
          payload: row.payload as Record<string, unknown>,
        })),
      };
    },
  );
};
