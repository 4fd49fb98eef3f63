/**
 * Foundation benchmark: what the kernel costs, each figure beside a baseline measured in the
 * same run on the same machine (these machines are shared and noisy: medians and ratios only).
 *
 *   npm run bench            (embedded PGlite)
 *   BENCH_DATABASE_URL=postgres://… npm run bench
 *
 * Paper estimate before measuring: an outbox event is one extra row in the caller's transaction
 * plus, later, one delivery row and two updates; at PGlite's ~5k single-row inserts/s that bounds
 * end-to-end dispatch near 1–2k events/s per process, and emit inside a batch near raw insert speed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { EventDispatcher, emitEvent } from '../src/modules/events/index.js';
import { seedReferenceData } from '../src/modules/reference/index.js';
import { type Database, openPglite, openPostgres } from '../src/platform/db/client.js';

const quiet = { info() {}, warn() {}, error() {} };
const rows: string[][] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function timeRuns(runs: number, body: () => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    await body();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

function report(name: string, value: string, baselineName: string, baseline: string, ratio: string) {
  rows.push([name, value, baselineName, baseline, ratio]);
  console.log(`${name}: ${value}  |  ${baselineName}: ${baseline}  |  ${ratio}`);
}

async function open(): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  const database = url ? await openPostgres(url) : await openPglite(null);
  await database.migrate();
  await seedReferenceData(database.db);
  return database;
}

async function benchOutbox(database: Database) {
  const { db } = database;
  const eventsPerBatch = 500;
  await db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS bench_plain (id uuid PRIMARY KEY, payload jsonb NOT NULL)`);
  const plainMs = await timeRuns(5, async () => {
    await db.transaction(async (tx) => {
      for (let index = 0; index < eventsPerBatch; index += 1) {
        await tx.execute(
          sql`INSERT INTO bench_plain (id, payload) VALUES (${randomUUID()}, ${JSON.stringify({ index })}::jsonb)`,
        );
      }
    });
  });
  const emitMs = await timeRuns(5, async () => {
    await db.transaction(async (tx) => {
      for (let index = 0; index < eventsPerBatch; index += 1) {
        await emitEvent(tx, { module: 'bench', event: 'ping', enterpriseId: null, payload: { index } });
      }
    });
  });
  report(
    'emitEvent, 500 in one transaction',
    `${Math.round((eventsPerBatch / emitMs) * 1000)} events/s`,
    'plain single-row INSERT',
    `${Math.round((eventsPerBatch / plainMs) * 1000)} rows/s`,
    `${(emitMs / plainMs).toFixed(2)}× the time`,
  );

  // End-to-end: fan out and deliver everything pending to one in-process subscriber.
  const dispatcher = new EventDispatcher({ db, logger: quiet, nats: null, webhookTimeoutMs: 1000 });
  let delivered = 0;
  dispatcher.subscribe({
    name: 'bench',
    pattern: 'bench.*',
    async handle() {
      delivered += 1;
    },
  });
  const pending = (await db.execute(sql`SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL`)) as {
    rows: { n: number }[];
  };
  const total = pending.rows[0]?.n ?? 0;
  const started = process.hrtime.bigint();
  while ((await dispatcher.pendingCount()) > 0) await dispatcher.runOnce();
  const dispatchMs = Number(process.hrtime.bigint() - started) / 1e6;
  report(
    `dispatch ${total} events to a subscriber`,
    `${Math.round((delivered / dispatchMs) * 1000)} events/s`,
    'plain single-row INSERT',
    `${Math.round((eventsPerBatch / plainMs) * 1000)} rows/s`,
    `${(((total / dispatchMs) * 1000) / ((eventsPerBatch / plainMs) * 1000)).toFixed(2)}× the rate`,
  );
}

async function benchHttp(database: Database) {
  await seedDemo(database.db);
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' }, []),
    database,
    logger: false,
    startDispatcher: false,
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'admin@demo', password: 'demo1234' },
  });
  const cookie = `scohub_session=${login.cookies.find((c) => c.name === 'scohub_session')?.value}`;
  const created = await app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { cookie },
    payload: { name: 'bench' },
  });
  const key = created.json().key as string;
  const runs = 300;

  const health = await timeRuns(runs, async () => {
    await app.inject({ method: 'GET', url: '/api/health' });
  });
  const publicRead = await timeRuns(runs, async () => {
    await app.inject({ method: 'GET', url: '/api/reference/locations/CNTAO' });
  });
  const sessionRead = await timeRuns(runs, async () => {
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  });
  const keyRead = await timeRuns(runs, async () => {
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${key}` } });
  });
  report(
    'GET /api/reference/locations/:locode (public)',
    `${publicRead.toFixed(2)} ms median`,
    'GET /api/health',
    `${health.toFixed(2)} ms`,
    `${(publicRead / health).toFixed(2)}×`,
  );
  report(
    'GET /api/auth/me with session cookie',
    `${sessionRead.toFixed(2)} ms median`,
    'public read',
    `${publicRead.toFixed(2)} ms`,
    `${(sessionRead / publicRead).toFixed(2)}×`,
  );
  report(
    'GET /api/auth/me with API key',
    `${keyRead.toFixed(2)} ms median`,
    'session cookie',
    `${sessionRead.toFixed(2)} ms`,
    `${(keyRead / sessionRead).toFixed(2)}×`,
  );

  const webhook = await app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie },
    payload: { url: 'http://127.0.0.1:9/none', eventTypes: ['bench.*'] },
  });
  const hookId = webhook.json().webhook.id as string;
  let counter = 0;
  const plainMutation = await timeRuns(runs, async () => {
    await app.inject({ method: 'POST', url: `/api/webhooks/${hookId}/ping`, headers: { cookie } });
  });
  const keyedMutation = await timeRuns(runs, async () => {
    counter += 1;
    await app.inject({
      method: 'POST',
      url: `/api/webhooks/${hookId}/ping`,
      headers: { cookie, 'idempotency-key': `k-${counter}` },
    });
  });
  const replayed = await timeRuns(runs, async () => {
    await app.inject({
      method: 'POST',
      url: `/api/webhooks/${hookId}/ping`,
      headers: { cookie, 'idempotency-key': 'k-1' },
    });
  });
  report(
    'POST mutation with Idempotency-Key',
    `${keyedMutation.toFixed(2)} ms median`,
    'same without key',
    `${plainMutation.toFixed(2)} ms`,
    `${(keyedMutation / plainMutation).toFixed(2)}×`,
  );
  report(
    'POST retried with a used key (replay)',
    `${replayed.toFixed(2)} ms median`,
    'first execution',
    `${keyedMutation.toFixed(2)} ms`,
    `${(replayed / keyedMutation).toFixed(2)}×`,
  );

  const loginMs = await timeRuns(20, async () => {
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'bank@demo', password: 'demo1234' } });
  });
  report(
    'POST /api/auth/login (argon2id verify)',
    `${loginMs.toFixed(1)} ms median`,
    'session-authenticated read',
    `${sessionRead.toFixed(2)} ms`,
    `${(loginMs / sessionRead).toFixed(0)}×`,
  );
  await app.close();
}

async function main() {
  const database = await open();
  const kind = database.kind;
  console.log(`foundation benchmark on ${kind}, node ${process.version}\n`);
  await benchOutbox(database);
  await benchHttp(database);
  await database.close();
  const table = [
    `# Foundation benchmark (${kind}, node ${process.version}, ${new Date().toISOString()})`,
    '',
    '| measure | value | baseline | baseline value | ratio |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  const out = path.resolve(import.meta.dirname, '..', '..', 'test-output', `bench-foundation-${kind}.md`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, table);
  console.log(`\nreport written to ${out}`);
}

await main();
