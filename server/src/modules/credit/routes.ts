import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runMutation } from '../../platform/http/mutation.js';
import { notFound, problemSchema } from '../../platform/http/problem.js';
import type { Locale } from '../../platform/i18n/index.js';
import { translate } from '../../platform/i18n/index.js';
import { FACT_KINDS, type FactorContribution, GRADES, type Grade } from './engine.js';
import { REPAIR_STATUSES } from './schema.js';
import {
  assertCanRead,
  type CreditFact,
  type CreditHistoryRow,
  type CreditRepair,
  creditOf,
  decideRepair,
  FACTS_LIST_MAX,
  fileRepair,
  findRepair,
  listFacts,
  listGrades,
  listHistory,
  listRepairs,
  REPAIR_FACTS_MAX,
} from './service.js';

const OVERSEERS = ['customs_officer', 'zone_admin'] as const;
/** Roles whose users act for an enterprise and may ask to repair its credit. */
const TENANT_ROLES = ['trader', 'forwarder', 'bank_officer'] as const;

const factorSchema = z.object({
  factor: z.string(),
  kind: z.string(),
  count: z.number().int(),
  points: z.number().int(),
  cap: z.number().int(),
  name: z.string().describe('The factor in the caller’s language'),
  reason: z.string().describe('Why it contributes these points, in the caller’s language'),
});

const creditSchema = z
  .object({
    enterpriseId: z.uuid(),
    score: z.number().int().min(0).max(100),
    grade: z.enum(GRADES),
    gradeText: z.string(),
    computedAt: z.iso.datetime().nullable(),
    factors: z.array(factorSchema),
  })
  .meta({ id: 'CreditGrade' });

const factSchema = z.object({
  id: z.uuid(),
  kind: z.enum(FACT_KINDS),
  kindName: z.string(),
  subjectId: z.string().nullable(),
  subjectRef: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  repairedAt: z.iso.datetime().nullable(),
  repairId: z.uuid().nullable(),
});

const historySchema = z.object({
  score: z.number().int(),
  grade: z.enum(GRADES),
  previousGrade: z.enum(GRADES).nullable(),
  cause: z.string(),
  computedAt: z.iso.datetime(),
});

const repairSchema = z
  .object({
    id: z.uuid(),
    enterpriseId: z.uuid(),
    factIds: z.array(z.uuid()),
    evidence: z.string(),
    references: z.array(z.string()),
    status: z.enum(REPAIR_STATUSES),
    filedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: 'CreditRepair' });

function factorView(locale: Locale, factor: FactorContribution) {
  const params = { count: factor.count, points: factor.points, cap: factor.cap };
  return {
    ...factor,
    name: translate(locale, factor.reasonKey),
    reason: translate(locale, `${factor.reasonKey}.reason`, params),
  };
}

const factView = (locale: Locale, fact: CreditFact) => ({
  id: fact.id,
  kind: fact.kind as (typeof FACT_KINDS)[number],
  kindName: translate(locale, `credit.fact.${fact.kind}`),
  subjectId: fact.subjectId,
  subjectRef: fact.subjectRef,
  occurredAt: fact.occurredAt.toISOString(),
  repairedAt: fact.repairedAt?.toISOString() ?? null,
  repairId: fact.repairId,
});

const historyView = (row: CreditHistoryRow) => ({
  score: row.score,
  grade: row.grade as Grade,
  previousGrade: (row.previousGrade as Grade | null) ?? null,
  cause: row.cause,
  computedAt: row.computedAt.toISOString(),
});

export const repairView = (row: CreditRepair) => ({
  id: row.id,
  enterpriseId: row.enterpriseId,
  factIds: row.factIds,
  evidence: row.evidence,
  references: row.references,
  status: row.status,
  filedAt: row.filedAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decisionReason: row.decisionReason,
});

const idParams = z.object({ id: z.uuid() });

