/**
 * The monthly reconciliation report of a book (账册核对表): per item, the opening balance, what
 * came in and went out by counter-account, and the closing balance, all derived from the postings.
 * opening + Σ in − Σ out = closing holds row by row (asserted), so the sheet customs receives
 * reconciles by construction; the XLSX carries SUM formulas with their values for the totals.
 */

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type Queryable, queryRows } from '../../platform/db/client.js';
import type { Locale } from '../../platform/i18n/index.js';
import { formatMilli } from './posting.js';
import type { AccountKind } from './schema.js';

/** Counter-accounts in report order. */
export const COUNTERS = [
  'abroad',
  'domestic',
  'transfer',
  'produced',
  'consumed',
  'scrapped',
  'adjustment',
] as const satisfies readonly AccountKind[];
type Counter = (typeof COUNTERS)[number];

export interface ReportRow {
  itemNo: number;
  hsCode: string;
  name: string;
  unit: string;
  openingMilli: number;
  inMilli: Record<Counter, number>;
  outMilli: Record<Counter, number>;
  closingMilli: number;
}

const zero = (): Record<Counter, number> => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;

/** Month boundaries in zone time (UTC+8), as instants. */
function monthBounds(month: string): { from: string; to: string } {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(year, mm - 1, 1) - 8 * 3_600_000).toISOString();
  const to = new Date(Date.UTC(year, mm, 1) - 8 * 3_600_000).toISOString();
  return { from, to };
}

export async function reconciliation(db: Queryable, bookId: string, month: string): Promise<ReportRow[]> {
  const { from, to } = monthBounds(month);
  const items = await queryRows<{ id: string; item_no: number; hs_code: string; name: string; unit: string }>(
    db,
    sql`SELECT id, item_no, hs_code, name, unit FROM bonded_items WHERE book_id = ${bookId} ORDER BY item_no`,
  );
  const moves = await queryRows<{
    item_id: string;
    counter: Counter;
    direction: 'in' | 'out';
    before_milli: string;
    during_milli: string;
  }>(
    db,
    sql`SELECT m.item_id, m.counter, m.direction,
               coalesce(sum(m.q) FILTER (WHERE m.posted_at < ${from}), 0)::text AS before_milli,
               coalesce(sum(m.q) FILTER (WHERE m.posted_at >= ${from}), 0)::text AS during_milli
        FROM (
          SELECT p.item_id, c.kind AS counter, 'in' AS direction, p.quantity_milli AS q, p.posted_at
          FROM bonded_postings p
          JOIN bonded_accounts i ON i.id = p.to_account AND i.kind = 'item'
          JOIN bonded_accounts c ON c.id = p.from_account
          WHERE i.book_id = ${bookId} AND p.posted_at < ${to}
          UNION ALL
          SELECT p.item_id, c.kind, 'out', p.quantity_milli, p.posted_at
          FROM bonded_postings p
          JOIN bonded_accounts i ON i.id = p.from_account AND i.kind = 'item'
          JOIN bonded_accounts c ON c.id = p.to_account
          WHERE i.book_id = ${bookId} AND p.posted_at < ${to}
        ) m
        GROUP BY m.item_id, m.counter, m.direction`,
  );
  const rows = new Map<string, ReportRow>(
    items.map((i) => [
      i.id,
      {
        itemNo: i.item_no,
        hsCode: i.hs_code,
        name: i.name,
        unit: i.unit,
        openingMilli: 0,
        inMilli: zero(),
        outMilli: zero(),
        closingMilli: 0,
      },
    ]),
  );
  for (const move of moves) {
    const row = rows.get(move.item_id)!;
    const sign = move.direction === 'in' ? 1 : -1;
    row.openingMilli += sign * Number(move.before_milli);
    row.closingMilli += sign * (Number(move.before_milli) + Number(move.during_milli));
    (move.direction === 'in' ? row.inMilli : row.outMilli)[move.counter] += Number(move.during_milli);
  }
  for (const row of rows.values()) {
    const moved = COUNTERS.reduce((sum, c) => sum + row.inMilli[c] - row.outMilli[c], 0);
    if (row.openingMilli + moved !== row.closingMilli) throw new Error(`item ${row.itemNo}: report does not reconcile`);
  }
  return [...rows.values()];
}

