/**
 * The ledger checker: verifies the invariants over the whole database, from the postings up, and
 * names every break by id. It trusts nothing the write path maintains (balances, line counts, pair
 * links) — each is recomputed from the append-only postings and compared.
 *
 *   balances      every account's balance = what its postings brought in − what they took out
 *   floors        no item balance below zero
 *   double_entry  all balances sum to zero (every quantity that left an account arrived in another)
 *   lines         a posted list has exactly its line count of postings; an unposted one has none
 *   accounts      a posting belongs to a list and moves between two existing accounts of its own
 *                 item, in its list's book, exactly one of them the item's own
 *   pairs         a transfer-out and its transfer-in point at each other; once the receiver accepted,
 *                 they moved the same quantities; once it refused, the transfer-out was reversed
 *   reversals     a reversal mirrors its list line for line
 *   batches       a batch under a consolidated declaration is a posted second-line exit of the same
 *                 book, and a filed declaration gained no batch after filing
 *
 * `npm run check:ledger` runs it against DATABASE_URL (or the embedded data directory); admins
 * call GET /api/bonded/check.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client.js';

/** Breaks listed per check; the count is always exact. */
const BREAKS_LISTED_MAX = 100;

export const CHECK_NAMES = [
  'balances',
  'floors',
  'double_entry',
  'lines',
  'accounts',
  'pairs',
  'reversals',
  'batches',
] as const;

export interface CheckResult {
  name: (typeof CHECK_NAMES)[number];
  ok: boolean;
  count: number;
  breaks: Record<string, unknown>[];
}

export interface LedgerReport {
  ok: boolean;
  postings: number;
  lists: number;
  accounts: number;
  checks: CheckResult[];
  elapsedMs: number;
}

async function run(db: Queryable, name: CheckResult['name'], query: ReturnType<typeof sql>): Promise<CheckResult> {
  const rows = await queryRows<Record<string, unknown> & { total: string | number }>(
    db,
    sql`WITH breaks AS (${query}) SELECT *, count(*) OVER () AS total FROM breaks LIMIT ${BREAKS_LISTED_MAX}`,
  );
  const count = rows.length > 0 ? Number(rows[0]!.total) : 0;
  return {
    name,
    ok: count === 0,
    count,
    breaks: rows.map(({ total: _total, ...rest }) =>
      Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'bigint' ? String(v) : v])),
    ),
  };
}

