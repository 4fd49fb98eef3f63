/**
 * The cockpit's figures for a period, read from the aggregate rows (a few thousand at most, whatever the
 * number of declarations or shipments), plus the plan's indicators and the measures tracker.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import { type FieldIssue, invalidFields, notFound } from '../../platform/http/problem.js';
import type { Locale } from '../../platform/i18n/index.js';
import { retailListFigures } from '../ecommerce/index.js';
import { trainsRun } from '../logistics/index.js';
import { histogramMedian } from './clearance.js';
import { PLAN_INDICATORS, type PlanIndicator } from './data/indicators.js';
import { DEPARTMENT_CODES, DEPARTMENTS, MEASURES } from './data/measures.js';
import type { MeasureStatus } from './schema.js';

export const PERIOD_PRESETS = ['this_month', 'last_quarter', 'this_year', 'last_12_months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
/** A period spans at most this many months, so every answer reads a bounded number of aggregate rows. */
export const PERIOD_MONTHS_MAX = 36;
export const TASKS_PER_MEASURE_MAX = 50;

export interface Period {
  from: string;
  to: string;
}

const monthIndex = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Today in zone time (UTC+8) as YYYY-MM-DD. */
export function zoneDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Months of a period, inclusive. Presets are relative to `now` in zone time: `last_quarter` is the previous
 * calendar quarter (Q3 when asked in November), `last_12_months` ends with the current month.
 */
export function resolvePeriod(
  input: { from?: string | undefined; to?: string | undefined; period?: PeriodPreset | undefined },
  now: Date,
): Period {
  const current = monthIndex(zoneDate(now).slice(0, 7));
  if (input.period) {
    switch (input.period) {
      case 'this_month':
        return { from: monthOf(current), to: monthOf(current) };
      case 'last_quarter': {
        const quarterStart = current - (current % 3);
        return { from: monthOf(quarterStart - 3), to: monthOf(quarterStart - 1) };
      }
      case 'this_year':
        return { from: monthOf(current - (current % 12)), to: monthOf(current) };
      case 'last_12_months':
        return { from: monthOf(current - 11), to: monthOf(current) };
    }
  }
  const from = input.from ?? monthOf(current - 11);
  const to = input.to ?? monthOf(current);
  const issues: FieldIssue[] = [];
  if (monthIndex(from) > monthIndex(to)) issues.push({ field: 'querystring.from', code: 'period_reversed' });
  else if (monthIndex(to) - monthIndex(from) + 1 > PERIOD_MONTHS_MAX) {
    issues.push({ field: 'querystring.to', code: 'cockpit_period_too_long', params: { max: PERIOD_MONTHS_MAX } });
  }
  if (issues.length > 0) throw invalidFields(issues);
  return { from, to };
}

export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let i = monthIndex(period.from); i <= monthIndex(period.to); i += 1) months.push(monthOf(i));
  return months;
}

export interface CockpitIndicators {
  period: Period;
  trade: {
    totalFen: number;
    declarations: number;
    byCountry: { country: string; importFen: number; exportFen: number; declarations: number }[];
    byMonth: { month: string; importFen: number; exportFen: number }[];
  };
  clearance: {
    medianMinutes: number | null;
    byChannel: { channel: string; declarations: number; released: number; medianMinutes: number | null }[];
  };
  containers: {
    byMode: { mode: string; shipments: number; teu: number }[];
    byMonth: { month: string; mode: string; teu: number }[];
  };
  trains: { corridor: string; direction: string; trains: number }[];
  bonded: { kind: string; lists: number; lines: number; quantityMilli: number }[];
  ecommerce: {
    lists: number;
    released: number;
    valueFen: number;
    taxFen: number;
    byMode: { mode: string; lists: number }[];
  };
  enterprises: { active: number; onboarded: number; byGrade: { grade: string; enterprises: number }[] };
}

const num = (v: string | number | null) => (v === null ? 0 : Number(v));

