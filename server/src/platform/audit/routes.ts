import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from './index.js';

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    actorApiKeyId: z.uuid().nullable(),
    actorRole: z.string().nullable(),
    enterpriseId: z.uuid().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: "Audit trail, newest first: the caller's tenant's, or the zone's for authorities",
        querystring: z.object({
          entityType: z.string().max(64).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const rows = await listAudit(app.platform.db, {
        enterpriseId: principal.enterpriseId,
        entityType: request.query.entityType,
        beforeId: request.query.before,
        limit: request.query.limit,
      });
      return { items: rows.map((row) => ({ ...row, at: row.at.toISOString() })) };
    },
  );
};
