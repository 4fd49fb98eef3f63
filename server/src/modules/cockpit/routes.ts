import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import { runMutation } from '../../platform/http/mutation.js';
import { invalidFields, notFound, problemSchema } from '../../platform/http/problem.js';
import type { Locale } from '../../platform/i18n/index.js';
import { getEnterprise } from '../registry/index.js';
import { DRILL_PAGE_MAX, declarationsByIds } from '../trade/index.js';
import { PLAN_INDICATOR_CODES } from './data/indicators.js';
import { DEPARTMENTS, MEASURES } from './data/measures.js';
import { type CockpitSnapshot, cockpitPdf, cockpitXlsx } from './export.js';
import { MEASURE_STATUSES } from './schema.js';
import {
  addTask,
  cockpitIndicators,
  drillDeclarationIds,
  enterIndicatorValue,
  measuresView,
  PERIOD_PRESETS,
  planIndicators,
  resolvePeriod,
  updateMeasure,
  updateTask,
} from './service.js';

/** Zone administrators steer by the cockpit; customs officers may read it. */
const READERS = ['zone_admin', 'customs_officer'] as const;
const EDITORS = ['zone_admin'] as const;

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_expected' });
const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_expected' });

const periodQuery = z.strictObject({
  from: MONTH.optional().describe('First month, YYYY-MM (default: 11 months before the current one)'),
  to: MONTH.optional().describe('Last month, YYYY-MM (default: the current month)'),
  period: z
    .enum(PERIOD_PRESETS)
    .optional()
    .describe('A preset instead of from/to; last_quarter = previous calendar quarter'),
});

const periodSchema = z.object({ from: z.string(), to: z.string() });
const count = z.number().int();

const indicatorsSchema = z
  .object({
    period: periodSchema,
    trade: z.object({
      totalFen: count,
      declarations: count,
      byCountry: z.array(z.object({ country: z.string(), importFen: count, exportFen: count, declarations: count })),
      byMonth: z.array(z.object({ month: z.string(), importFen: count, exportFen: count })),
    }),
    clearance: z.object({
      medianMinutes: z.number().nullable().describe('Within 1 % of the exact median (log-bucketed histogram)'),
      byChannel: z.array(
        z.object({ channel: z.string(), declarations: count, released: count, medianMinutes: z.number().nullable() }),
      ),
    }),
    containers: z.object({
      byMode: z.array(z.object({ mode: z.string(), shipments: count, teu: count })),
      byMonth: z.array(z.object({ month: z.string(), mode: z.string(), teu: count })),
    }),
    trains: z.array(z.object({ corridor: z.string(), direction: z.string(), trains: count })),
    bonded: z.array(z.object({ kind: z.string(), lists: count, lines: count, quantityMilli: count })),
    ecommerce: z.object({
      lists: count,
      released: count,
      valueFen: count,
      taxFen: count,
      byMode: z.array(z.object({ mode: z.string(), lists: count })),
    }),
    enterprises: z.object({
      active: count,
      onboarded: count,
      byGrade: z.array(z.object({ grade: z.string(), enterprises: count })),
    }),
  })
  .meta({ id: 'CockpitIndicators' });

const localisedName = z.object({ 'zh-CN': z.string(), en: z.string(), ru: z.string() });

const drillSchema = z.object({
  period: periodSchema,
  limit: count,
  offset: count,
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      enterpriseId: z.string(),
      enterpriseNames: localisedName.nullable(),
      direction: z.enum(['import', 'export']),
      tradeCountry: z.string(),
      channel: z.string(),
      status: z.string(),
      declarationDate: z.string(),
      customsValueFen: count,
      submittedAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
});

const exportQuery = periodQuery.extend({ lang: z.enum(['zh-CN', 'en', 'ru']).optional() });

