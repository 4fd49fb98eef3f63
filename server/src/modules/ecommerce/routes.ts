import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, recordAudit } from '../../platform/audit/index.js';
import { queryRows } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { DomainError, invalidFields, issueMessage, notFound, problemSchema } from '../../platform/http/problem.js';
import { UPLOAD_LINES_MAX } from './bulk.js';
import './messages.js';
import { retailLists, UPLOAD_KINDS, uploadErrors, uploads } from './schema.js';
import { runUpload, TooManyLinesError } from './uploads.js';

const UPLOADERS = ['trader', 'forwarder'] as const;
const PAGE_MAX = 200;
const ERROR_PAGE_ROWS = 10_000;
const FORMATS: Record<string, 'csv' | 'ndjson'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};

const uploadSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(UPLOAD_KINDS),
    format: z.enum(['csv', 'ndjson']),
    status: z.enum(['processing', 'completed', 'failed']),
    linesRead: z.number().int(),
    linesAccepted: z.number().int(),
    linesDuplicate: z.number().int(),
    linesRejected: z.number().int(),
    listsReleased: z.number().int(),
    listsInspection: z.number().int(),
    listsRejected: z.number().int(),
    bytes: z.number().int(),
    sha256: z.string().nullable(),
    failure: z.string().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    errorReportUrl: z.string(),
  })
  .meta({ id: 'EcommerceUpload' });

function uploadView(row: typeof uploads.$inferSelect): z.infer<typeof uploadSchema> {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    status: row.status,
    linesRead: row.linesRead,
    linesAccepted: row.linesAccepted,
    linesDuplicate: row.linesDuplicate,
    linesRejected: row.linesRejected,
    listsReleased: row.listsReleased,
    listsInspection: row.listsInspection,
    listsRejected: row.listsRejected,
    bytes: row.bytes,
    sha256: row.sha256,
    failure: row.failure,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    errorReportUrl: `/api/ecommerce/uploads/${row.id}/errors.csv`,
  };
}

