/**
 * Public read functions over declarations for the zone cockpit (issue 6): the facts of one declaration
 * that the cockpit's aggregates are built from, the declarations behind a figure (paged, bounded), and a
 * full recomputation of the same figures with GROUP BY, which tests and the benchmark compare the
 * incremental aggregates with. Months are those of the declaration date (the customs calendar, Beijing).
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client.js';

export const DRILL_PAGE_MAX = 200;
export const RECOMPUTE_DURATIONS_MAX = 100_000;

export type DeclarationChannel = 'auto_release' | 'document_review' | 'inspection';

export interface DeclarationFacts {
  id: string;
  /** Declaration date, YYYY-MM-DD (Beijing), and its month. */
  date: string;
  month: string;
  tradeCountry: string;
  direction: 'import' | 'export';
  channel: DeclarationChannel;
  valueFen: number;
  status: string;
  /** Release − submission in whole seconds, once released; else null. */
  clearanceSeconds: number | null;
}

interface FactRow {
  id: string;
  date: string;
  month: string;
  trade_country: string;
  direction: 'import' | 'export';
  channel: DeclarationChannel;
  value_fen: string | number;
  status: string;
  clearance_seconds: number | null;
}

/** The current facts of a submitted declaration; null for a draft or an unknown id. */
export async function declarationFacts(db: Queryable, id: string): Promise<DeclarationFacts | null> {
  const [row] = await queryRows<FactRow>(
    db,
    sql`SELECT id, to_char(declaration_date, 'YYYY-MM-DD') AS date, to_char(declaration_date, 'YYYY-MM') AS month,
          trade_country, direction, channel,
          coalesce(customs_value_fen, 0) AS value_fen, status,
          CASE WHEN status = 'released' AND decided_at IS NOT NULL AND submitted_at IS NOT NULL
               THEN floor(extract(epoch FROM decided_at - submitted_at))::int END AS clearance_seconds
        FROM trade_declarations WHERE id = ${id} AND number IS NOT NULL AND channel IS NOT NULL`,
  );
  if (!row) return null;
  return {
    id: row.id,
    date: row.date,
    month: row.month,
    tradeCountry: row.trade_country,
    direction: row.direction,
    channel: row.channel,
    valueFen: Number(row.value_fen),
    status: row.status,
    clearanceSeconds: row.clearance_seconds,
  };
}

export interface DrillFilter {
  /** Inclusive months, YYYY-MM. */
  fromMonth: string;
  toMonth: string;
  country?: string | undefined;
  direction?: 'import' | 'export' | undefined;
  channel?: DeclarationChannel | undefined;
  limit: number;
  offset: number;
}

export interface DrillDeclaration {
  id: string;
  number: string;
  enterpriseId: string;
  direction: 'import' | 'export';
  tradeCountry: string;
  channel: DeclarationChannel;
  status: string;
  declarationDate: string;
  customsValueFen: number;
  submittedAt: string;
  decidedAt: string | null;
}

interface DrillRow {
  id: string;
  number: string;
  enterprise_id: string;
  direction: 'import' | 'export';
  trade_country: string;
  channel: DeclarationChannel;
  status: string;
  declaration_date: string;
  customs_value_fen: string | number;
  submitted_at: Date | string;
  decided_at: Date | string | null;
}

const DRILL_COLUMNS = sql`id, number, enterprise_id, direction, trade_country, channel, status,
  to_char(declaration_date, 'YYYY-MM-DD') AS declaration_date, coalesce(customs_value_fen, 0) AS customs_value_fen,
  submitted_at, decided_at`;

const iso = (v: Date | string) => new Date(v).toISOString();

function drillView(r: DrillRow): DrillDeclaration {
  return {
    id: r.id,
    number: r.number,
    enterpriseId: r.enterprise_id,
    direction: r.direction,
    tradeCountry: r.trade_country,
    channel: r.channel,
    status: r.status,
    declarationDate: r.declaration_date,
    customsValueFen: Number(r.customs_value_fen),
    submittedAt: iso(r.submitted_at),
    decidedAt: r.decided_at === null ? null : iso(r.decided_at),
  };
}

