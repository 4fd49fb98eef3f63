import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../platform/db/client.js';
import { openTestDatabase } from '../../test/harness.js';
import { addItems, createBook } from './books.js';
import { checkLedger } from './checker.js';
import type { Transfer } from './ledger/engine.js';
import { ReferenceLedger } from './ledger/reference.js';
import { planReversal } from './movements.js';
import { commitPlans, DIRECT_KINDS, ItemDirectory, type ListInput, type Plan, planLists } from './posting.js';

/**
 * The database path against the slow in-memory reference: random sequences of lists — entries,
 * exits, destruction, processing-free kinds, resubmissions of earlier client ids, reversals —
 * posted in random batches; every outcome must match the reference's verdict, every balance its
 * balance, and the checker must pass. Printed seed: FC_SEED=<seed> to replay.
 */
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);
const ITEMS = [1, 2, 3, 4];
const KINDS = DIRECT_KINDS.filter((k) => k !== 'processing' && k !== 'stocktake');

let database: Database;
const directory = new ItemDirectory();

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Op =
  | { op: 'list'; kind: (typeof KINDS)[number]; lines: { itemNo: number; quantityMilli: number }[] }
  | { op: 'resend'; index: number }
  | { op: 'reverse'; index: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('list' as const),
      kind: fc.constantFrom(...KINDS),
      lines: fc.array(
        fc.record({ itemNo: fc.constantFrom(...ITEMS), quantityMilli: fc.integer({ min: 1, max: 4_000 }) }),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('resend' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), index: fc.nat() }) },
);

describe('the ledger on the database', () => {
  it(`matches the slow reference on random list sequences (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArbitrary, { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        async (ops, batchSize) => {
          const enterpriseId = randomUUID();
          const actor = { userId: randomUUID(), enterpriseId };
          const book = await database.db.transaction(async (tx) => {
            const created = await createBook(tx, {
              enterpriseId,
              siteCode: '4227',
              siteType: 'zone',
              batchReleaseApproved: false,
              createdBy: actor.userId,
            });
            await addItems(
              tx,
              created,
              ITEMS.map((itemNo) => ({
                itemNo,
                hsCode: '8507600090',
                name: `i${itemNo}`,
                unitPrice: '1',
                currency: 'USD',
              })),
            );
            return created;
          });
          const refs = await directory.resolve(
            database.db,
            ITEMS.map((itemNo) => ({ bookId: book.id, itemNo })),
          );
          const floored = new Set([...refs.values()].map((r) => String(r.accounts.item)));
          const reference = new ReferenceLedger(new Map(), floored);
          const sent: ListInput[] = [];
          /** clientId → what the reference posted for it (its transfers), once posted. */
          const postedTransfers = new Map<string, Transfer[]>();
          const listIds = new Map<string, string>();
          const reversed = new Set<string>();

          for (let start = 0; start < ops.length; start += batchSize) {
            const batch = ops.slice(start, start + batchSize);
            // Reversals go one at a time (their own endpoint); lists and resends in one batch.
            const inputs: ListInput[] = [];
            for (const op of batch) {
              if (op.op === 'list') {
                const input = { clientId: `c${sent.length}`, bookId: book.id, kind: op.kind, lines: op.lines };
                sent.push(input);
                inputs.push(input);
              } else if (op.op === 'resend' && sent.length > 0) {
                inputs.push(sent[op.index % sent.length]!);
              } else if (op.op === 'reverse' && postedTransfers.size > 0) {
                const clientIds = [...postedTransfers.keys()].filter(
                  (id) => !id.startsWith('rev-') && !reversed.has(id),
                );
                if (clientIds.length === 0) continue;
                const target = clientIds[op.index % clientIds.length]!;
                const plans = await planReversal(database.db, actor, listIds.get(target)!, `rev-${target}`, 'body');
                const outcome = await database.db.transaction(
                  async (tx) => [...(await commitPlans(tx, plans)).values()][0]![0]!,
                );
                const mirrored = postedTransfers
                  .get(target)!
                  .map((t) => ({ ...t, fromAccount: t.toAccount, toAccount: t.fromAccount }));
                const shortages = reference.post({ key: `rev-${target}`, transfers: mirrored });
                expect(outcome.status, `reversal of ${target}`).toBe(shortages.length === 0 ? 'posted' : 'rejected');
                if (shortages.length === 0) {
                  reversed.add(target);
                  postedTransfers.set(`rev-${target}`, mirrored);
                }
              }
            }
            if (inputs.length === 0) continue;
            const { plans, rejected } = await planLists(database.db, directory, actor, inputs, (i) => `lists.${i}`);
            expect([...rejected.keys()]).toEqual([]);
            const outcomes = await database.db.transaction((tx) => commitPlans(tx, plans));
            const refusedInBatch = new Set<string>();
            for (const plan of plans) {
              const outcome = outcomes.get(plan.group)![0]!;
              // A resend is answered from the first submission if that posted; within one batch a
              // repeat gets its first occurrence's answer; a list refused in an earlier batch left no
              // record, so it is judged afresh.
              if (postedTransfers.has(plan.clientId)) {
                expect(outcome).toMatchObject({ status: 'posted', replayed: true });
                continue;
              }
              if (refusedInBatch.has(plan.clientId)) {
                expect(outcome.status).toBe('rejected');
                continue;
              }
              const shortages = reference.post({ key: plan.clientId, transfers: plan.postings });
              expect(outcome.status, `${plan.clientId} (${plan.kind})`).toBe(
                shortages.length === 0 ? 'posted' : 'rejected',
              );
              if (outcome.status === 'posted') {
                postedTransfers.set(plan.clientId, plan.postings as Plan['postings']);
                listIds.set(plan.clientId, outcome.listId);
              } else {
                refusedInBatch.add(plan.clientId);
              }
            }
          }
          const stored = await queryRows<{ id: string; balance_milli: string }>(
            database.db,
            sql`SELECT id::text, balance_milli::text FROM bonded_accounts WHERE book_id = ${book.id}`,
          );
          for (const account of stored)
            expect(Number(account.balance_milli), account.id).toBe(reference.balance(account.id));
        },
      ),
      { seed: SEED, numRuns: 25 },
    );
    const report = await checkLedger(database.db, { reconcileDeclarations: false });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  }, 180_000);
});
