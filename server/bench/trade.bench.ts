import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { App } from '../src/app.js';
import { seedDemo } from '../src/demo/seed.js';
import { seedReferenceData } from '../src/modules/reference/index.js';
import type { Database } from '../src/platform/db/client.js';
import {
  count,
  fmt,
  type Kind,
  LoadClient,
  median,
  openBenchDatabase,
  percentile,
  postgresCpuMs,
  serve,
  signIn,
} from './support.js';

const ROUTES = {
  submit: '/api/trade/declarations',
  preview: '/api/trade/declarations/tax-preview',
} as const;
type RouteName = keyof typeof ROUTES;

interface LoadJob {
  baseUrl: string;
  route: RouteName;
  /** Session cookies; client i signs in as cookies[i % cookies.length]. */
  cookies: string[];
  bodies: string[];
  clients: number;
  durationMs: number;
}

interface Sample {
  startMs: number;
  endMs: number;
  status: number;
  body: number;
  declarant: number;
  /** Submissions: the channel and status of the 201 answer. */
  channel: string | null;
  outcome: string | null;
}

interface LoadResult {
  samples: Sample[];
  wallMs: number;
  clientCpuMs: number;
  errors: string[];
  /** A submission that got 201, to replay its Idempotency-Key. */
  replay: { key: string; body: number; declarant: number; id: string } | null;
}

/** Tells the driver when the measured part of a run starts and ends (it reads CPU counters then). */
function phase(name: 'start' | 'end') {
  process.send?.({ phase: name });
}

// ───────────────────────────── load client (child process) ─────────────────────────────

function httpPost(
  agent: http.Agent,
  baseUrl: string,
  pathname: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(pathname, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const samples: Sample[] = [];
  const errors: string[] = [];
  let replay: LoadResult['replay'] = null;
  const t0 = performance.now();
  const end = t0 + job.durationMs;

  async function client(index: number) {
    const declarant = index % job.cookies.length;
    let next = index;
    while (performance.now() < end) {
      const body = next % job.bodies.length;
      next += 1;
      const key = randomUUID();
      const headers: Record<string, string> = { cookie: job.cookies[declarant]! };
      if (job.route === 'submit') headers['idempotency-key'] = key;
      const startMs = performance.now();
      let response: { status: number; text: string };
      try {
        response = await httpPost(agent, job.baseUrl, ROUTES[job.route], headers, job.bodies[body]!);
      } catch (error) {
        errors.push(`network: ${(error as Error).message}`);
        continue;
      }
      const endMs = performance.now();
      let channel: string | null = null;
      let outcome: string | null = null;
      if (job.route === 'submit' && response.status === 201) {
        const answer = JSON.parse(response.text) as { id: string; channel: string; status: string; payment: string };
        channel = answer.channel;
        outcome = `${answer.status}/${answer.payment}`;
        replay ??= { key, body, declarant, id: answer.id };
      } else if (response.status !== 200 && response.status !== 201 && errors.length < 5) {
        errors.push(`${response.status} ${response.text.slice(0, 300)}`);
      }
      samples.push({
        startMs: startMs - t0,
        endMs: endMs - t0,
        status: response.status,
        body,
        declarant,
        channel,
        outcome,
      });
    }
  }

  const clientCpu = process.cpuUsage();
  phase('start');
  await Promise.all(Array.from({ length: job.clients }, (_, index) => client(index)));
  phase('end');
  const cpu = process.cpuUsage(clientCpu);
  agent.destroy();
  return {
    samples,
    wallMs: performance.now() - t0,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    errors,
    replay,
  };
}

async function loadClientMain() {
  process.on('message', (message: LoadJob) => {
    runLoad(message).then(
      (result) => process.send!({ ok: true, result }),
      (error: unknown) => process.send!({ ok: false, error: String((error as Error).stack ?? error) }),
    );
  });
  process.send!({ ready: true });
}

// ───────────────────────────── benchmark driver (this process) ─────────────────────────────

const CLIENTS = { postgres: 50, pglite: 10 } as const;
const WARMUP_MS = 5_000;
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 15) * 1_000;
const GOAL_PER_SECOND = 1_000;
const GOAL_P99_MS = 100;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;
const CORES = os.availableParallelism();
/** The demo trader's guarantee is raised to this (fen) so that auto-releases with tax never run it dry. */
const RAISED_GUARANTEE_FEN = 1_000_000_000_000;