const HEADERS: Record<
  Locale,
  {
    item: string;
    hs: string;
    name: string;
    unit: string;
    opening: string;
    closing: string;
    total: string;
    in: string;
    out: string;
    counters: Record<Counter, string>;
  }
> = {
  'zh-CN': {
    item: '项号',
    hs: '商品编号',
    name: '商品名称',
    unit: '计量单位',
    opening: '期初结存',
    closing: '期末结存',
    total: '合计',
    in: '进',
    out: '出',
    counters: {
      abroad: '境外',
      domestic: '境内',
      transfer: '结转',
      produced: '加工成品',
      consumed: '加工耗用',
      scrapped: '销毁',
      adjustment: '盘盈盘亏',
    },
  },
  en: {
    item: 'Item',
    hs: 'Commodity code',
    name: 'Name',
    unit: 'Unit',
    opening: 'Opening',
    closing: 'Closing',
    total: 'Total',
    in: 'in',
    out: 'out',
    counters: {
      abroad: 'abroad',
      domestic: 'domestic',
      transfer: 'transfer',
      produced: 'produced',
      consumed: 'consumed',
      scrapped: 'scrapped',
      adjustment: 'stocktake',
    },
  },
  ru: {
    item: 'Позиция',
    hs: 'Код товара',
    name: 'Наименование',
    unit: 'Ед.',
    opening: 'На начало',
    closing: 'На конец',
    total: 'Итого',
    in: 'приход',
    out: 'расход',
    counters: {
      abroad: 'заграница',
      domestic: 'внутренний рынок',
      transfer: 'перемещение',
      produced: 'выпуск',
      consumed: 'расход в переработке',
      scrapped: 'уничтожение',
      adjustment: 'инвентаризация',
    },
  },
};

/** Thousandths as the number the spreadsheet shows (exact to the thousandth for any stock that fits). */
const units = (milli: number) => Number(formatMilli(milli));

export async function reconciliationXlsx(
  rows: readonly ReportRow[],
  meta: { bookNumber: string; month: string; locale: Locale },
): Promise<Buffer> {
  const h = HEADERS[meta.locale];
  const workbook = new ExcelJS.Workbook();
  // Fixed metadata: the same books give the same workbook content.
  workbook.creator = 'SCO Trade Hub';
  workbook.created = new Date(`${meta.month}-01T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(`${meta.bookNumber} ${meta.month}`);
  const header = [
    h.item,
    h.hs,
    h.name,
    h.unit,
    h.opening,
    ...COUNTERS.flatMap((c) => [`${h.counters[c]} ${h.in}`, `${h.counters[c]} ${h.out}`]),
    h.closing,
  ];
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) {
    sheet.addRow([
      row.itemNo,
      row.hsCode,
      row.name,
      row.unit,
      units(row.openingMilli),
      ...COUNTERS.flatMap((c) => [units(row.inMilli[c]), units(row.outMilli[c])]),
      units(row.closingMilli),
    ]);
  }
  const first = 2;
  const last = rows.length + 1;
  const totals: (string | number | ExcelJS.CellFormulaValue)[] = [h.total, '', '', ''];
  for (let column = 5; column <= header.length; column += 1) {
    const letter = sheet.getColumn(column).letter;
    const sumMilli = rows.reduce((sum, row) => {
      if (column === 5) return sum + row.openingMilli;
      if (column === header.length) return sum + row.closingMilli;
      const counter = COUNTERS[Math.floor((column - 6) / 2)]!;
      return sum + ((column - 6) % 2 === 0 ? row.inMilli[counter] : row.outMilli[counter]);
    }, 0);
    totals.push({ formula: `SUM(${letter}${first}:${letter}${Math.max(first, last)})`, result: units(sumMilli) });
  }
  sheet.addRow(totals).font = { bold: true };
  for (let column = 5; column <= header.length; column += 1) sheet.getColumn(column).numFmt = '#,##0.000';
  sheet.getColumn(3).width = 28;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
