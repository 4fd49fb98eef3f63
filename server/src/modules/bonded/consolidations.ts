/**
 * Batch release with consolidated declaration (分批出区、集中申报): an approved enterprise takes goods
 * out to the domestic market in many second-line batches and declares them once per period.
 * customs.md §5: the period is usually a month and never crosses a calendar year; the filing is
 * due some days after the period ends — 10 days here, a demo value from memory, to be confirmed.
 *
 * Dates are the zone's calendar dates (Asia/Shanghai, UTC+8): a batch at 23:30 UTC on 31 January
 * is released on 1 February in Jiaozhou, and joins February's declaration.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { DomainError, invalidFields, notFound } from '../../platform/http/problem.js';
import { emitEvents } from '../events/index.js';
import { declarationIssues, type FiledDeclaration, fileDeclaration } from '../trade/index.js';
import { type DomesticDeclaration, declarableItems, domesticSaleBody, underDeclaration } from './declaring.js';

/** Days after the period's end by which the consolidated declaration is due [memory; verify]. */
export const FILING_DAYS_AFTER_PERIOD = 10;
const ZONE_TIME_ZONE = 'Asia/Shanghai';
const PAGE_MAX = 500;

/** The zone's calendar date of an instant, as YYYY-MM-DD. */
export function zoneDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** First and last day of the calendar month of a date. */
export function monthOf(isoDate: string): { from: string; to: string } {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** Checks a requested period: in order, never across a year, at most one calendar month long. */
export function periodIssues(from: string, to: string): { field: string; code: string }[] {
  if (to < from) return [{ field: 'body.periodTo', code: 'too_small' }];
  if (from.slice(0, 4) !== to.slice(0, 4)) return [{ field: 'body.periodTo', code: 'crosses_year' }];
  // At most a month: the day before the same day of the next month (15 Jan → 14 Feb; 1 Jan → 31 Jan).
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y, m, d));
  limit.setUTCDate(limit.getUTCDate() - 1);
  if (to > limit.toISOString().slice(0, 10)) return [{ field: 'body.periodTo', code: 'period_too_long' }];
  return [];
}

interface ConsolidationRow {
  id: string;
  number: string;
  enterprise_id: string;
  book_id: string;
  period_from: string;
  period_to: string;
  due_on: string;
  status: 'open' | 'filed';
  filed_at: Date | string | null;
  declaration_id: string | null;
}

const columns = sql`c.id, c.number, c.enterprise_id, c.book_id, c.period_from::text AS period_from, c.period_to::text AS period_to,
                    c.due_on::text AS due_on, c.status, c.filed_at, c.declaration_id`;

async function insertPeriod(
  tx: Queryable,
  enterpriseId: string,
  bookId: string,
  from: string,
  to: string,
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO bonded_consolidations (id, number, enterprise_id, book_id, period_from, period_to, due_on, status)
        VALUES (${randomUUID()}, ${`JZ${from.replace(/-/g, '')}-${randomUUID().slice(0, 8).toUpperCase()}`}, ${enterpriseId}, ${bookId},
                ${from}, ${to}, ${addDays(to, FILING_DAYS_AFTER_PERIOD)}, 'open')
        ON CONFLICT (book_id, period_from) DO NOTHING`,
  );
}

/**
 * The open consolidated declaration a batch released now joins: the book's period containing today,
 * else the calendar month, opened on first use. Concurrent first batches agree on one row (unique
 * book + start; the loser's insert does nothing and its next statement sees the winner's row).
 */
export async function consolidationFor(tx: Tx, enterpriseId: string, bookId: string, now: Date): Promise<string> {
  const today = zoneDate(now);
  const find = async () =>
    (
      await queryRows<ConsolidationRow>(
        tx,
        sql`SELECT ${columns} FROM bonded_consolidations c
            WHERE c.book_id = ${bookId} AND c.period_from <= ${today} AND c.period_to >= ${today}`,
      )
    )[0];
  let row = await find();
  if (!row) {
    const month = monthOf(today);
    // An explicit period may already cover part of this month: start after it ends.
    const [overlap] = await queryRows<{ to: string }>(
      tx,
      sql`SELECT max(period_to)::text AS to FROM bonded_consolidations
          WHERE book_id = ${bookId} AND period_to >= ${month.from} AND period_from <= ${today}`,
    );
    const from = overlap?.to ? addDays(overlap.to, 1) : month.from;
    await insertPeriod(tx, enterpriseId, bookId, from, month.to);
    row = await find();
  }
  if (!row) throw new Error(`no consolidation period for book ${bookId} on ${today}`);
  if (row.status !== 'open') throw new DomainError('consolidation_state', 409);
  return row.id;
}

/** Opens a period explicitly (as customs approved it); a period crossing a year or overlapping another is refused. */
export async function openConsolidation(tx: Tx, principal: Principal, bookId: string, from: string, to: string) {
  const [book] = await queryRows<{ enterprise_id: string; batch: boolean }>(
    tx,
    sql`SELECT enterprise_id, batch_release_approved AS batch FROM bonded_books WHERE id = ${bookId}`,
  );
  if (!book || book.enterprise_id !== principal.enterpriseId)
    throw invalidFields([{ field: 'body.bookId', code: 'unknown_book' }]);
  const issues = periodIssues(from, to);
  if (!book.batch) issues.push({ field: 'body.bookId', code: 'not_approved_for_batch_release' });
  if (issues.length > 0) throw invalidFields(issues);
  const [overlap] = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM bonded_consolidations WHERE book_id = ${bookId} AND period_from <= ${to} AND period_to >= ${from}`,
  );
  if (overlap) throw invalidFields([{ field: 'body.periodFrom', code: 'period_overlaps' }]);
  await insertPeriod(tx, book.enterprise_id, bookId, from, to);
  const [row] = await queryRows<ConsolidationRow>(
    tx,
    sql`SELECT ${columns} FROM bonded_consolidations c WHERE c.book_id = ${bookId} AND c.period_from = ${from}`,
  );
  return row!;
}

