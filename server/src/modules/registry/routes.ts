import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runMutation } from '../../platform/http/mutation.js';
import { problemSchema } from '../../platform/http/problem.js';
import './messages.js';
import { APPLICATION_STATUSES, CUSTOMS_CREDIT_TIERS, ENTERPRISE_KINDS } from './schema.js';
import {
  type Application,
  type Authority,
  applicationWarnings,
  decideApplication,
  type Enterprise,
  getApplicationFor,
  getEnterpriseFor,
  listApplicationsFor,
  listAuthorities,
  listEnterprisesFor,
  submitApplication,
  updateCustomsStatus,
  updateProfile,
} from './service.js';

const namesSchema = z.object({ 'zh-CN': z.string(), en: z.string(), ru: z.string() });
const profileSchema = z.object({
  products: z.array(z.string()),
  markets: z.array(z.string()),
  certifications: z.array(
    z.object({ kind: z.string(), number: z.string().nullable(), validUntil: z.string().nullable() }),
  ),
});

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
    usccCheckOk: z.boolean().describe('False when an admin confirmed a USCC that fails the GB 32100 check'),
    customsCreditTier: z.enum(CUSTOMS_CREDIT_TIERS).describe("GACC Order 282's five tiers"),
    aeoMraCountries: z.array(z.string()).describe('Countries recognising the enterprise as an AEO'),
    bondedSites: z.array(z.string()),
    profile: profileSchema,
    activatedAt: z.iso.datetime().nullable(),
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
    usccCheckOk: row.usccCheckOk,
    customsCreditTier: row.customsCreditTier,
    aeoMraCountries: row.aeoMraCountries,
    bondedSites: row.bondedSites,
    profile: row.profile,
    activatedAt: row.activatedAt?.toISOString() ?? null,
  };
}

const warningSchema = z.object({ field: z.string(), code: z.literal('check_digit') });

export const applicationSchema = z
  .object({
    id: z.uuid(),
    uscc: z.string(),
    usccCheckOk: z.boolean(),
    warnings: z.array(warningSchema).describe('What an admin must confirm before approval'),
    customsCode: z.string().nullable(),
    names: namesSchema,
    countryCode: z.string(),
    city: z.string().nullable(),
    kinds: z.array(z.string()),
    bondedSites: z.array(z.string()),
    profile: profileSchema,
    customsCreditTier: z.enum(CUSTOMS_CREDIT_TIERS),
    aeoMraCountries: z.array(z.string()),
    status: z.enum(APPLICATION_STATUSES),
    submittedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    decisionReason: z.string().nullable(),
    usccWarningConfirmed: z.boolean(),
    enterpriseId: z.uuid().nullable(),
  })
  .meta({ id: 'RegistryApplication' });

export function applicationView(row: Application): z.infer<typeof applicationSchema> {
  return {
    id: row.id,
    uscc: row.uscc,
    usccCheckOk: row.usccCheckOk,
    warnings: applicationWarnings(row),
    customsCode: row.customsCode,
    names: { 'zh-CN': row.nameZh, en: row.nameEn, ru: row.nameRu },
    countryCode: row.countryCode,
    city: row.city,
    kinds: row.kinds,
    bondedSites: row.bondedSites,
    profile: row.profile,
    customsCreditTier: row.customsCreditTier,
    aeoMraCountries: row.aeoMraCountries,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    usccWarningConfirmed: row.usccWarningConfirmed,
    enterpriseId: row.enterpriseId,
  };
}

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case');
const name = z.string().trim().min(1).max(200);

/** An enterprise's profile as the onboarding form and the profile update send it. */
const profileBody = z
  .strictObject({
    products: z
      .array(z.string().regex(/^\d{10}$/, '10-digit commodity code'))
      .max(100)
      .default([]),
    markets: z.array(countryCode).max(60).default([]),
    certifications: z
      .array(
        z.strictObject({
          kind: z.string().trim().min(1).max(100),
          number: z.string().trim().min(1).max(100).nullable().default(null),
          validUntil: z.iso.date().nullable().default(null),
        }),
      )
      .max(30)
      .default([]),
  })
  .default({ products: [], markets: [], certifications: [] });

