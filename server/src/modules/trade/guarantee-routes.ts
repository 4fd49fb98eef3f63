import { randomUUID } from 'node:crypto';
import { desc, eq, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../platform/db/client.js';
import { runMutation } from '../../platform/http/mutation.js';
import { invalidFields, problemSchema } from '../../platform/http/problem.js';
import { emitEvent } from '../events/index.js';
import { findEnterpriseByUscc } from '../registry/index.js';
import { guarantees } from './schema.js';

/** One guarantee line is at most CNY 10 billion: far above any real line, far below 2^53 fen. */
const GUARANTEE_FEN_MAX = 1_000_000_000_000;
const GUARANTEES_PAGE_MAX = 200;

const guaranteeSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    enterpriseId: z.uuid(),
    bankEnterpriseId: z.uuid(),
    amountCny: z.string(),
    balanceCny: z.string(),
    heldCny: z.string(),
    validUntil: z.string(),
    status: z.enum(['active', 'revoked']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Guarantee' });

const yuan = (fen: number) => (fen / 100).toFixed(2);

function view(row: typeof guarantees.$inferSelect): z.infer<typeof guaranteeSchema> {
  return {
    id: row.id,
    number: row.number,
    enterpriseId: row.enterpriseId,
    bankEnterpriseId: row.bankEnterpriseId,
    amountCny: yuan(row.amountFen),
    balanceCny: yuan(row.balanceFen),
    heldCny: yuan(row.amountFen - row.balanceFen),
    validUntil: row.validUntil,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Customs–bank guarantee lines (银关通-style): a bank officer grants an enterprise an amount; customs may
 * release before payment while the line covers the taxes (held atomically at release, restored on payment).
 */
export function guaranteeRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    app.post(
      '/trade/guarantees',
      {
        config: { access: ['bank_officer'] },
        schema: {
          tags: ['trade'],
          summary: 'Grant an enterprise a customs tax guarantee line',
          body: z.strictObject({
            enterpriseUscc: z.string().regex(/^[0-9A-Z]{18}$/),
            amountCny: z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, { message: 'invalid_decimal' }),
            validUntil: z.iso.date(),
          }),
          response: { 201: guaranteeSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const principal = request.principal!;
        const enterprise = await findEnterpriseByUscc(db, body.enterpriseUscc);
        const amountFen = Math.round(Number(body.amountCny) * 100);
        const issues = [
          ...(enterprise ? [] : [{ field: 'body.enterpriseUscc', code: 'not_found' }]),
          ...(amountFen > 0 && amountFen <= GUARANTEE_FEN_MAX
            ? []
            : [{ field: 'body.amountCny', code: 'not_positive' }]),
          ...(body.validUntil >= new Date().toISOString().slice(0, 10)
            ? []
            : [{ field: 'body.validUntil', code: 'in_the_past' }]),
          ...(principal.enterpriseId ? [] : [{ field: 'body', code: 'enterprise_required' }]),
        ];
        if (issues.length > 0 || !enterprise) throw invalidFields(issues);
        return runMutation(request, reply, async ({ tx, audit }) => {
          const [serial] = await queryRows<{ n: number }>(
            tx,
            sql`SELECT count(*)::int + 1 AS n FROM trade_guarantees WHERE bank_enterprise_id = ${principal.enterpriseId}`,
          );
          const [row] = await tx
            .insert(guarantees)
            .values({
              id: randomUUID(),
              number: `GT${new Date().getUTCFullYear()}${String(serial?.n ?? 1).padStart(6, '0')}-${randomUUID().slice(0, 4).toUpperCase()}`,
              enterpriseId: enterprise.id,
              bankEnterpriseId: principal.enterpriseId!,
              amountFen,
              balanceFen: amountFen,
              validUntil: body.validUntil,
              status: 'active',
              createdBy: principal.userId,
            })
            .returning();
          await emitEvent(tx, {
            module: 'trade',
            event: 'guarantee_granted',
            enterpriseId: enterprise.id,
            payload: { guaranteeId: row!.id, amountFen, validUntil: body.validUntil },
          });
          await audit({ action: 'trade.guarantee_granted', entityType: 'guarantee', entityId: row!.id, after: body });
          return { statusCode: 201, body: view(row!) };
        });
      },
    );

    app.get(
      '/trade/guarantees',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['trade'],
          summary: 'Guarantee lines: a bank sees those it granted, an enterprise its own, customs all',
          response: { 200: z.object({ items: z.array(guaranteeSchema) }) },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const mine = principal.enterpriseId ?? randomUUID();
        const query = db.select().from(guarantees);
        const rows = await (principal.authorityId !== null
          ? query
          : query.where(or(eq(guarantees.enterpriseId, mine), eq(guarantees.bankEnterpriseId, mine)))
        )
          .orderBy(desc(guarantees.createdAt))
          .limit(GUARANTEES_PAGE_MAX);
        return { items: rows.map(view) };
      },
    );
  };
}
