import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runMutation } from '../../platform/http/mutation.js';
import { DomainError, notFound, problemSchema } from '../../platform/http/problem.js';
import { emitEvent } from '../events/index.js';
import { bookFor } from './books.js';
import { consolidationDetail, fileConsolidation, listConsolidations, openConsolidation } from './consolidations.js';
import { domesticDeclarationSchema } from './declaring.js';
import { gatePassEnterprise, issueGatePass, listGatePasses, passGate } from './gates.js';
import { formatMilli } from './posting.js';
import { COUNTERS, reconciliation, reconciliationXlsx } from './report.js';

const ENTERPRISE_ROLES = ['trader', 'forwarder'] as const;

const gatePassSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    direction: z.enum(['in', 'out']),
    vehiclePlate: z.string(),
    containers: z.array(z.string()),
    status: z.enum(['issued', 'passed']),
    passedAt: z.iso.datetime().nullable(),
    lists: z.array(z.object({ id: z.uuid(), number: z.string(), kind: z.string() })),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'GatePass' });

const consolidationSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    enterpriseId: z.uuid(),
    bookId: z.uuid(),
    periodFrom: z.iso.date(),
    periodTo: z.iso.date(),
    dueOn: z.iso.date(),
    status: z.enum(['open', 'filed']),
    overdue: z.boolean().describe('Open and past its due date'),
    batches: z.number().int(),
    filedAt: z.iso.datetime().nullable(),
    declarationId: z.uuid().nullable().describe('The import declaration filed for the period'),
  })
  .meta({ id: 'ConsolidatedDeclaration' });

const quantities = z.record(z.enum(COUNTERS), z.string());

