/**
 * Account books, their items and consumption norms: set-up and reads. Creating an item creates its
 * accounts (the item's own, floored at zero, and one counter-account per kind of movement); nothing
 * here changes a balance — only posting.ts does.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { type FieldIssue, invalidFields, notFound } from '../../platform/http/problem.js';
import { findTariffLine, UNITS } from '../trade/index.js';
import { checkNorm, type Norm, NormError } from './ledger/norms.js';
import { ACCOUNT_KINDS, accounts, books, items, lists, norms, type SITE_TYPES } from './schema.js';

export type Book = typeof books.$inferSelect;
export type Item = typeof items.$inferSelect;

/** Items one book may hold; lists and pages below are bounded likewise. */
export const BOOK_ITEMS_MAX = 10_000;
export const MOVEMENTS_PAGE_MAX = 500;

/** Who may read a book: its enterprise, and customs / zone administration (authorities). */
export async function bookFor(db: Queryable, principal: Principal, bookId: string): Promise<Book> {
  const [book] = await db.select().from(books).where(eq(books.id, bookId));
  if (!book || (principal.authorityId === null && book.enterpriseId !== principal.enterpriseId)) throw notFound('book');
  return book;
}

export async function listBooksFor(db: Queryable, principal: Principal): Promise<Book[]> {
  const query = db.select().from(books);
  const scoped =
    principal.authorityId !== null
      ? query
      : query.where(eq(books.enterpriseId, principal.enterpriseId ?? randomUUID()));
  return scoped.orderBy(asc(books.number)).limit(1_000);
}

export async function createBook(
  tx: Tx,
  input: {
    enterpriseId: string;
    siteCode: string;
    siteType: (typeof SITE_TYPES)[number];
    batchReleaseApproved: boolean;
    createdBy: string | null;
  },
): Promise<Book> {
  const [serial] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int + 1 AS n FROM bonded_books`);
  const prefix = { zone: 'Z', logistics_centre: 'L', processing: 'E' }[input.siteType];
  const [book] = await tx
    .insert(books)
    .values({
      id: randomUUID(),
      number: `${prefix}${input.siteCode}${String(serial!.n).padStart(6, '0')}`,
      ...input,
    })
    .onConflictDoNothing()
    .returning();
  if (!book) throw invalidFields([{ field: 'body.siteCode', code: 'duplicate' }]);
  return book;
}

export interface ItemInput {
  itemNo: number;
  hsCode: string;
  name: string;
  /** The line's first legal unit, by GACC code ('007') or symbol ('个'); omitted, it is taken from the line. */
  unit?: string | undefined;
  unitPrice: string;
  currency: string;
}

/**
 * The item's legal unit: the first legal unit of its commodity line in the trade centre's catalogue
 * (quantities in a book are what a declaration will carry). Stored as the unit's symbol (个, kg, 块).
 */
function legalUnit(input: ItemInput, field: string): { unit: string } | { issue: FieldIssue } {
  const line = findTariffLine(input.hsCode);
  if (!line) return { issue: { field: `${field}.hsCode`, code: 'unknown_commodity' } };
  const legal = UNITS[line.firstUnit];
  const given = input.unit?.trim();
  if (given && given !== legal.code && given !== legal.symbol)
    return { issue: { field: `${field}.unit`, code: 'unit_not_legal' } };
  return { unit: legal.symbol };
}

/** Adds items with their accounts; an item number already in the book is named, nothing is added. */
export async function addItems(tx: Tx, book: Book, inputs: readonly ItemInput[]): Promise<Item[]> {
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM bonded_items WHERE book_id = ${book.id}`,
  );
  if ((count?.n ?? 0) + inputs.length > BOOK_ITEMS_MAX) throw invalidFields([{ field: 'body.items', code: 'too_big' }]);
  const units = inputs.map((input, index) => legalUnit(input, `body.items.${index}`));
  const unitIssues = units.flatMap((u) => ('issue' in u ? [u.issue] : []));
  if (unitIssues.length > 0) throw invalidFields(unitIssues);
  const rows = inputs.map((input, index) => ({
    id: randomUUID(),
    bookId: book.id,
    itemNo: input.itemNo,
    hsCode: input.hsCode,
    name: input.name,
    unit: (units[index] as { unit: string }).unit,
    unitPrice: input.unitPrice,
    currency: input.currency,
  }));
  const created = await tx.insert(items).values(rows).onConflictDoNothing().returning();
  if (created.length !== rows.length) {
    const made = new Set(created.map((c) => c.itemNo));
    throw invalidFields(
      inputs.flatMap((input, index) =>
        made.has(input.itemNo) ? [] : [{ field: `body.items.${index}.itemNo`, code: 'duplicate_item_no' }],
      ),
    );
  }
  await tx.insert(accounts).values(
    created.flatMap((item) =>
      ACCOUNT_KINDS.map((kind) => ({
        bookId: book.id,
        itemId: item.id,
        kind,
        balanceMilli: 0,
        floored: kind === 'item',
      })),
    ),
  );
  return created;
}

