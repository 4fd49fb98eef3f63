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
 *   declarations  the domestic counter-account reconciles with the trade centre: every direct
 *                 second-line exit filed an import declaration, and each declaration (a list's, or a
 *                 filed consolidation's) is the enterprise's import carrying exactly the quantities
 *                 per commodity line that the postings moved; read through trade's public functions
 *
 * `npm run check:ledger` runs it against DATABASE_URL (or the embedded data directory); admins
 * call GET /api/bonded/check.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client.js';
import { declaredQuantities } from '../trade/index.js';
import { formatMilli } from './posting.js';

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
  'declarations',
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

/** Declarations compared per round trip to the trade centre. */
const DECLARATIONS_PAGE = 500;

/** Thousandths of a declared decimal quantity, or null when it has finer digits than a book can hold. */
function declaredMilli(quantity: string): number | null {
  const [whole, fraction = ''] = quantity.split('.');
  if (/[1-9]/.test(fraction.slice(3))) return null;
  return Number(whole) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
}

/**
 * Each declared list and filed consolidation against its declaration in the trade centre, page by page
 * (the trade module's tables are its own: this reads them through its public function).
 */
async function reconcileDeclarations(db: Queryable): Promise<CheckResult> {
  const breaks: Record<string, unknown>[] = [];
  let count = 0;
  const flag = (found: Record<string, unknown>) => {
    count += 1;
    if (breaks.length < BREAKS_LISTED_MAX) breaks.push(found);
  };
  const undeclared = await queryRows<{ list_id: string; number: string; total: string }>(
    db,
    sql`SELECT l.id AS list_id, l.number, count(*) OVER () AS total FROM bonded_lists l
        WHERE l.kind = 'second_line_exit' AND l.status = 'posted' AND l.consolidation_id IS NULL
          AND l.declaration_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM bonded_lists r WHERE r.reverses_list_id = l.id)
        ORDER BY l.number LIMIT ${BREAKS_LISTED_MAX}`,
  );
  for (const row of undeclared) breaks.push({ list_id: row.list_id, number: row.number, problem: 'undeclared' });
  count += undeclared.length > 0 ? Number(undeclared[0]!.total) : 0;

  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<{
      declaration_id: string;
      source: 'list' | 'consolidation';
      source_id: string;
      enterprise_id: string;
      hs_code: string;
      quantity_milli: string;
    }>(
      db,
      sql`WITH declared AS (
            SELECT declaration_id, source, source_id, enterprise_id FROM (
              SELECT l.declaration_id, 'list' AS source, l.id AS source_id, l.enterprise_id
              FROM bonded_lists l WHERE l.declaration_id IS NOT NULL
              UNION ALL
              SELECT c.declaration_id, 'consolidation', c.id, c.enterprise_id
              FROM bonded_consolidations c WHERE c.declaration_id IS NOT NULL
            ) d WHERE declaration_id > ${after} ORDER BY declaration_id LIMIT ${DECLARATIONS_PAGE})
          SELECT d.declaration_id::text, d.source, d.source_id::text, d.enterprise_id::text, i.hs_code,
                 sum(p.quantity_milli)::text AS quantity_milli
          FROM declared d
          JOIN (SELECT l.id, l.id AS source_id FROM bonded_lists l WHERE l.declaration_id IS NOT NULL
                UNION ALL
                SELECT l.id, l.consolidation_id FROM bonded_lists l WHERE l.consolidation_id IS NOT NULL) l
            ON l.source_id = d.source_id
          JOIN bonded_postings p ON p.list_id = l.id
          JOIN bonded_items i ON i.id = p.item_id
          GROUP BY d.declaration_id, d.source, d.source_id, d.enterprise_id, i.hs_code
          ORDER BY d.declaration_id`,
    );
    if (rows.length === 0) break;
    const ids = [...new Set(rows.map((r) => r.declaration_id))];
    const found = await declaredQuantities(db, ids);
    const bySource = new Map<string, typeof rows>();
    for (const row of rows) {
      const moved = bySource.get(row.declaration_id);
      if (moved) moved.push(row);
      else bySource.set(row.declaration_id, [row]);
    }
    for (const [declarationId, moved] of bySource) {
      const head = moved[0]!;
      const at = { [`${head.source}_id`]: head.source_id, declaration_id: declarationId };
      const declaration = found.get(declarationId);
      if (!declaration) {
        flag({ ...at, problem: 'declaration_missing' });
        continue;
      }
      if (declaration.enterpriseId !== head.enterprise_id || declaration.direction !== 'import') {
        flag({ ...at, problem: 'not_the_enterprises_import' });
        continue;
      }
      const codes = new Set([...moved.map((m) => m.hs_code), ...declaration.quantityByCode.keys()]);
      for (const code of codes) {
        const movedMilli = Number(moved.find((m) => m.hs_code === code)?.quantity_milli ?? 0);
        const declared = declaration.quantityByCode.get(code) ?? '0';
        if (declaredMilli(declared) !== movedMilli) {
          flag({ ...at, hs_code: code, moved: formatMilli(movedMilli), declared, problem: 'quantity_differs' });
        }
      }
    }
    after = ids[ids.length - 1]!;
  }
  return { name: 'declarations', ok: count === 0, count, breaks };
}

/**
 * `reconcileDeclarations: false` checks the ledger alone: for lists posted below the API (the engine's
 * own property and crash tests, benchmarks), where no declaration is ever filed.
 */
export async function checkLedger(
  db: Queryable,
  options: { reconcileDeclarations?: boolean } = {},
): Promise<LedgerReport> {
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
  if (options.reconcileDeclarations !== false) checks.push(await reconcileDeclarations(db));
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
