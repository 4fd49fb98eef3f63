import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { runMutation } from '../../platform/http/mutation.js';
import { invalidFields, notFound, problemSchema } from '../../platform/http/problem.js';
import { type Locale, translate } from '../../platform/i18n/index.js';
import { findTariffLine } from './data/tariff.js';
import { DOCUMENTS_MAX, declarationBody, documentInputSchema } from './declaration-schema.js';
import {
  addDocuments,
  canReadDeclaration,
  clearanceStatistics,
  completeDeclaration,
  DECLARATIONS_PAGE_MAX,
  type Declaration,
  declarationDetail,
  fastLaneCheck,
  findDeclaration,
  listDeclarations,
  lockDeclaration,
  OFFICER_ACTIONS,
  officerDecision,
  officerQueue,
  payDeclaration,
  riskOf,
  submitDeclaration,
  validateDeclaration,
} from './declarations.js';
import type { ReleaseNoteService } from './release-notes.js';
import {
  CHANNELS,
  channelMessageKey,
  documentMessageKey,
  NEW_THREE_CATEGORIES,
  riskReasonMessageKey,
} from './risk/index.js';
import { DECLARATION_STATUSES } from './schema.js';

const CUSTOMS_ROLES = ['customs_officer'] as const;
const DECLARANT_ROLES = ['trader', 'forwarder'] as const;

const yuan = (fen: number | null) => (fen === null ? null : (fen / 100).toFixed(2));

const fastLaneSchema = z.object({
  category: z.enum(NEW_THREE_CATEGORIES),
  required: z.array(z.object({ kind: z.string(), name: z.string() })),
  missing: z.array(z.object({ kind: z.string(), name: z.string() })),
});

const taxPreviewSchema = z
  .object({
    date: z.string(),
    cnyPerUnit: z.string(),
    customsValueCny: z.string(),
    taxCny: z.string(),
    items: z.array(
      z.object({
        index: z.number().int(),
        code: z.string(),
        name: z.string(),
        customsValueCny: z.string(),
        exportRebateRate: z.string().nullable(),
      }),
    ),
    bill: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('Imports: the line-by-line tax bill (duty column and rate, consumption tax, VAT, rounding rule)'),
    fastLane: fastLaneSchema.nullable(),
  })
  .meta({ id: 'TaxPreview' });

const reasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  channel: z.enum(CHANNELS),
  item: z.number().int().nullable(),
  ruleId: z.string().nullable(),
});

const declarationSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string().nullable(),
    direction: z.enum(['import', 'export']),
    step: z.enum(['full', 'summary', 'completed']),
    status: z.enum(DECLARATION_STATUSES),
    channel: z.enum(CHANNELS).nullable(),
    channelName: z.string().nullable(),
    fastLane: z.enum(NEW_THREE_CATEGORIES).nullable(),
    targetReleaseAt: z.iso.datetime().nullable(),
    enterpriseId: z.uuid(),
    tradeCountry: z.string(),
    supervisionMode: z.string(),
    transportMode: z.string(),
    blNumber: z.string().nullable(),
    customsValueCny: z.string().nullable(),
    taxCny: z.string().nullable(),
    payment: z.enum(['none_due', 'unpaid', 'guaranteed', 'paid']),
    submittedAt: z.iso.datetime().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'DeclarationSummary' });

