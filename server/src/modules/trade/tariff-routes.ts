import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runMutation } from '../../platform/http/mutation.js';
import { DomainError, invalidFields, notFound, problemSchema } from '../../platform/http/problem.js';
import type { Locale } from '../../platform/i18n/index.js';
import { emitEvent } from '../events/index.js';
import { knownCurrencies } from '../reference/index.js';
import { findTariffLine, TARIFF_LINES } from './data/tariff.js';
import type { TariffLine } from './data/types.js';
import { UNITS } from './data/units.js';
import { customsExchangeRates, rulings } from './schema.js';
import type { TariffHit, TariffIndex } from './search/tariff-index.js';

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' });
const RATES_PER_MONTH_MAX = 200;
const RULINGS_PAGE_MAX = 200;

const localised = z.object({ zh: z.string(), en: z.string(), ru: z.string() });
const rateSchema = z
  .union([
    z.object({ kind: z.literal('adValorem'), adValorem: z.string() }),
    z.object({ kind: z.literal('specific'), cnyPerUnit: z.string(), unit: z.string() }),
    z.object({ kind: z.literal('compound'), adValorem: z.string(), cnyPerUnit: z.string(), unit: z.string() }),
  ])
  .meta({ id: 'TariffRate' });
const datedRate = z.object({ effectiveFrom: z.string(), rate: rateSchema.nullable() });
const datedFraction = z.object({ effectiveFrom: z.string(), fraction: z.string() });

const tariffLineSchema = z
  .object({
    code: z.string(),
    names: localised,
    firstUnit: z.object({ code: z.string(), name: z.string() }),
    secondUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
    quota: z.enum(['in', 'out']).nullable(),
    rates: z.object({
      mfn: z.array(datedRate),
      general: z.array(datedRate),
      provisional: z.array(datedRate),
      tariffQuota: z.array(datedRate),
      agreement: z.array(z.object({ partnerCountry: z.string(), agreement: z.string(), rates: z.array(datedRate) })),
      importVat: z.array(datedFraction),
      consumptionTax: z.array(datedRate),
      exportRebate: z.array(datedFraction),
    }),
    licenceCodes: z.array(z.string()),
    inspectionCodes: z.array(z.string()),
    cbec: z.object({
      positiveList: z.boolean(),
      capPerPersonPerYear: z.object({ amount: z.string(), unit: z.string() }).nullable(),
    }),
    confirmed: z.boolean().describe('False: demo figures, not confirmed against the official tariff'),
    basis: z.string(),
  })
  .meta({ id: 'TariffLine' });

const hitSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    score: z.number(),
    matched: z.array(z.object({ term: z.string(), language: z.string(), field: z.string() })),
    confirmed: z.boolean(),
  })
  .meta({ id: 'TariffHit' });

function unitName(code: string, locale: Locale): string {
  const unit = (UNITS as Record<string, { names?: Record<string, string> } | undefined>)[code];
  const key = locale === 'zh-CN' ? 'zh' : locale;
  return unit?.names?.[key] ?? code;
}

function lineView(line: TariffLine, locale: Locale): z.infer<typeof tariffLineSchema> {
  return {
    ...line,
    firstUnit: { code: line.firstUnit, name: unitName(line.firstUnit, locale) },
    secondUnit: line.secondUnit ? { code: line.secondUnit, name: unitName(line.secondUnit, locale) } : null,
    rates: {
      ...line.rates,
      mfn: [...line.rates.mfn],
      general: [...line.rates.general],
      provisional: [...line.rates.provisional],
      tariffQuota: [...line.rates.tariffQuota],
      agreement: line.rates.agreement.map((a) => ({ ...a, rates: [...a.rates] })),
      importVat: [...line.rates.importVat],
      consumptionTax: [...line.rates.consumptionTax],
      exportRebate: [...line.rates.exportRebate],
    },
    licenceCodes: [...line.licenceCodes],
    inspectionCodes: [...line.inspectionCodes],
  } as z.infer<typeof tariffLineSchema>;
}

function hitView(hit: TariffHit, locale: Locale): z.infer<typeof hitSchema> {
  const line = findTariffLine(hit.code)!;
  const key = locale === 'zh-CN' ? 'zh' : locale;
  return {
    code: hit.code,
    name: line.names[key],
    score: Math.round(hit.score * 1000) / 1000,
    matched: hit.matched.map((m) => ({ term: m.term, language: m.language, field: m.field })),
    confirmed: line.confirmed,
  };
}

