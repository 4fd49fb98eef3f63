/**
 * Posting verification lists: the one write path of the ledger. A batch of lists becomes, in one
 * transaction and a bounded number of statements whatever its size:
 *
 *   1. resolve item numbers to accounts (an in-process directory: items and their accounts never
 *      change once created, so only unseen items cost a query);
 *   2. lock every account the batch touches, in id order (two batches touching the same accounts
 *      queue instead of deadlocking; two server processes alike);
 *   3. re-read the client ids after the locks: a list with the same id committed meanwhile is
 *      answered as a replay, never posted twice;
 *   4. run the pure engine (ledger/engine.ts): each list (or transfer pair) is accepted whole or
 *      rejected whole against the balances the lists before it left;
 *   5. write the accepted lists, their postings and the balance changes with one `unnest` statement
 *      each, and one outbox event per list.
 *
 * Locks are taken before anything is written, and the engine's verdict is final inside the locks, so
 * the CHECK on item balances (never below zero) is a second line of defence, not the mechanism.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import { DomainError, type FieldIssue } from '../../platform/http/problem.js';
import { emitEvents, type NewEvent } from '../events/index.js';
import { consolidationFor } from './consolidations.js';
import { type AccountState, applyLists, type ListPlan, type Transfer } from './ledger/engine.js';
import { materialConsumptionMilli } from './ledger/norms.js';
import type { AccountKind, ListKind } from './schema.js';

/** Lists one request may post, and lines over all of them (a line of processing may post several). */
export const BATCH_LISTS_MAX = 1_000;
export const BATCH_LINES_MAX = 10_000;

export const DIRECT_KINDS = [
  'first_line_entry',
  'first_line_exit',
  'second_line_entry',
  'second_line_exit',
  'processing',
  'stocktake',
  'destruction',
] as const satisfies readonly ListKind[];
export type DirectKind = (typeof DIRECT_KINDS)[number];

/** Where each kind of list moves quantity: from which account of the line's item to which. */
const FLOWS: Record<Exclude<DirectKind, 'processing' | 'stocktake'>, [AccountKind, AccountKind]> = {
  first_line_entry: ['abroad', 'item'],
  first_line_exit: ['item', 'abroad'],
  second_line_entry: ['domestic', 'item'],
  second_line_exit: ['item', 'domestic'],
  destruction: ['item', 'scrapped'],
};

export interface LineInput {
  itemNo: number;
  /** Thousandths of the item's legal unit; signed only on a stocktake (surplus +, shortfall −). */
  quantityMilli: number;
}

export interface ListInput {
  clientId: string;
  bookId: string;
  kind: DirectKind;
  lines: LineInput[];
  note?: string | null;
  /** A second-line exit released in a batch, to be declared with the month's consolidated declaration. */
  batchRelease?: boolean;
}

export interface TransferInput {
  clientId: string;
  fromBookId: string;
  /** The receiving book by its public number: it may belong to another enterprise. */
  toBookNumber: string;
  lines: { fromItemNo: number; quantityMilli: number }[];
  note?: string | null;
}

export type ListOutcome =
  | {
      clientId: string;
      status: 'posted' | 'pending_approval';
      listId: string;
      number: string;
      /** true when an earlier submission with this client id is being answered. */
      replayed: boolean;
      pairListId?: string | null;
      /** The import declaration a direct second-line exit filed (set by the route, not the ledger). */
      declaration?: { id: string; number: string | null; status: string; channel?: string | null; taxFen?: number };
    }
  | { clientId: string; status: 'rejected'; issues: FieldIssue[] };

export interface Actor {
  userId: string;
  enterpriseId: string;
}

// ───────────────────────────── item directory ─────────────────────────────

export interface ItemRef {
  itemId: string;
  bookId: string;
  itemNo: number;
  unit: string;
  hsCode: string;
  accounts: Record<AccountKind, number>;
}

export interface BookRef {
  id: string;
  enterpriseId: string;
  siteType: 'zone' | 'logistics_centre' | 'processing';
  batchReleaseApproved: boolean;
}

/** Items known to this process; bounded, and cleared whole when full (a miss costs one query). */
const DIRECTORY_ITEMS_MAX = 200_000;

/**
 * Item numbers → accounts. An item's accounts are created with it and never change, so the mapping
 * is cached; books are re-read per batch because their batch-release approval can change.
 */
export class ItemDirectory {
  private readonly items = new Map<string, ItemRef>();