const common = {
  direction: 'import',
  supervisionMode: '0110',
  transportMode: '3',
  dischargePort: 'CNJZH',
} as const;

/** Seven valid imports: different lines, origins, currencies and terms, so the channels vary. */
const BODIES: { label: string; body: Record<string, unknown> }[] = [
  {
    label: 'passenger cars, DE, EUR CIF (licence 7)',
    body: {
      ...common,
      termsOfSale: 'CIF',
      loadingPort: 'DEDUI',
      foreignParty: { name: 'Rhein-Ruhr Handels GmbH', country: 'DE' },
      tradeCountry: 'DE',
      currency: 'EUR',
      items: [
        {
          code: '8703234110',
          description: 'Passenger car 2.0 L petrol',
          quantities: [
            { amount: '2', unit: '003' },
            { amount: '3000', unit: '035' },
          ],
          priceAmount: '60000',
          originCountry: 'DE',
          licences: [{ code: '7', number: 'AIL-2026-000123' }],
        },
      ],
    },
  },
  {
    label: 'electric cars under the CNY 40,000 floor, DE, EUR CIF (inspection rule)',
    body: {
      ...common,
      termsOfSale: 'CIF',
      loadingPort: 'DEDUI',
      foreignParty: { name: 'Rhein-Ruhr Handels GmbH', country: 'DE' },
      tradeCountry: 'DE',
      currency: 'EUR',
      items: [
        {
          code: '8703800000',
          description: 'Battery-electric compact car, used',
          quantities: [
            { amount: '4', unit: '003' },
            { amount: '6400', unit: '035' },
          ],
          priceAmount: '16000',
          originCountry: 'DE',
          licences: [{ code: '7', number: 'AIL-2026-000456' }],
        },
      ],
    },
  },
  {
    label: 'frozen boneless beef, KZ, USD CIF (inspection rule)',
    body: {
      ...common,
      termsOfSale: 'CIF',
      loadingPort: 'KZALA',
      foreignParty: { name: 'Almaty Meat Export LLP', country: 'KZ' },
      tradeCountry: 'KZ',
      currency: 'USD',
      items: [
        {
          code: '0202300000',
          description: 'Frozen boneless beef, cartons',
          quantities: [{ amount: '24000', unit: '035' }],
          priceAmount: '168000',
          originCountry: 'KZ',
        },
      ],
    },
  },
  {
    label: 'Li-ion cells, KR, USD FOB + freight',
    body: {
      ...common,
      termsOfSale: 'FOB',
      loadingPort: 'KRPUS',
      dischargePort: 'CNTAO',
      transportMode: '2',
      foreignParty: { name: 'Hanbit Cell Co., Ltd.', country: 'KR' },
      tradeCountry: 'KR',
      currency: 'USD',
      freightAmount: '1800',
      items: [
        {
          code: '8507600030',
          description: 'Prismatic LFP cells 280 Ah',
          quantities: [
            { amount: '2000', unit: '007' },
            { amount: '11000', unit: '035' },
          ],
          priceAmount: '96000',
          originCountry: 'KR',
        },
      ],
    },
  },
  {
    label: 'PV modules and smartphones, DE/VN, EUR CIF (two items)',
    body: {
      ...common,
      termsOfSale: 'CIF',
      loadingPort: 'DEDUI',
      foreignParty: { name: 'Sonnenfeld Solar AG', country: 'DE' },
      tradeCountry: 'DE',
      currency: 'EUR',
      items: [
        {
          code: '8541430000',
          description: 'Monocrystalline PV modules 550 W',
          quantities: [
            { amount: '620', unit: '017' },
            { amount: '17400', unit: '035' },
          ],
          priceAmount: '71000',
          originCountry: 'DE',
        },
        {
          code: '8517130000',
          description: 'Smartphones 256 GB',
          quantities: [
            { amount: '300', unit: '001' },
            { amount: '90', unit: '035' },
          ],
          priceAmount: '45000',
          originCountry: 'VN',
        },
      ],
    },
  },
  {
    label: 'laptops, JP, JPY CIF',
    body: {
      ...common,
      transportMode: '5',
      termsOfSale: 'CIF',
      loadingPort: 'JPTYO',
      dischargePort: 'CNTAO',
      foreignParty: { name: 'Kanto Trading K.K.', country: 'JP' },
      tradeCountry: 'JP',
      currency: 'JPY',
      items: [
        {
          code: '8471300000',
          description: 'Notebook computers 14 inch',
          quantities: [
            { amount: '150', unit: '001' },
            { amount: '240', unit: '035' },
          ],
          priceAmount: '18000000',
          originCountry: 'JP',
        },
      ],
    },
  },
  {
    label: 'smartphones, KR, USD CIF',
    body: {
      ...common,
      termsOfSale: 'CIF',
      loadingPort: 'KRPUS',
      dischargePort: 'CNTAO',
      transportMode: '2',
      foreignParty: { name: 'Hanbit Mobile Co., Ltd.', country: 'KR' },
      tradeCountry: 'KR',
      currency: 'USD',
      items: [
        {
          code: '8517130000',
          description: 'Smartphones 128 GB',
          quantities: [
            { amount: '500', unit: '001' },
            { amount: '150', unit: '035' },
          ],
          priceAmount: '120000',
          originCountry: 'KR',
        },
      ],
    },
  },
];
const DECLARANTS = ['trader@demo', 'forwarder@demo'];