export function cockpitRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    const snapshot = async (query: z.infer<typeof periodQuery>, locale: 'zh-CN' | 'en' | 'ru', now: Date) => {
      const period = resolvePeriod(query, now);
      const [indicators, plan, measures] = await Promise.all([
        cockpitIndicators(db, period, now),
        planIndicators(db, now),
        measuresView(db, locale, now),
      ]);
      return { indicators, plan, measures } satisfies CockpitSnapshot;
    };

    app.get(
      '/cockpit/indicators',
      {
        config: { access: READERS },
        schema: {
          tags: ['cockpit'],
          summary: 'The four centres\u2019 indicators for a period, from the incrementally maintained aggregates',
          querystring: periodQuery,
          response: { 200: indicatorsSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request) => cockpitIndicators(db, resolvePeriod(request.query, new Date()), new Date()),
    );

    app.get(
      '/cockpit/drill/declarations',
      {
        config: { access: READERS },
        schema: {
          tags: ['cockpit'],
          summary: 'The declarations behind a trade or channel figure (newest first, paged)',
          querystring: periodQuery.extend({
            country: z
              .string()
              .regex(/^[A-Z]{2}$/)
              .optional(),
            direction: z.enum(['import', 'export']).optional(),
            channel: z.enum(['auto_release', 'document_review', 'inspection']).optional(),
            limit: z.coerce.number().int().min(1).max(DRILL_PAGE_MAX).default(50),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          }),
          response: { 200: drillSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request) => {
        const { country, direction, channel, limit, offset, ...periodInput } = request.query;
        const period = resolvePeriod(periodInput, new Date());
        const ids = await drillDeclarationIds(db, period, { country, direction, channel }, limit, offset);
        const items = await declarationsByIds(db, ids);
        const names = new Map<string, { 'zh-CN': string; en: string; ru: string } | null>();
        for (const id of new Set(items.map((i) => i.enterpriseId))) {
          const enterprise = await getEnterprise(db, id);
          names.set(
            id,
            enterprise ? { 'zh-CN': enterprise.nameZh, en: enterprise.nameEn, ru: enterprise.nameRu } : null,
          );
        }
        return {
          period,
          limit,
          offset,
          items: items.map((i) => ({ ...i, enterpriseNames: names.get(i.enterpriseId) ?? null })),
        };
      },
    );

    app.get(
      '/cockpit/plan',
      {
        config: { access: READERS },
        schema: {
          tags: ['cockpit'],
          summary: 'The plan\u2019s indicator table (附表一) with current values and progress',
        },
      },
      async () => ({ items: await planIndicators(db, new Date()) }),
    );

    app.put(
      '/cockpit/plan/:code',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['cockpit'],
          summary: 'Enter the current value of a plan indicator by hand, with its source',
          params: z.object({ code: z.string().max(20) }),
          body: z.strictObject({
            value: z
              .string()
              .trim()
              .regex(/^-?\d{1,12}(\.\d{1,4})?$/, { message: 'invalid_decimal' }),
            asOf: DATE,
            source: z.string().trim().max(500).optional().describe('Where the figure comes from (required)'),
          }),
          response: { 400: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const { code } = request.params;
        if (!PLAN_INDICATOR_CODES.has(code)) throw notFound('indicator');
        const source = request.body.source?.trim() ?? '';
        if (source.length === 0) throw invalidFields([{ field: 'body.source', code: 'source_required' }]);
        return runMutation(request, reply, async ({ tx, principal, audit }) => {
          const { id } = await enterIndicatorValue(tx, {
            code,
            value: request.body.value,
            asOf: request.body.asOf,
            source,
            userId: principal.userId,
          });
          await audit({
            action: 'cockpit.indicator_value_entered',
            entityType: 'cockpit_indicator',
            entityId: code,
            after: { ...request.body, source },
          });
          return { statusCode: 200, body: { id, code } };
        });
      },
    );

    app.get(
      '/cockpit/departments',
      {
        config: { access: READERS },
        schema: { tags: ['cockpit'], summary: 'The departments the measures name, in the three languages' },
      },
      async () => ({ items: DEPARTMENTS }),
    );

    app.get(
      '/cockpit/measures',
      {
        config: { access: READERS },
        schema: {
          tags: ['cockpit'],
          summary: 'The 21 measures with lead and co-responsible departments, status, tasks and overdue flags',
        },
      },
      async (request) => ({ items: await measuresView(db, request.locale, new Date()) }),
    );

    const measureParams = z.object({ no: z.coerce.number().int().min(1).max(MEASURES.length) });

    app.patch(
      '/cockpit/measures/:no',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['cockpit'],
          summary: 'Update a measure\u2019s status, due date and evidence',
          params: measureParams,
          body: z.strictObject({
            status: z.enum(MEASURE_STATUSES).optional(),
            dueDate: DATE.nullable().optional(),
            evidence: z.string().trim().max(2000).nullable().optional(),
          }),
          response: { 400: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, principal, audit }) => {
          await updateMeasure(tx, request.params.no, request.body, principal.userId);
          await audit({
            action: 'cockpit.measure_updated',
            entityType: 'cockpit_measure',
            entityId: String(request.params.no),
            after: request.body,
          });
          return { statusCode: 200, body: { no: request.params.no } };
        }),
    );

    app.post(
      '/cockpit/measures/:no/tasks',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['cockpit'],
          summary: 'Add a task under a measure, owned by one of the measures\u2019 departments',
          params: measureParams,
          body: z.strictObject({
            title: z.string().trim().min(1).max(300),
            department: z.string().max(60).describe('A department code from GET /cockpit/departments'),
            dueDate: DATE.optional(),
          }),
          response: { 400: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, principal, audit }) => {
          const { id } = await addTask(tx, request.params.no, request.body, principal.userId);
          await audit({
            action: 'cockpit.task_added',
            entityType: 'cockpit_task',
            entityId: id,
            after: { measureNo: request.params.no, ...request.body },
          });
          return { statusCode: 201, body: { id, measureNo: request.params.no } };
        }),
    );

    app.patch(
      '/cockpit/tasks/:id',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['cockpit'],
          summary: 'Update a task\u2019s status, due date and evidence',
          params: z.object({ id: z.uuid() }),
          body: z.strictObject({
            status: z.enum(MEASURE_STATUSES).optional(),
            dueDate: DATE.nullable().optional(),
            evidence: z.string().trim().max(2000).nullable().optional(),
          }),
          response: { 400: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit }) => {
          const { measureNo } = await updateTask(tx, request.params.id, request.body);
          await audit({
            action: 'cockpit.task_updated',
            entityType: 'cockpit_task',
            entityId: request.params.id,
            after: request.body,
          });
          return { statusCode: 200, body: { id: request.params.id, measureNo } };
        }),
    );

    /** Both exports: the period's snapshot in the caller's language (or `lang`), rendered and sent as a file. */
    const exports = [
      {
        path: '/cockpit/export.xlsx',
        summary: 'The cockpit for a period as an XLSX workbook (headers in the caller\u2019s language)',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
        render: (data: CockpitSnapshot, locale: Locale, now: Date) => cockpitXlsx(data, locale, now),
      },
      {
        path: '/cockpit/report.pdf',
        summary: 'The cockpit for a period as a PDF report in the caller\u2019s language',
        type: 'application/pdf',
        extension: 'pdf',
        render: (data: CockpitSnapshot, locale: Locale, now: Date) => cockpitPdf(data, data.measures, locale, now),
      },
    ] as const;
    for (const file of exports) {
      app.get(
        file.path,
        {
          config: { access: READERS },
          schema: { tags: ['cockpit'], summary: file.summary, querystring: exportQuery },
        },
        async (request, reply) => {
          const now = new Date();
          const locale = request.query.lang ?? request.locale;
          const data = await snapshot(request.query, locale, now);
          const { from, to } = data.indicators.period;
          return reply
            .type(file.type)
            .header('content-disposition', `attachment; filename="cockpit-${from}-${to}.${file.extension}"`)
            .send(await file.render(data, locale, now));
        },
      );
    }
  };
}