/** Authorities see every tenant's e-commerce data; an enterprise its own. */
function tenantFilter(principal: Principal) {
  return principal.authorityId === null ? (principal.enterpriseId ?? randomUUID()) : null;
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ecommerceRoutes(options: {
  key: () => Promise<Buffer>;
  uploadLimitBytes: number;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;
    // Bulk files stay streams on this plugin's routes: the handler reads them line by line.
    app.addContentTypeParser(Object.keys(FORMATS), (_request, payload, done) => done(null, payload));

    app.post(
      '/ecommerce/uploads',
      {
        config: { access: UPLOADERS, idempotency: false },
        schema: {
          tags: ['ecommerce'],
          summary:
            'Upload orders, payments, waybills or export lists in bulk (CSV or JSON Lines, up to 1,000,000 lines)',
          description:
            'Send the file as `text/csv` (header row with the field names) or `application/x-ndjson`, streamed. Valid lines ' +
            'are accepted, invalid ones go to the error report (line, field, reason). Orders become retail import lists when ' +
            'their payment and waybill are here too (三单对碰): matched, taxed, checked against the CNY 5,000 order and CNY ' +
            '26,000 annual limits, risk-screened. Lines are idempotent on their numbers: sending a file again writes nothing ' +
            'and counts its lines as duplicates. Pass `id` (a UUID you choose) to follow the progress at ' +
            '`GET /api/ecommerce/uploads/{id}` while the upload runs.',
          querystring: z.object({ kind: z.enum(UPLOAD_KINDS), id: z.uuid().optional() }),
          response: { 200: uploadSchema, 400: problemSchema, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request) => {
        const principal = request.principal!;
        if (!principal.enterpriseId) throw invalidFields([{ field: 'body', code: 'enterprise_required' }]);
        const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const format = FORMATS[contentType];
        if (!format) throw new DomainError('unsupported_media_type', 415);
        const id = request.query.id ?? randomUUID();
        const body = request.body as Readable;
        await db.transaction(async (tx) =>
          recordAudit(tx, actorOf(principal), request.id, {
            action: 'ecommerce.upload_started',
            entityType: 'upload',
            entityId: id,
            after: { kind: request.query.kind, format },
          }),
        );
        try {
          await runUpload(db, await options.key(), {
            id,
            enterpriseId: principal.enterpriseId,
            userId: principal.userId,
            kind: request.query.kind,
            format,
            body,
            limitBytes: options.uploadLimitBytes,
          });
        } catch (error) {
          if (error instanceof TooManyLinesError) {
            throw new DomainError('too_many_lines', 413, { params: { max: UPLOAD_LINES_MAX } });
          }
          throw error;
        }
        const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
        return uploadView(row!);
      },
    );

    app.get(
      '/ecommerce/uploads',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['ecommerce'],
          summary: 'Recent uploads with their counts',
          response: { 200: z.object({ items: z.array(uploadSchema) }) },
        },
      },
      async (request) => {
        const tenant = tenantFilter(request.principal!);
        const rows = await db
          .select()
          .from(uploads)
          .where(tenant ? eq(uploads.enterpriseId, tenant) : undefined)
          .orderBy(desc(uploads.startedAt))
          .limit(PAGE_MAX);
        return { items: rows.map(uploadView) };
      },
    );

    const readable = async (principal: Principal, id: string) => {
      const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
      const tenant = tenantFilter(principal);
      if (!row || (tenant && row.enterpriseId !== tenant)) throw notFound('upload');
      return row;
    };

    app.get(
      '/ecommerce/uploads/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['ecommerce'],
          summary: 'One upload: its progress while it runs, its counts when done',
          params: z.object({ id: z.uuid() }),
          response: { 200: uploadSchema, 404: problemSchema },
        },
      },
      async (request) => uploadView(await readable(request.principal!, request.params.id)),
    );

    app.get(
      '/ecommerce/uploads/:id/errors.csv',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['ecommerce'],
          summary: "The upload's error report: line, field, code and reason (in the caller's language)",
          params: z.object({ id: z.uuid() }),
          response: { 200: z.any().describe('text/csv'), 404: problemSchema },
        },
      },
      async (request, reply) => {
        const upload = await readable(request.principal!, request.params.id);
        const chunks: string[] = ['line,field,code,reason\n'];
        // Paged by key so a report of 10,000 problems is never one giant query result.
        let after = { line: -1, seq: 0 };
        for (;;) {
          const rows = await db
            .select()
            .from(uploadErrors)
            .where(
              and(
                eq(uploadErrors.uploadId, upload.id),
                sql`(${uploadErrors.lineNo}, ${uploadErrors.seq}) > (${after.line}, ${after.seq})`,
              ),
            )
            .orderBy(asc(uploadErrors.lineNo), asc(uploadErrors.seq))
            .limit(ERROR_PAGE_ROWS);
          for (const r of rows) {
            const reason = issueMessage(request.locale, { field: r.field, code: r.code });
            chunks.push(`${r.lineNo},${csvCell(r.field)},${csvCell(r.code)},${csvCell(reason)}\n`);
          }
          if (rows.length < ERROR_PAGE_ROWS) break;
          const last = rows[rows.length - 1]!;
          after = { line: last.lineNo, seq: last.seq };
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="upload-${upload.id}-errors.csv"`)
          .send(`\uFEFF${chunks.join('')}`);
      },
    );

    const listSchema = z
      .object({
        orderNo: z.string(),
        mode: z.string(),
        status: z.enum(['released', 'inspection', 'rejected']),
        reason: z.string().nullable(),
        treatment: z.string().nullable(),
        consumer: z.string().describe('Masked ID number; the number itself is never stored'),
        valueCny: z.string(),
        taxCny: z.string(),
        createdAt: z.iso.datetime(),
      })
      .meta({ id: 'RetailImportList' });

    app.get(
      '/ecommerce/lists',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['ecommerce'],
          summary: 'Retail import lists (申报清单): released, held for inspection, or rejected with the reason',
          querystring: z.object({
            status: z.enum(['released', 'inspection', 'rejected']).optional(),
            limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(50),
          }),
          response: { 200: z.object({ items: z.array(listSchema) }) },
        },
      },
      async (request) => {
        const tenant = tenantFilter(request.principal!);
        const rows = await queryRows<{
          order_no: string;
          mode: string;
          status: 'released' | 'inspection' | 'rejected';
          reason: string | null;
          treatment: string | null;
          consumer_masked: string;
          value_fen: string;
          tax_fen: string;
          created_at: Date | string;
        }>(
          db,
          sql`select l.order_no, l.mode, l.status, l.reason, l.treatment, o.consumer_masked, l.value_fen, l.tax_fen, l.created_at
              from ${retailLists} l join ecommerce_orders o on o.order_no = l.order_no
              where ${tenant ? sql`l.enterprise_id = ${tenant}` : sql`true`}
                and ${request.query.status ? sql`l.status = ${request.query.status}` : sql`true`}
              order by l.created_at desc, l.order_no limit ${request.query.limit}`,
        );
        return {
          items: rows.map((r) => ({
            orderNo: r.order_no,
            mode: r.mode,
            status: r.status,
            reason: r.reason,
            treatment: r.treatment,
            consumer: r.consumer_masked,
            valueCny: (Number(r.value_fen) / 100).toFixed(2),
            taxCny: (Number(r.tax_fen) / 100).toFixed(2),
            createdAt: new Date(r.created_at).toISOString(),
          })),
        };
      },
    );

    app.get(
      '/ecommerce/export-consolidation',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['ecommerce'],
          summary:
            "A month's export lists consolidated into declaration lines (汇总申报): by mode, commodity and destination",
          querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' }) }),
          response: {
            200: z.object({
              month: z.string(),
              lines: z.array(
                z.object({
                  mode: z.string(),
                  code: z.string(),
                  destinationCountry: z.string(),
                  lists: z.number().int(),
                  valueCny: z.string(),
                }),
              ),
            }),
            400: problemSchema,
          },
        },
      },
      async (request) => {
        const tenant = tenantFilter(request.principal!);
        const rows = await queryRows<{
          mode: string;
          code: string;
          destination_country: string;
          n: number;
          value_fen: string;
        }>(
          db,
          sql`select mode, code, destination_country, count(*)::int as n, sum(value_fen)::text as value_fen
              from ecommerce_export_lists
              where month = ${request.query.month} and ${tenant ? sql`enterprise_id = ${tenant}` : sql`true`}
              group by mode, code, destination_country
              order by mode, code, destination_country`,
        );
        return {
          month: request.query.month,
          lines: rows.map((r) => ({
            mode: r.mode,
            code: r.code,
            destinationCountry: r.destination_country,
            lists: r.n,
            valueCny: (Number(r.value_fen) / 100).toFixed(2),
          })),
        };
      },
    );
  };
}