interface CpuShare {
  appMs: number;
  postgresMs: number;
  clientMs: number;
}

/** CPU of the app (this process) and PostgreSQL from the load client's 'start' to stop(). */
class CpuMeter {
  private app = process.cpuUsage();
  private postgres = 0;
  private profiler: inspector.Session | null = null;
  result: CpuShare = { appMs: Number.NaN, postgresMs: Number.NaN, clientMs: Number.NaN };

  constructor(
    private readonly kind: Kind,
    private readonly name: string,
    private readonly untilStopped = false,
  ) {}

  readonly onPhase = (phaseName: 'start' | 'end') => {
    if (phaseName === 'start') {
      this.app = process.cpuUsage();
      this.postgres = this.kind === 'postgres' ? postgresCpuMs() : 0;
      if (PROFILE_DIR) {
        this.profiler = new inspector.Session();
        this.profiler.connect();
        this.profiler.post('Profiler.enable', () => this.profiler?.post('Profiler.start'));
      }
    } else if (!this.untilStopped) this.stop();
  };

  stop(): void {
    const app = process.cpuUsage(this.app);
    this.result = {
      appMs: (app.user + app.system) / 1000,
      postgresMs: this.kind === 'postgres' ? postgresCpuMs() - this.postgres : 0,
      clientMs: Number.NaN,
    };
    const session = this.profiler;
    session?.post('Profiler.stop', (error, answer) => {
      if (!error && PROFILE_DIR) {
        fs.mkdirSync(PROFILE_DIR, { recursive: true });
        const file = path.join(PROFILE_DIR, `trade-${this.kind}-${this.name}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(answer.profile));
        console.log(`  CPU profile of the measured run: ${file}`);
      }
      session.disconnect();
    });
  }
}

/** Waits until the outbox is delivered and every release note rendered; how long that took (NaN past the limit). */
async function drain(app: App, database: Database, limitMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const outbox = await app.dispatcher.pendingCount();
    const notes = await count(database, sql`select count(*)::int as n from trade_release_notes where sha256 is null`);
    if (outbox === 0 && notes === 0) return performance.now() - started;
    if (performance.now() - started > limitMs) return Number.NaN;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface KindResult {
  kind: Kind;
  clients: number;
  preview: LoadResult;
  previewCpu: CpuShare;
  warmup: LoadResult;
  submit: LoadResult;
  submitCpu: CpuShare;
  drainMs: number;
  backlog: { outbox: number; notes: number };
  stored: number;
  acknowledged: number;
  distinctNumbers: number;
  replay: string;
}

async function runKind(kind: Kind, load: LoadClient<LoadJob, LoadResult>): Promise<KindResult> {
  const { database, drop } = await openBenchDatabase(kind, POSTGRES_URL);
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    await seedDemo(database.db);
    await database.db.execute(
      sql`update trade_guarantees set amount_fen = ${RAISED_GUARANTEE_FEN}, balance_fen = ${RAISED_GUARANTEE_FEN}`,
    );
    const { app, baseUrl } = await serve(database);
    const cookies = await Promise.all(DECLARANTS.map((email) => signIn(baseUrl, email)));
    const bodies = BODIES.map((b) => JSON.stringify(b.body));
    // Every body must be valid before anything is measured.
    for (const [i, body] of bodies.entries()) {
      const response = await fetch(new URL(ROUTES.preview, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[0]! },
        body,
      });
      if (response.status !== 200)
        throw new Error(`body ${i} (${BODIES[i]!.label}): ${response.status} ${await response.text()}`);
    }
    const clients = CLIENTS[kind];
    const job = (route: RouteName, durationMs: number): LoadJob => ({
      baseUrl,
      route,
      cookies,
      bodies,
      clients,
      durationMs,
    });

    console.log(
      `[${kind}] tax preview (baseline): ${clients} clients, ${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s`,
    );
    await load.run(job('preview', WARMUP_MS));
    const previewMeter = new CpuMeter(kind, 'preview');
    const preview = await load.run(job('preview', MEASURE_MS), previewMeter.onPhase);
    const previewCpu = { ...previewMeter.result, clientMs: preview.clientCpuMs };

    const before = await count(database, sql`select count(*)::int as n from trade_declarations`);
    const numbersBefore = await count(
      database,
      sql`select count(distinct number)::int as n from trade_declarations where number is not null`,
    );
    console.log(`[${kind}] submit: ${clients} clients, ${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s`);
    const warmup = await load.run(job('submit', WARMUP_MS));
    await drain(app, database);
    const submitMeter = new CpuMeter(kind, 'submit', true);
    const submit = await load.run(job('submit', MEASURE_MS), submitMeter.onPhase);
    const backlog = {
      outbox: await app.dispatcher.pendingCount(),
      notes: await count(database, sql`select count(*)::int as n from trade_release_notes where sha256 is null`),
    };
    // The CPU a declaration costs includes what it leaves behind: outbox deliveries and its release note.
    const drainMs = await drain(app, database);
    submitMeter.stop();
    const submitCpu = { ...submitMeter.result, clientMs: submit.clientCpuMs };
    for (const error of [...preview.errors, ...warmup.errors, ...submit.errors]) console.log(`  unexpected: ${error}`);

    // A client unsure whether its declaration arrived sends it again with the same key: answered, not stored again.
    let replay = 'not run';
    const used = submit.replay ?? warmup.replay;
    if (used) {
      const response = await fetch(new URL(ROUTES.submit, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[used.declarant]!, 'idempotency-key': used.key },
        body: bodies[used.body],
      });
      const answer = (await response.json()) as { id?: string };
      replay = `${response.status}, ${answer.id === used.id ? 'same declaration' : `OTHER declaration ${answer.id}`}`;
    }
    const after = await count(database, sql`select count(*)::int as n from trade_declarations`);
    const distinctNumbers =
      (await count(
        database,
        sql`select count(distinct number)::int as n from trade_declarations where number is not null`,
      )) - numbersBefore;
    const acknowledged = [...warmup.samples, ...submit.samples].filter((s) => s.status === 201).length;
    await app.close();
    return {
      kind,
      clients,
      preview,
      previewCpu,
      warmup,
      submit,
      submitCpu,
      drainMs,
      backlog,
      stored: after - before,
      acknowledged,
      distinctNumbers,
      replay,
    };
  } finally {
    await database.close().catch(() => {});
    await drop();
  }
}

interface Figures {
  perSecond: number;
  ok: number;
  other: number;
  p50: number;
  p99: number;
  cpu: CpuShare;
  cpuPerUnit: number;
}

function figuresOf(result: LoadResult, cpu: CpuShare, okStatus: number): Figures {
  const ok = result.samples.filter((s) => s.status === okStatus);
  const latencies = ok.map((s) => s.endMs - s.startMs);
  const total = cpu.appMs + cpu.postgresMs + cpu.clientMs;
  return {
    perSecond: (ok.length / result.wallMs) * 1000,
    ok: ok.length,
    other: result.samples.length - ok.length,
    p50: median(latencies),
    p99: percentile(latencies, 99),
    cpu,
    cpuPerUnit: ok.length > 0 ? total / ok.length : Number.NaN,
  };
}

function cpuText(f: Figures): string {
  if (!(f.ok > 0)) return 'not measured';
  const per = (ms: number) => fmt(ms / f.ok, 1);
  const parts = [`app ${per(f.cpu.appMs)}`];
  if (f.cpu.postgresMs > 0) parts.push(`PostgreSQL ${per(f.cpu.postgresMs)}`);
  parts.push(`client ${per(f.cpu.clientMs)}`);
  return `${parts.join(' + ')} = ${fmt(f.cpuPerUnit, 1)} ms → ${CORES} cores: ≤ ${fmt((CORES * 1000) / f.cpuPerUnit)}/s`;
}

function mix(samples: readonly Sample[]): string {
  const ok = samples.filter((s) => s.status === 201);
  const tally = (pick: (s: Sample) => string) => {
    const counts = new Map<string, number>();
    for (const s of ok) counts.set(pick(s), (counts.get(pick(s)) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${fmt((n / ok.length) * 100, 1)} %`)
      .join(', ');
  };
  return `channels: ${tally((s) => s.channel ?? '?')}; outcome (status/payment): ${tally((s) => s.outcome ?? '?')}`;
}

function report(results: KindResult[], skipped: string[]): string {
  const rows: string[][] = [];
  const cell = (r: KindResult | undefined, pick: (r: KindResult) => string) => (r ? pick(r) : 'not run');
  const lite = results.find((r) => r.kind === 'pglite');
  const pgr = results.find((r) => r.kind === 'postgres');
  const sub = (r: KindResult) => figuresOf(r.submit, r.submitCpu, 201);
  const pre = (r: KindResult) => figuresOf(r.preview, r.previewCpu, 200);
  const met = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'met' : '**NOT met**');
  rows.push(
    ['Clients', cell(lite, (r) => String(r.clients)), cell(pgr, (r) => String(r.clients)), '50', '—'],
    [
      'Declarations submitted/s (201 per second of wall time)',
      cell(lite, (r) => `${fmt(sub(r).perSecond, 1)}/s`),
      cell(pgr, (r) => `${fmt(sub(r).perSecond, 1)}/s`),
      `≥ ${fmt(GOAL_PER_SECOND)}/s on PostgreSQL`,
      met(pgr ? sub(pgr).perSecond >= GOAL_PER_SECOND : undefined),
    ],
    [
      '… latency p50 / p99 (201s)',
      cell(lite, (r) => `${fmt(sub(r).p50)} / ${fmt(sub(r).p99)} ms`),
      cell(pgr, (r) => `${fmt(sub(r).p50)} / ${fmt(sub(r).p99)} ms`),
      `p99 ≤ ${GOAL_P99_MS} ms`,
      met(pgr ? sub(pgr).p99 <= GOAL_P99_MS : undefined),
    ],
    [
      '… CPU per declaration, with the outbox deliveries and release note it leaves behind (and the rate it allows)',
      cell(lite, (r) => cpuText(sub(r))),
      cell(pgr, (r) => cpuText(sub(r))),
      '—',
      '—',
    ],
    [
      `… cores the goal would need at that CPU cost (${fmt(GOAL_PER_SECOND)}/s × CPU per declaration)`,
      cell(lite, (r) => `≈ ${fmt((GOAL_PER_SECOND * sub(r).cpuPerUnit) / 1000)}`),
      cell(pgr, (r) => `≈ ${fmt((GOAL_PER_SECOND * sub(r).cpuPerUnit) / 1000)}`),
      '—',
      '—',
    ],
    [
      'Baseline: tax previews/s, same bodies and clients (validation + tax bill, nothing written)',
      cell(lite, (r) => `${fmt(pre(r).perSecond, 1)}/s, p50 / p99 ${fmt(pre(r).p50)} / ${fmt(pre(r).p99)} ms`),
      cell(pgr, (r) => `${fmt(pre(r).perSecond, 1)}/s, p50 / p99 ${fmt(pre(r).p50)} / ${fmt(pre(r).p99)} ms`),
      '—',
      '—',
    ],
    ['… CPU per preview', cell(lite, (r) => cpuText(pre(r))), cell(pgr, (r) => cpuText(pre(r))), '—', '—'],
    [
      'Write path ÷ baseline: rate, and CPU per request',
      cell(
        lite,
        (r) =>
          `${fmt(sub(r).perSecond / pre(r).perSecond, 3)}× the rate, ${fmt(sub(r).cpuPerUnit / pre(r).cpuPerUnit, 1)}× the CPU`,
      ),
      cell(
        pgr,
        (r) =>
          `${fmt(sub(r).perSecond / pre(r).perSecond, 3)}× the rate, ${fmt(sub(r).cpuPerUnit / pre(r).cpuPerUnit, 1)}× the CPU`,
      ),
      '—',
      '—',
    ],
    [
      'Answers in the measured run: 201 / other',
      cell(lite, (r) => `${fmt(sub(r).ok)} / ${fmt(sub(r).other)}`),
      cell(pgr, (r) => `${fmt(sub(r).ok)} / ${fmt(sub(r).other)}`),
      'no other',
      met(results.length ? results.every((r) => sub(r).other === 0) : undefined),
    ],
    [
      'Declarations stored = 201 answers (warm-up + measured), distinct numbers',
      cell(lite, (r) => `${fmt(r.stored)} = ${fmt(r.acknowledged)}, ${fmt(r.distinctNumbers)} numbers`),
      cell(pgr, (r) => `${fmt(r.stored)} = ${fmt(r.acknowledged)}, ${fmt(r.distinctNumbers)} numbers`),
      'equal',
      met(
        results.length
          ? results.every((r) => r.stored === r.acknowledged && r.distinctNumbers === r.stored)
          : undefined,
      ),
    ],
    [
      'A used Idempotency-Key replayed',
      cell(lite, (r) => r.replay),
      cell(pgr, (r) => r.replay),
      'same declaration, nothing stored',
      met(results.length ? results.every((r) => r.replay.endsWith('same declaration')) : undefined),
    ],
  );
  const notes = results.map((r) => {
    const name = r.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    return (
      `- ${name}, measured run: ${mix(r.submit.samples)}. Right after the run ${fmt(r.backlog.outbox)} outbox ` +
      `deliveries/events were pending and ${fmt(r.backlog.notes)} release notes unrendered, cleared ` +
      `${fmt(r.drainMs / 1000, 1)} s later (counted in the CPU per declaration).`
    );
  });
  return [
    `# Trade centre: declarations (node ${process.version}, ${CORES} cores, ${new Date().toISOString()})`,
    '',
    `Run: \`npm run bench:trade\`; app in-process on TCP, load from a child process over keep-alive HTTP/1.1; ` +
      `${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s for the baseline and for the submissions; ` +
      `declarants trader@demo and forwarder@demo, ${BODIES.length} import bodies: ${BODIES.map((b) => b.label).join('; ')}.`,
    '',
    '| measure | PGlite | PostgreSQL | goal | verdict |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...notes,
    ...skipped.map((s) => `- ${s}`),
    '',
  ].join('\n');
}

async function main() {
  const only = process.env.BENCH_ONLY;
  const kinds = (['pglite', 'postgres'] as const).filter((k) => !only || only === k);
  const load = new LoadClient<LoadJob, LoadResult>(fileURLToPath(import.meta.url));
  const results: KindResult[] = [];
  const skipped: string[] = [];
  try {
    for (const kind of kinds) {
      if (kind === 'postgres') {
        const probe = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
        try {
          await probe.connect();
          await probe.end();
        } catch (error) {
          skipped.push(`PostgreSQL not measured: ${(error as Error).message}`);
          continue;
        }
      }
      results.push(await runKind(kind, load));
    }
  } finally {
    load.close();
  }
  const text = report(results, skipped);
  console.log(`\n${text}`);
  const out = path.resolve(import.meta.dirname, '..', '..', 'test-output', 'bench-trade.md');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`report written to ${out}`);
}

if (process.argv.includes('--load-client')) await loadClientMain();
else await main();
