import { and, arrayContains, asc, desc, eq, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, problemSchema } from '../../platform/http/problem.js';
import type { Locale } from '../../platform/i18n/index.js';
import { LOCATION_KINDS, type LocationKind } from './data/locations.js';
import { countries, currencies, exchangeRates, locations } from './schema.js';

const SCO_STATUSES = ['member', 'observer', 'dialogue_partner'] as const;

const namesSchema = z.object({ 'zh-CN': z.string(), en: z.string(), ru: z.string() });

const countrySchema = z
  .object({
    alpha2: z.string(),
    alpha3: z.string(),
    numeric: z.string(),
    name: z.string().describe("In the caller's language"),
    names: namesSchema,
    scoStatus: z.enum(SCO_STATUSES).nullable(),
    scoSince: z.string().nullable(),
  })
  .meta({ id: 'Country' });

const currencySchema = z
  .object({ code: z.string(), numeric: z.string(), minorUnits: z.number().int(), name: z.string(), names: namesSchema })
  .meta({ id: 'Currency' });

const rateSchema = z
  .object({
    currency: z.string(),
    validOn: z.string(),
    cnyPerUnit: z.string().describe('Exact decimal string: yuan per one unit of the currency'),
    source: z.string(),
  })
  .meta({ id: 'ExchangeRate' });

const locationSchema = z
  .object({
    locode: z.string().describe('UN/LOCODE'),
    locodeConfirmed: z
      .boolean()
      .describe('false when the code could not be confirmed in a UN/LOCODE release (demo data)'),
    name: z.string(),
    names: namesSchema,
    countryCode: z.string(),
    lat: z.number(),
    lon: z.number(),
    kinds: z.array(z.enum(LOCATION_KINDS)),
    gaugeMm: z.number().int().nullable(),
    gaugeFarSideMm: z.number().int().nullable(),
    borderWith: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Location' });

function names(row: { nameZh: string; nameEn: string; nameRu: string }) {
  return { 'zh-CN': row.nameZh, en: row.nameEn, ru: row.nameRu };
}
function localName(row: { nameZh: string; nameEn: string; nameRu: string }, locale: Locale): string {
  return names(row)[locale];
}

function unknownCode(field: string): DomainError {
  return new DomainError('not_found', 404, {
    params: { entity: field },
    issues: [{ field, code: 'unknown_reference' }],
  });
}

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.platform.db;
  // Reference data is public knowledge (ISO and UN code lists), so partners may read it unsigned.
  const access = 'public' as const;

  app.get(
    '/countries',
    {
      config: { access },
      schema: {
        tags: ['reference'],
        summary: 'ISO 3166 countries with SCO status',
        querystring: z.object({ sco: z.enum([...SCO_STATUSES, 'any']).optional() }),
        response: { 200: z.object({ items: z.array(countrySchema) }) },
      },
    },
    async (request) => {
      const { sco } = request.query;
      const where =
        sco === 'any'
          ? or(...SCO_STATUSES.map((s) => eq(countries.scoStatus, s)))
          : sco
            ? eq(countries.scoStatus, sco)
            : undefined;
      const rows = await db.select().from(countries).where(where).orderBy(asc(countries.alpha2));
      return { items: rows.map((row) => ({ ...row, name: localName(row, request.locale), names: names(row) })) };
    },
  );

  app.get(
    '/countries/:code',
    {
      config: { access },
      schema: {
        tags: ['reference'],
        summary: 'One country by ISO 3166 alpha-2 code',
        params: z.object({ code: z.string().regex(/^[A-Z]{2}$/) }),
        response: { 200: countrySchema, 404: problemSchema },
      },
    },
    async (request) => {
      const [row] = await db.select().from(countries).where(eq(countries.alpha2, request.params.code));
      if (!row) throw unknownCode('params.code');
      return { ...row, name: localName(row, request.locale), names: names(row) };
    },
  );

  app.get(
    '/currencies',
    {
      config: { access },
      schema: {
        tags: ['reference'],
        summary: 'ISO 4217 currencies',
        response: { 200: z.object({ items: z.array(currencySchema) }) },
      },
    },
    async (request) => {
      const rows = await db.select().from(currencies).orderBy(asc(currencies.code));
      return { items: rows.map((row) => ({ ...row, name: localName(row, request.locale), names: names(row) })) };
    },
  );

  app.get(
    '/exchange-rates',
    {
      config: { access },
      schema: {
        tags: ['reference'],
        summary: 'Reference exchange rates (latest on or before a date)',
        querystring: z.object({
          on: z.iso.date().optional().describe('YYYY-MM-DD; default today'),
          currency: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(rateSchema) }), 404: problemSchema },
      },
    },
    async (request) => {
      const on = request.query.on ?? new Date().toISOString().slice(0, 10);
      const conditions: SQL[] = [lte(exchangeRates.validOn, on)];
      if (request.query.currency) {
        const [known] = await db.select().from(currencies).where(eq(currencies.code, request.query.currency));
        if (!known) throw unknownCode('querystring.currency');
        conditions.push(eq(exchangeRates.currency, request.query.currency));
      }
      // Latest rate per currency as of the date.
      const rows = await db
        .selectDistinctOn([exchangeRates.currency])
        .from(exchangeRates)
        .where(and(...conditions))
        .orderBy(asc(exchangeRates.currency), desc(exchangeRates.validOn));
      return { items: rows };
    },
  );

  app.get(
    '/locations',
    {
      config: { access },
      schema: {
        tags: ['reference'],
        summary: 'Locations with UN/LOCODE: ports, rail terminals, border crossings, airports, depots, bonded zones',
        querystring: z.object({
          country: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .optional(),
          kind: z.enum(LOCATION_KINDS).optional(),
          q: z.string().trim().min(1).max(100).optional().describe('Matches code or a name in any language'),
          limit: z.coerce.number().int().min(1).max(1000).default(500),
        }),
        response: { 200: z.object({ items: z.array(locationSchema) }) },
      },
    },
    async (request) => {
      const { country, kind, q, limit } = request.query;
      const conditions: SQL[] = [];
      if (country) conditions.push(eq(locations.countryCode, country));
      if (kind) conditions.push(arrayContains(locations.kinds, [kind]));
      if (q) {
        const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        const match = or(
          ilike(locations.locode, pattern),
          ilike(locations.nameEn, pattern),
          ilike(locations.nameZh, pattern),
          ilike(locations.nameRu, pattern),
        );
        if (match) conditions.push(match);
      }
      const rows = await db
        .select()
        .from(locations)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(locations.locode))
        .limit(limit);
      return {
        items: rows.map((row) => ({
          ...row,
          kinds: row.kinds as LocationKind[],
          name: localName(row, request.locale),
          names: names(row),
        })),
      };
    },
  );

  app.get(
    '/locations/:locode',
    {
      config: { access },
      schema: {
        tags: ['reference'],
        summary: 'One location by UN/LOCODE',
        params: z.object({ locode: z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/) }),
        response: { 200: locationSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const [row] = await db.select().from(locations).where(eq(locations.locode, request.params.locode));
      if (!row) throw unknownCode('params.locode');
      return {
        ...row,
        kinds: row.kinds as LocationKind[],
        name: localName(row, request.locale),
        names: names(row),
      };
    },
  );
};