/** Registers (or replaces) the norms of one product: what each unit of it consumes. */
export async function setNorms(
  tx: Tx,
  book: Book,
  productItemNo: number,
  materials: readonly ({ materialItemNo: number } & Norm)[],
): Promise<void> {
  const found = await tx.select().from(items).where(eq(items.bookId, book.id));
  const byNo = new Map(found.map((i) => [i.itemNo, i]));
  const issues = [];
  if (book.siteType !== 'processing') issues.push({ field: 'params.bookId', code: 'not_processing_book' });
  const product = byNo.get(productItemNo);
  if (!product) issues.push({ field: 'params.itemNo', code: 'unknown_item' });
  materials.forEach((m, index) => {
    if (!byNo.has(m.materialItemNo) || m.materialItemNo === productItemNo)
      issues.push({ field: `body.materials.${index}.materialItemNo`, code: 'unknown_item' });
    try {
      checkNorm(m);
    } catch (error) {
      if (!(error instanceof NormError)) throw error;
      issues.push({ field: `body.materials.${index}.${error.field}`, code: error.code });
    }
  });
  if (issues.length > 0 || !product) throw invalidFields(issues);
  await tx.delete(norms).where(eq(norms.productItemId, product.id));
  await tx.insert(norms).values(
    materials.map((m) => ({
      bookId: book.id,
      productItemId: product.id,
      materialItemId: byNo.get(m.materialItemNo)!.id,
      netConsumption: m.netConsumption,
      lossRate: m.lossRate,
    })),
  );
}

export interface ProductNorms {
  productItemNo: number;
  materials: { materialItemNo: number; netConsumption: string; lossRate: string; updatedAt: Date }[];
}

/** The norms registered in a book, by product then material (a book holds a bounded set of items). */
export async function bookNorms(db: Queryable, bookId: string): Promise<ProductNorms[]> {
  const rows = await queryRows<{
    product_no: number;
    material_no: number;
    net_consumption: string;
    loss_rate: string;
    updated_at: Date | string;
  }>(
    db,
    sql`SELECT p.item_no AS product_no, m.item_no AS material_no, n.net_consumption::text AS net_consumption,
               n.loss_rate::text AS loss_rate, n.updated_at
        FROM bonded_norms n JOIN bonded_items p ON p.id = n.product_item_id JOIN bonded_items m ON m.id = n.material_item_id
        WHERE n.book_id = ${bookId} ORDER BY p.item_no, m.item_no`,
  );
  const byProduct = new Map<number, ProductNorms>();
  for (const row of rows) {
    const entry = byProduct.get(row.product_no) ?? { productItemNo: row.product_no, materials: [] };
    entry.materials.push({
      materialItemNo: row.material_no,
      // numeric(18,9) comes back padded: "0.520000000" → "0.52".
      netConsumption: trimDecimal(row.net_consumption),
      lossRate: trimDecimal(row.loss_rate),
      updatedAt: new Date(row.updated_at),
    });
    byProduct.set(row.product_no, entry);
  }
  return [...byProduct.values()];
}

const trimDecimal = (value: string) => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);

export interface ItemBalance extends Item {
  balanceMilli: number;
  /** Total in and out over the item's own account (postings), for the book view. */
  inMilli: number;
  outMilli: number;
}

export async function bookItems(db: Queryable, bookId: string): Promise<ItemBalance[]> {
  const rows = await queryRows<{ id: string; balance: string; in_milli: string; out_milli: string }>(
    db,
    sql`SELECT i.id, a.balance_milli::text AS balance,
               coalesce((SELECT sum(quantity_milli) FROM bonded_postings p WHERE p.to_account = a.id), 0)::text AS in_milli,
               coalesce((SELECT sum(quantity_milli) FROM bonded_postings p WHERE p.from_account = a.id), 0)::text AS out_milli
        FROM bonded_items i JOIN bonded_accounts a ON a.item_id = i.id AND a.kind = 'item'
        WHERE i.book_id = ${bookId}`,
  );
  const state = new Map(rows.map((r) => [r.id, r]));
  const found = await db
    .select()
    .from(items)
    .where(eq(items.bookId, bookId))
    .orderBy(asc(items.itemNo))
    .limit(BOOK_ITEMS_MAX);
  return found.map((item) => {
    const s = state.get(item.id)!;
    return { ...item, balanceMilli: Number(s.balance), inMilli: Number(s.in_milli), outMilli: Number(s.out_milli) };
  });
}