export async function cockpitIndicators(db: Queryable, period: Period, now: Date): Promise<CockpitIndicators> {
  const inPeriod = (column: string) => sql`${sql.raw(column)} BETWEEN ${period.from} AND ${period.to}`;
  const [trade, months, channels, histogram, shipments, trains, bonded, retail, enterprises, grades] =
    await Promise.all([
      queryRows<{ trade_country: string; direction: string; n: number; value_fen: string }>(
        db,
        sql`SELECT trade_country, direction, sum(declarations)::int AS n, sum(value_fen) AS value_fen
            FROM cockpit_declaration_stats WHERE ${inPeriod('month')} GROUP BY 1, 2`,
      ),
      queryRows<{ month: string; direction: string; value_fen: string }>(
        db,
        sql`SELECT month, direction, sum(value_fen) AS value_fen FROM cockpit_declaration_stats
            WHERE ${inPeriod('month')} GROUP BY 1, 2 ORDER BY 1`,
      ),
      queryRows<{ channel: string; n: number; released: number }>(
        db,
        sql`SELECT channel, sum(declarations)::int AS n, sum(released)::int AS released FROM cockpit_declaration_stats
            WHERE ${inPeriod('month')} GROUP BY 1 ORDER BY 1`,
      ),
      queryRows<{ channel: string; bucket: number; n: number }>(
        db,
        sql`SELECT channel, bucket, sum(declarations)::int AS n FROM cockpit_clearance_histogram
            WHERE ${inPeriod('month')} GROUP BY 1, 2 HAVING sum(declarations) > 0`,
      ),
      queryRows<{ month: string; mode: string; shipments: number; teu: number }>(
        db,
        sql`SELECT month, mode, sum(shipments)::int AS shipments, sum(teu)::int AS teu FROM cockpit_shipment_stats
            WHERE ${inPeriod('month')} GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
      trainsRun(db, period.from, period.to, now),
      queryRows<{ kind: string; lists: number; lines: number; quantity_milli: string }>(
        db,
        sql`SELECT kind, sum(lists)::int AS lists, sum(lines)::int AS lines, sum(quantity_milli) AS quantity_milli
            FROM cockpit_bonded_stats WHERE ${inPeriod('month')} GROUP BY 1 ORDER BY 1`,
      ),
      retailListFigures(db, period.from, period.to),
      queryRows<{ active: number; onboarded: number }>(
        db,
        sql`SELECT count(*) FILTER (WHERE activated_month IS NOT NULL AND activated_month <= ${period.to})::int AS active,
              count(*) FILTER (WHERE ${inPeriod('activated_month')})::int AS onboarded
            FROM cockpit_enterprises`,
      ),
      queryRows<{ grade: string; n: number }>(
        db,
        sql`SELECT grade, count(*)::int AS n FROM cockpit_enterprises WHERE grade IS NOT NULL GROUP BY 1 ORDER BY 1`,
      ),
    ]);

  const countries = new Map<string, { country: string; importFen: number; exportFen: number; declarations: number }>();
  let totalFen = 0;
  let declarations = 0;
  for (const row of trade) {
    const entry = countries.get(row.trade_country) ?? {
      country: row.trade_country,
      importFen: 0,
      exportFen: 0,
      declarations: 0,
    };
    if (row.direction === 'import') entry.importFen += num(row.value_fen);
    else entry.exportFen += num(row.value_fen);
    entry.declarations += row.n;
    countries.set(row.trade_country, entry);
    totalFen += num(row.value_fen);
    declarations += row.n;
  }
  const byMonth = monthsOf(period).map((month) => ({
    month,
    importFen: num(months.find((m) => m.month === month && m.direction === 'import')?.value_fen ?? null),
    exportFen: num(months.find((m) => m.month === month && m.direction === 'export')?.value_fen ?? null),
  }));
  const all = new Map<number, number>();
  const perChannel = new Map<string, Map<number, number>>();
  for (const row of histogram) {
    all.set(row.bucket, (all.get(row.bucket) ?? 0) + row.n);
    const h = perChannel.get(row.channel) ?? new Map<number, number>();
    h.set(row.bucket, row.n);
    perChannel.set(row.channel, h);
  }
  const byMode = new Map<string, { mode: string; shipments: number; teu: number }>();
  for (const row of shipments) {
    const entry = byMode.get(row.mode) ?? { mode: row.mode, shipments: 0, teu: 0 };
    entry.shipments += row.shipments;
    entry.teu += row.teu;
    byMode.set(row.mode, entry);
  }
  const trainTotals = new Map<string, { corridor: string; direction: string; trains: number }>();
  for (const row of trains) {
    const key = `${row.corridor}|${row.direction}`;
    const entry = trainTotals.get(key) ?? { corridor: row.corridor, direction: row.direction, trains: 0 };
    entry.trains += row.trains;
    trainTotals.set(key, entry);
  }
  const retailModes = new Map<string, number>();
  for (const row of retail) retailModes.set(row.mode, (retailModes.get(row.mode) ?? 0) + row.lists);
  return {
    period,
    trade: {
      totalFen,
      declarations,
      byCountry: [...countries.values()].sort((a, b) => b.importFen + b.exportFen - (a.importFen + a.exportFen)),
      byMonth,
    },
    clearance: {
      medianMinutes: histogramMedian(all),
      byChannel: channels.map((c) => ({
        channel: c.channel,
        declarations: c.n,
        released: c.released,
        medianMinutes: histogramMedian(perChannel.get(c.channel) ?? new Map()),
      })),
    },
    containers: {
      byMode: [...byMode.values()].sort((a, b) => b.teu - a.teu),
      byMonth: shipments.map((s) => ({ month: s.month, mode: s.mode, teu: s.teu })),
    },
    trains: [...trainTotals.values()].sort((a, b) => b.trains - a.trains),
    bonded: bonded.map((b) => ({
      kind: b.kind,
      lists: b.lists,
      lines: b.lines,
      quantityMilli: num(b.quantity_milli),
    })),
    ecommerce: {
      lists: retail.reduce((s, r) => s + r.lists, 0),
      released: retail.filter((r) => r.status === 'released').reduce((s, r) => s + r.lists, 0),
      valueFen: retail.reduce((s, r) => s + r.valueFen, 0),
      taxFen: retail.reduce((s, r) => s + r.taxFen, 0),
      byMode: [...retailModes].map(([mode, lists]) => ({ mode, lists })),
    },
    enterprises: {
      active: enterprises[0]?.active ?? 0,
      onboarded: enterprises[0]?.onboarded ?? 0,
      byGrade: grades.map((g) => ({ grade: g.grade, enterprises: g.n })),
    },
  };
}

// ---- Drill-down ----------------------------------------------------------------------------------

/**
 * Ids of the declarations behind a figure, newest first, from the contribution rows (indexed by country and
 * date): the page costs an index range whatever the number of declarations; trade then answers the page by id.
 */
export async function drillDeclarationIds(
  db: Queryable,
  period: Period,
  filter: { country?: string | undefined; direction?: string | undefined; channel?: string | undefined },
  limit: number,
  offset: number,
): Promise<string[]> {
  const [year, month] = period.to.split('-').map(Number) as [number, number];
  const toExclusive = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  const rows = await queryRows<{ declaration_id: string }>(
    db,
    sql`SELECT declaration_id FROM cockpit_declaration_contributions
        WHERE declaration_date >= ${`${period.from}-01`} AND declaration_date < ${toExclusive}
          ${filter.country ? sql`AND trade_country = ${filter.country}` : sql``}
          ${filter.direction ? sql`AND direction = ${filter.direction}` : sql``}
          ${filter.channel ? sql`AND channel = ${filter.channel}` : sql``}
        ORDER BY declaration_date DESC, declaration_id DESC
        LIMIT ${limit} OFFSET ${offset}`,
  );
  return rows.map((r) => r.declaration_id);
}

// ---- The plan's indicator table -------------------------------------------------------------------

export interface PlanIndicatorView extends PlanIndicator {
  current: {
    value: string;
    asOf: string;
    /** 'platform' when computed from the platform's records, else the source the admin gave. */
    source: string;
    computed: boolean;
    enteredAt: string | null;
  } | null;
  /** 0…100: share of the way from the baseline (or zero) to the target; null without both numbers. */
  progressPercent: number | null;
}

/** Fen → 亿元 (10^8 yuan = 10^10 fen), two decimals, as a decimal string (exact: integer arithmetic). */
export function fenToHundredMillionYuan(fen: number): string {
  const hundredths = Math.round(fen / 100_000_000);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function progressPercent(baseline: string | null, target: string | null, current: string | null): number | null {
  if (target === null || current === null) return null;
  const start = baseline === null ? 0 : Number(baseline);
  const span = Number(target) - start;
  if (span === 0) return Number(current) >= Number(target) ? 100 : 0;
  const share = ((Number(current) - start) / span) * 100;
  return Math.round(Math.max(0, Math.min(100, share)) * 10) / 10;
}

export async function planIndicators(db: Queryable, now: Date): Promise<PlanIndicatorView[]> {
  const year = zoneDate(now).slice(0, 4);
  const [entered, yearTrade] = await Promise.all([
    queryRows<{ indicator_code: string; value: string; as_of: string; source: string; entered_at: Date | string }>(
      db,
      sql`SELECT DISTINCT ON (indicator_code) indicator_code, value, to_char(as_of, 'YYYY-MM-DD') AS as_of, source, entered_at
          FROM cockpit_indicator_values ORDER BY indicator_code, as_of DESC, entered_at DESC`,
    ),
    queryRows<{ value_fen: string | null }>(
      db,
      sql`SELECT sum(value_fen) AS value_fen FROM cockpit_declaration_stats WHERE month BETWEEN ${`${year}-01`} AND ${`${year}-12`}`,
    ),
  ]);
  const manual = new Map(entered.map((e) => [e.indicator_code, e]));
  return PLAN_INDICATORS.map((indicator) => {
    let current: PlanIndicatorView['current'] = null;
    const byHand = manual.get(indicator.code);
    if (byHand) {
      current = {
        value: byHand.value,
        asOf: byHand.as_of,
        source: byHand.source,
        computed: false,
        enteredAt: new Date(byHand.entered_at).toISOString(),
      };
    } else if (indicator.computed === 'trade_total_100m_cny') {
      current = {
        value: fenToHundredMillionYuan(num(yearTrade[0]?.value_fen ?? null)),
        asOf: zoneDate(now),
        source: 'platform',
        computed: true,
        enteredAt: null,
      };
    }
    return {
      ...indicator,
      current,
      progressPercent: progressPercent(indicator.baseline2020, indicator.target2025, current?.value ?? null),
    };
  });
}

export async function enterIndicatorValue(
  tx: Tx,
  input: { code: string; value: string; asOf: string; source: string; userId: string },
): Promise<{ id: string }> {
  const indicator = PLAN_INDICATORS.find((i) => i.code === input.code);
  if (!indicator) throw notFound('indicator');
  const id = randomUUID();
  await tx.execute(
    sql`INSERT INTO cockpit_indicator_values (id, indicator_code, value, as_of, source, entered_by)
        VALUES (${id}, ${input.code}, ${input.value}, ${input.asOf}, ${input.source}, ${input.userId})`,
  );
  return { id };
}

// ---- The measures tracker ------------------------------------------------------------------------

export interface TaskView {
  id: string;
  title: string;
  department: string;
  dueDate: string | null;
  status: MeasureStatus;
  evidence: string | null;
  overdue: boolean;
}

export interface MeasureView {
  no: number;
  centre: string;
  title: string;
  lead: { code: string; name: string } | null;
  coResponsible: { code: string; name: string }[];
  status: MeasureStatus;
  dueDate: string | null;
  evidence: string | null;
  version: number;
  overdue: boolean;
  tasks: TaskView[];
}

export function departmentName(code: string, locale: Locale): string {
  return DEPARTMENTS.find((d) => d.code === code)?.names[locale] ?? code;
}

/** Overdue is decided on read against today's zone date, so it needs no job and is never stale. */
const isOverdue = (dueDate: string | null, status: MeasureStatus, today: string) =>
  dueDate !== null && status !== 'done' && dueDate < today;

export async function measuresView(db: Queryable, locale: Locale, now: Date): Promise<MeasureView[]> {
  const today = zoneDate(now);
  const [states, tasks] = await Promise.all([
    queryRows<{ no: number; status: MeasureStatus; due_date: string | null; evidence: string | null; version: number }>(
      db,
      sql`SELECT no, status, to_char(due_date, 'YYYY-MM-DD') AS due_date, evidence, version FROM cockpit_measures`,
    ),
    queryRows<{
      id: string;
      measure_no: number;
      title: string;
      department: string;
      due_date: string | null;
      status: MeasureStatus;
      evidence: string | null;
    }>(
      db,
      sql`SELECT id, measure_no, title, department, to_char(due_date, 'YYYY-MM-DD') AS due_date, status, evidence
          FROM cockpit_measure_tasks ORDER BY measure_no, created_at, id`,
    ),
  ]);
  const stateOf = new Map(states.map((s) => [s.no, s]));
  return MEASURES.map((measure) => {
    const state = stateOf.get(measure.no);
    const status = state?.status ?? 'not_started';
    const dueDate = state?.due_date ?? null;
    const measureTasks = tasks
      .filter((t) => t.measure_no === measure.no)
      .map((t) => ({
        id: t.id,
        title: t.title,
        department: t.department,
        dueDate: t.due_date,
        status: t.status,
        evidence: t.evidence,
        overdue: isOverdue(t.due_date, t.status, today),
      }));
    return {
      no: measure.no,
      centre: measure.centre,
      title: measure.title[locale],
      lead: measure.lead ? { code: measure.lead, name: departmentName(measure.lead, locale) } : null,
      coResponsible: measure.coResponsible.map((code) => ({ code, name: departmentName(code, locale) })),
      status,
      dueDate,
      evidence: state?.evidence ?? null,
      version: state?.version ?? 0,
      overdue: isOverdue(dueDate, status, today) || measureTasks.some((t) => t.overdue),
      tasks: measureTasks,
    };
  });
}

export function assertMeasure(no: number): void {
  if (!MEASURES.some((m) => m.no === no)) throw notFound('measure');
}

export function assertDepartment(code: string, field: string): void {
  if (!DEPARTMENT_CODES.has(code)) throw invalidFields([{ field, code: 'unknown_department', params: { code } }]);
}

export async function updateMeasure(
  tx: Tx,
  no: number,
  input: {
    status?: MeasureStatus | undefined;
    dueDate?: string | null | undefined;
    evidence?: string | null | undefined;
  },
  userId: string,
): Promise<void> {
  assertMeasure(no);
  const [row] = await queryRows<{ status: MeasureStatus; due_date: string | null; evidence: string | null }>(
    tx,
    sql`SELECT status, to_char(due_date, 'YYYY-MM-DD') AS due_date, evidence FROM cockpit_measures WHERE no = ${no} FOR UPDATE`,
  );
  const status = input.status ?? row?.status ?? 'not_started';
  const dueDate = input.dueDate !== undefined ? input.dueDate : (row?.due_date ?? null);
  const evidence = input.evidence !== undefined ? input.evidence : (row?.evidence ?? null);
  if (status === 'done' && !evidence) {
    // Done needs something to show for it: the tracker is what the leading group audits.
    throw invalidFields([{ field: 'body.evidence', code: 'evidence_required' }]);
  }
  await tx.execute(
    sql`INSERT INTO cockpit_measures AS m (no, status, due_date, evidence, updated_by)
        VALUES (${no}, ${status}, ${dueDate}, ${evidence}, ${userId})
        ON CONFLICT (no) DO UPDATE SET status = EXCLUDED.status, due_date = EXCLUDED.due_date,
          evidence = EXCLUDED.evidence, updated_by = EXCLUDED.updated_by, updated_at = now(), version = m.version + 1`,
  );
}

export async function addTask(
  tx: Tx,
  no: number,
  input: { title: string; department: string; dueDate?: string | undefined },
  userId: string,
): Promise<{ id: string }> {
  assertMeasure(no);
  assertDepartment(input.department, 'body.department');
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM cockpit_measure_tasks WHERE measure_no = ${no}`,
  );
  if ((count?.n ?? 0) >= TASKS_PER_MEASURE_MAX) {
    throw invalidFields([{ field: 'body', code: 'too_many_tasks', params: { max: TASKS_PER_MEASURE_MAX } }]);
  }
  const id = randomUUID();
  await tx.execute(
    sql`INSERT INTO cockpit_measure_tasks (id, measure_no, title, department, due_date, created_by)
        VALUES (${id}, ${no}, ${input.title}, ${input.department}, ${input.dueDate ?? null}, ${userId})`,
  );
  return { id };
}

export async function updateTask(
  tx: Tx,
  id: string,
  input: {
    status?: MeasureStatus | undefined;
    evidence?: string | null | undefined;
    dueDate?: string | null | undefined;
  },
): Promise<{ measureNo: number }> {
  const [row] = await queryRows<{ measure_no: number; status: MeasureStatus; evidence: string | null }>(
    tx,
    sql`SELECT measure_no, status, evidence FROM cockpit_measure_tasks WHERE id = ${id} FOR UPDATE`,
  );
  if (!row) throw notFound('task');
  const status = input.status ?? row.status;
  const evidence = input.evidence !== undefined ? input.evidence : row.evidence;
  if (status === 'done' && !evidence) throw invalidFields([{ field: 'body.evidence', code: 'evidence_required' }]);
  await tx.execute(
    sql`UPDATE cockpit_measure_tasks SET status = ${status}, evidence = ${evidence},
          due_date = ${input.dueDate !== undefined ? input.dueDate : sql`due_date`}, updated_at = now()
        WHERE id = ${id}`,
  );
  return { measureNo: row.measure_no };
}