  async books(db: Queryable, ids: readonly string[]): Promise<Map<string, BookRef>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; enterprise_id: string; site_type: BookRef['siteType']; batch: boolean }>(
      db,
      sql`SELECT id, enterprise_id, site_type, batch_release_approved AS batch FROM bonded_books
          WHERE id = ANY(${sql.param([...new Set(ids)])}::uuid[])`,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, enterpriseId: r.enterprise_id, siteType: r.site_type, batchReleaseApproved: r.batch },
      ]),
    );
  }

  /** Resolves (book, item number) pairs; unknown ones are simply absent from the answer. */
  async resolve(db: Queryable, wanted: readonly { bookId: string; itemNo: number }[]): Promise<Map<string, ItemRef>> {
    const missing = new Map<string, { bookId: string; itemNo: number }>();
    for (const w of wanted) {
      const key = itemKey(w.bookId, w.itemNo);
      if (!this.items.has(key)) missing.set(key, w);
    }
    if (missing.size > 0) {
      const pairs = [...missing.values()];
      const rows = await queryRows<{
        item_id: string;
        book_id: string;
        item_no: number;
        unit: string;
        hs_code: string;
        accounts: Record<AccountKind, number | string>;
      }>(
        db,
        sql`SELECT i.id AS item_id, i.book_id, i.item_no, i.unit, i.hs_code, json_object_agg(a.kind, a.id) AS accounts
            FROM unnest(${sql.param(pairs.map((p) => p.bookId))}::uuid[], ${sql.param(pairs.map((p) => p.itemNo))}::int[]) AS w(book_id, item_no)
            JOIN bonded_items i ON i.book_id = w.book_id AND i.item_no = w.item_no
            JOIN bonded_accounts a ON a.item_id = i.id
            GROUP BY i.id`,
      );
      if (this.items.size + rows.length > DIRECTORY_ITEMS_MAX) this.items.clear();
      for (const row of rows) {
        const accounts = Object.fromEntries(Object.entries(row.accounts).map(([k, v]) => [k, Number(v)])) as Record<
          AccountKind,
          number
        >;
        this.items.set(itemKey(row.book_id, row.item_no), {
          itemId: row.item_id,
          bookId: row.book_id,
          itemNo: row.item_no,
          unit: row.unit,
          hsCode: row.hs_code,
          accounts,
        });
      }
    }
    const found = new Map<string, ItemRef>();
    for (const w of wanted) {
      const ref = this.items.get(itemKey(w.bookId, w.itemNo));
      if (ref) found.set(itemKey(w.bookId, w.itemNo), ref);
    }
    return found;
  }
}

const itemKey = (bookId: string, itemNo: number) => `${bookId}:${itemNo}`;

// ───────────────────────────── plans ─────────────────────────────

/** One list row to write, with its postings; lists of one `group` are accepted or rejected together. */
export interface Plan {
  id: string;
  group: string;
  clientId: string;
  enterpriseId: string;
  bookId: string;
  kind: ListKind;
  status: 'posted' | 'pending_approval';
  requestHash: string;
  postings: (Transfer & { itemId: string; itemNo: number })[];
  /** For messages: the input line each posting came from. */
  lineOf: number[];
  /** Field prefix of the list in the request, e.g. `body.lists.3`. */
  field: string;
  /** Lines kept for a later decision: a stocktake's (LineInput), a transfer-in's (IncomingLine). */
  pendingLines: readonly object[] | null;
  /** Lines of a list that posts later (its postings are not known yet); else the postings count. */
  lineCount?: number;
  reversesListId: string | null;
  pairListId: string | null;
  note: string | null;
  createdBy: string;
  /** Joins the consolidated declaration of the posting month (分批出区、集中申报). */
  batchRelease: boolean;
  consolidationId: string | null;
}

export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const posting = (ref: ItemRef, from: AccountKind, to: AccountKind, quantityMilli: number) => ({
  itemId: ref.itemId,
  itemNo: ref.itemNo,
  fromAccount: String(ref.accounts[from]),
  toAccount: String(ref.accounts[to]),
  quantityMilli,
});

interface NormRow {
  product_item_id: string;
  material_item_id: string;
  material_item_no: number;
  net_consumption: string;
  loss_rate: string;
}

/**
 * Turns validated list inputs into plans, or into rejections naming the bad fields. Reads books,
 * items and (for processing) norms; writes nothing.
 */