export interface Movement {
  postingId: number;
  listId: string;
  listNumber: string;
  kind: string;
  /** Signed change of the item's own balance. */
  changeMilli: number;
  counterKind: string;
  postedAt: Date;
}

/** An item's movement history, newest first, by posting id cursor. */
export async function itemMovements(
  db: Queryable,
  itemId: string,
  before: number | null,
  limit: number,
): Promise<Movement[]> {
  const rows = await queryRows<{
    id: string;
    list_id: string;
    number: string;
    kind: string;
    change: string;
    counter_kind: string;
    posted_at: Date | string;
  }>(
    db,
    sql`SELECT p.id::text, p.list_id, l.number, l.kind,
               (CASE WHEN fa.kind = 'item' THEN -p.quantity_milli ELSE p.quantity_milli END)::text AS change,
               CASE WHEN fa.kind = 'item' THEN ta.kind ELSE fa.kind END AS counter_kind, p.posted_at
        FROM bonded_postings p
        JOIN bonded_lists l ON l.id = p.list_id
        JOIN bonded_accounts fa ON fa.id = p.from_account
        JOIN bonded_accounts ta ON ta.id = p.to_account
        WHERE p.item_id = ${itemId} AND (fa.kind = 'item' OR ta.kind = 'item')
          ${before !== null ? sql`AND p.id < ${before}` : sql``}
        ORDER BY p.id DESC LIMIT ${Math.min(limit, MOVEMENTS_PAGE_MAX)}`,
  );
  return rows.map((r) => ({
    postingId: Number(r.id),
    listId: r.list_id,
    listNumber: r.number,
    kind: r.kind,
    changeMilli: Number(r.change),
    counterKind: r.counter_kind,
    postedAt: new Date(r.posted_at),
  }));
}

export async function itemFor(db: Queryable, bookId: string, itemNo: number): Promise<Item> {
  const [item] = await db
    .select()
    .from(items)
    .where(and(eq(items.bookId, bookId), eq(items.itemNo, itemNo)));
  if (!item) throw notFound('item');
  return item;
}

/** A list row with the reversal that undid it, if any. */
export type List = typeof lists.$inferSelect & { reversedByListId: string | null };

const reversal = alias(lists, 'reversal');
const withReversal = (db: Queryable) =>
  db
    .select({ list: lists, reversedByListId: reversal.id })
    .from(lists)
    .leftJoin(reversal, eq(reversal.reversesListId, lists.id));
const flatten = (rows: { list: typeof lists.$inferSelect; reversedByListId: string | null }[]): List[] =>
  rows.map((r) => ({ ...r.list, reversedByListId: r.reversedByListId }));

export async function listsOfBook(db: Queryable, bookId: string, before: Date | null, limit: number): Promise<List[]> {
  return flatten(
    await withReversal(db)
      .where(before ? and(eq(lists.bookId, bookId), lt(lists.createdAt, before)) : eq(lists.bookId, bookId))
      .orderBy(desc(lists.createdAt))
      .limit(Math.min(limit, MOVEMENTS_PAGE_MAX)),
  );
}

/** Stocktakes waiting for a customs decision, oldest first. */
export async function pendingApprovals(db: Queryable): Promise<List[]> {
  return flatten(
    await withReversal(db)
      .where(and(eq(lists.status, 'pending_approval'), eq(lists.kind, 'stocktake')))
      .orderBy(asc(lists.createdAt))
      .limit(MOVEMENTS_PAGE_MAX),
  );
}

/** Transfers sent to an enterprise's books that wait for it to accept or refuse them, oldest first. */
export async function incomingTransfers(db: Queryable, enterpriseId: string): Promise<List[]> {
  return flatten(
    await withReversal(db)
      .where(
        and(eq(lists.status, 'pending_approval'), eq(lists.kind, 'transfer_in'), eq(lists.enterpriseId, enterpriseId)),
      )
      .orderBy(asc(lists.createdAt))
      .limit(MOVEMENTS_PAGE_MAX),
  );
}