const declarationSchema = declarationSummarySchema
  .extend({
    declarationDate: z.string(),
    currency: z.string(),
    header: z.record(z.string(), z.unknown()),
    shipmentId: z.uuid().nullable(),
    risk: z
      .object({
        reasons: z.array(reasonSchema),
        sampling: z.object({ rate: z.string(), draw: z.string(), selected: z.boolean() }),
      })
      .nullable(),
    fastLaneCheck: fastLaneSchema.nullable(),
    taxBill: z.record(z.string(), z.unknown()).nullable(),
    items: z.array(
      z.object({
        seq: z.number().int(),
        code: z.string(),
        name: z.string(),
        description: z.string(),
        quantity: z.string(),
        unit: z.string(),
        secondQuantity: z.string().nullable(),
        secondUnit: z.string().nullable(),
        priceAmount: z.string(),
        originCountry: z.string(),
        certificateOfOrigin: z.boolean(),
        licences: z.array(z.object({ code: z.string(), number: z.string() })),
        customsValueCny: z.string().nullable(),
      }),
    ),
    documents: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        name: z.string(),
        reference: z.string(),
        issuer: z.string().nullable(),
        validUntil: z.string().nullable(),
        addedAt: z.iso.datetime(),
      }),
    ),
    timeline: z.array(
      z.object({
        step: z.string(),
        at: z.iso.datetime(),
        actorRole: z.string(),
        note: z.string().nullable(),
        details: z.unknown(),
        minutesSincePrevious: z.number().nullable(),
      }),
    ),
    releaseNote: z
      .object({ number: z.string(), verifyUrl: z.string(), pdfUrl: z.string(), issuedAt: z.iso.datetime() })
      .nullable(),
  })
  .meta({ id: 'Declaration' });

function documentName(locale: Locale, kind: string): string {
  const key = documentMessageKey(kind as never);
  const text = translate(locale, key);
  return text === key ? translate(locale, `trade.document.${kind}`) : text;
}

function summaryView(d: Declaration, locale: Locale): z.infer<typeof declarationSummarySchema> {
  return {
    id: d.id,
    number: d.number,
    direction: d.direction,
    step: d.step,
    status: d.status,
    channel: d.channel,
    channelName: d.channel ? translate(locale, channelMessageKey(d.channel)) : null,
    fastLane: d.fastLane,
    targetReleaseAt: d.targetReleaseAt?.toISOString() ?? null,
    enterpriseId: d.enterpriseId,
    tradeCountry: d.tradeCountry,
    supervisionMode: d.supervisionMode,
    transportMode: d.transportMode,
    blNumber: d.blNumber,
    customsValueCny: yuan(d.customsValueFen),
    taxCny: yuan(d.taxFen),
    payment: d.payment,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    version: d.version,
  };
}

async function detailView(db: Queryable, d: Declaration, locale: Locale): Promise<z.infer<typeof declarationSchema>> {
  const detail = await declarationDetail(db, d.id);
  const risk = riskOf(d);
  const localeKey = locale === 'zh-CN' ? 'zh' : locale;
  const fast = d.fastLane
    ? fastLaneCheck(
        {
          direction: d.direction,
          transportMode: d.transportMode as never,
          items: detail.items.map((i) => ({ code: i.code })) as never,
        },
        detail.documents,
      )
    : null;
  let previous: Date | null = null;
  return {
    ...summaryView(d, locale),
    declarationDate: d.declarationDate,
    currency: d.currency,
    header: d.header as Record<string, unknown>,
    shipmentId: d.shipmentId,
    risk: risk
      ? {
          reasons: risk.reasons.map((r) => ({
            code: r.code,
            message: translate(locale, riskReasonMessageKey(r.code), {
              ...r.params,
              rule: r.ruleName ?? '',
              item: r.item === null ? '' : String(r.item + 1),
            }),
            channel: r.channel,
            item: r.item,
            ruleId: r.ruleId,
          })),
          sampling: risk.sampling,
        }
      : null,
    fastLaneCheck: fast
      ? {
          category: fast.category,
          required: fast.required.map((kind) => ({ kind, name: documentName(locale, kind) })),
          missing: fast.missing.map((kind) => ({ kind, name: documentName(locale, kind) })),
        }
      : null,
    taxBill: (d.taxBill as Record<string, unknown> | null) ?? null,
    items: detail.items.map((i) => ({
      seq: i.seq,
      code: i.code,
      name: findTariffLine(i.code)?.names[localeKey] ?? i.description,
      description: i.description,
      quantity: i.quantity,
      unit: i.unit,
      secondQuantity: i.secondQuantity,
      secondUnit: i.secondUnit,
      priceAmount: i.amount,
      originCountry: i.originCountry,
      certificateOfOrigin: i.certificateOfOrigin,
      licences: i.licences as { code: string; number: string }[],
      customsValueCny: yuan(i.customsValueFen),
    })),
    documents: detail.documents.map((doc) => ({
      id: doc.id,
      kind: doc.kind,
      name: documentName(locale, doc.kind),
      reference: doc.reference,
      issuer: doc.issuer,
      validUntil: doc.validUntil,
      addedAt: doc.addedAt.toISOString(),
    })),
    timeline: detail.steps.map((s) => {
      const minutes = previous ? Math.round(((s.at.getTime() - previous.getTime()) / 60_000) * 10) / 10 : null;
      previous = s.at;
      return {
        step: s.step,
        at: s.at.toISOString(),
        actorRole: s.actorRole,
        note: s.note,
        details: s.details,
        minutesSincePrevious: minutes,
      };
    }),
    releaseNote: detail.releaseNote
      ? {
          number: detail.releaseNote.number,
          verifyUrl: `/verify/${detail.releaseNote.verificationToken}`,
          pdfUrl: `/api/trade/declarations/${d.id}/release-note.pdf`,
          issuedAt: detail.releaseNote.issuedAt.toISOString(),
        }
      : null,
  };
}

