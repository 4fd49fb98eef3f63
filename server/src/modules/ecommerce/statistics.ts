/**
 * Public counts for the zone cockpit (issue 6): retail import lists (1210 bonded, 9610 direct mail) by
 * month (zone time), mode and status, with their value and tax. Read on demand: the lists carry no event
 * yet, and the cockpit asks for at most a year of months.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client.js';

export interface RetailListFigure {
  month: string;
  mode: string;
  status: string;
  lists: number;
  valueFen: number;
  taxFen: number;
}

export async function retailListFigures(
  db: Queryable,
  fromMonth: string,
  toMonth: string,
): Promise<RetailListFigure[]> {
  const rows = await queryRows<{
    month: string;
    mode: string;
    status: string;
    n: number;
    value_fen: string | number;
    tax_fen: string | number;
  }>(
    db,
    sql`SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, mode, status, count(*)::int AS n,
          sum(value_fen) AS value_fen, sum(tax_fen) AS tax_fen
        FROM ecommerce_lists
        WHERE created_at >= (${`${fromMonth}-01`}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND created_at < ((${`${toMonth}-01`}::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai')
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  return rows.map((r) => ({
    month: r.month,
    mode: r.mode,
    status: r.status,
    lists: r.n,
    valueFen: Number(r.value_fen),
    taxFen: Number(r.tax_fen),
  }));
}