export async function checkLedger(db: Queryable): Promise<LedgerReport> {
  const started = performance.now();
  const checks: CheckResult[] = [];
  checks.push(
    await run(
      db,
      'balances',
      sql`SELECT a.id::text AS account_id, a.item_id, a.kind, a.balance_milli::text AS balance_milli,
                 coalesce(m.net, 0)::text AS postings_milli
          FROM bonded_accounts a
          LEFT JOIN (SELECT account, sum(q) AS net FROM (
                       SELECT to_account AS account, quantity_milli AS q FROM bonded_postings
                       UNION ALL SELECT from_account, -quantity_milli FROM bonded_postings) moved
                     GROUP BY account) m ON m.account = a.id
          WHERE a.balance_milli <> coalesce(m.net, 0)`,
    ),
  );
  checks.push(
    await run(
      db,
      'floors',
      sql`SELECT id::text AS account_id, item_id, balance_milli::text AS balance_milli FROM bonded_accounts
          WHERE floored AND balance_milli < 0`,
    ),
  );
  checks.push(
    await run(
      db,
      'double_entry',
      sql`SELECT sum(balance_milli)::text AS sum_milli FROM bonded_accounts HAVING coalesce(sum(balance_milli), 0) <> 0`,
    ),
  );
  checks.push(
    await run(
      db,
      'lines',
      sql`SELECT l.id AS list_id, l.number, l.status, l.line_count, coalesce(p.n, 0) AS postings
          FROM bonded_lists l
          LEFT JOIN (SELECT list_id, count(*)::int AS n FROM bonded_postings GROUP BY list_id) p ON p.list_id = l.id
          WHERE coalesce(p.n, 0) <> CASE WHEN l.status = 'posted' THEN l.line_count ELSE 0 END`,
    ),
  );
  checks.push(
    await run(
      db,
      'accounts',
      sql`SELECT p.id::text AS posting_id, p.list_id
          FROM bonded_postings p
          LEFT JOIN bonded_lists l ON l.id = p.list_id
          LEFT JOIN bonded_accounts fa ON fa.id = p.from_account
          LEFT JOIN bonded_accounts ta ON ta.id = p.to_account
          WHERE l.id IS NULL OR fa.id IS NULL OR ta.id IS NULL
             OR fa.item_id <> p.item_id OR ta.item_id <> p.item_id OR fa.book_id <> l.book_id
             OR (fa.kind = 'item') = (ta.kind = 'item')`,
    ),
  );
  checks.push(
    await run(
      db,
      'pairs',
      sql`SELECT o.id AS list_id, o.number, i.id AS pair_list_id
          FROM bonded_lists o
          LEFT JOIN bonded_lists i ON i.id = o.pair_list_id
          WHERE o.kind = 'transfer_out' AND o.status = 'posted'
            AND (i.id IS NULL OR i.kind <> 'transfer_in' OR i.pair_list_id IS DISTINCT FROM o.id
                 OR (i.status = 'posted'
                     AND (SELECT array_agg(quantity_milli ORDER BY line_no) FROM bonded_postings WHERE list_id = o.id)
                         IS DISTINCT FROM
                         (SELECT array_agg(quantity_milli ORDER BY line_no) FROM bonded_postings WHERE list_id = i.id))
                 OR (i.status = 'refused'
                     AND NOT EXISTS (SELECT 1 FROM bonded_lists r WHERE r.reverses_list_id = o.id AND r.status = 'posted')))
          UNION ALL
          SELECT i.id, i.number, o.id
          FROM bonded_lists i
          LEFT JOIN bonded_lists o ON o.id = i.pair_list_id
          WHERE i.kind = 'transfer_in' AND i.status = 'posted'
            AND (o.id IS NULL OR o.status <> 'posted' OR o.pair_list_id IS DISTINCT FROM i.id)`,
    ),
  );
  checks.push(
    await run(
      db,
      'reversals',
      sql`SELECT r.id AS list_id, r.number, r.reverses_list_id
          FROM bonded_lists r
          WHERE r.kind = 'reversal' AND r.status = 'posted'
            AND (SELECT array_agg(array[from_account, to_account, quantity_milli] ORDER BY line_no) FROM bonded_postings WHERE list_id = r.id)
                IS DISTINCT FROM
                (SELECT array_agg(array[to_account, from_account, quantity_milli] ORDER BY line_no) FROM bonded_postings WHERE list_id = r.reverses_list_id)`,
    ),
  );
  checks.push(
    await run(
      db,
      'batches',
      sql`SELECT l.id AS list_id, l.number, c.id AS consolidation_id
          FROM bonded_lists l JOIN bonded_consolidations c ON c.id = l.consolidation_id
          WHERE l.kind <> 'second_line_exit' OR l.status <> 'posted' OR l.book_id <> c.book_id
             OR (c.filed_at IS NOT NULL AND l.posted_at > c.filed_at)`,
    ),
  );
  const [totals] = await queryRows<{ postings: string; lists: string; accounts: string }>(
    db,
    sql`SELECT (SELECT count(*) FROM bonded_postings)::text AS postings, (SELECT count(*) FROM bonded_lists)::text AS lists,
               (SELECT count(*) FROM bonded_accounts)::text AS accounts`,
  );
  return {
    ok: checks.every((c) => c.ok),
    postings: Number(totals!.postings),
    lists: Number(totals!.lists),
    accounts: Number(totals!.accounts),
    checks,
    elapsedMs: Math.round(performance.now() - started),
  };
}