export const creditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.platform.db;

  app.get(
    '/credit/grades',
    {
      config: { access: [...OVERSEERS] },
      schema: {
        tags: ['credit'],
        summary: 'Every enterprise’s current public credit grade (supervisors only)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                enterpriseId: z.uuid(),
                score: z.number().int(),
                grade: z.enum(GRADES),
                computedAt: z.iso.datetime(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: (await listGrades(db)).map((row) => ({
        enterpriseId: row.enterpriseId,
        score: row.score,
        grade: row.grade as Grade,
        computedAt: row.computedAt.toISOString(),
      })),
    }),
  );

  app.get(
    '/credit/enterprises/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['credit'],
        summary: 'An enterprise’s grade with every factor’s contribution (its own users, customs, zone admins)',
        params: idParams,
        response: { 200: creditSchema, 404: problemSchema },
      },
    },
    async (request) => {
      await assertCanRead(db, request.principal!, request.params.id);
      const credit = await creditOf(db, request.params.id);
      return {
        enterpriseId: credit.enterpriseId,
        score: credit.score,
        grade: credit.grade,
        gradeText: translate(request.locale, `credit.grade.${credit.grade}`),
        computedAt: credit.computedAt?.toISOString() ?? null,
        factors: credit.factors.map((factor) => factorView(request.locale, factor)),
      };
    },
  );

  app.get(
    '/credit/enterprises/:id/facts',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['credit'],
        summary: 'The records behind the grade, newest first',
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(FACTS_LIST_MAX).default(100) }),
        response: { 200: z.object({ items: z.array(factSchema) }), 404: problemSchema },
      },
    },
    async (request) => {
      await assertCanRead(db, request.principal!, request.params.id);
      const rows = await listFacts(db, request.params.id, request.query.limit);
      return { items: rows.map((row) => factView(request.locale, row)) };
    },
  );

  app.get(
    '/credit/enterprises/:id/history',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['credit'],
        summary: 'Score changes, newest first (append-only)',
        params: idParams,
        response: { 200: z.object({ items: z.array(historySchema) }), 404: problemSchema },
      },
    },
    async (request) => {
      await assertCanRead(db, request.principal!, request.params.id);
      return { items: (await listHistory(db, request.params.id)).map(historyView) };
    },
  );

  app.get(
    '/credit/enterprises/:id/repairs',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['credit'],
        summary: 'The enterprise’s credit repair requests and their decisions',
        params: idParams,
        response: { 200: z.object({ items: z.array(repairSchema) }), 404: problemSchema },
      },
    },
    async (request) => {
      await assertCanRead(db, request.principal!, request.params.id);
      return { items: (await listRepairs(db, { enterpriseId: request.params.id })).map(repairView) };
    },
  );

  app.post(
    '/credit/enterprises/:id/repairs',
    {
      config: { access: [...TENANT_ROLES] },
      schema: {
        tags: ['credit'],
        summary: 'File a credit repair request (信用修复) naming the breaches it asks to stop counting',
        params: idParams,
        body: z.strictObject({
          factIds: z.array(z.uuid()).min(1).max(REPAIR_FACTS_MAX),
          evidence: z.string().trim().min(10).max(4000),
          references: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
        }),
        response: { 201: repairSchema, 400: problemSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      // Only the enterprise's own users file for it; for anyone else the id does not exist.
      if (request.principal!.enterpriseId !== request.params.id) throw notFound('enterprise');
      return runMutation(request, reply, async ({ tx, principal, audit }) => {
        const repair = await fileRepair(tx, principal, request.params.id, request.body, new Date());
        await audit({ action: 'credit.repair_filed', entityType: 'credit_repair', entityId: repair.id, after: repair });
        return { statusCode: 201, body: repairView(repair) };
      });
    },
  );

  app.get(
    '/credit/repairs',
    {
      config: { access: [...OVERSEERS] },
      schema: {
        tags: ['credit'],
        summary: 'Repair requests across the zone, newest first',
        querystring: z.object({ status: z.enum(REPAIR_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(repairSchema) }) },
      },
    },
    async (request) => ({
      items: (await listRepairs(db, request.query.status ? { status: request.query.status } : {})).map(repairView),
    }),
  );

  app.post(
    '/credit/repairs/:id/decision',
    {
      config: { access: ['zone_admin'] },
      schema: {
        tags: ['credit'],
        summary: 'Accept (the named breaches stop counting from now) or refuse (with a reason) a repair request',
        params: idParams,
        body: z.strictObject({
          decision: z.enum(['accept', 'refuse']),
          reason: z.string().trim().min(1).max(2000).optional(),
        }),
        response: { 200: repairSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      if (!(await findRepair(db, request.params.id))) throw notFound('credit_repair');
      return runMutation(request, reply, async ({ tx, principal, audit }) => {
        const { repair, before } = await decideRepair(tx, principal, request.params.id, request.body, new Date());
        await audit({
          action: `credit.repair_${repair.status}`,
          entityType: 'credit_repair',
          entityId: repair.id,
          before,
          after: repair,
        });
        return { statusCode: 200, body: repairView(repair) };
      });
    },
  );
};
