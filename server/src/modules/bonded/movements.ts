/**
 * The lists that are not filed one by one: inter-book transfers (a transfer-out that posts at once
 * and a transfer-in its receiver accepts or refuses), reversals (a list that mirrors a posted one,
 * its posted pair included), and stocktake adjustments, which post only when a customs officer
 * approves.
 * All of them end in the same commit path as every other list (posting.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import { DomainError, type FieldIssue, invalidFields, notFound } from '../../platform/http/problem.js';
import { applyLists } from './ledger/engine.js';
import {
  type Actor,
  applyDeltas,
  commitPlans,
  formatMilli,
  type ItemDirectory,
  type LineInput,
  lockAccounts,
  type Plan,
  requestHash,
  type TransferInput,
  writePostings,
} from './posting.js';

/** What a pending transfer-in list holds until its receiver maps it onto its own items. */
export interface IncomingLine {
  /** The sender's item number (for reference) and what the goods are. */
  itemNo: number;
  hsCode: string;
  unit: string;
  quantityMilli: number;
}

/**
 * Plans a transfer to another book (区间流转) as one group of two lists. The sender's transfer-out
 * posts now: the goods leave its book for its transfer counter-account, in transit. The receiver's
 * transfer-in waits for the receiving enterprise, which maps each line onto its own items and accepts
 * (the goods enter its book) or refuses (the transfer-out is reversed and the goods return). The sender
 * never names, and never learns, the receiver's items. Throws 422 naming bad fields.
 */