/** The onboarding form. Closed: unknown fields are refused. Lists are bounded. */
export const applicationBody = z.strictObject({
  uscc: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().length(18)),
  customsCode: z
    .string()
    .regex(/^[0-9A-Z]{10}$/, '10 characters: digits and capital letters')
    .nullable()
    .optional(),
  names: z.strictObject({ 'zh-CN': name, en: name, ru: name }),
  countryCode,
  city: z.string().trim().min(1).max(100).nullable().optional(),
  kinds: z.array(z.enum(ENTERPRISE_KINDS)).min(1).max(ENTERPRISE_KINDS.length),
  bondedSites: z
    .array(z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'site code: capitals, digits and dashes'))
    .max(20)
    .default([]),
  profile: profileBody,
  customsCreditTier: z.enum(CUSTOMS_CREDIT_TIERS).default('regular'),
  aeoMraCountries: z.array(countryCode).max(60).default([]),
});

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
    '/registry/applications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['registry'],
        summary: 'Onboarding applications: all for the zone administration and customs, otherwise the caller’s own',
        querystring: z.object({ status: z.enum(APPLICATION_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(applicationSchema) }) },
      },
    },
    async (request) => ({
      items: (await listApplicationsFor(app.platform.db, request.principal!, request.query.status)).map(
        applicationView,
      ),
    }),
  );
  app.get(
    '/registry/applications/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['registry'],
        summary: 'One onboarding application',
        params: z.object({ id: z.uuid() }),
        response: { 200: applicationSchema, 404: problemSchema },
      },
    },
    async (request) => applicationView(await getApplicationFor(app.platform.db, request.principal!, request.params.id)),
  );
  app.post(
    '/registry/applications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['registry'],
        summary: 'Apply to onboard an enterprise (a USCC failing only its check character is accepted with a warning)',
        body: applicationBody,
        response: { 201: applicationSchema, 400: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) =>
      runMutation(request, reply, async ({ tx, principal, audit }) => {
        const row = await submitApplication(tx, principal, request.body, new Date());
        await audit({
          action: 'registry.application_submitted',
          entityType: 'registry_application',
          entityId: row.id,
          after: row,
        });
        return { statusCode: 201, body: applicationView(row) };
      }),
  );
  app.post(
    '/registry/applications/:id/decision',
    {
      config: { access: ['zone_admin'] },
      schema: {
        tags: ['registry'],
        summary: 'Approve (the enterprise becomes active) or reject (with a reason) an application',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({
          decision: z.enum(['approve', 'reject']),
          reason: z.string().trim().min(1).max(2000).optional(),
          confirmUsccWarning: z
            .boolean()
            .optional()
            .describe('Required (true) to approve a USCC that fails the GB 32100 check'),
        }),
        response: {
          200: z.object({ application: applicationSchema, enterprise: enterpriseSchema.nullable() }),
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) =>
      runMutation(request, reply, async ({ tx, principal, audit }) => {
        const { application, before, enterprise } = await decideApplication(
          tx,
          principal,
          request.params.id,
          request.body,
          new Date(),
        );
        await audit({
          action: `registry.application_${application.status}`,
          entityType: 'registry_application',
          entityId: application.id,
          before,
          after: { ...request.body, enterpriseId: enterprise?.id ?? null },
        });
        return {
          statusCode: 200,
          body: {
            application: applicationView(application),
            enterprise: enterprise ? enterpriseView(enterprise) : null,
          },
        };
      }),
  );
  app.put(
    '/enterprises/:id/profile',
    {
      config: { access: ['trader', 'forwarder', 'bank_officer', 'zone_admin'] },
      schema: {
        tags: ['registry'],
        summary:
          'Update the enterprise’s products, markets, certifications and bonded sites (its own users, or zone admins)',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({
          bondedSites: applicationBody.shape.bondedSites,
          profile: profileBody,
        }),
        response: { 200: enterpriseSchema, 400: problemSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) =>
      runMutation(request, reply, async ({ tx, principal, audit }) => {
        const { before, after } = await updateProfile(tx, principal, request.params.id, request.body);
        await audit({
          action: 'registry.profile_updated',
          entityType: 'enterprise',
          entityId: after.id,
          before,
          after,
        });
        return { statusCode: 200, body: enterpriseView(after) };
      }),
  );
  app.put(
    '/enterprises/:id/customs-status',
    {
      config: { access: ['customs_officer'] },
      schema: {
        tags: ['registry'],
        summary: "Record the enterprise's customs credit tier (GACC Order 282) and AEO mutual recognition",
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({
          customsCreditTier: z.enum(CUSTOMS_CREDIT_TIERS),
          aeoMraCountries: applicationBody.shape.aeoMraCountries,
        }),
        response: { 200: enterpriseSchema, 400: problemSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) =>
      runMutation(request, reply, async ({ tx, audit }) => {
        const { before, after } = await updateCustomsStatus(tx, request.params.id, request.body);
        await audit({
          action: 'registry.customs_status_changed',
          entityType: 'enterprise',
          entityId: after.id,
          before,
          after,
        });
        return { statusCode: 200, body: enterpriseView(after) };
      }),
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