export async function planLists(
  db: Queryable,
  directory: ItemDirectory,
  actor: Actor,
  inputs: readonly ListInput[],
  fieldPrefix: (index: number) => string,
): Promise<{ plans: Plan[]; rejected: Map<number, FieldIssue[]> }> {
  const books = await directory.books(
    db,
    inputs.map((i) => i.bookId),
  );
  const refs = await directory.resolve(
    db,
    inputs.flatMap((input) => input.lines.map((line) => ({ bookId: input.bookId, itemNo: line.itemNo }))),
  );
  const processingProducts = inputs
    .filter((input) => input.kind === 'processing')
    .flatMap((input) => input.lines.map((line) => refs.get(itemKey(input.bookId, line.itemNo))?.itemId))
    .filter((id): id is string => id !== undefined);
  const normsByProduct = new Map<string, NormRow[]>();
  if (processingProducts.length > 0) {
    const rows = await queryRows<NormRow>(
      db,
      sql`SELECT n.product_item_id, n.material_item_id, m.item_no AS material_item_no,
                 n.net_consumption::text AS net_consumption, n.loss_rate::text AS loss_rate
          FROM bonded_norms n JOIN bonded_items m ON m.id = n.material_item_id
          WHERE n.product_item_id = ANY(${sql.param([...new Set(processingProducts)])}::uuid[])
          ORDER BY m.item_no`,
    );
    for (const row of rows)
      normsByProduct.set(row.product_item_id, [...(normsByProduct.get(row.product_item_id) ?? []), row]);
    const materials = await directory.resolve(
      db,
      rows.map((r) => ({ bookId: inputs.find((i) => i.kind === 'processing')!.bookId, itemNo: r.material_item_no })),
    );
    for (const [key, ref] of materials) refs.set(key, ref);
  }

  const plans: Plan[] = [];
  const rejected = new Map<number, FieldIssue[]>();
  inputs.forEach((input, index) => {
    const field = fieldPrefix(index);
    const issues: FieldIssue[] = [];
    const book = books.get(input.bookId);
    if (!book || book.enterpriseId !== actor.enterpriseId) {
      rejected.set(index, [{ field: `${field}.bookId`, code: 'unknown_book' }]);
      return;
    }
    if (input.kind === 'processing' && book.siteType !== 'processing') {
      issues.push({ field: `${field}.kind`, code: 'not_processing_book' });
    }
    if (input.batchRelease && input.kind !== 'second_line_exit') {
      issues.push({ field: `${field}.batchRelease`, code: 'invalid_value' });
    } else if (input.batchRelease && !book.batchReleaseApproved) {
      issues.push({ field: `${field}.batchRelease`, code: 'not_approved_for_batch_release' });
    }
    const postings: Plan['postings'] = [];
    const lineOf: number[] = [];
    input.lines.forEach((line, lineIndex) => {
      const lineField = `${field}.lines.${lineIndex}`;
      const ref = refs.get(itemKey(input.bookId, line.itemNo));
      if (!ref) {
        issues.push({ field: `${lineField}.itemNo`, code: 'unknown_item' });
        return;
      }
      const q = line.quantityMilli;
      if (input.kind === 'stocktake') {
        postings.push(q > 0 ? posting(ref, 'adjustment', 'item', q) : posting(ref, 'item', 'adjustment', -q));
        lineOf.push(lineIndex);
      } else if (input.kind === 'processing') {
        const norms = normsByProduct.get(ref.itemId) ?? [];
        if (norms.length === 0) {
          issues.push({ field: `${lineField}.itemNo`, code: 'no_norm' });
          return;
        }
        for (const norm of norms) {
          const material = refs.get(itemKey(input.bookId, norm.material_item_no))!;
          const consumed = materialConsumptionMilli(q, {
            netConsumption: norm.net_consumption,
            lossRate: norm.loss_rate,
          });
          postings.push(posting(material, 'item', 'consumed', consumed));
          lineOf.push(lineIndex);
        }
        postings.push(posting(ref, 'produced', 'item', q));
        lineOf.push(lineIndex);
      } else {
        const [from, to] = FLOWS[input.kind];
        postings.push(posting(ref, from, to, q));
        lineOf.push(lineIndex);
      }
    });
    if (issues.length > 0) {
      rejected.set(index, issues);
      return;
    }
    plans.push({
      id: randomUUID(),
      group: `list:${index}`,
      clientId: input.clientId,
      enterpriseId: actor.enterpriseId,
      bookId: input.bookId,
      kind: input.kind,
      // A stocktake changes the books only when customs approves it.
      status: input.kind === 'stocktake' ? 'pending_approval' : 'posted',
      requestHash: requestHash({
        kind: input.kind,
        bookId: input.bookId,
        lines: input.lines,
        note: input.note ?? null,
      }),
      postings,
      lineOf,
      field,
      pendingLines: input.kind === 'stocktake' ? input.lines : null,
      reversesListId: null,
      pairListId: null,
      note: input.note ?? null,
      createdBy: actor.userId,
      batchRelease: input.batchRelease === true,
      consolidationId: null,
    });
  });
  return { plans, rejected };
}

