import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { runMutation } from '../../platform/http/mutation.js';
import { DomainError, invalidFields, issueMessage, problemSchema } from '../../platform/http/problem.js';
import type { Locale } from '../../platform/i18n/index.js';
import { emitEvent } from '../events/index.js';
import { findEnterpriseByUscc } from '../registry/index.js';
import type { DeclarationBody } from '../trade/index.js';
import {
  addItems,
  type Book,
  bookFor,
  bookItems,
  bookNorms,
  createBook,
  incomingTransfers,
  itemFor,
  itemMovements,
  type List,
  listBooksFor,
  listsOfBook,
  MOVEMENTS_PAGE_MAX,
  pendingApprovals,
  setNorms,
} from './books.js';
import { checkLedger } from './checker.js';
import { declarationOfList, domesticDeclarationSchema, fileListDeclaration, prepareDeclarations } from './declaring.js';
import { LIST_LINES_MAX } from './ledger/engine.js';
import { materialConsumptionMilli } from './ledger/norms.js';
import { decideStocktake, decideTransfer, planReversal, planTransfer } from './movements.js';
import {
  type Actor,
  BATCH_LINES_MAX,
  BATCH_LISTS_MAX,
  commitPlans,
  DIRECT_KINDS,
  formatMilli,
  type ItemDirectory,
  type LineInput,
  type ListInput,
  type ListOutcome,
  planLists,
} from './posting.js';
import { SITE_TYPES } from './schema.js';

/** Roles that run a bonded business through their enterprise's books. */
const ENTERPRISE_ROLES = ['trader', 'forwarder'] as const;
const CUSTOMS_ROLES = ['customs_officer'] as const;

const QUANTITY = /^\d{1,12}(\.\d{1,3})?$/;
const SIGNED_QUANTITY = /^-?\d{1,12}(\.\d{1,3})?$/;

/** "12.5" → 12500 thousandths. The regex has bounded the digits, so the result is a safe integer. */
export function toMilli(value: string): number {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return negative ? -milli : milli;
}

const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/)
  .describe('Your system\u2019s id for the list: a second submission with this id posts nothing and answers the first');

const lineSchema = z.strictObject({
  itemNo: z.number().int().positive(),
  quantity: z
    .string()
    .regex(SIGNED_QUANTITY, { message: 'invalid_quantity' })
    .describe(
      'In the item\u2019s legal unit, up to 3 decimals. Stocktake: positive for a surplus, negative for a shortfall',
    ),
});

const listInputSchema = z.strictObject({
  clientId: clientIdSchema,
  bookId: z.uuid(),
  kind: z.enum(DIRECT_KINDS),
  lines: z.array(lineSchema).min(1).max(LIST_LINES_MAX),
  note: z.string().trim().max(500).optional(),
  batchRelease: z
    .boolean()
    .optional()
    .describe('Second-line exit only, in a book approved for it: joins the consolidated declaration of the month'),
  declaration: domesticDeclarationSchema
    .optional()
    .describe(
      'Required on a second-line exit that is not a batch release: its import declaration is filed in the trade centre ' +
        'in the same commit, with its taxes; the items, quantities and prices come from the book',
    ),
});

const outcomeSchema = z
  .object({
    clientId: z.string(),
    status: z.enum(['posted', 'pending_approval', 'rejected']),
    listId: z.uuid().optional(),
    number: z.string().optional(),
    replayed: z.boolean().optional(),
    pairListId: z.uuid().nullable().optional(),
    declaration: z
      .object({
        id: z.uuid(),
        number: z.string().nullable(),
        status: z.string(),
        channel: z.string().nullable().optional(),
        taxFen: z.number().int().optional(),
      })
      .optional()
      .describe('The import declaration a second-line exit filed'),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'BondedListOutcome' });

const bookSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    enterpriseId: z.uuid(),
    siteCode: z.string(),
    siteType: z.enum(SITE_TYPES),
    batchReleaseApproved: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'BondedBook' });

const itemSchema = z
  .object({
    id: z.uuid(),
    itemNo: z.number().int(),
    hsCode: z.string(),
    name: z.string(),
    unit: z.string(),
    unitPrice: z.string(),
    currency: z.string(),
    balance: z.string().describe('On hand, in the legal unit'),
    totalIn: z.string(),
    totalOut: z.string(),
  })
  .meta({ id: 'BondedItem' });

const listSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    clientId: z.string(),
    bookId: z.uuid(),
    kind: z.string(),
    status: z.string(),
    lineCount: z.number().int(),
    reversesListId: z.uuid().nullable(),
    reversedByListId: z.uuid().nullable().describe('The reversal list that undid this one'),
    pairListId: z.uuid().nullable(),
    consolidationId: z.uuid().nullable().describe('The consolidated declaration a batch release belongs to'),
    declarationId: z.uuid().nullable().describe('The import declaration a direct second-line exit filed'),
    pendingLines: z
      .array(
        z.object({
          itemNo: z.number().int(),
          quantity: z.string(),
          hsCode: z.string().optional(),
          unit: z.string().optional(),
        }),
      )
      .nullable()
      .describe(
        'Lines waiting for a decision: a stocktake\u2019s (surplus +, shortfall −), or an incoming transfer\u2019s ' +
          '(the sender\u2019s item number, its commodity line and unit)',
      ),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
    postedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'BondedList' });

const bookView = (book: Book) => ({
  id: book.id,
  number: book.number,
  enterpriseId: book.enterpriseId,
  siteCode: book.siteCode,
  siteType: book.siteType,
  batchReleaseApproved: book.batchReleaseApproved,
  createdAt: book.createdAt.toISOString(),
});

const listView = (list: List) => ({
  id: list.id,
  number: list.number,
  clientId: list.clientId,
  bookId: list.bookId,
  kind: list.kind,
  status: list.status,
  lineCount: list.lineCount,
  reversesListId: list.reversesListId,
  reversedByListId: list.reversedByListId,
  pairListId: list.pairListId,
  consolidationId: list.consolidationId,
  declarationId: list.declarationId,
  pendingLines: list.pendingLines
    ? (list.pendingLines as (LineInput & { hsCode?: string; unit?: string })[]).map((l) => ({
        itemNo: l.itemNo,
        quantity: formatMilli(l.quantityMilli),
        ...(l.hsCode ? { hsCode: l.hsCode, unit: l.unit } : {}),
      }))
    : null,
  note: list.note,
  createdAt: list.createdAt.toISOString(),
  postedAt: list.postedAt?.toISOString() ?? null,
});

function actorOf(principal: Principal): Actor {
  if (!principal.enterpriseId) throw invalidFields([{ field: 'body', code: 'enterprise_required' }]);
  return { userId: principal.userId, enterpriseId: principal.enterpriseId };
}

/** Quantity strings → thousandths, with the sign rule of each kind; issues name the fields. */
function toListInputs(raw: readonly z.infer<typeof listInputSchema>[], prefix: (i: number) => string) {
  const issues = new Map<number, { field: string; code: string }[]>();
  const inputs: ListInput[] = raw.map((list, index) => ({
    clientId: list.clientId,
    bookId: list.bookId,
    kind: list.kind,
    note: list.note ?? null,
    batchRelease: list.batchRelease === true,
    lines: list.lines.map((line, lineIndex) => {
      const milli = toMilli(line.quantity);
      const signedOk = list.kind === 'stocktake' ? milli !== 0 : milli > 0 && QUANTITY.test(line.quantity);
      if (!signedOk) {
        issues.set(index, [
          ...(issues.get(index) ?? []),
          {
            field: `${prefix(index)}.lines.${lineIndex}.quantity`,
            code: list.kind === 'stocktake' ? 'invalid_signed_quantity' : 'invalid_quantity',
          },
        ]);
      }
      return { itemNo: line.itemNo, quantityMilli: milli };
    }),
  }));
  return { inputs, issues };
}

/**
 * A posted direct second-line exit files its import declaration in the posting transaction; a replay
 * answers the declaration the first submission filed.
 */
async function withDeclaration<O extends ListOutcome>(
  tx: Tx,
  principal: Principal,
  outcome: O,
  body: DeclarationBody | undefined,
  now: Date,
  dbKey: object,
): Promise<O> {
  if (outcome.status === 'rejected') return outcome;
  if (outcome.replayed) {
    const declaration = await declarationOfList(tx, outcome.listId);
    return declaration ? { ...outcome, declaration } : outcome;
  }
  if (!body) return outcome;
  const filed = await fileListDeclaration(tx, principal, outcome.listId, body, { now, dbKey });
  return {
    ...outcome,
    declaration: {
      id: filed.id,
      number: filed.number,
      status: filed.status,
      channel: filed.channel,
      taxFen: filed.taxFen,
    },
  };
}

