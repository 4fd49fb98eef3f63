/**
 * Issue 6's credit goal: recomputing one enterprise's grade after a new record takes ≤ 50 ms, with 20,000
 * enterprises' facts in the database.
 *
 *   npm run bench:credit                          (a minute or two; writes test-output/bench-credit.md)
 *   BENCH_POSTGRES_URL=postgres://user@host:5432/postgres   server for the scratch database
 *   BENCH_ONLY=pglite|postgres, CREDIT_BENCH_ENTERPRISES=20000, CREDIT_BENCH_FACTS=25, CREDIT_BENCH_RUNS=400
 *
 * What is timed is exactly what the credit subscriber does for one event (`recordEvent`): one transaction that
 * inserts the fact (unique on the source event id), takes the enterprise's advisory lock, counts its counting
 * facts by kind, runs the pure engine, upserts the current grade, appends history when the score moves and
 * emits `credit.grade_changed` when the grade does. Events are drawn over random enterprises and kinds (a
 * quarter of them breaches, so grades do change).
 *
 * Baseline in the same run: the same count without the partial index (a sequential scan over every fact,
 * which is what a recompute "from the raw records" would cost), timed alone.
 *
 * Paper estimate: ~6 statements, each an index lookup or a one-row write, ~0.1–0.3 ms each on PostgreSQL plus
 * one commit (WAL flush, ~1–3 ms): 2–5 ms; PGlite has no fsync in memory but is single-threaded WASM, similar.
 * The sequential-scan baseline reads 500,000 rows: ~50–150 ms.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { assessCredit, FACT_KINDS, recordEvent } from '../src/modules/credit/index.js';
import type { EventEnvelope } from '../src/modules/events/index.js';
import { type Database, queryRows } from '../src/platform/db/client.js';
import { fmt, type Kind, median, openBenchDatabase, percentile } from './support.js';

const ENTERPRISES = Number(process.env.CREDIT_BENCH_ENTERPRISES ?? 20_000);
const FACTS_PER_ENTERPRISE = Number(process.env.CREDIT_BENCH_FACTS ?? 25);
const RUNS = Number(process.env.CREDIT_BENCH_RUNS ?? 400);
const BASELINE_RUNS = 20;
const ONLY = process.env.BENCH_ONLY ?? '';
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const GOAL_MS = 50;

let seed = 20261130;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4_294_967_296;
};

/** The enterprise ids the generator uses: md5 of the index, as a uuid (the same in SQL and here). */
const enterpriseIdSql = (index: string) => sql.raw(`md5('enterprise-' || ${index})::uuid`);

/** The events that make facts, with the payload each needs; breaches about a quarter of the time. */
function randomEvent(enterpriseId: string): EventEnvelope {
  const roll = random();
  const declarationId = randomUUID();
  const [type, payload] =
    roll < 0.35
      ? ['trade.declaration_submitted', { declarationId, number: 'B1' }]
      : roll < 0.65
        ? ['trade.declaration_released', { declarationId, payment: 'paid', releasedAt: new Date().toISOString() }]
        : roll < 0.75
          ? ['trade.declaration_paid', { declarationId }]
          : roll < 0.85
            ? ['trade.declaration_rejected', { declarationId, note: 'x' }]
            : roll < 0.92
              ? [
                  'trade.declaration_inspection_findings',
                  { declarationId, findings: { result: 'discrepancy', text: 'x' } },
                ]
              : roll < 0.97
                ? ['bonded.stocktake_decided', { listId: randomUUID(), number: 'L1', status: 'posted' }]
                : [
                    'bonded.consolidation_overdue',
                    { consolidationId: randomUUID(), number: 'C1', dueOn: '2026-01-01' },
                  ];
  return {
    id: randomUUID(),
    type,
    module: type.split('.')[0]!,
    enterpriseId,
    occurredAt: new Date().toISOString(),
    payload: payload as Record<string, unknown>,
  };
}

async function generate(database: Database): Promise<number> {
  const started = performance.now();
  const kinds = sql.raw(`ARRAY[${FACT_KINDS.map((k) => `'${k}'`).join(',')}]`);
  // Chunks of 2,000 enterprises keep each statement's memory bounded (PGlite runs in the same process).
  const chunk = 2_000;
  for (let from = 1; from <= ENTERPRISES; from += chunk) {
    const to = Math.min(ENTERPRISES, from + chunk - 1);
    await database.db.execute(sql`
      INSERT INTO credit_facts (id, enterprise_id, source_event_id, kind, subject_id, occurred_at, details)
      SELECT md5('fact-' || e || '-' || f)::uuid, ${enterpriseIdSql('e')}, md5('event-' || e || '-' || f)::uuid,
             (${kinds})[1 + ((e * 7 + f * 13) % ${FACT_KINDS.length})], 'subject-' || f,
             now() - (f || ' days')::interval, '{}'::jsonb
      FROM generate_series(${from}::int, ${to}::int) AS e, generate_series(1, ${FACTS_PER_ENTERPRISE}::int) AS f`);
    await database.db.execute(sql`
      INSERT INTO credit_scores (enterprise_id, score, grade, factors, computed_at)
      SELECT ${enterpriseIdSql('e')}, 80, 'B', '[]'::jsonb, now() FROM generate_series(${from}::int, ${to}::int) AS e`);
  }
  await database.db.execute(sql`ANALYZE credit_facts`);
  await database.db.execute(sql`ANALYZE credit_scores`);
  return performance.now() - started;
}