const rulingSchema = z
  .object({
    id: z.uuid(),
    enterpriseId: z.uuid(),
    description: z.string(),
    proposedCode: z.string().nullable(),
    candidates: z.array(hitSchema),
    status: z.enum(['requested', 'granted', 'refused']),
    decidedCode: z.string().nullable(),
    reason: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ClassificationRuling' });

function rulingView(row: typeof rulings.$inferSelect): z.infer<typeof rulingSchema> {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    description: row.description,
    proposedCode: row.proposedCode,
    candidates: row.candidates as z.infer<typeof hitSchema>[],
    status: row.status,
    decidedCode: row.decidedCode,
    reason: row.reason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The tariff catalogue, classification (search, pre-classification, binding rulings) and customs rates. */
export function tariffRoutes(index: () => TariffIndex): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    app.get(
      '/trade/tariff',
      {
        config: { access: 'public' },
        schema: {
          tags: ['trade'],
          summary: 'Search the tariff by code prefix or by words in Chinese, English or Russian',
          querystring: z.object({
            q: z.string().trim().min(1).max(200),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: { 200: z.object({ items: z.array(hitSchema), catalogueSize: z.number().int() }) },
        },
      },
      async (request) => ({
        items: index()
          .search(request.query.q, { limit: request.query.limit })
          .map((hit) => hitView(hit, request.locale)),
        catalogueSize: TARIFF_LINES.length,
      }),
    );

    app.get(
      '/trade/tariff/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['trade'],
          summary: 'One 10-digit commodity line with every rate column and its effective dates',
          params: z.object({ code: z.string().regex(/^\d{10}$/) }),
          response: { 200: tariffLineSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const line = findTariffLine(request.params.code);
        if (!line) throw notFound('tariff_line');
        return lineView(line, request.locale);
      },
    );

    app.post(
      '/trade/classify',
      {
        config: { access: 'authenticated', idempotency: false },
        schema: {
          tags: ['trade'],
          summary: 'Pre-classification (预归类): candidate lines for a product description, with the matched terms',
          body: z.strictObject({
            description: z.string().trim().min(2).max(500),
            limit: z.number().int().min(1).max(20).default(5),
          }),
          response: { 200: z.object({ candidates: z.array(hitSchema) }), 400: problemSchema },
        },
      },
      async (request) => ({
        candidates: index()
          .classify(request.body.description, { limit: request.body.limit })
          .map((hit) => hitView(hit, request.locale)),
      }),
    );

    app.post(
      '/trade/rulings',
      {
        config: { access: ['trader', 'forwarder'] },
        schema: {
          tags: ['trade'],
          summary: 'Ask customs for a binding classification ruling (预裁定)',
          body: z.strictObject({
            description: z.string().trim().min(10).max(2000),
            proposedCode: z
              .string()
              .regex(/^\d{10}$/)
              .optional(),
          }),
          response: { 201: rulingSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const body = request.body;
        if (!principal.enterpriseId) throw invalidFields([{ field: 'body', code: 'enterprise_required' }]);
        if (body.proposedCode && !findTariffLine(body.proposedCode)) {
          throw invalidFields([{ field: 'body.proposedCode', code: 'unknown_commodity' }]);
        }
        const candidates = index()
          .classify(body.description, { limit: 5 })
          .map((hit) => hitView(hit, 'en'));
        return runMutation(request, reply, async ({ tx, audit }) => {
          const [row] = await tx
            .insert(rulings)
            .values({
              id: randomUUID(),
              enterpriseId: principal.enterpriseId!,
              description: body.description,
              proposedCode: body.proposedCode ?? null,
              candidates,
              status: 'requested',
              createdBy: principal.userId,
            })
            .returning();
          await emitEvent(tx, {
            module: 'trade',
            event: 'ruling_requested',
            enterpriseId: row!.enterpriseId,
            payload: { rulingId: row!.id },
          });
          await audit({ action: 'trade.ruling_requested', entityType: 'ruling', entityId: row!.id });
          return { statusCode: 201, body: rulingView(row!) };
        });
      },
    );

    app.get(
      '/trade/rulings',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['trade'],
          summary: "Classification rulings: your enterprise's, or all for customs",
          querystring: z.object({ status: z.enum(['requested', 'granted', 'refused']).optional() }),
          response: { 200: z.object({ items: z.array(rulingSchema) }) },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const conditions = [
          principal.authorityId === null ? eq(rulings.enterpriseId, principal.enterpriseId ?? randomUUID()) : undefined,
          request.query.status ? eq(rulings.status, request.query.status) : undefined,
        ].filter((c) => c !== undefined);
        const rows = await db
          .select()
          .from(rulings)
          .where(and(...conditions))
          .orderBy(desc(rulings.createdAt))
          .limit(RULINGS_PAGE_MAX);
        return { items: rows.map(rulingView) };
      },
    );

    const decisionBody = z.discriminatedUnion('decision', [
      z.strictObject({
        decision: z.literal('grant'),
        code: z.string().regex(/^\d{10}$/),
        reason: z.string().trim().min(1).max(2000),
      }),
      z.strictObject({ decision: z.literal('refuse'), reason: z.string().trim().min(1).max(2000) }),
    ]);
    app.post(
      '/trade/rulings/:id/decision',
      {
        config: { access: ['customs_officer'] },
        schema: {
          tags: ['trade'],
          summary: 'Grant a ruling with its line, or refuse it, with the reason',
          params: z.object({ id: z.uuid() }),
          body: decisionBody,
          response: { 200: rulingSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (body.decision === 'grant' && !findTariffLine(body.code)) {
          throw invalidFields([{ field: 'body.code', code: 'unknown_commodity' }]);
        }
        return runMutation(request, reply, async ({ tx, audit, principal }) => {
          const [current] = await tx.select().from(rulings).where(eq(rulings.id, request.params.id)).for('update');
          if (!current) throw notFound('ruling');
          if (current.status !== 'requested') {
            throw new DomainError('conflict', 409);
          }
          const now = new Date();
          const [row] = await tx
            .update(rulings)
            .set({
              status: body.decision === 'grant' ? 'granted' : 'refused',
              decidedCode: body.decision === 'grant' ? body.code : null,
              reason: body.reason,
              decidedBy: principal.userId,
              decidedAt: now,
            })
            .where(eq(rulings.id, current.id))
            .returning();
          await emitEvent(tx, {
            module: 'trade',
            event: 'ruling_decided',
            enterpriseId: row!.enterpriseId,
            payload: { rulingId: row!.id, status: row!.status, code: row!.decidedCode },
          });
          await audit({
            action: 'trade.ruling_decided',
            entityType: 'ruling',
            entityId: row!.id,
            after: { status: row!.status, code: row!.decidedCode },
          });
          return { statusCode: 200, body: rulingView(row!) };
        });
      },
    );

    const ratesSchema = z.object({
      month: z.string(),
      rates: z.array(z.object({ currency: z.string(), cnyPerUnit: z.string(), updatedAt: z.iso.datetime() })),
    });
    app.get(
      '/trade/exchange-rates',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['trade'],
          summary: 'Customs exchange rates of a month (the rate published for a month applies to declarations in it)',
          querystring: z.object({ month: MONTH }),
          response: { 200: ratesSchema, 400: problemSchema },
        },
      },
      async (request) => {
        const rows = await db
          .select()
          .from(customsExchangeRates)
          .where(eq(customsExchangeRates.month, request.query.month))
          .orderBy(customsExchangeRates.currency);
        return {
          month: request.query.month,
          rates: rows.map((r) => ({
            currency: r.currency,
            cnyPerUnit: r.cnyPerUnit,
            updatedAt: r.updatedAt.toISOString(),
          })),
        };
      },
    );

    app.put(
      '/trade/exchange-rates/:month',
      {
        config: { access: ['zone_admin'] },
        schema: {
          tags: ['trade'],
          summary: "Publish (or correct) a month's customs exchange rates",
          params: z.object({ month: MONTH }),
          body: z.strictObject({
            rates: z
              .array(
                z.strictObject({
                  currency: z.string().regex(/^[A-Z]{3}$/),
                  cnyPerUnit: z.string().regex(/^\d{1,13}(\.\d{1,10})?$/, { message: 'invalid_decimal' }),
                }),
              )
              .min(1)
              .max(RATES_PER_MONTH_MAX),
          }),
          response: { 200: ratesSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const { month } = request.params;
        const rates = request.body.rates;
        const known = await knownCurrencies(
          db,
          rates.map((r) => r.currency),
        );
        const issues = rates.flatMap((r, i) => [
          ...(known.has(r.currency) && r.currency !== 'CNY'
            ? []
            : [{ field: `body.rates.${i}.currency`, code: 'unknown_currency' }]),
          ...(Number(r.cnyPerUnit) > 0 ? [] : [{ field: `body.rates.${i}.cnyPerUnit`, code: 'not_positive' }]),
        ]);
        if (issues.length > 0) throw invalidFields(issues);
        return runMutation(request, reply, async ({ tx, audit, principal }) => {
          const now = new Date();
          for (const r of rates) {
            await tx
              .insert(customsExchangeRates)
              .values({
                month,
                currency: r.currency,
                cnyPerUnit: r.cnyPerUnit,
                updatedBy: principal.userId,
                updatedAt: now,
              })
              .onConflictDoUpdate({
                target: [customsExchangeRates.month, customsExchangeRates.currency],
                set: { cnyPerUnit: r.cnyPerUnit, updatedBy: principal.userId, updatedAt: now },
              });
          }
          await emitEvent(tx, {
            module: 'trade',
            event: 'exchange_rates_published',
            enterpriseId: null,
            payload: { month, currencies: rates.map((r) => r.currency) },
          });
          await audit({
            action: 'trade.exchange_rates_published',
            entityType: 'exchange_rates',
            entityId: month,
            after: { rates },
          });
          const rows = await tx
            .select()
            .from(customsExchangeRates)
            .where(eq(customsExchangeRates.month, month))
            .orderBy(customsExchangeRates.currency);
          return {
            statusCode: 200,
            body: {
              month,
              rates: rows.map((r) => ({
                currency: r.currency,
                cnyPerUnit: r.cnyPerUnit,
                updatedAt: r.updatedAt.toISOString(),
              })),
            },
          };
        });
      },
    );
  };
}