/** The submitted declarations behind a cockpit figure, newest first; at most DRILL_PAGE_MAX a page. */
export async function declarationsBehind(db: Queryable, filter: DrillFilter): Promise<DrillDeclaration[]> {
  const from = `${filter.fromMonth}-01`;
  const [year, month] = filter.toMonth.split('-').map(Number) as [number, number];
  const toExclusive = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  const rows = await queryRows<DrillRow>(
    db,
    sql`SELECT ${DRILL_COLUMNS}
        FROM trade_declarations
        WHERE number IS NOT NULL AND channel IS NOT NULL
          AND declaration_date >= ${from}::date AND declaration_date < ${toExclusive}::date
          ${filter.country ? sql`AND trade_country = ${filter.country}` : sql``}
          ${filter.direction ? sql`AND direction = ${filter.direction}` : sql``}
          ${filter.channel ? sql`AND channel = ${filter.channel}` : sql``}
        ORDER BY declaration_date DESC, number DESC
        LIMIT ${Math.min(filter.limit, DRILL_PAGE_MAX)} OFFSET ${Math.max(0, filter.offset)}`,
  );
  return rows.map(drillView);
}

/** The given submitted declarations in the order of `ids` (unknown ids are skipped); at most DRILL_PAGE_MAX. */
export async function declarationsByIds(db: Queryable, ids: readonly string[]): Promise<DrillDeclaration[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<DrillRow>(
    db,
    sql`SELECT ${DRILL_COLUMNS} FROM trade_declarations
        WHERE id = ANY(${sql.param(ids.slice(0, DRILL_PAGE_MAX))}::uuid[]) AND number IS NOT NULL AND channel IS NOT NULL`,
  );
  const byId = new Map(rows.map((r) => [r.id, drillView(r)]));
  return ids.flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
}

export interface TradeRecomputation {
  stats: {
    month: string;
    tradeCountry: string;
    direction: string;
    channel: string;
    declarations: number;
    valueFen: number;
    released: number;
  }[];
  /** Release times of released declarations (bounded: for tests and small checks). */
  clearance: { month: string; channel: string; seconds: number }[];
}

/** The cockpit's declaration figures computed from scratch over the raw tables (slow by design). */
export async function recomputeTradeFigures(db: Queryable): Promise<TradeRecomputation> {
  const [stats, clearance] = await Promise.all([
    queryRows<{
      month: string;
      trade_country: string;
      direction: string;
      channel: string;
      n: number;
      value_fen: string | number;
      released: number;
    }>(
      db,
      sql`SELECT to_char(declaration_date, 'YYYY-MM') AS month, trade_country, direction, channel, count(*)::int AS n,
            sum(coalesce(customs_value_fen, 0)) AS value_fen, count(*) FILTER (WHERE status = 'released')::int AS released
          FROM trade_declarations WHERE number IS NOT NULL AND channel IS NOT NULL
          GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    ),
    queryRows<{ month: string; channel: string; seconds: number }>(
      db,
      sql`SELECT to_char(declaration_date, 'YYYY-MM') AS month, channel,
            floor(extract(epoch FROM decided_at - submitted_at))::int AS seconds
          FROM trade_declarations
          WHERE number IS NOT NULL AND channel IS NOT NULL AND status = 'released'
            AND decided_at IS NOT NULL AND submitted_at IS NOT NULL
          LIMIT ${RECOMPUTE_DURATIONS_MAX}`,
    ),
  ]);
  return {
    stats: stats.map((r) => ({
      month: r.month,
      tradeCountry: r.trade_country,
      direction: r.direction,
      channel: r.channel,
      declarations: r.n,
      valueFen: Number(r.value_fen),
      released: r.released,
    })),
    clearance,
  };
}