export interface ConsolidationView {
  id: string;
  number: string;
  enterpriseId: string;
  bookId: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  status: 'open' | 'filed';
  overdue: boolean;
  batches: number;
  filedAt: string | null;
  declarationId: string | null;
}

function view(row: ConsolidationRow & { batches?: number | string }, today: string): ConsolidationView {
  return {
    id: row.id,
    number: row.number,
    enterpriseId: row.enterprise_id,
    bookId: row.book_id,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    dueOn: row.due_on,
    status: row.status,
    overdue: row.status === 'open' && today > row.due_on,
    batches: Number(row.batches ?? 0),
    filedAt: row.filed_at ? new Date(row.filed_at).toISOString() : null,
    declarationId: row.declaration_id,
  };
}

export async function listConsolidations(db: Queryable, principal: Principal, now: Date, overdueOnly: boolean) {
  const today = zoneDate(now);
  const rows = await queryRows<ConsolidationRow & { batches: string }>(
    db,
    sql`SELECT ${columns}, (SELECT count(*) FROM bonded_lists l WHERE l.consolidation_id = c.id) AS batches
        FROM bonded_consolidations c
        WHERE ${principal.authorityId !== null ? sql`true` : sql`c.enterprise_id = ${principal.enterpriseId ?? randomUUID()}`}
          ${overdueOnly ? sql`AND c.status = 'open' AND c.due_on < ${today}` : sql``}
        ORDER BY c.period_from DESC, c.number LIMIT ${PAGE_MAX}`,
  );
  return rows.map((r) => view(r, today));
}

export async function consolidationDetail(db: Queryable, principal: Principal, id: string, now: Date) {
  const [row] = await queryRows<ConsolidationRow & { batches: string }>(
    db,
    sql`SELECT ${columns}, (SELECT count(*) FROM bonded_lists l WHERE l.consolidation_id = c.id) AS batches
        FROM bonded_consolidations c WHERE c.id = ${id}`,
  );
  if (!row || (principal.authorityId === null && row.enterprise_id !== principal.enterpriseId))
    throw notFound('consolidation');
  const lists = await queryRows<{ id: string; number: string; posted_at: Date | string; lines: number }>(
    db,
    sql`SELECT id, number, posted_at, line_count AS lines FROM bonded_lists WHERE consolidation_id = ${id} ORDER BY posted_at LIMIT ${PAGE_MAX}`,
  );
  const totals = await consolidationTotals(db, id);
  return {
    ...view(row, zoneDate(now)),
    lists: lists.map((l) => ({
      id: l.id,
      number: l.number,
      postedAt: new Date(l.posted_at).toISOString(),
      lines: Number(l.lines),
    })),
    totals,
  };
}

