import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.js';
import { type Authority, type Enterprise, getEnterpriseFor, listAuthorities, listEnterprisesFor } from './service.js';

export const enterpriseSchema = z
  .object({
    id: z.uuid(),
    uscc: z.string().describe('18-character unified social credit code (GB 32100)'),
    customsCode: z.string().nullable(),
    names: z.object({ 'zh-CN': z.string(), en: z.string(), ru: z.string() }),
    countryCode: z.string(),
    city: z.string().nullable(),
    kinds: z.array(z.string()),
    status: z.enum(['active', 'suspended']),
  })
  .meta({ id: 'Enterprise' });

export const authoritySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    names: z.object({ 'zh-CN': z.string(), en: z.string(), ru: z.string() }),
  })
  .meta({ id: 'Authority' });

export function authorityView(row: Authority): z.infer<typeof authoritySchema> {
  return { id: row.id, code: row.code, names: { 'zh-CN': row.nameZh, en: row.nameEn, ru: row.nameRu } };
}

export function enterpriseView(row: Enterprise): z.infer<typeof enterpriseSchema> {
  return {
    id: row.id,
    uscc: row.uscc,
    customsCode: row.customsCode,
    names: { 'zh-CN': row.nameZh, en: row.nameEn, ru: row.nameRu },
    countryCode: row.countryCode,
    city: row.city,
    kinds: row.kinds,
    status: row.status,
  };
}

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/enterprises',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['registry'],
        summary: 'Enterprises the caller may see (its own, or all for authorities and banks)',
        response: { 200: z.object({ items: z.array(enterpriseSchema) }) },
      },
    },
    async (request) => ({ items: (await listEnterprisesFor(app.platform.db, request.principal!)).map(enterpriseView) }),
  );
  app.get(
    '/enterprises/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['registry'],
        summary: 'One enterprise',
        params: z.object({ id: z.uuid() }),
        response: { 200: enterpriseSchema, 404: problemSchema },
      },
    },
    async (request) => enterpriseView(await getEnterpriseFor(app.platform.db, request.principal!, request.params.id)),
  );
  app.get(
    '/authorities',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['registry'],
        summary: 'Authorities of the zone (customs, the zone administration); public knowledge to signed-in users',
        response: { 200: z.object({ items: z.array(authoritySchema) }) },
      },
    },
    async () => ({ items: (await listAuthorities(app.platform.db)).map(authorityView) }),
  );
};