// ───────────────────────────── commit ─────────────────────────────

interface ExistingList {
  id: string;
  number: string;
  client_id: string;
  request_hash: string;
  status: 'posted' | 'pending_approval' | 'refused';
  pair_list_id: string | null;
}

/**
 * Serialises writers per book, then reads the balances of the accounts among `ids`. The lock is a
 * transaction-scoped advisory lock on each book the batch touches, taken in book-id order (the only
 * lock order in the ledger), so batches on the same books queue and never deadlock, two server
 * processes alike. Every posting moves between accounts of its list's book, so the book lock covers
 * every balance the batch changes; the balances can then be read without row locks (a row lock is a
 * tuple write per account, the largest cost of a batch over many items). The CHECK on item balances
 * stays as the last line of defence.
 */
export async function lockAccounts(
  tx: Queryable,
  bookIds: Iterable<string>,
  ids: Iterable<string>,
): Promise<Map<string, AccountState>> {
  for (const bookId of [...new Set(bookIds)].sort()) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`bonded-book:${bookId}`}, 0))`);
  }
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // After the locks: this statement's snapshot sees every batch committed before us.
  const rows = await queryRows<{ id: string | number; balance_milli: string | number; floored: boolean }>(
    tx,
    sql`SELECT id, balance_milli, floored FROM bonded_accounts WHERE id = ANY(${sql.param(unique.map(Number))}::bigint[])`,
  );
  return new Map(rows.map((r) => [String(r.id), { balanceMilli: Number(r.balance_milli), floored: r.floored }]));
}

/** An engine shortage as the field problem of the first line that takes from the account. */
function shortageIssues(
  plans: readonly Plan[],
  shortages: { account: string; balanceMilli: number; netOutMilli: number }[],
) {
  const issues: FieldIssue[] = [];
  for (const shortage of shortages) {
    for (const plan of plans) {
      const at = plan.postings.findIndex((p) => p.fromAccount === shortage.account);
      if (at < 0) continue;
      const line = plan.postings[at]!;
      issues.push({
        field: `${plan.field}.lines.${plan.lineOf[at]}.quantity`,
        code: 'insufficient_balance',
        params: {
          itemNo: line.itemNo,
          balance: formatMilli(shortage.balanceMilli),
          required: formatMilli(shortage.netOutMilli),
        },
      });
      break;
    }
  }
  return issues;
}

export function formatMilli(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const whole = Math.trunc(abs / 1000);
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Writes the plans that the engine accepts, inside the caller's transaction; returns one outcome per
 * list, by plan group, in input order. A group is replayed when every list of it was already written
 * with the same content (earlier, or earlier in this batch), and refused when a client id was used
 * for other content.
 */
export async function commitPlans(
  tx: Tx,
  plans: readonly Plan[],
  now: Date = new Date(),
): Promise<Map<string, ListOutcome[]>> {
  const outcomes = new Map<string, ListOutcome[]>();
  if (plans.length === 0) return outcomes;
  const accountStates = await lockAccounts(
    tx,
    plans.map((p) => p.bookId),
    plans.flatMap((p) => (p.status === 'posted' ? p.postings.flatMap((t) => [t.fromAccount, t.toAccount]) : [])),
  );
  const existing = await existingLists(tx, plans);

  const groups = new Map<string, Plan[]>();
  for (const plan of plans) groups.set(plan.group, [...(groups.get(plan.group) ?? []), plan]);
  const toApply: ListPlan[] = [];
  /** client key → the plan of this batch that will answer it. */
  const firstInBatch = new Map<string, Plan>();
  /** groups that repeat an earlier group of this batch → that group. */
  const repeats = new Map<string, string>();
  for (const [group, members] of groups) {
    const keys = members.map(clientKey);
    const reused = members.find((p, i) => {
      const other = existing.get(keys[i]!)?.request_hash ?? firstInBatch.get(keys[i]!)?.requestHash;
      return other !== undefined && other !== p.requestHash;
    });
    if (reused) {
      outcomes.set(group, [
        {
          clientId: reused.clientId,
          status: 'rejected',
          issues: [{ field: `${reused.field}.clientId`, code: 'client_id_reused' }],
        },
      ]);
      continue;
    }
    if (keys.every((key) => existing.has(key))) {
      outcomes.set(
        group,
        keys.map((key, i) => replayOf(members[i]!, existing.get(key)!)),
      );
      continue;
    }
    if (keys.every((key) => firstInBatch.has(key))) {
      repeats.set(group, firstInBatch.get(keys[0]!)!.group);
      continue;
    }
    for (const [i, key] of keys.entries()) firstInBatch.set(key, members[i]!);
    const transfers = members.filter((p) => p.status === 'posted').flatMap((p) => p.postings);
    if (transfers.length > 0) toApply.push({ key: group, transfers });
  }

  const result = applyLists(accountStates, toApply);
  for (const outcome of result.outcomes) {
    if (outcome.accepted) continue;
    const members = groups.get(outcome.key)!;
    outcomes.set(outcome.key, [
      { clientId: members[0]!.clientId, status: 'rejected', issues: shortageIssues(members, outcome.shortages) },
    ]);
  }
  // What is left to write: accepted groups, and stocktakes waiting for approval.
  const written = [...groups.entries()]
    .filter(([group]) => !outcomes.has(group) && !repeats.has(group))
    .flatMap(([, members]) => members);
  for (const plan of written) {
    if (plan.batchRelease) plan.consolidationId = await consolidationFor(tx, plan.enterpriseId, plan.bookId, now);
  }
  const numbers = await writeLists(tx, written);
  for (const plan of written) {
    const sameGroup = outcomes.get(plan.group) ?? [];
    sameGroup.push({
      clientId: plan.clientId,
      status: plan.status,
      listId: plan.id,
      number: numbers.get(plan.id)!,
      replayed: false,
      pairListId: plan.pairListId,
    });
    outcomes.set(plan.group, sameGroup);
  }
  for (const [group, original] of repeats) {
    outcomes.set(
      group,
      outcomes.get(original)!.map((o) => (o.status === 'rejected' ? o : { ...o, replayed: true })),
    );
  }
  await writePostings(
    tx,
    written.filter((p) => p.status === 'posted'),
    numbers,
  );
  await applyDeltas(tx, result.deltas);
  return outcomes;
}

const clientKey = (plan: Plan) => `${plan.enterpriseId}:${plan.clientId}`;

function replayOf(plan: Plan, previous: ExistingList): ListOutcome {
  if (previous.status === 'refused') {
    return {
      clientId: plan.clientId,
      status: 'rejected',
      issues: [{ field: `${plan.field}.clientId`, code: 'list_refused' }],
    };
  }
  return {
    clientId: plan.clientId,
    status: previous.status,
    listId: previous.id,
    number: previous.number,
    replayed: true,
    pairListId: previous.pair_list_id,
  };
}

async function existingLists(tx: Queryable, plans: readonly Plan[]): Promise<Map<string, ExistingList>> {
  const existing = new Map<string, ExistingList>();
  const byEnterprise = new Map<string, string[]>();
  for (const plan of plans)
    byEnterprise.set(plan.enterpriseId, [...(byEnterprise.get(plan.enterpriseId) ?? []), plan.clientId]);
  for (const [enterpriseId, clientIds] of byEnterprise) {
    const rows = await queryRows<ExistingList>(
      tx,
      sql`SELECT id, number, client_id, request_hash, status, pair_list_id FROM bonded_lists
          WHERE enterprise_id = ${enterpriseId} AND client_id = ANY(${sql.param(clientIds)}::text[])`,
    );
    for (const row of rows) existing.set(`${enterpriseId}:${row.client_id}`, row);
  }
  return existing;
}

/** Inserts list rows (one statement); returns id → number. */
async function writeLists(tx: Tx, plans: readonly Plan[]): Promise<Map<string, string>> {
  if (plans.length === 0) return new Map();
  const col = <T>(pick: (p: Plan) => T) => sql.param(plans.map(pick));
  const rows = await queryRows<{ id: string; number: string }>(
    tx,
    sql`INSERT INTO bonded_lists (id, number, enterprise_id, book_id, client_id, kind, status, request_hash, line_count,
                                  pending_lines, reverses_list_id, pair_list_id, note, created_by, consolidation_id, posted_at)
        SELECT u.id, 'HZ' || to_char(now(), 'YYYY') || lpad(nextval('bonded_list_number_seq')::text, 10, '0'),
               u.enterprise_id, u.book_id, u.client_id, u.kind, u.status, u.request_hash, u.line_count,
               u.pending_lines::jsonb, u.reverses_list_id, u.pair_list_id, u.note, u.created_by, u.consolidation_id,
               CASE WHEN u.status = 'posted' THEN now() END
        FROM unnest(${col((p) => p.id)}::uuid[], ${col((p) => p.enterpriseId)}::uuid[], ${col((p) => p.bookId)}::uuid[],
                    ${col((p) => p.clientId)}::text[], ${col((p) => p.kind)}::text[], ${col((p) => p.status)}::text[],
                    ${col((p) => p.requestHash)}::text[], ${col((p) => p.lineCount ?? p.postings.length)}::int[],
                    ${col((p) => (p.pendingLines ? JSON.stringify(p.pendingLines) : null))}::text[],
                    ${col((p) => p.reversesListId)}::uuid[], ${col((p) => p.pairListId)}::uuid[], ${col((p) => p.note)}::text[],
                    ${col((p) => p.createdBy)}::uuid[], ${col((p) => p.consolidationId)}::uuid[])
             AS u(id, enterprise_id, book_id, client_id, kind, status, request_hash, line_count, pending_lines,
                  reverses_list_id, pair_list_id, note, created_by, consolidation_id)
        ON CONFLICT (enterprise_id, client_id) DO NOTHING
        RETURNING id, number`,
  );
  if (rows.length !== plans.length) {
    // A concurrent request with another content took one of these client ids between our check and
    // our insert (only possible when the two touch different accounts). Roll back; a retry answers it.
    throw new DomainError('conflict', 409);
  }
  return new Map(rows.map((r) => [r.id, r.number]));
}

export async function writePostings(
  tx: Tx,
  plans: readonly Plan[],
  numbers: ReadonlyMap<string, string>,
): Promise<void> {
  const rows = plans.flatMap((plan) => plan.postings.map((p, i) => ({ listId: plan.id, lineNo: i + 1, ...p })));
  if (rows.length === 0) return;
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
  await tx.execute(
    sql`INSERT INTO bonded_postings (list_id, line_no, item_id, from_account, to_account, quantity_milli)
        SELECT * FROM unnest(${col((r) => r.listId)}::uuid[], ${col((r) => r.lineNo)}::int[], ${col((r) => r.itemId)}::uuid[],
                             ${col((r) => r.fromAccount)}::bigint[], ${col((r) => r.toAccount)}::bigint[],
                             ${col((r) => r.quantityMilli)}::bigint[])`,
  );
  const events: NewEvent[] = plans.map((plan) => ({
    module: 'bonded',
    event: 'list_posted',
    enterpriseId: plan.enterpriseId,
    payload: {
      listId: plan.id,
      number: numbers.get(plan.id) ?? null,
      clientId: plan.clientId,
      bookId: plan.bookId,
      kind: plan.kind,
      reversesListId: plan.reversesListId,
      pairListId: plan.pairListId,
      consolidationId: plan.consolidationId,
      lines: plan.postings.map((p) => ({ itemNo: p.itemNo, quantityMilli: p.quantityMilli })),
    },
  }));
  await emitEvents(tx, events);
}

export async function applyDeltas(tx: Tx, deltas: ReadonlyMap<string, number>): Promise<void> {
  if (deltas.size === 0) return;
  const ids = [...deltas.keys()];
  const [updated] = await queryRows<{ n: number }>(
    tx,
    sql`WITH changed AS (
          UPDATE bonded_accounts a SET balance_milli = a.balance_milli + d.delta
          FROM unnest(${sql.param(ids)}::bigint[], ${sql.param(ids.map((id) => deltas.get(id)!))}::bigint[]) AS d(id, delta)
          WHERE a.id = d.id
          RETURNING 1)
        SELECT count(*)::int AS n FROM changed`,
  );
  // Every delta lands on an existing account, or the whole batch rolls back: a posting must never
  // move quantity to or from an account that is not there (a stale directory entry would).
  if (updated?.n !== deltas.size) throw new Error(`balance update reached ${updated?.n} of ${deltas.size} accounts`);
}