export function declarationRoutes(notes: ReleaseNoteService): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;
    const readable = async (principal: Principal | null, id: string): Promise<Declaration> => {
      const declaration = await findDeclaration(db, id);
      // Another tenant's declaration is "not found", never "forbidden": ids must not leak.
      if (!declaration || !principal || !canReadDeclaration(principal, declaration)) throw notFound('declaration');
      return declaration;
    };
    const idParams = z.object({ id: z.uuid() });

    app.post(
      '/trade/declarations/tax-preview',
      {
        config: { access: 'authenticated', idempotency: false },
        schema: {
          tags: ['trade'],
          summary: 'Compute the taxes of a draft declaration without saving anything',
          description:
            'Validates the draft exactly as a submission would (every problem at once, each naming its field) and answers the ' +
            'customs value and, for imports, the line-by-line tax bill: the duty column chosen and why, consumption tax, VAT, ' +
            'rounded to the fen. For "new three" exports it lists the dangerous-goods documents still missing.',
          body: declarationBody,
          response: { 200: taxPreviewSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const result = await validateDeclaration(db, principal, request.body, new Date());
        if (!result.ok) throw invalidFields(result.issues);
        const v = result.value;
        const localeKey = request.locale === 'zh-CN' ? 'zh' : request.locale;
        const fast = v.fastLane;
        return {
          date: v.date,
          cnyPerUnit: v.cnyPerUnit,
          customsValueCny: yuan(v.customsValueFen)!,
          taxCny: yuan(v.taxFen)!,
          items: v.body.items.map((item, index) => {
            const line = findTariffLine(item.code)!;
            const rebate = [...line.rates.exportRebate]
              .filter((r) => r.effectiveFrom <= v.date)
              .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
            return {
              index,
              code: item.code,
              name: line.names[localeKey],
              customsValueCny: yuan(v.itemValuesFen[index]!)!,
              exportRebateRate: v.body.direction === 'export' ? (rebate?.fraction ?? null) : null,
            };
          }),
          bill: v.taxBill as unknown as Record<string, unknown> | null,
          fastLane: fast
            ? {
                category: fast.category,
                required: fast.required.map((kind) => ({ kind, name: documentName(request.locale, kind) })),
                missing: fast.missing.map((kind) => ({ kind, name: documentName(request.locale, kind) })),
              }
            : null,
        };
      },
    );

    app.post(
      '/trade/declarations',
      {
        config: { access: DECLARANT_ROLES },
        schema: {
          tags: ['trade'],
          summary: 'Submit an import or export declaration',
          description:
            'Validates (400/422 with every bad field named; nothing is written), assigns the 18-digit number, computes the ' +
            "taxes, and assigns a risk channel (officers' rules, then seeded random sampling by credit class). An " +
            'auto-release channel releases at once when no tax is due, or it is paid or covered by a guarantee. "New three" ' +
            'exports missing a dangerous-goods document get 422 `dg_documents_missing`. Honours Idempotency-Key.',
          body: declarationBody,
          response: { 201: declarationSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const now = new Date();
        if (!principal.enterpriseId) throw invalidFields([{ field: 'body', code: 'enterprise_required' }]);
        const result = await validateDeclaration(db, principal, request.body, now);
        if (!result.ok) throw invalidFields(result.issues);
        let created: Declaration | null = null;
        await runMutation(request, reply, async ({ tx, audit }) => {
          created = await submitDeclaration(tx, principal, result.value, { now, dbKey: db });
          await audit({
            action: 'trade.declaration_submitted',
            entityType: 'declaration',
            entityId: created.id,
            after: { number: created.number, channel: created.channel, status: created.status },
          });
          return { statusCode: 201, body: await detailView(tx, created, request.locale) };
        });
        if (created && (created as Declaration).status === 'released') notes.kick();
        return reply;
      },
    );

    app.get(
      '/trade/declarations',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['trade'],
          summary: "Declarations: your enterprise's, or all for customs officers and zone admins",
          querystring: z.object({
            status: z.enum(DECLARATION_STATUSES).optional(),
            direction: z.enum(['import', 'export']).optional(),
            fastLane: z.stringbool().optional(),
            before: z.iso.datetime().optional().describe('Cursor: declarations submitted before this instant'),
            limit: z.coerce.number().int().min(1).max(DECLARATIONS_PAGE_MAX).default(50),
          }),
          response: { 200: z.object({ items: z.array(declarationSummarySchema) }) },
        },
      },
      async (request) => {
        const q = request.query;
        const rows = await listDeclarations(db, request.principal!, {
          status: q.status,
          direction: q.direction,
          fastLane: q.fastLane,
          before: q.before ? new Date(q.before) : undefined,
          limit: q.limit,
        });
        return { items: rows.map((d) => summaryView(d, request.locale)) };
      },
    );

    app.get(
      '/trade/declarations/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['trade'],
          summary: 'One declaration with its items, taxes, risk reasons, documents and timeline',
          params: idParams,
          response: { 200: declarationSchema, 404: problemSchema },
        },
      },
      async (request) => detailView(db, await readable(request.principal, request.params.id), request.locale),
    );

    const mutate = (
      path: string,
      summary: string,
      access: readonly ('trader' | 'forwarder' | 'customs_officer')[],
      bodySchema: z.ZodType,
      work: (
        tx: Parameters<Parameters<typeof runMutation>[2]>[0]['tx'],
        principal: Principal,
        declaration: Declaration,
        body: never,
        now: Date,
      ) => Promise<Declaration>,
      description: string,
    ) =>
      app.post(
        `/trade/declarations/:id/${path}`,
        {
          config: { access },
          schema: {
            tags: ['trade'],
            summary,
            description,
            params: idParams,
            body: bodySchema,
            response: { 200: declarationSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
          },
        },
        async (request, reply) => {
          const principal = request.principal!;
          await readable(principal, request.params.id);
          const now = new Date();
          let changed: Declaration | null = null;
          await runMutation(request, reply, async ({ tx, audit }) => {
            const locked = await lockDeclaration(tx, request.params.id);
            if (!locked || !canReadDeclaration(principal, locked)) throw notFound('declaration');
            const before = { status: locked.status, payment: locked.payment };
            changed = await work(tx, principal, locked, request.body as never, now);
            await audit({
              action: `trade.declaration_${path.replace(/-/g, '_')}`,
              entityType: 'declaration',
              entityId: locked.id,
              before,
              after: { status: changed.status, payment: changed.payment },
            });
            return { statusCode: 200, body: await detailView(tx, changed, request.locale) };
          });
          if (changed && (changed as Declaration).status === 'released') notes.kick();
          return reply;
        },
      );

    const documentsBody = z.strictObject({ documents: z.array(documentInputSchema).min(1).max(DOCUMENTS_MAX) });

    mutate(
      'documents',
      'Add documents to a declaration',
      DECLARANT_ROLES,
      documentsBody,
      (tx, principal, declaration, body: z.infer<typeof documentsBody>, now) =>
        addDocuments(tx, principal, declaration, body.documents, now),
      'A declaration waiting for documents goes back to the officer. Released or rejected declarations take none (409).',
    );
    mutate(
      'complete',
      'Complete a two-step declaration (second step)',
      DECLARANT_ROLES,
      z.strictObject({ documents: z.array(documentInputSchema).max(DOCUMENTS_MAX).default([]) }),
      (tx, principal, declaration, body: { documents: z.infer<typeof documentInputSchema>[] }, now) =>
        completeDeclaration(tx, principal, declaration, body.documents, now),
      'Only a summary declaration (`step: summary`) can be completed; 409 otherwise.',
    );
    mutate(
      'payment',
      'Record payment of the taxes',
      DECLARANT_ROLES,
      z.strictObject({}),
      (tx, principal, declaration, _body, now) => payDeclaration(tx, principal, declaration, now),
      "As the bank's payment confirmation would: a guarantee hold is given back, and an auto-release declaration waiting " +
        'for payment is released.',
    );
    const decisionBody = z.strictObject({
      action: z.enum(OFFICER_ACTIONS),
      note: z.string().trim().min(1).max(1000).optional(),
      findings: z
        .strictObject({ result: z.enum(['no_discrepancy', 'discrepancy']), text: z.string().trim().min(1).max(2000) })
        .optional(),
    });
    mutate(
      'decision',
      "An officer's step: ask for documents, order inspection, record findings, release or reject",
      CUSTOMS_ROLES,
      decisionBody,
      async (tx, principal, declaration, body: z.infer<typeof decisionBody>, now) => {
        if (body.action === 'record_findings' && !body.findings) {
          throw invalidFields([{ field: 'body.findings', code: 'required' }]);
        }
        return officerDecision(tx, principal, declaration, body, now);
      },
      'Customs officers only (traders and other roles get 403). Illegal transitions get 409 `declaration_state`; a release ' +
        'of unpaid taxes without a covering guarantee gets 409 `payment_required`.',
    );

    app.get(
      '/trade/declarations/:id/release-note.pdf',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['trade'],
          summary: 'The release note PDF (with the QR code of its public verification page)',
          params: idParams,
          response: { 200: z.any().describe('application/pdf'), 404: problemSchema },
        },
      },
      async (request, reply) => {
        const declaration = await readable(request.principal, request.params.id);
        const note = await notes.forDeclaration(db, declaration.id);
        if (!note) throw notFound('release_note');
        const bytes = await notes.pdf(note);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${note.number}.pdf"`)
          .send(bytes);
      },
    );

    app.get(
      '/trade/queue',
      {
        config: { access: CUSTOMS_ROLES },
        schema: {
          tags: ['trade'],
          summary: 'The officer work queue: open declarations, "new three" fast lane first, then oldest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(DECLARATIONS_PAGE_MAX).default(100) }),
          response: { 200: z.object({ items: z.array(declarationSummarySchema) }) },
        },
      },
      async (request) => ({
        items: (await officerQueue(db, request.query.limit)).map((d) => summaryView(d, request.locale)),
      }),
    );

    app.get(
      '/trade/statistics',
      {
        config: { access: ['customs_officer', 'zone_admin'] },
        schema: {
          tags: ['trade'],
          summary: 'Clearance-time statistics: declarations by channel and status, median minutes to release',
          querystring: z.object({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional() }),
          response: {
            200: z.object({
              from: z.string(),
              to: z.string(),
              byChannel: z.array(
                z.object({
                  channel: z.enum(CHANNELS),
                  declarations: z.number().int(),
                  released: z.number().int(),
                  medianMinutes: z.number().nullable(),
                  p90Minutes: z.number().nullable(),
                }),
              ),
              byStatus: z.array(z.object({ status: z.enum(DECLARATION_STATUSES), declarations: z.number().int() })),
              fastLane: z.object({
                declarations: z.number().int(),
                released: z.number().int(),
                onTarget: z.number().int(),
                medianMinutes: z.number().nullable(),
              }),
            }),
            400: problemSchema,
          },
        },
      },
      async (request) => {
        const to = request.query.to ? new Date(request.query.to) : new Date();
        const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * 86_400_000);
        if (from >= to) throw invalidFields([{ field: 'querystring.from', code: 'invalid' }]);
        return clearanceStatistics(db, from, to);
      },
    );
  };
}