export async function planTransfer(
  db: Queryable,
  directory: ItemDirectory,
  actor: Actor,
  input: TransferInput,
  field: string,
): Promise<Plan[]> {
  const [target] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM bonded_books WHERE number = ${input.toBookNumber}`,
  );
  const books = await directory.books(db, [input.fromBookId, ...(target ? [target.id] : [])]);
  const from = books.get(input.fromBookId);
  const to = target ? books.get(target.id) : undefined;
  const issues: FieldIssue[] = [];
  if (!from || from.enterpriseId !== actor.enterpriseId)
    issues.push({ field: `${field}.fromBookId`, code: 'unknown_book' });
  // Every book belongs to a bonded site, so "not in a bonded site" is "no such book".
  if (!to) issues.push({ field: `${field}.toBookNumber`, code: 'unknown_book' });
  else if (to.id === input.fromBookId) issues.push({ field: `${field}.toBookNumber`, code: 'same_book' });
  if (issues.length > 0 || !from || !to) throw invalidFields(issues);
  const refs = await directory.resolve(
    db,
    input.lines.map((l) => ({ bookId: from.id, itemNo: l.fromItemNo })),
  );
  const outId = randomUUID();
  const inId = randomUUID();
  const outPostings: Plan['postings'] = [];
  const incoming: IncomingLine[] = [];
  input.lines.forEach((line, index) => {
    const sender = refs.get(`${from.id}:${line.fromItemNo}`);
    if (!sender) {
      issues.push({ field: `${field}.lines.${index}.fromItemNo`, code: 'unknown_item' });
      return;
    }
    outPostings.push({
      itemId: sender.itemId,
      itemNo: sender.itemNo,
      fromAccount: String(sender.accounts.item),
      toAccount: String(sender.accounts.transfer),
      quantityMilli: line.quantityMilli,
    });
    incoming.push({
      itemNo: sender.itemNo,
      hsCode: sender.hsCode,
      unit: sender.unit,
      quantityMilli: line.quantityMilli,
    });
  });
  if (issues.length > 0) throw invalidFields(issues);
  const hash = requestHash({
    kind: 'transfer',
    fromBookId: from.id,
    toBookId: to.id,
    lines: input.lines,
    note: input.note ?? null,
  });
  const base = {
    group: `transfer:${input.clientId}`,
    reversesListId: null,
    note: input.note ?? null,
    createdBy: actor.userId,
    batchRelease: false,
    consolidationId: null,
    requestHash: hash,
    field,
  };
  const lineOf = input.lines.map((_, i) => i);
  return [
    {
      ...base,
      id: outId,
      clientId: input.clientId,
      enterpriseId: actor.enterpriseId,
      bookId: from.id,
      kind: 'transfer_out',
      status: 'posted',
      postings: outPostings,
      lineOf,
      pendingLines: null,
      pairListId: inId,
    },
    // The receiving enterprise's list, keyed by the sender and its id so a replay finds it too.
    {
      ...base,
      id: inId,
      clientId: `transfer-in:${actor.enterpriseId}:${input.clientId}`,
      enterpriseId: to.enterpriseId,
      bookId: to.id,
      kind: 'transfer_in',
      status: 'pending_approval',
      postings: [],
      lineCount: incoming.length,
      lineOf: [],
      pendingLines: incoming,
      pairListId: outId,
    },
  ];
}

interface StoredList {
  id: string;
  number: string;
  enterprise_id: string;
  book_id: string;
  kind: string;
  status: string;
  pair_list_id: string | null;
  reverses_list_id: string | null;
}

/**
 * Plans the reversal of a posted list (and of its pair, for a transfer): each posting mirrored, so
 * the books return to where they were, provided the goods are still there (else the engine refuses).
 */
export async function planReversal(
  db: Queryable,
  actor: Actor,
  listId: string,
  clientId: string,
  field: string,
): Promise<Plan[]> {
  const [original] = await queryRows<StoredList>(
    db,
    sql`SELECT id, number, enterprise_id, book_id, kind, status, pair_list_id, reverses_list_id FROM bonded_lists WHERE id = ${listId}`,
  );
  if (!original || original.enterprise_id !== actor.enterpriseId) throw notFound('list');
  if (original.status !== 'posted' || original.kind === 'reversal')
    throw invalidFields([{ field: 'params.id', code: 'not_reversible' }]);
  // Goods already declared to customs are corrected by amending the declaration, not the book alone:
  // reversing would leave an import declaration (and its taxes) for goods the book says never left.
  const [declared] = await queryRows<{ declared: boolean }>(
    db,
    sql`SELECT (l.declaration_id IS NOT NULL OR c.status = 'filed') AS declared
        FROM bonded_lists l LEFT JOIN bonded_consolidations c ON c.id = l.consolidation_id WHERE l.id = ${listId}`,
  );
  if (declared?.declared) throw invalidFields([{ field: 'params.id', code: 'list_declared' }]);
  const [already] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM bonded_lists WHERE reverses_list_id = ${listId}`,
  );
  if (already) {
    // The same request again answers the reversal it made; another client id is told it is done.
    const [mine] = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM bonded_lists WHERE id = ${already.id} AND client_id = ${clientId} AND enterprise_id = ${actor.enterpriseId}`,
    );
    if (!mine) throw invalidFields([{ field: 'params.id', code: 'already_reversed' }]);
  }
  const members = [original];
  if (original.pair_list_id) {
    const [pair] = await queryRows<StoredList>(
      db,
      sql`SELECT id, number, enterprise_id, book_id, kind, status, pair_list_id, reverses_list_id FROM bonded_lists WHERE id = ${original.pair_list_id}`,
    );
    // A transfer-in still waiting, or refused, moved nothing: only the transfer-out is undone.
    if (pair?.status === 'posted') members.push(pair);
  }
  const postings = await queryRows<{
    list_id: string;
    line_no: number;
    item_id: string;
    item_no: number;
    from_account: string;
    to_account: string;
    quantity_milli: string;
  }>(
    db,
    sql`SELECT p.list_id, p.line_no, p.item_id, i.item_no, p.from_account::text, p.to_account::text, p.quantity_milli::text
        FROM bonded_postings p JOIN bonded_items i ON i.id = p.item_id
        WHERE p.list_id = ANY(${sql.param(members.map((m) => m.id))}::uuid[]) ORDER BY p.list_id, p.line_no`,
  );
  const ids = new Map(members.map((m) => [m.id, randomUUID()]));
  return members.map((member, index) => {
    const mirrored = postings
      .filter((p) => p.list_id === member.id)
      .map((p) => ({
        itemId: p.item_id,
        itemNo: p.item_no,
        fromAccount: p.to_account,
        toAccount: p.from_account,
        quantityMilli: Number(p.quantity_milli),
      }));
    return {
      id: ids.get(member.id)!,
      group: `reversal:${original.id}`,
      clientId: index === 0 ? clientId : `reversal-of:${member.id}`,
      enterpriseId: member.enterprise_id,
      bookId: member.book_id,
      kind: 'reversal' as const,
      status: 'posted' as const,
      requestHash: requestHash({ kind: 'reversal', listId: member.id }),
      postings: mirrored,
      lineOf: mirrored.map((_, i) => i),
      field,
      pendingLines: null,
      reversesListId: member.id,
      pairListId: members.length > 1 ? ids.get(members[1 - index]!.id)! : null,
      note: `reversal of ${member.number}`,
      createdBy: actor.userId,
      batchRelease: false,
      consolidationId: null,
    };
  });
}

/**
 * Customs decides a stocktake adjustment. Approval posts it (if the shortfall is still there to take);
 * refusal closes it. Either way the list row is locked first, so two officers cannot both decide.
 */
export async function decideStocktake(
  tx: Tx,
  directory: ItemDirectory,
  officerUserId: string,
  listId: string,
  decision: 'approve' | 'refuse',
): Promise<{ id: string; number: string; status: 'posted' | 'refused'; enterpriseId: string }> {
  const [list] = await queryRows<StoredList & { pending_lines: LineInput[] | null; client_id: string }>(
    tx,
    sql`SELECT id, number, enterprise_id, book_id, kind, status, pair_list_id, reverses_list_id, pending_lines, client_id
        FROM bonded_lists WHERE id = ${listId} FOR UPDATE`,
  );
  // Customs decides stocktakes only; a transfer-in is its receiver's to decide (decideTransfer).
  if (list?.kind !== 'stocktake') throw notFound('list');
  if (list.status !== 'pending_approval') throw new DomainError('list_state', 409);
  if (decision === 'refuse') {
    await tx.execute(
      sql`UPDATE bonded_lists SET status = 'refused', decided_by = ${officerUserId} WHERE id = ${listId}`,
    );
    return { id: list.id, number: list.number, status: 'refused', enterpriseId: list.enterprise_id };
  }
  const lines = list.pending_lines ?? [];
  const refs = await directory.resolve(
    tx,
    lines.map((l) => ({ bookId: list.book_id, itemNo: l.itemNo })),
  );
  const postings: Plan['postings'] = lines.map((line) => {
    const ref = refs.get(`${list.book_id}:${line.itemNo}`)!;
    const q = line.quantityMilli;
    return q > 0
      ? {
          itemId: ref.itemId,
          itemNo: ref.itemNo,
          fromAccount: String(ref.accounts.adjustment),
          toAccount: String(ref.accounts.item),
          quantityMilli: q,
        }
      : {
          itemId: ref.itemId,
          itemNo: ref.itemNo,
          fromAccount: String(ref.accounts.item),
          toAccount: String(ref.accounts.adjustment),
          quantityMilli: -q,
        };
  });
  const states = await lockAccounts(
    tx,
    [list.book_id],
    postings.flatMap((p) => [p.fromAccount, p.toAccount]),
  );
  const result = applyLists(states, [{ key: list.id, transfers: postings }]);
  const outcome = result.outcomes[0]!;
  if (!outcome.accepted) {
    throw new DomainError('list_rejected', 422, {
      issues: outcome.shortages.map((s) => {
        const at = postings.findIndex((p) => p.fromAccount === s.account);
        return {
          field: `lines.${at}.quantity`,
          code: 'insufficient_balance',
          params: {
            itemNo: postings[at]!.itemNo,
            balance: formatMilli(s.balanceMilli),
            required: formatMilli(s.netOutMilli),
          },
        };
      }),
    });
  }
  const plan: Plan = {
    id: list.id,
    group: list.id,
    clientId: list.client_id,
    enterpriseId: list.enterprise_id,
    bookId: list.book_id,
    kind: 'stocktake',
    status: 'posted',
    requestHash: '',
    postings,
    lineOf: postings.map((_, i) => i),
    field: 'body',
    pendingLines: null,
    reversesListId: null,
    pairListId: null,
    note: null,
    createdBy: officerUserId,
    batchRelease: false,
    consolidationId: null,
  };
  await writePostings(tx, [plan], new Map([[list.id, list.number]]));
  await applyDeltas(tx, result.deltas);
  await tx.execute(
    sql`UPDATE bonded_lists SET status = 'posted', posted_at = now(), pending_lines = NULL, decided_by = ${officerUserId}
        WHERE id = ${listId}`,
  );
  return { id: list.id, number: list.number, status: 'posted', enterpriseId: list.enterprise_id };
}

/**
 * The receiving enterprise decides a transfer-in. Accepting maps each line onto one of its own items
 * (same commodity line and unit) and posts it: the goods enter its book. Refusing closes it and
 * reverses the sender's transfer-out in the same transaction: the goods return to the sender's book.
 * The list row is locked first, so the receiver cannot decide twice.
 */
export async function decideTransfer(
  tx: Tx,
  directory: ItemDirectory,
  actor: Actor,
  listId: string,
  decision: { accept: true; toItemNos: readonly number[] } | { accept: false },
): Promise<{ id: string; number: string; status: 'posted' | 'refused'; outListId: string | null }> {
  const [list] = await queryRows<
    StoredList & { pending_lines: IncomingLine[] | null; client_id: string; created_by: string }
  >(
    tx,
    sql`SELECT id, number, enterprise_id, book_id, kind, status, pair_list_id, reverses_list_id, pending_lines, client_id, created_by
        FROM bonded_lists WHERE id = ${listId} FOR UPDATE`,
  );
  if (list?.kind !== 'transfer_in' || list.enterprise_id !== actor.enterpriseId) throw notFound('list');
  if (list.status !== 'pending_approval') throw new DomainError('list_state', 409);
  const incoming = list.pending_lines ?? [];
  if (!decision.accept) {
    await tx.execute(
      sql`UPDATE bonded_lists SET status = 'refused', decided_by = ${actor.userId} WHERE id = ${listId}`,
    );
    if (list.pair_list_id) {
      const [sender] = await queryRows<{ enterprise_id: string }>(
        tx,
        sql`SELECT enterprise_id FROM bonded_lists WHERE id = ${list.pair_list_id}`,
      );
      const plans = await planReversal(
        tx,
        { userId: actor.userId, enterpriseId: sender!.enterprise_id },
        list.pair_list_id,
        `refused:${list.id}`,
        'body',
      );
      await commitPlans(tx, plans);
    }
    return { id: list.id, number: list.number, status: 'refused', outListId: list.pair_list_id };
  }
  const issues: FieldIssue[] = [];
  if (decision.toItemNos.length !== incoming.length) issues.push({ field: 'body.lines', code: 'invalid_value' });
  if (issues.length > 0) throw invalidFields(issues);
  const refs = await directory.resolve(
    tx,
    decision.toItemNos.map((itemNo) => ({ bookId: list.book_id, itemNo })),
  );
  const postings: Plan['postings'] = [];
  incoming.forEach((line, index) => {
    const field = `body.lines.${index}.toItemNo`;
    const ref = refs.get(`${list.book_id}:${decision.toItemNos[index]}`);
    if (!ref) issues.push({ field, code: 'unknown_item' });
    else if (ref.unit !== line.unit)
      issues.push({ field, code: 'unit_mismatch', params: { from: line.unit, to: ref.unit } });
    else if (ref.hsCode !== line.hsCode) issues.push({ field, code: 'commodity_mismatch' });
    else
      postings.push({
        itemId: ref.itemId,
        itemNo: ref.itemNo,
        fromAccount: String(ref.accounts.transfer),
        toAccount: String(ref.accounts.item),
        quantityMilli: line.quantityMilli,
      });
  });
  if (issues.length > 0) throw invalidFields(issues);
  const states = await lockAccounts(
    tx,
    [list.book_id],
    postings.flatMap((p) => [p.fromAccount, p.toAccount]),
  );
  // Goods only come in: the engine cannot refuse, but it keeps the double-entry arithmetic in one place.
  const result = applyLists(states, [{ key: list.id, transfers: postings }]);
  const plan: Plan = {
    id: list.id,
    group: list.id,
    clientId: list.client_id,
    enterpriseId: list.enterprise_id,
    bookId: list.book_id,
    kind: 'transfer_in',
    status: 'posted',
    requestHash: '',
    postings,
    lineOf: postings.map((_, i) => i),
    field: 'body',
    pendingLines: null,
    reversesListId: null,
    pairListId: list.pair_list_id,
    note: null,
    createdBy: actor.userId,
    batchRelease: false,
    consolidationId: null,
  };
  await writePostings(tx, [plan], new Map([[list.id, list.number]]));
  await applyDeltas(tx, result.deltas);
  await tx.execute(
    sql`UPDATE bonded_lists SET status = 'posted', posted_at = now(), pending_lines = NULL, decided_by = ${actor.userId}
        WHERE id = ${listId}`,
  );
  return { id: list.id, number: list.number, status: 'posted', outListId: list.pair_list_id };
}