/** Quantity per item released under a consolidation: what its declaration must cover. */
async function consolidationTotals(db: Queryable, id: string) {
  const rows = await queryRows<{ item_no: number; hs_code: string; unit: string; quantity_milli: string }>(
    db,
    sql`SELECT i.item_no, i.hs_code, i.unit, sum(p.quantity_milli)::text AS quantity_milli
        FROM bonded_lists l JOIN bonded_postings p ON p.list_id = l.id JOIN bonded_items i ON i.id = p.item_id
        WHERE l.consolidation_id = ${id}
        GROUP BY i.item_no, i.hs_code, i.unit ORDER BY i.item_no`,
  );
  return rows.map((r) => ({
    itemNo: r.item_no,
    hsCode: r.hs_code,
    unit: r.unit,
    quantityMilli: Number(r.quantity_milli),
  }));
}

/**
 * Files a consolidated declaration once its period is over: one import declaration in the trade centre
 * for everything its batches released (quantities summed per item, priced from the book), filed in the
 * same transaction; emits what it declares. A period without batches files with no declaration.
 */
export async function fileConsolidation(
  tx: Tx,
  principal: Principal,
  id: string,
  header: DomesticDeclaration | undefined,
  options: { now: Date; dbKey: object },
) {
  const { now } = options;
  const [row] = await queryRows<ConsolidationRow>(
    tx,
    sql`SELECT ${columns} FROM bonded_consolidations c WHERE c.id = ${id} FOR UPDATE`,
  );
  if (!row || row.enterprise_id !== principal.enterpriseId) throw notFound('consolidation');
  if (row.status !== 'open') throw new DomainError('consolidation_state', 409);
  if (zoneDate(now) <= row.period_to)
    throw new DomainError('consolidation_period_open', 409, { params: { periodTo: row.period_to } });
  await tx.execute(
    sql`UPDATE bonded_consolidations SET status = 'filed', filed_at = ${now.toISOString()} WHERE id = ${id}`,
  );
  const totals = await consolidationTotals(tx, id);
  let declaration: FiledDeclaration | null = null;
  if (totals.length > 0) {
    const field = 'body.declaration';
    if (!header) throw invalidFields([{ field, code: 'declaration_required' }]);
    const items = await declarableItems(
      tx,
      row.enterprise_id,
      row.book_id,
      totals.map((t) => t.itemNo),
    );
    const built = domesticSaleBody(header, totals, items, field);
    if (!built.ok) throw invalidFields(built.issues);
    const problems = await declarationIssues(tx, principal, built.body, now);
    if (problems.length > 0) throw invalidFields(underDeclaration(problems, field));
    declaration = await fileDeclaration(tx, principal, built.body, options);
    await tx.execute(sql`UPDATE bonded_consolidations SET declaration_id = ${declaration.id} WHERE id = ${id}`);
  } else if (header) {
    throw invalidFields([{ field: 'body.declaration', code: 'declaration_not_allowed' }]);
  }
  await emitEvents(tx, [
    {
      module: 'bonded',
      event: 'consolidation_filed',
      enterpriseId: row.enterprise_id,
      payload: {
        consolidationId: id,
        number: row.number,
        bookId: row.book_id,
        periodFrom: row.period_from,
        periodTo: row.period_to,
        totals,
        declarationId: declaration?.id ?? null,
        declarationNumber: declaration?.number ?? null,
      },
    },
  ]);
  return {
    ...view({ ...row, status: 'filed', filed_at: now, declaration_id: declaration?.id ?? null }, zoneDate(now)),
    declaration: declaration && { id: declaration.id, number: declaration.number, taxFen: declaration.taxFen },
  };
}

/**
 * Raises an alert once for every open consolidated declaration past its due date: an event to the
 * enterprise (its webhooks) that customs also receives (authority webhooks see the whole zone).
 */
export async function flagOverdue(db: Db, now: Date): Promise<number> {
  const today = zoneDate(now);
  return db.transaction(async (tx) => {
    const rows = await queryRows<ConsolidationRow>(
      tx,
      sql`UPDATE bonded_consolidations c SET overdue_notified_at = ${now.toISOString()}
          WHERE c.status = 'open' AND c.due_on < ${today} AND c.overdue_notified_at IS NULL
          RETURNING ${columns}`,
    );
    await emitEvents(
      tx,
      rows.map((row) => ({
        module: 'bonded',
        event: 'consolidation_overdue',
        enterpriseId: row.enterprise_id,
        payload: {
          consolidationId: row.id,
          number: row.number,
          bookId: row.book_id,
          periodTo: row.period_to,
          dueOn: row.due_on,
        },
      })),
    );
    return rows.length;
  });
}