interface Result {
  kind: Kind;
  facts: number;
  generateMs: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  baselineMedianMs: number;
  gradeChanges: number;
}

async function run(kind: Kind): Promise<Result> {
  const { database, drop } = await openBenchDatabase(kind, POSTGRES_URL);
  try {
    await database.migrate();
    const generateMs = await generate(database);
    const [facts] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM credit_facts`);
    const [ids] = await queryRows<{ ids: string[] }>(
      database.db,
      sql`SELECT array_agg(${enterpriseIdSql('e')}::text) AS ids FROM generate_series(1, ${ENTERPRISES}::int) AS e`,
    );
    const enterpriseIds = ids!.ids;
    const pick = () => enterpriseIds[Math.floor(random() * enterpriseIds.length)]!;
    // Warm-up: plans cached, pages in memory, as in a running server.
    for (let i = 0; i < 20; i += 1) await recordEvent(database.db, randomEvent(pick()));
    const [eventsBefore] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'credit.grade_changed'`,
    );

    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const event = randomEvent(pick());
      const started = performance.now();
      const stored = await recordEvent(database.db, event);
      times.push(performance.now() - started);
      if (!stored) throw new Error('a new event stored no fact');
    }
    const [eventsAfter] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'credit.grade_changed'`,
    );

    // Baseline: the same counts from the raw facts without the index (the cast defeats it), timed alone.
    const baseline: number[] = [];
    for (let i = 0; i < BASELINE_RUNS; i += 1) {
      const id = pick();
      const started = performance.now();
      await queryRows(
        database.db,
        sql`SELECT kind, count(*)::int AS n FROM credit_facts
            WHERE enterprise_id::text = ${id} AND repaired_at IS NULL GROUP BY kind`,
      );
      baseline.push(performance.now() - started);
    }
    return {
      kind,
      facts: facts!.n,
      generateMs,
      medianMs: median(times),
      p99Ms: percentile(times, 99),
      maxMs: Math.max(...times),
      baselineMedianMs: median(baseline),
      gradeChanges: eventsAfter!.n - eventsBefore!.n,
    };
  } finally {
    await database.close();
    await drop();
  }
}

async function main(): Promise<void> {
  // The pure engine alone, for scale: microseconds per assessment.
  const engineRuns = 100_000;
  const engineStarted = performance.now();
  for (let i = 0; i < engineRuns; i += 1) {
    assessCredit({ declaration_released: i % 97, declaration_rejected: i % 5, inspection_discrepancy: i % 3 });
  }
  const engineUs = ((performance.now() - engineStarted) * 1000) / engineRuns;

  const kinds: Kind[] = ONLY ? [ONLY as Kind] : ['pglite', 'postgres'];
  const results: Result[] = [];
  for (const kind of kinds) {
    try {
      console.log(`[credit] ${kind}: generating ${ENTERPRISES} enterprises × ${FACTS_PER_ENTERPRISE} facts …`);
      const result = await run(kind);
      results.push(result);
      console.log(
        `[credit] ${kind}: ${fmt(result.facts)} facts (generated in ${fmt(result.generateMs / 1000, 1)} s); recompute after a new record: median ${fmt(result.medianMs, 2)} ms, p99 ${fmt(result.p99Ms, 2)} ms, max ${fmt(result.maxMs, 1)} ms; baseline count by sequential scan ${fmt(result.baselineMedianMs, 1)} ms`,
      );
    } catch (error) {
      if (kind === 'postgres' && !ONLY) {
        console.warn(`[credit] PostgreSQL skipped: ${(error as Error).message}`);
        continue;
      }
      throw error;
    }
  }

  const lines = [
    '# Credit grade recompute',
    '',
    `${fmt(ENTERPRISES)} enterprises × ${FACTS_PER_ENTERPRISE} facts; ${RUNS} new records over random enterprises, each recorded and the grade recomputed in one transaction (\`recordEvent\`). Goal: ≤ ${GOAL_MS} ms.`,
    '',
    '| database | facts | median ms | p99 ms | max ms | grade changes | baseline: count by seq scan, median ms | goal |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${fmt(r.facts)} | ${fmt(r.medianMs, 2)} | ${fmt(r.p99Ms, 2)} | ${fmt(r.maxMs, 1)} | ${r.gradeChanges} | ${fmt(r.baselineMedianMs, 1)} | ${r.p99Ms <= GOAL_MS ? 'met' : 'MISSED'} |`,
    ),
    '',
    `Pure engine (assessCredit): ${fmt(engineUs, 2)} µs per assessment.`,
    '',
  ];
  const out = path.resolve(import.meta.dirname, '..', '..', 'test-output', 'bench-credit.md');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