export function bondedRoutes(directory: ItemDirectory): FastifyPluginAsyncZod {
  return async (app) => {
    const db = app.platform.db;

    app.post(
      '/bonded/books',
      {
        config: { access: ['customs_officer', 'zone_admin'] },
        schema: {
          tags: ['bonded'],
          summary: 'Open an account book (电子账册) for an enterprise at a bonded site',
          body: z.strictObject({
            enterpriseUscc: z.string().regex(/^[0-9A-Z]{18}$/),
            siteCode: z.string().regex(/^[0-9A-Z]{4,10}$/),
            siteType: z.enum(SITE_TYPES),
            batchReleaseApproved: z.boolean().default(false),
          }),
          response: { 201: bookSchema, 400: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const enterprise = await findEnterpriseByUscc(db, request.body.enterpriseUscc);
        if (!enterprise) throw invalidFields([{ field: 'body.enterpriseUscc', code: 'not_found' }]);
        return runMutation(request, reply, async ({ tx, audit, principal }) => {
          const book = await createBook(tx, {
            enterpriseId: enterprise.id,
            siteCode: request.body.siteCode,
            siteType: request.body.siteType,
            batchReleaseApproved: request.body.batchReleaseApproved,
            createdBy: principal.userId,
          });
          await emitEvent(tx, {
            module: 'bonded',
            event: 'book_opened',
            enterpriseId: enterprise.id,
            payload: { bookId: book.id, number: book.number },
          });
          await audit({
            action: 'bonded.book_opened',
            entityType: 'bonded_book',
            entityId: book.id,
            after: request.body,
          });
          return { statusCode: 201, body: bookView(book) };
        });
      },
    );

    app.get(
      '/bonded/books',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'Account books: an enterprise sees its own, customs and the zone all',
          response: { 200: z.object({ items: z.array(bookSchema) }) },
        },
      },
      async (request) => ({ items: (await listBooksFor(db, request.principal!)).map(bookView) }),
    );

    const bookParams = z.object({ bookId: z.uuid() });

    app.get(
      '/bonded/books/:bookId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'A book with its items and balances',
          params: bookParams,
          response: { 200: bookSchema.extend({ items: z.array(itemSchema) }), 404: problemSchema },
        },
      },
      async (request) => {
        const book = await bookFor(db, request.principal!, request.params.bookId);
        const found = await bookItems(db, book.id);
        return {
          ...bookView(book),
          items: found.map((item) => ({
            id: item.id,
            itemNo: item.itemNo,
            hsCode: item.hsCode,
            name: item.name,
            unit: item.unit,
            unitPrice: item.unitPrice,
            currency: item.currency,
            balance: formatMilli(item.balanceMilli),
            totalIn: formatMilli(item.inMilli),
            totalOut: formatMilli(item.outMilli),
          })),
        };
      },
    );

    app.post(
      '/bonded/books/:bookId/items',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'Record items in a book (each with its commodity line, legal unit and declared price)',
          params: bookParams,
          body: z.strictObject({
            items: z
              .array(
                z.strictObject({
                  itemNo: z.number().int().positive().max(999_999),
                  hsCode: z.string().regex(/^\d{10}$/),
                  name: z.string().trim().min(1).max(200),
                  unit: z
                    .string()
                    .trim()
                    .min(1)
                    .max(20)
                    .optional()
                    .describe(
                      'The commodity line\u2019s first legal unit, by code (007) or symbol (个); omitted, it is taken from the line',
                    ),
                  unitPrice: z.string().regex(/^\d{1,15}(\.\d{1,6})?$/, { message: 'invalid_decimal' }),
                  currency: z.string().regex(/^[A-Z]{3}$/),
                }),
              )
              .min(1)
              .max(1_000),
          }),
          response: {
            201: z.object({ items: z.array(z.object({ id: z.uuid(), itemNo: z.number().int() })) }),
            404: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const book = await bookFor(db, principal, request.params.bookId);
        if (book.enterpriseId !== principal.enterpriseId)
          throw new DomainError('forbidden', 403, { params: { roles: 'owner' } });
        return runMutation(request, reply, async ({ tx, audit }) => {
          const created = await addItems(tx, book, request.body.items);
          await audit({
            action: 'bonded.items_added',
            entityType: 'bonded_book',
            entityId: book.id,
            after: { items: request.body.items.length },
          });
          return { statusCode: 201, body: { items: created.map((i) => ({ id: i.id, itemNo: i.itemNo })) } };
        });
      },
    );

    app.get(
      '/bonded/books/:bookId/norms',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'Consumption norms (单耗) registered in a processing book, by product',
          params: bookParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  productItemNo: z.number().int(),
                  materials: z.array(
                    z.object({
                      materialItemNo: z.number().int(),
                      netConsumption: z.string(),
                      lossRate: z.string(),
                      unitConsumption: z
                        .string()
                        .describe(
                          '单耗 = 净耗 / (1 − 损耗率), rounded up to the thousandth: what one unit of product takes',
                        ),
                      updatedAt: z.iso.datetime(),
                    }),
                  ),
                }),
              ),
            }),
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const book = await bookFor(db, request.principal!, request.params.bookId);
        const found = await bookNorms(db, book.id);
        return {
          items: found.map((product) => ({
            productItemNo: product.productItemNo,
            materials: product.materials.map((m) => ({
              materialItemNo: m.materialItemNo,
              netConsumption: m.netConsumption,
              lossRate: m.lossRate,
              unitConsumption: formatMilli(materialConsumptionMilli(1_000, m)),
              updatedAt: m.updatedAt.toISOString(),
            })),
          })),
        };
      },
    );

    app.put(
      '/bonded/books/:bookId/items/:itemNo/norms',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'Register the consumption norms (单耗) of a product: material per unit, with the process loss rate',
          params: bookParams.extend({ itemNo: z.coerce.number().int().positive() }),
          body: z.strictObject({
            materials: z
              .array(
                z.strictObject({
                  materialItemNo: z.number().int().positive(),
                  netConsumption: z.string().describe('净耗 per unit of product, in the material\u2019s legal unit'),
                  lossRate: z.string().describe('工艺损耗率 as a fraction in [0, 1)'),
                }),
              )
              .min(1)
              .max(100),
          }),
          response: { 204: z.null(), 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const book = await bookFor(db, principal, request.params.bookId);
        if (book.enterpriseId !== principal.enterpriseId)
          throw new DomainError('forbidden', 403, { params: { roles: 'owner' } });
        return runMutation(request, reply, async ({ tx, audit }) => {
          await setNorms(tx, book, request.params.itemNo, request.body.materials);
          await audit({
            action: 'bonded.norms_set',
            entityType: 'bonded_book',
            entityId: book.id,
            after: request.body,
          });
          return { statusCode: 204, body: null };
        });
      },
    );

    app.get(
      '/bonded/books/:bookId/items/:itemNo/movements',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'Movement history of one item, newest first (cursor: `before` = the last postingId seen)',
          params: bookParams.extend({ itemNo: z.coerce.number().int().positive() }),
          querystring: z.object({
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(MOVEMENTS_PAGE_MAX).default(100),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  postingId: z.number().int(),
                  listId: z.uuid(),
                  listNumber: z.string(),
                  kind: z.string(),
                  change: z.string(),
                  counterAccount: z.string(),
                  postedAt: z.iso.datetime(),
                }),
              ),
            }),
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const book = await bookFor(db, request.principal!, request.params.bookId);
        const item = await itemFor(db, book.id, request.params.itemNo);
        const rows = await itemMovements(db, item.id, request.query.before ?? null, request.query.limit);
        return {
          items: rows.map((m) => ({
            postingId: m.postingId,
            listId: m.listId,
            listNumber: m.listNumber,
            kind: m.kind,
            change: formatMilli(m.changeMilli),
            counterAccount: m.counterKind,
            postedAt: m.postedAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/bonded/books/:bookId/lists',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['bonded'],
          summary: 'Verification lists of a book, newest first',
          params: bookParams,
          querystring: z.object({
            before: z.iso.datetime().optional(),
            limit: z.coerce.number().int().min(1).max(MOVEMENTS_PAGE_MAX).default(100),
          }),
          response: { 200: z.object({ items: z.array(listSchema) }), 404: problemSchema },
        },
      },
      async (request) => {
        const book = await bookFor(db, request.principal!, request.params.bookId);
        const rows = await listsOfBook(
          db,
          book.id,
          request.query.before ? new Date(request.query.before) : null,
          request.query.limit,
        );
        return { items: rows.map(listView) };
      },
    );

    /** Renders an outcome's issues in the caller's language (as problem documents do). */
    const render = (request: { locale: Locale }, outcome: ListOutcome) =>
      outcome.status === 'rejected'
        ? {
            clientId: outcome.clientId,
            status: outcome.status,
            errors: outcome.issues.map((issue) => ({ ...issue, message: issueMessage(request.locale, issue) })),
          }
        : outcome;

    app.post(
      '/bonded/lists',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'File one verification list (保税核注清单)',
          description:
            'Posts the list whole or not at all: a list that would take any item below zero is refused (422 `list_rejected`) ' +
            'naming each short item, and nothing of it posts. A stocktake waits for a customs officer (202). Repeating a ' +
            '`clientId` answers the first list (200, `replayed: true`); reusing it for other content is refused.',
          body: listInputSchema,
          response: {
            200: outcomeSchema,
            201: outcomeSchema,
            202: outcomeSchema,
            400: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request.principal!);
        const { inputs, issues } = toListInputs([request.body], () => 'body');
        if (issues.size > 0) throw invalidFields(issues.get(0)!);
        const { plans, rejected } = await planLists(db, directory, actor, inputs, () => 'body');
        if (rejected.size > 0) throw new DomainError('list_rejected', 422, { issues: rejected.get(0)! });
        const now = new Date();
        const declaring = await prepareDeclarations(
          db,
          request.principal!,
          new Map([[0, { ...inputs[0]!, declaration: request.body.declaration, field: 'body' }]]),
          now,
        );
        if (declaring.issues.size > 0) throw invalidFields(declaring.issues.get(0)!);
        return runMutation(request, reply, async ({ tx, audit }) => {
          const outcomes = await commitPlans(tx, plans);
          const committed = [...outcomes.values()][0]![0]!;
          if (committed.status === 'rejected')
            throw new DomainError('list_rejected', 422, { issues: committed.issues });
          const outcome = await withDeclaration(tx, request.principal!, committed, declaring.bodies.get(0), now, db);
          await audit({
            action: 'bonded.list_filed',
            entityType: 'bonded_list',
            entityId: outcome.listId,
            after: request.body,
          });
          const statusCode = outcome.replayed ? 200 : outcome.status === 'pending_approval' ? 202 : 201;
          return { statusCode, body: outcome };
        });
      },
    );

    app.post(
      '/bonded/lists/batch',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: `Post up to ${BATCH_LISTS_MAX} lists (${BATCH_LINES_MAX} lines) in one transaction`,
          description:
            'For enterprise systems. Each list is posted whole or refused whole, in order, against the balances the lists ' +
            'before it left; one outcome per list, in order. Refused lists name their fields; the others are durable when ' +
            'the answer arrives. Resubmitting the batch (same clientIds) posts nothing twice.',
          body: z.strictObject({ lists: z.array(listInputSchema).min(1).max(BATCH_LISTS_MAX) }),
          response: { 200: z.object({ results: z.array(outcomeSchema) }), 400: problemSchema, 413: problemSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request.principal!);
        const lines = request.body.lists.reduce((sum, list) => sum + list.lines.length, 0);
        if (lines > BATCH_LINES_MAX) {
          throw new DomainError('too_many_lists', 413, { params: { max: BATCH_LINES_MAX } });
        }
        const prefix = (i: number) => `body.lists.${i}`;
        const { inputs, issues } = toListInputs(request.body.lists, prefix);
        const valid = inputs.map((input, index) => ({ input, index })).filter(({ index }) => !issues.has(index));
        const { plans, rejected } = await planLists(
          db,
          directory,
          actor,
          valid.map((v) => v.input),
          (i) => prefix(valid[i]!.index),
        );
        const results: ListOutcome[] = new Array(inputs.length);
        for (const [index, list] of issues)
          results[index] = { clientId: inputs[index]!.clientId, status: 'rejected', issues: list };
        for (const [i, list] of rejected)
          results[valid[i]!.index] = { clientId: valid[i]!.input.clientId, status: 'rejected', issues: list };
        // Declarations are checked before anything is written; a list whose declaration fails is refused
        // whole and its plan dropped (balances are judged at commit, so later lists are unaffected).
        const now = new Date();
        const declaring = await prepareDeclarations(
          db,
          request.principal!,
          new Map(
            valid
              .filter((_, i) => !rejected.has(i))
              .map(({ input, index }) => [
                index,
                { ...input, declaration: request.body.lists[index]!.declaration, field: prefix(index) },
              ]),
          ),
          now,
        );
        for (const [index, list] of declaring.issues)
          results[index] = { clientId: inputs[index]!.clientId, status: 'rejected', issues: list };
        // Groups of planLists are `list:<index among the valid inputs>`.
        const requestIndex = (group: string) => valid[Number(group.slice('list:'.length))]!.index;
        const kept = plans.filter((plan) => !declaring.issues.has(requestIndex(plan.group)));
        return runMutation(request, reply, async ({ tx, audit }) => {
          const outcomes = await commitPlans(tx, kept);
          for (const [group, outcome] of outcomes) {
            const index = requestIndex(group);
            results[index] = await withDeclaration(
              tx,
              request.principal!,
              outcome[0]!,
              declaring.bodies.get(index),
              now,
              db,
            );
          }
          const posted = results.filter((r) => r.status !== 'rejected' && !r.replayed).length;
          await audit({
            action: 'bonded.lists_batch',
            entityType: 'bonded_batch',
            entityId: request.id,
            after: { lists: inputs.length, lines, posted },
          });
          return { statusCode: 200, body: { results: results.map((r) => render(request, r)) } };
        });
      },
    );

    app.post(
      '/bonded/transfers',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary:
            'Transfer goods to another bonded book (区间流转): paired transfer-out and transfer-in lists, posted together',
          body: z.strictObject({
            clientId: clientIdSchema,
            fromBookId: z.uuid(),
            toBookNumber: z.string().min(1).max(40),
            lines: z
              .array(
                z.strictObject({
                  fromItemNo: z.number().int().positive(),
                  quantity: z.string().regex(QUANTITY, { message: 'invalid_quantity' }),
                }),
              )
              .min(1)
              .max(LIST_LINES_MAX),
            note: z.string().trim().max(500).optional(),
          }),
          response: {
            200: z.object({ out: outcomeSchema, in: outcomeSchema }),
            201: z.object({ out: outcomeSchema, in: outcomeSchema }),
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request.principal!);
        const body = request.body;
        const lines = body.lines.map((l) => ({ ...l, quantityMilli: toMilli(l.quantity) }));
        const bad = lines.flatMap((l, i) =>
          l.quantityMilli > 0 ? [] : [{ field: `body.lines.${i}.quantity`, code: 'invalid_quantity' }],
        );
        if (bad.length > 0) throw invalidFields(bad);
        const plans = await planTransfer(db, directory, actor, { ...body, lines, note: body.note ?? null }, 'body');
        return runMutation(request, reply, async ({ tx, audit }) => {
          const outcomes = [...(await commitPlans(tx, plans)).values()][0]!;
          const [out, into] = outcomes;
          if (!out || out.status === 'rejected')
            throw new DomainError('list_rejected', 422, { issues: out?.status === 'rejected' ? out.issues : [] });
          await audit({
            action: 'bonded.transfer_filed',
            entityType: 'bonded_list',
            entityId: out.listId,
            after: body,
          });
          return { statusCode: out.replayed ? 200 : 201, body: { out, in: into! } };
        });
      },
    );

    app.get(
      '/bonded/transfers/incoming',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'Transfers sent to your books that wait for you to accept or refuse them',
          response: { 200: z.object({ items: z.array(listSchema) }) },
        },
      },
      async (request) => ({
        items: (await incomingTransfers(db, actorOf(request.principal!).enterpriseId)).map(listView),
      }),
    );

    const decided = z.object({ id: z.uuid(), number: z.string(), status: z.enum(['posted', 'refused']) });
    const decideTransferRoute = (path: 'accept' | 'refuse', summary: string, body: z.ZodType) =>
      app.post(
        `/bonded/transfers/:id/${path}`,
        {
          config: { access: [...ENTERPRISE_ROLES] },
          schema: {
            tags: ['bonded'],
            summary,
            params: z.object({ id: z.uuid() }),
            body,
            response: { 200: decided, 404: problemSchema, 409: problemSchema, 422: problemSchema },
          },
        },
        async (request, reply) => {
          const actor = actorOf(request.principal!);
          return runMutation(request, reply, async ({ tx, audit }) => {
            const lines = (request.body as { lines?: { toItemNo: number }[] }).lines ?? [];
            const result = await decideTransfer(
              tx,
              directory,
              actor,
              request.params.id,
              path === 'accept' ? { accept: true, toItemNos: lines.map((l) => l.toItemNo) } : { accept: false },
            );
            await emitEvent(tx, {
              module: 'bonded',
              event: 'transfer_decided',
              enterpriseId: actor.enterpriseId,
              payload: {
                listId: result.id,
                number: result.number,
                status: result.status,
                transferOutListId: result.outListId,
              },
            });
            await audit({
              action: `bonded.transfer_${path}`,
              entityType: 'bonded_list',
              entityId: result.id,
              after: request.body,
            });
            return { statusCode: 200, body: { id: result.id, number: result.number, status: result.status } };
          });
        },
      );
    decideTransferRoute(
      'accept',
      'Accept an incoming transfer onto your own items (one per line, same commodity line and unit): the goods enter your book',
      z.strictObject({
        lines: z
          .array(z.strictObject({ toItemNo: z.number().int().positive() }))
          .min(1)
          .max(LIST_LINES_MAX),
      }),
    );
    decideTransferRoute(
      'refuse',
      'Refuse an incoming transfer: the sender\u2019s transfer-out is reversed and the goods return to its book',
      z.strictObject({}),
    );

    app.post(
      '/bonded/lists/:id/reverse',
      {
        config: { access: [...ENTERPRISE_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'Reverse a posted list (a transfer is reversed with its pair); postings are never edited',
          params: z.object({ id: z.uuid() }),
          body: z.strictObject({ clientId: clientIdSchema }),
          response: {
            200: z.object({ results: z.array(outcomeSchema) }),
            201: z.object({ results: z.array(outcomeSchema) }),
            404: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request.principal!);
        const plans = await planReversal(db, actor, request.params.id, request.body.clientId, 'body');
        return runMutation(request, reply, async ({ tx, audit }) => {
          const outcomes = [...(await commitPlans(tx, plans)).values()][0]!;
          const first = outcomes[0]!;
          if (first.status === 'rejected') {
            const reversed = first.issues.some((i) => i.code === 'client_id_reused');
            throw reversed
              ? invalidFields(first.issues)
              : new DomainError('list_rejected', 422, { issues: first.issues });
          }
          await audit({
            action: 'bonded.list_reversed',
            entityType: 'bonded_list',
            entityId: request.params.id,
            after: request.body,
          });
          return { statusCode: first.replayed ? 200 : 201, body: { results: outcomes } };
        });
      },
    );

    app.get(
      '/bonded/approvals',
      {
        config: { access: [...CUSTOMS_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'Stocktake adjustments waiting for a customs decision, oldest first',
          response: { 200: z.object({ items: z.array(listSchema) }) },
        },
      },
      async () => ({ items: (await pendingApprovals(db)).map(listView) }),
    );

    app.post(
      '/bonded/lists/:id/decision',
      {
        config: { access: [...CUSTOMS_ROLES] },
        schema: {
          tags: ['bonded'],
          summary: 'Approve (post) or refuse a stocktake adjustment',
          params: z.object({ id: z.uuid() }),
          body: z.strictObject({ decision: z.enum(['approve', 'refuse']) }),
          response: {
            200: z.object({ id: z.uuid(), number: z.string(), status: z.enum(['posted', 'refused']) }),
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, audit, principal }) => {
          const decided = await decideStocktake(
            tx,
            directory,
            principal.userId,
            request.params.id,
            request.body.decision,
          );
          await emitEvent(tx, {
            module: 'bonded',
            event: 'stocktake_decided',
            enterpriseId: decided.enterpriseId,
            payload: { listId: decided.id, number: decided.number, status: decided.status },
          });
          await audit({
            action: `bonded.stocktake_${request.body.decision}`,
            entityType: 'bonded_list',
            entityId: decided.id,
            after: request.body,
          });
          return { statusCode: 200, body: { id: decided.id, number: decided.number, status: decided.status } };
        }),
    );

    app.get(
      '/bonded/check',
      {
        config: { access: ['zone_admin', 'customs_officer'] },
        schema: {
          tags: ['bonded'],
          summary: 'Run the ledger checker over the whole database (as `npm run check:ledger` does)',
          response: {
            200: z.object({
              ok: z.boolean(),
              postings: z.number().int(),
              lists: z.number().int(),
              accounts: z.number().int(),
              elapsedMs: z.number().int(),
              checks: z.array(
                z.object({
                  name: z.string(),
                  ok: z.boolean(),
                  count: z.number().int(),
                  breaks: z.array(z.record(z.string(), z.unknown())),
                }),
              ),
            }),
          },
        },
      },
      async () => checkLedger(db),
    );
  };
}