/** Gate passes, consolidated declarations and the monthly reconciliation report. */
export function gateRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    app.post(
      '/bonded/gate-passes',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'Issue a gate pass (核放单) for one vehicle and the lists whose goods it carries',
          body: z.strictObject({
            direction: z.enum(['in', 'out']),
            vehiclePlate: z.string().trim().min(2).max(20),
            containers: z
              .array(z.string().regex(/^[A-Z]{4}\d{7}$/))
              .max(10)
              .default([]),
            listIds: z.array(z.uuid()).min(1).max(50),
          }),
          response: { 201: gatePassSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit, principal }) => {
          const pass = await issueGatePass(tx, principal, request.body);
          await emitEvent(tx, {
            module: 'bonded',
            event: 'gate_pass_issued',
            enterpriseId: principal.enterpriseId,
            payload: { gatePassId: pass.id, number: pass.number },
          });
          await audit({
            action: 'bonded.gate_pass_issued',
            entityType: 'bonded_gate_pass',
            entityId: pass.id,
            after: request.body,
          });
          return { statusCode: 201, body: pass };
        }),
    );

    app.get(
      '/bonded/gate-passes',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'Gate passes, newest first (an enterprise sees its own)',
          response: { 200: z.object({ items: z.array(gatePassSchema) }) },
        },
      },
      async (request) => ({ items: await listGatePasses(db, request.principal!) }),
    );

    app.post(
      '/bonded/gate-passes/:id/pass',
      {
        config: { access: ['customs_officer'] },
        schema: {
          tags: ['bonded'],
          summary: 'Record that the vehicle crossed the gate',
          params: z.object({ id: z.uuid() }),
          response: { 200: gatePassSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const enterpriseId = await gatePassEnterprise(db, request.params.id);
        if (!enterpriseId) throw notFound('gate_pass');
        return runMutation(request, reply, async ({ tx, audit }) => {
          const pass = await passGate(tx, request.params.id, new Date());
          await emitEvent(tx, {
            module: 'bonded',
            event: 'gate_passed',
            enterpriseId,
            payload: { gatePassId: pass.id, number: pass.number },
          });
          await audit({ action: 'bonded.gate_passed', entityType: 'bonded_gate_pass', entityId: pass.id });
          return { statusCode: 200, body: pass };
        });
      },
    );

    app.get(
      '/bonded/consolidations',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'Consolidated declarations (集中申报), newest period first; `overdue=true` for the ones past due',
          querystring: z.object({ overdue: z.enum(['true', 'false']).default('false') }),
          response: { 200: z.object({ items: z.array(consolidationSchema) }) },
        },
      },
      async (request) => ({
        items: await listConsolidations(db, request.principal!, new Date(), request.query.overdue === 'true'),
      }),
    );

    app.post(
      '/bonded/consolidations',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'Open a consolidation period explicitly (else batches open the calendar month)',
          description:
            'At most one calendar month, never across a year (422 `crosses_year`), never overlapping another period of the book.',
          body: z.strictObject({ bookId: z.uuid(), periodFrom: z.iso.date(), periodTo: z.iso.date() }),
          response: { 201: consolidationSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit, principal }) => {
          const row = await openConsolidation(
            tx,
            principal,
            request.body.bookId,
            request.body.periodFrom,
            request.body.periodTo,
          );
          await audit({
            action: 'bonded.consolidation_opened',
            entityType: 'bonded_consolidation',
            entityId: row.id,
            after: request.body,
          });
          const [created] = (await listConsolidations(tx, principal, new Date(), false)).filter((c) => c.id === row.id);
          return { statusCode: 201, body: created! };
        }),
    );

    const detailSchema = consolidationSchema.extend({
      lists: z.array(
        z.object({ id: z.uuid(), number: z.string(), postedAt: z.iso.datetime(), lines: z.number().int() }),
      ),
      totals: z.array(
        z.object({ itemNo: z.number().int(), hsCode: z.string(), unit: z.string(), quantity: z.string() }),
      ),
    });

    app.get(
      '/bonded/consolidations/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'A consolidated declaration with its batches and the quantities it declares',
          params: z.object({ id: z.uuid() }),
          response: { 200: detailSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const detail = await consolidationDetail(db, request.principal!, request.params.id, new Date());
        return {
          ...detail,
          totals: detail.totals.map(({ quantityMilli, ...t }) => ({ ...t, quantity: formatMilli(quantityMilli) })),
        };
      },
    );

    app.post(
      '/bonded/consolidations/:id/file',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'File the consolidated declaration of a finished period',
          description:
            'Files one import declaration in the trade centre for everything the period\u2019s batches released (the header ' +
            'is required when there were batches), with its taxes, in the same commit.',
          params: z.object({ id: z.uuid() }),
          body: z.strictObject({ declaration: domesticDeclarationSchema.optional() }).optional(),
          response: {
            200: consolidationSchema.extend({
              declaration: z
                .object({ id: z.uuid(), number: z.string(), taxFen: z.number().int() })
                .nullable()
                .describe('The import declaration filed for the period'),
            }),
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit, principal }) => {
          const filed = await fileConsolidation(tx, principal, request.params.id, request.body?.declaration, {
            now: new Date(),
            dbKey: db,
          });
          await audit({ action: 'bonded.consolidation_filed', entityType: 'bonded_consolidation', entityId: filed.id });
          return { statusCode: 200, body: filed };
        }),
    );

    const reportQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' }) });

    app.get(
      '/bonded/books/:bookId/report',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'Monthly reconciliation of a book: opening, in and out by counter-account, closing, per item',
          params: z.object({ bookId: z.uuid() }),
          querystring: reportQuery,
          response: {
            200: z.object({
              month: z.string(),
              rows: z.array(
                z.object({
                  itemNo: z.number().int(),
                  hsCode: z.string(),
                  name: z.string(),
                  unit: z.string(),
                  opening: z.string(),
                  in: quantities,
                  out: quantities,
                  closing: z.string(),
                }),
              ),
            }),
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const book = await bookFor(db, request.principal!, request.params.bookId);
        const rows = await reconciliation(db, book.id, request.query.month);
        const text = (values: Record<string, number>) =>
          Object.fromEntries(Object.entries(values).map(([k, v]) => [k, formatMilli(v)])) as Record<
            (typeof COUNTERS)[number],
            string
          >;
        return {
          month: request.query.month,
          rows: rows.map((r) => ({
            itemNo: r.itemNo,
            hsCode: r.hsCode,
            name: r.name,
            unit: r.unit,
            opening: formatMilli(r.openingMilli),
            in: text(r.inMilli),
            out: text(r.outMilli),
            closing: formatMilli(r.closingMilli),
          })),
        };
      },
    );

    app.get(
      '/bonded/books/:bookId/report.xlsx',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'The monthly reconciliation as an XLSX workbook (headers in the caller\u2019s language)',
          params: z.object({ bookId: z.uuid() }),
          querystring: reportQuery,
        },
      },
      async (request, reply) => {
        const book = await bookFor(db, request.principal!, request.params.bookId);
        const rows = await reconciliation(db, book.id, request.query.month);
        const bytes = await reconciliationXlsx(rows, {
          bookNumber: book.number,
          month: request.query.month,
          locale: request.locale,
        });
        if (bytes.length === 0) throw new DomainError('internal', 500);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${book.number}-${request.query.month}.xlsx"`)
          .send(bytes);
      },
    );
  };
}
