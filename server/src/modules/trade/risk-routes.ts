import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../platform/db/client.js';
import { runMutation } from '../../platform/http/mutation.js';
import { DomainError, notFound, problemSchema } from '../../platform/http/problem.js';
import { translate } from '../../platform/i18n/index.js';
import { emitEvent } from '../events/index.js';
import { getEnterprise } from '../registry/index.js';
import { loadRiskSettings, ruleFromRow } from './declarations.js';
import {
  CREDIT_CLASSES,
  creditClassMessageKey,
  type RiskRule,
  RULESET_RULES_MAX,
  riskRuleSchema,
  samplingPolicySchema,
} from './risk/index.js';
import { declarantProfiles, riskRules, riskSettings } from './schema.js';

const OFFICERS = ['customs_officer'] as const;

const ruleView = z
  .object({ id: z.uuid(), version: z.number().int(), updatedAt: z.iso.datetime() })
  .catchall(z.unknown())
  .meta({ id: 'RiskRule' });

function viewOf(row: typeof riskRules.$inferSelect) {
  const rule: RiskRule = ruleFromRow(row);
  return { ...rule, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

/** Splits a validated rule into the columns every rule has and its kind-specific parameters. */
function columnsOf(rule: z.output<typeof riskRuleSchema>) {
  const { kind, name, direction, channel, active, ...params } = rule;
  return { kind, name, direction, channel, active, params };
}

const settingsSchema = z.object({ policy: samplingPolicySchema, seed: z.string() }).meta({ id: 'RiskSettings' });

/** Officers maintain the risk engine without code changes: rules, sampling rates and declarants' credit classes. */
export function riskRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    app.get(
      '/trade/risk-rules',
      {
        config: { access: OFFICERS },
        schema: {
          tags: ['trade'],
          summary: 'The risk rules (active and inactive)',
          response: { 200: z.object({ items: z.array(ruleView) }) },
        },
      },
      async () => {
        const rows = await db.select().from(riskRules).orderBy(asc(riskRules.updatedAt)).limit(RULESET_RULES_MAX);
        return { items: rows.map(viewOf) };
      },
    );

    app.post(
      '/trade/risk-rules',
      {
        config: { access: OFFICERS },
        schema: {
          tags: ['trade'],
          summary:
            'Add a risk rule (HS prefix, origin, trade country, credit class, unit value band, first-time declarant, watch list)',
          body: riskRuleSchema,
          response: { 201: ruleView, 400: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit, principal }) => {
          const [count] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM trade_risk_rules`);
          if ((count?.n ?? 0) >= RULESET_RULES_MAX) throw new DomainError('conflict', 409);
          const [row] = await tx
            .insert(riskRules)
            .values({ id: randomUUID(), ...columnsOf(request.body), updatedBy: principal.userId })
            .returning();
          await emitEvent(tx, {
            module: 'trade',
            event: 'risk_rule_changed',
            enterpriseId: null,
            payload: { ruleId: row!.id },
          });
          await audit({
            action: 'trade.risk_rule_created',
            entityType: 'risk_rule',
            entityId: row!.id,
            after: request.body,
          });
          return { statusCode: 201, body: viewOf(row!) };
        }),
    );

    app.put(
      '/trade/risk-rules/:id',
      {
        config: { access: OFFICERS },
        schema: {
          tags: ['trade'],
          summary: 'Replace a risk rule (send the version you read; a stale one gets 409)',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ version: z.coerce.number().int().min(1) }),
          body: riskRuleSchema,
          response: { 200: ruleView, 400: problemSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit, principal }) => {
          const [current] = await tx.select().from(riskRules).where(eq(riskRules.id, request.params.id)).for('update');
          if (!current) throw notFound('risk_rule');
          if (current.version !== request.query.version) {
            throw new DomainError('stale_version', 409, { params: { current: current.version } });
          }
          const [row] = await tx
            .update(riskRules)
            .set({
              ...columnsOf(request.body),
              version: current.version + 1,
              updatedBy: principal.userId,
              updatedAt: new Date(),
            })
            .where(eq(riskRules.id, current.id))
            .returning();
          await emitEvent(tx, {
            module: 'trade',
            event: 'risk_rule_changed',
            enterpriseId: null,
            payload: { ruleId: row!.id },
          });
          await audit({
            action: 'trade.risk_rule_replaced',
            entityType: 'risk_rule',
            entityId: row!.id,
            before: viewOf(current),
            after: request.body,
          });
          return { statusCode: 200, body: viewOf(row!) };
        }),
    );

    app.get(
      '/trade/risk-settings',
      {
        config: { access: OFFICERS },
        schema: {
          tags: ['trade'],
          summary: 'Random-sampling rates per credit class, and the seed that makes draws reproducible',
          response: { 200: settingsSchema },
        },
      },
      async () => loadRiskSettings(db),
    );

    app.put(
      '/trade/risk-settings',
      {
        config: { access: OFFICERS },
        schema: {
          tags: ['trade'],
          summary: 'Change the sampling rates or the seed',
          body: z.strictObject({ policy: samplingPolicySchema, seed: z.string().trim().min(8).max(128) }),
          response: { 200: settingsSchema, 400: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit, principal }) => {
          const before = await loadRiskSettings(tx);
          const values = { ...request.body, updatedBy: principal.userId, updatedAt: new Date() };
          await tx
            .insert(riskSettings)
            .values({ id: 1, ...values })
            .onConflictDoUpdate({ target: riskSettings.id, set: values });
          await audit({
            action: 'trade.risk_settings_changed',
            entityType: 'risk_settings',
            entityId: '1',
            before,
            after: request.body,
          });
          return { statusCode: 200, body: request.body };
        }),
    );

    const declarantSchema = z
      .object({
        enterpriseId: z.uuid(),
        creditClass: z.enum(CREDIT_CLASSES),
        creditClassName: z.string(),
        firstDeclaredAt: z.iso.datetime().nullable(),
      })
      .meta({ id: 'Declarant' });

    app.get(
      '/trade/declarants',
      {
        config: { access: ['customs_officer', 'zone_admin'] },
        schema: {
          tags: ['trade'],
          summary: "Declarants known to customs and their credit class (GACC Order 282's five tiers)",
          response: { 200: z.object({ items: z.array(declarantSchema) }) },
        },
      },
      async (request) => {
        const rows = await db.select().from(declarantProfiles).limit(1000);
        return {
          items: rows.map((r) => ({
            enterpriseId: r.enterpriseId,
            creditClass: r.creditClass,
            creditClassName: translate(request.locale, creditClassMessageKey(r.creditClass)),
            firstDeclaredAt: r.firstDeclaredAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.put(
      '/trade/declarants/:enterpriseId',
      {
        config: { access: OFFICERS },
        schema: {
          tags: ['trade'],
          summary: "Set an enterprise's customs credit class",
          params: z.object({ enterpriseId: z.uuid() }),
          body: z.strictObject({ creditClass: z.enum(CREDIT_CLASSES) }),
          response: { 200: declarantSchema, 404: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit }) => {
          const { enterpriseId } = request.params;
          if (!(await getEnterprise(tx, enterpriseId))) throw notFound('enterprise');
          const now = new Date();
          const [row] = await tx
            .insert(declarantProfiles)
            .values({ enterpriseId, creditClass: request.body.creditClass, updatedAt: now })
            .onConflictDoUpdate({
              target: declarantProfiles.enterpriseId,
              set: { creditClass: request.body.creditClass, updatedAt: now },
            })
            .returning();
          await emitEvent(tx, {
            module: 'trade',
            event: 'credit_class_changed',
            enterpriseId,
            payload: { enterpriseId, creditClass: row!.creditClass },
          });
          await audit({
            action: 'trade.credit_class_changed',
            entityType: 'enterprise',
            entityId: enterpriseId,
            after: request.body,
          });
          return {
            statusCode: 200,
            body: {
              enterpriseId,
              creditClass: row!.creditClass,
              creditClassName: translate(request.locale, creditClassMessageKey(row!.creditClass)),
              firstDeclaredAt: row!.firstDeclaredAt?.toISOString() ?? null,
            },
          };
        }),
    );
  };
}
