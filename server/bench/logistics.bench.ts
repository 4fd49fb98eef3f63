/**
 * Logistics write paths over real HTTP: bookings under contention and the tracking-event feed,
 * on the embedded PGlite and on a PostgreSQL server, each against the issue's goal.
 *
 *   npm run bench:logistics                      (about 4 minutes; writes test-output/bench-logistics.md)
 *   BENCH_POSTGRES_URL=postgres://user@host:5432/postgres   server to create the scratch database on
 *                                                (default postgres@127.0.0.1; skipped if unreachable)
 *   BENCH_SECONDS=20, BENCH_TRACKING_SECONDS=12, BENCH_ONLY=pglite|postgres
 *   Diagnosis: BENCH_CPU_PROFILE=<dir> (CPU profile of each measured run), BENCH_SKIP_TRACKING=1,
 *   BENCH_RENDER=off (bills of lading left unrendered, to see what rendering costs).
 *
 * The app runs in this process as `npm start` builds it (dispatcher, subscribers, PDF renderer)
 * and listens on a TCP port; the load comes from a child process (this file with --load-client)
 * over keep-alive HTTP/1.1, so client and server do not share an event loop. PostgreSQL runs on a
 * scratch database (scohub_bench_<pid>) created, migrated, seeded and dropped here.
 *
 * Bookings: 50 clients, each on one of ten itineraries planned once (five destinations, two
 * weeks), book one 20' box (1 TEU) at a time with its own container number and an
 * Idempotency-Key, as the web client does. Capacity is raised before the measured app starts so a
 * few thousand bookings fit, except on the departures only one itinerary rides: those are cut to
 * 40 TEU, sell out, and their clients get 409 and move to the next itinerary. A 5 s warm-up runs
 * first; the CPU per booking counts until the outbox deliveries and bills it caused are done.
 * Afterwards every segment of every departure is checked in the database: remaining ≥ 0 and
 * initial − remaining = the units of the shipments booked since whose legs cover it.
 *
 * Tracking: 2,000 booked boxes receive batches of 1,000 DCSA-shaped events (gate-in and load as
 * actuals, estimated departure/arrival/discharge) from 4 partner systems holding an API key, each
 * feeding its own quarter of the boxes. Afterwards the stored rows must equal the distinct event
 * ids sent, and a re-sent batch must store nothing.
 *
 * Paper estimate (before measuring): a booking is ~25 statements in one transaction plus a planner
 * search (~0.3 ms) and a Zod-serialised answer; at ~0.2 ms a statement that is ~5 ms of database
 * time, a few hundred bookings a second if the departure row locks do not serialise them. A batch
 * of 1,000 events is ~10 set-based statements writing 1,000 event rows and 1,000 outbox rows and
 * re-deriving every touched shipment from all its events: ~2–4k events/s by row-write speed alone.
 */
import { type ChildProcess, execSync, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type App, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { iso6346CheckDigit } from '../src/lib/identifiers/iso6346.js';
import { DocumentService } from '../src/modules/logistics/document-service.js';
import { seedReferenceData } from '../src/modules/reference/index.js';
import { type Database, openPglite, openPostgres, queryRows } from '../src/platform/db/client.js';

// ───────────────────────────── shared helpers ─────────────────────────────

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
const median = (values: readonly number[]) => percentile(values, 50);
const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

/** BNCU + 6-digit serial + ISO 6346 check digit: distinct, valid container numbers. */
function containerNumber(serial: number): string {
  const body = `BNCU${String(serial).padStart(6, '0')}`;
  return `${body}${iso6346CheckDigit(body)}`;
}

interface PlannedItinerary {
  search: {
    from: string;
    to: string;
    departAfter: string;
    cargo: { containers: { sizeType: string; count: number }[] };
  };
  legs: { departureId: string | null; from: string; to: string }[];
  label: string;
}

interface BookingJob {
  type: 'bookings';
  baseUrl: string;
  headers: Record<string, string>;
  itineraries: PlannedItinerary[];
  clients: number;
  /** Run for this long, or until `target` bookings succeeded. */
  durationMs: number;
  target: number | null;
  firstSerial: number;
  /** 20' boxes per booking (1 in the measured run; more when topping up boxes for the tracking run). */
  boxes: number;
}

interface BookingSample {
  startMs: number;
  endMs: number;
  status: number;
  code: string | null;
  itinerary: number;
}

/** Tells the driver when the measured part of a run starts and ends (it reads CPU counters then). */
function phase(name: 'start' | 'end') {
  process.send?.({ phase: name });
}

interface CpuShare {
  /** CPU time over the measured run, in ms: this process (app + PGlite), PostgreSQL's processes, the load client. */
  appMs: number;
  postgresMs: number;
  clientMs: number;
}

interface BookingResult {
  clientCpuMs: number;
  warmup: BookingSample[];
  measured: BookingSample[];
  wallMs: number;
  serialsUsed: number;
  errors: string[];
}

interface TrackedBox {
  number: string;
  origin: string;
  firstTo: string;
  destination: string;
  plannedDepartureMs: number;
  plannedArrivalMs: number;
}

interface TrackingJob {
  type: 'tracking';
  baseUrl: string;
  headers: Record<string, string>;
  boxes: TrackedBox[];
  clients: number;
  batchSize: number;
  warmupBatches: number;
  durationMs: number;
  runId: string;
}

interface BatchSample {
  client: number;
  startMs: number;
  endMs: number;
  status: number;
  events: number;
  stored: number;
}

interface TrackingResult {
  clientCpuMs: number;
  warmup: BatchSample[];
  measured: BatchSample[];
  wallMs: number;
  distinctIds: number;
  resend: { status: number; received: number; stored: number; ms: number };
  errors: string[];
}

type Job = BookingJob | TrackingJob;

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

const PARTIES = {
  shipper: { name: 'Qingdao Silk Road Trading Co.', address: '88 Jiaozhou Bay Rd, Jiaozhou', country: 'CN' },
  consignee: { name: 'OOO Vostok Import', address: 'Leninsky pr. 10, Moscow', country: 'RU' },
};
const CARGO_LINES = [
  { hsCode: '8418102000', description: 'Household refrigerators', packages: 40, grossWeightKg: 3200 },
];

async function runBookings(job: BookingJob): Promise<BookingResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const full = new Set<number>();
  const errors: string[] = [];
  let serial = job.firstSerial;
  let succeeded = 0;
  const t0 = performance.now();
  const end = t0 + job.durationMs;
  const measured: BookingSample[] = [];
  const count = job.itineraries.length;
  const done = () => (job.target !== null ? succeeded >= job.target : performance.now() >= end);

  async function client(index: number) {
    let current = index % count;
    while (!done()) {
      if (full.has(current)) {
        const next = Array.from({ length: count }, (_, k) => (current + k) % count).find((i) => !full.has(i));
        if (next === undefined) return;
        current = next;
      }
      const itinerary = job.itineraries[current]!;
      const containers = Array.from({ length: job.boxes }, (_, k) => ({
        number: containerNumber(serial + k),
        sizeType: '22G1',
      }));
      serial += job.boxes;
      const body = JSON.stringify({
        search: { ...itinerary.search, cargo: { containers: [{ sizeType: '22G1', count: job.boxes }] } },
        legs: itinerary.legs,
        parties: PARTIES,
        cargoLines: CARGO_LINES,
        containers,
      });
      const startMs = performance.now();
      let response: { status: number; text: string };
      try {
        response = await httpPost(
          agent,
          job.baseUrl,
          '/api/logistics/shipments',
          { ...job.headers, 'idempotency-key': randomUUID() },
          body,
        );
      } catch (error) {
        errors.push(`network: ${(error as Error).message}`);
        continue;
      }
      const endMs = performance.now();
      let code: string | null = null;
      if (response.status !== 201) {
        try {
          code = (JSON.parse(response.text) as { code?: string }).code ?? null;
        } catch {
          code = null;
        }
        if (response.status === 409) full.add(current);
        else if (errors.length < 5) errors.push(`${response.status} ${response.text.slice(0, 300)}`);
      } else succeeded += 1;
      const sample = { startMs: startMs - t0, endMs: endMs - t0, status: response.status, code, itinerary: current };
      measured.push(sample);
    }
  }

  const clientCpu = process.cpuUsage();
  phase('start');
  await Promise.all(Array.from({ length: job.clients }, (_, index) => client(index)));
  phase('end');
  const cpu = process.cpuUsage(clientCpu);
  agent.destroy();
  return {
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    warmup: [],
    measured,
    wallMs: performance.now() - t0,
    serialsUsed: serial - job.firstSerial,
    errors,
  };
}

/** The k-th event about a box: a cycle of gate-in, load (actual, at the origin) and estimates further on. */
function trackingEvent(box: TrackedBox, k: number, eventId: string, nowMs: number) {
  const minute = 60_000;
  const base = { eventId, equipmentReference: box.number };
  switch (k % 6) {
    case 0:
      return {
        ...base,
        eventType: 'EQUIPMENT',
        eventClassifierCode: 'ACT',
        code: 'GTIN',
        locode: box.origin,
        at: nowMs - 6 * 3_600_000 + k * 1_000,
      };
    case 1:
      return {
        ...base,
        eventType: 'EQUIPMENT',
        eventClassifierCode: 'ACT',
        code: 'LOAD',
        locode: box.origin,
        at: nowMs - 5 * 3_600_000 + k * 1_000,
      };
    case 2:
      return {
        ...base,
        eventType: 'TRANSPORT',
        eventClassifierCode: 'EST',
        code: 'DEPA',
        locode: box.origin,
        at: box.plannedDepartureMs + k * minute,
      };
    case 3:
      return {
        ...base,
        eventType: 'TRANSPORT',
        eventClassifierCode: 'EST',
        code: 'ARRI',
        locode: box.firstTo,
        at: box.plannedDepartureMs + 86_400_000 + k * minute,
      };
    case 4:
      return {
        ...base,
        eventType: 'EQUIPMENT',
        eventClassifierCode: 'EST',
        code: 'DISC',
        locode: box.destination,
        at: box.plannedArrivalMs + k * minute,
      };
    default:
      return {
        ...base,
        eventType: 'TRANSPORT',
        eventClassifierCode: 'EST',
        code: 'ARRI',
        locode: box.destination,
        at: box.plannedArrivalMs + k * minute,
      };
  }
}

async function runTracking(job: TrackingJob): Promise<TrackingResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const errors: string[] = [];
  const ids = new Set<string>();
  const t0 = performance.now();
  const nowMs = Date.now();
  const warmup: BatchSample[] = [];
  const measured: BatchSample[] = [];
  let measureStart = Number.POSITIVE_INFINITY;
  let warmupLeft = job.clients;
  let firstBatch: string | null = null;
  const share = Math.floor(job.boxes.length / job.clients);

  async function client(index: number) {
    const boxes = job.boxes.slice(index * share, (index + 1) * share);
    const perBox = new Array<number>(boxes.length).fill(0);
    let cursor = 0;
    let sequence = 0;
    let sent = 0;
    for (;;) {
      const warming = sent < job.warmupBatches;
      if (!warming && performance.now() - t0 >= measureStart + job.durationMs) return;
      const events = [];
      for (let i = 0; i < job.batchSize; i += 1) {
        const box = cursor % boxes.length;
        cursor += 1;
        const k = perBox[box]!;
        perBox[box] = k + 1;
        const eventId = `${job.runId}-c${index}-${sequence}`;
        sequence += 1;
        const e = trackingEvent(boxes[box]!, k, eventId, nowMs);
        const { at, ...rest } = e;
        events.push({ ...rest, eventDateTime: new Date(at).toISOString() });
        ids.add(eventId);
      }
      const body = JSON.stringify({ events });
      if (firstBatch === null) firstBatch = body;
      const startMs = performance.now() - t0;
      let status = 0;
      let stored = 0;
      try {
        const response = await httpPost(agent, job.baseUrl, '/api/logistics/tracking/events/batch', job.headers, body);
        status = response.status;
        if (status === 202) stored = (JSON.parse(response.text) as { stored: number }).stored;
        else if (errors.length < 5) errors.push(`${status} ${response.text.slice(0, 400)}`);
      } catch (error) {
        errors.push(`network: ${(error as Error).message}`);
      }
      const endMs = performance.now() - t0;
      const sample = { client: index, startMs, endMs, status, events: events.length, stored };
      sent += 1;
      if (warming) {
        warmup.push(sample);
        if (sent === job.warmupBatches) {
          warmupLeft -= 1;
          // Everyone starts the measured run together, once the last client finished warming up.
          if (warmupLeft === 0) {
            measureStart = endMs;
            clientCpu = process.cpuUsage();
            phase('start');
          }
          while (!Number.isFinite(measureStart)) await new Promise((r) => setTimeout(r, 5));
        }
      } else measured.push(sample);
    }
  }

  let clientCpu = process.cpuUsage();
  await Promise.all(Array.from({ length: job.clients }, (_, index) => client(index)));
  phase('end');
  const cpu = process.cpuUsage(clientCpu);
  const wallMs = Math.max(...measured.map((s) => s.endMs)) - measureStart;
  // A partner system re-sends a batch it is unsure about: every event is answered, none is stored again.
  const started = performance.now();
  const again = await httpPost(agent, job.baseUrl, '/api/logistics/tracking/events/batch', job.headers, firstBatch!);
  const ms = performance.now() - started;
  const answer = again.status === 202 ? (JSON.parse(again.text) as { received: number; stored: number }) : null;
  agent.destroy();
  for (const sample of measured) sample.startMs -= measureStart;
  for (const sample of measured) sample.endMs -= measureStart;
  return {
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    warmup,
    measured,
    wallMs,
    distinctIds: ids.size,
    resend: { status: again.status, received: answer?.received ?? 0, stored: answer?.stored ?? -1, ms },
    errors,
  };
}

async function loadClientMain() {
  process.on('message', (message: Job) => {
    const run = message.type === 'bookings' ? runBookings(message) : runTracking(message);
    run.then(
      (result) => process.send!({ ok: true, result }),
      (error: unknown) => process.send!({ ok: false, error: String((error as Error).stack ?? error) }),
    );
  });
  process.send!({ ready: true });
}

// ───────────────────────────── benchmark driver (this process) ─────────────────────────────

const CLIENTS = 50;
const TRACKING_CLIENTS = 4;
const BATCH = 1_000;
const TRACKED_BOXES = 2_000;
const TOP_UP_BOXES = 4;
const BOOKING_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1_000;
const BOOKING_WARMUP_MS = 5_000;
const TRACKING_MS = Number(process.env.BENCH_TRACKING_SECONDS ?? 12) * 1_000;
const TRACKING_WINDOW_MS = 2_000;
const TRACKING_DRAIN_WATCH_MS = 10_000;
const RAISED_CAPACITY = 100_000;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Diagnosis only: BENCH_RENDER=off leaves bills unrendered, to see what the PDF renderer costs the write paths. */
const RENDER_OFF = process.env.BENCH_RENDER === 'off';
/** Diagnosis only: BENCH_SKIP_TRACKING=1 measures the bookings alone. */
const SKIP_TRACKING = process.env.BENCH_SKIP_TRACKING === '1';
/** Diagnosis: BENCH_CPU_PROFILE=<dir> writes the app's CPU profile of each measured run there. */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;
/** The departures only one itinerary rides are cut to this size, so that they sell out during the run. */
const LIMITED_CAPACITY = 40;

/** Five destinations west of Jiaozhou, two departure weeks each: ten itineraries for 50 clients. */
const SEARCHES: { to: string; days: number }[] = [
  { to: 'KZALA', days: 3 },
  { to: 'RUSLT', days: 3 },
  { to: 'UZTAS', days: 3 },
  { to: 'BYMSQ', days: 3 },
  { to: 'DEDUI', days: 3 },
  { to: 'KZALA', days: 17 },
  { to: 'RUSLT', days: 17 },
  { to: 'UZTAS', days: 17 },
  { to: 'BYMSQ', days: 17 },
  { to: 'DEDUI', days: 17 },
];

class LoadClient {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;

  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), ['--load-client'], { stdio: 'inherit' });
    this.ready = new Promise((resolve, reject) => {
      this.child.once('message', () => resolve());
      this.child.once('error', reject);
    });
  }

  /** Runs a job; `onPhase` is called when its measured part starts and ends. */
  async run<T>(job: Job, onPhase: (name: 'start' | 'end') => void = () => {}): Promise<T> {
    await this.ready;
    return new Promise((resolve, reject) => {
      const listener = (message: { ok?: boolean; result?: T; error?: string; phase?: 'start' | 'end' }) => {
        if (message.phase) {
          onPhase(message.phase);
          return;
        }
        this.child.off('message', listener);
        if (message.ok) resolve(message.result as T);
        else reject(new Error(message.error));
      };
      this.child.on('message', listener);
      this.child.send(job);
    });
  }

  close() {
    this.child.kill();
  }
}

const CLOCK_TICKS = (() => {
  try {
    return (
      Number(
        execSync('getconf CLK_TCK', { stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim(),
      ) || 100
    );
  } catch {
    return 100;
  }
})();

/**
 * CPU time of every PostgreSQL process on this machine, in ms (Linux /proc; 0 elsewhere). Backends
 * that exit are counted through the postmaster's children's time. Other databases' work on the same
 * server counts too, so run the benchmark on an otherwise idle server.
 */
function postgresCpuMs(): number {
  let ticks = 0;
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(0, close).includes('(postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // Fields 14–17 of stat(5): utime stime cutime cstime (here shifted by the two before the name).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // The process ended while we looked.
    }
  }
  return (ticks / CLOCK_TICKS) * 1000;
}

/** CPU used by the app (this process) and PostgreSQL between the load client's 'start' and 'end'. */
class CpuMeter {
  private app = process.cpuUsage();
  private postgres = 0;
  private profiler: inspector.Session | null = null;
  result: CpuShare = { appMs: Number.NaN, postgresMs: Number.NaN, clientMs: Number.NaN };

  /**
   * Counts from the load client's 'start' to its 'end', or with `untilStopped` to stop(): then the
   * background work the run caused (outbox deliveries, bills rendered after commit) counts too.
   * With BENCH_CPU_PROFILE=<dir>, the app's CPU profile of the same span is written there.
   */
  constructor(
    private readonly kind: 'pglite' | 'postgres',
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
        const file = path.join(PROFILE_DIR, `${this.kind}-${this.name}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(answer.profile));
        console.log(`  CPU profile of the measured run: ${file}`);
      }
      session.disconnect();
    });
  }
}

interface Served {
  app: App;
  baseUrl: string;
}

async function serve(database: Database): Promise<Served> {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' }, []);
  // As `npm start` builds it: dispatcher and subscribers running, documents rendered after commit.
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

async function post(baseUrl: string, pathname: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(new URL(pathname, baseUrl), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

async function signIn(baseUrl: string): Promise<string> {
  const { response } = await post(baseUrl, '/api/auth/login', {}, { email: 'forwarder@demo', password: 'demo1234' });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('scohub_session='));
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(';')[0]!;
}

async function planItineraries(baseUrl: string, cookie: string): Promise<PlannedItinerary[]> {
  const plans: PlannedItinerary[] = [];
  for (const { to, days } of SEARCHES) {
    const search = {
      from: 'CNJZH',
      to,
      departAfter: new Date(Date.now() + days * 86_400_000).toISOString(),
      cargo: { containers: [{ sizeType: '22G1', count: 1 }] },
    };
    const { response, json } = await post(baseUrl, '/api/logistics/routes/search', { cookie }, search);
    if (response.status !== 200) throw new Error(`search failed: ${response.status} ${JSON.stringify(json)}`);
    type Leg = { departureId: string | null; from: string; to: string; mode: string };
    const itineraries = json.itineraries as { legs: Leg[]; cost: { amount: string } }[];
    const rail = itineraries
      .filter((i) => i.legs.every((l) => l.mode === 'rail' || l.mode === 'drayage'))
      .sort((a, b) => Number(a.cost.amount) - Number(b.cost.amount));
    const chosen = rail[0] ?? itineraries[0];
    if (!chosen) throw new Error(`no itinerary CNJZH→${to}`);
    plans.push({
      search,
      legs: chosen.legs.map((l) => ({ departureId: l.departureId, from: l.from, to: l.to })),
      label: `CNJZH→${to} +${days}d`,
    });
  }
  return plans;
}

/** Departure → remaining units per segment. */
async function capacitySnapshot(database: Database): Promise<Map<string, number[]>> {
  const rows = await queryRows<{ id: string; capacity_remaining: number[] }>(
    database.db,
    sql`select id, capacity_remaining from logistics_departures`,
  );
  return new Map(rows.map((r) => [r.id, r.capacity_remaining]));
}

interface Verification {
  departures: number;
  segments: number;
  negative: number;
  mismatched: number;
  shipments: number;
  unitsBooked: number;
}

interface CapacityState {
  /** Departure → remaining units per segment. */
  remaining: Map<string, number[]>;
  /** Departure → units per segment held by live (not cancelled) shipments' legs. */
  booked: Map<string, number[]>;
  shipments: number;
  units: number;
}

/** What the database says: remaining capacity, and the units booked on each segment according to the legs. */
async function capacityState(database: Database): Promise<CapacityState> {
  const remaining = await capacitySnapshot(database);
  const legs = await queryRows<{ departure_id: string; from_call_seq: number; to_call_seq: number; units: number }>(
    database.db,
    sql`select l.departure_id, l.from_call_seq, l.to_call_seq, s.units
        from logistics_shipment_legs l join logistics_shipments s on s.id = l.shipment_id
        where l.kind = 'trip' and s.status <> 'cancelled'`,
  );
  const booked = new Map<string, number[]>();
  for (const leg of legs) {
    const list = booked.get(leg.departure_id) ?? [];
    for (let segment = leg.from_call_seq; segment < leg.to_call_seq; segment += 1)
      list[segment] = (list[segment] ?? 0) + leg.units;
    booked.set(leg.departure_id, list);
  }
  const [totals] = await queryRows<{ n: number; units: number }>(
    database.db,
    sql`select count(*)::int as n, coalesce(sum(units), 0)::int as units from logistics_shipments where status <> 'cancelled'`,
  );
  return { remaining, booked, shipments: totals?.n ?? 0, units: totals?.units ?? 0 };
}

/**
 * Every segment of every departure: remaining ≥ 0, and what the run took off it (initial − remaining)
 * equals the units of the shipments booked since whose legs cover that segment. (The demo dataset's
 * own shipments were there before the snapshot and cancel out.)
 */
async function verifyCapacity(database: Database, initial: CapacityState): Promise<Verification> {
  const after = await capacityState(database);
  let segments = 0;
  let negative = 0;
  let mismatched = 0;
  for (const [id, before] of initial.remaining) {
    const now = after.remaining.get(id) ?? [];
    const takenBefore = initial.booked.get(id) ?? [];
    const takenAfter = after.booked.get(id) ?? [];
    before.forEach((units, segment) => {
      segments += 1;
      const left = now[segment] ?? Number.NaN;
      if (!(left >= 0)) negative += 1;
      if (units - left !== (takenAfter[segment] ?? 0) - (takenBefore[segment] ?? 0)) mismatched += 1;
    });
  }
  return {
    departures: initial.remaining.size,
    segments,
    negative,
    mismatched,
    shipments: after.shipments - initial.shipments,
    unitsBooked: after.units - initial.units,
  };
}

interface KindResult {
  kind: 'pglite' | 'postgres';
  bookings: BookingResult;
  verification: Verification;
  limited: { label: string; departures: number; soldOut: boolean };
  topUp: number;
  tracking: TrackingResult | null;
  bookingCpu: CpuShare;
  trackingCpu: CpuShare | null;
  storedRows: number;
  storedAfterResend: number;
  backlog: { outboxAfterBookings: number; pdfAfterBookings: number; drainMs: number };
  outboxAfterTracking: number;
  trackingDrainMs: number;
  outboxAfterWatch: number;
  trackedBoxes: number;
  trackedShipments: number;
}

async function openDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openPglite(null);
    return { database, drop: async () => {} };
  }
  const name = `scohub_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  return {
    database,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function count(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, query);
  return row?.n ?? 0;
}

/** Waits until the outbox is delivered and every bill rendered; how long that took (NaN past the limit). */
async function drain(app: App, database: Database, limitMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const outbox = await app.dispatcher.pendingCount();
    const bills = RENDER_OFF
      ? 0
      : await count(database, sql`select count(*)::int as n from logistics_documents where sha256 is null`);
    if (outbox === 0 && bills === 0) return performance.now() - started;
    if (performance.now() - started > limitMs) return Number.NaN;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runKind(kind: 'pglite' | 'postgres', load: LoadClient): Promise<KindResult> {
  const { database, drop } = await openDatabase(kind);
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    await seedDemo(database.db);

    // 1. Plan the itineraries once, then stop the app: capacity is raised in the database before the
    //    app that is measured starts, so its planner builds from the raised figures.
    const planning = await serve(database);
    const plans = await planItineraries(planning.baseUrl, await signIn(planning.baseUrl));
    await planning.app.close();

    const departuresOf = (p: PlannedItinerary) => p.legs.flatMap((l) => (l.departureId ? [l.departureId] : []));
    const users = new Map<string, number>();
    for (const p of plans) for (const id of new Set(departuresOf(p))) users.set(id, (users.get(id) ?? 0) + 1);
    // The first itinerary with departures no other itinerary rides keeps those at their real size.
    const limitedIndex = plans.findIndex((p) => departuresOf(p).some((id) => users.get(id) === 1));
    const limitedIds = limitedIndex >= 0 ? departuresOf(plans[limitedIndex]!).filter((id) => users.get(id) === 1) : [];
    const limitedArray = `{${limitedIds.join(',')}}`;
    await database.db.execute(sql`update logistics_services set capacity_units = ${RAISED_CAPACITY}`);
    await database.db.execute(
      sql`update logistics_departures
          set capacity_remaining = array_fill(
            case when id = any(${limitedArray}::uuid[]) then ${LIMITED_CAPACITY}::int else ${RAISED_CAPACITY}::int end,
            array[array_length(capacity_remaining, 1)])`,
    );
    const initial = await capacityState(database);

    // 2. The measured app.
    const { app, baseUrl } = await serve(database);
    const cookie = await signIn(baseUrl);
    const { json: keyJson } = await post(baseUrl, '/api/api-keys', { cookie }, { name: 'bench TOS feed' });
    const apiKey = keyJson.key as string;

    console.log(
      `[${kind}] booking: ${CLIENTS} clients, ${BOOKING_WARMUP_MS / 1000} s warm-up + ${BOOKING_MS / 1000} s`,
    );
    const bookingJob = {
      type: 'bookings' as const,
      baseUrl,
      headers: { cookie },
      itineraries: plans,
      clients: CLIENTS,
      target: null,
      boxes: 1,
    };
    // Warm-up, not measured; the renderer and the dispatcher catch up before the measured run.
    const warmup = await load.run<BookingResult>({ ...bookingJob, durationMs: BOOKING_WARMUP_MS, firstSerial: 1 });
    await drain(app, database);
    const bookingMeter = new CpuMeter(kind, 'bookings', true);
    const measuredRun = await load.run<BookingResult>(
      { ...bookingJob, durationMs: BOOKING_MS, firstSerial: 1 + warmup.serialsUsed },
      bookingMeter.onPhase,
    );
    const bookings: BookingResult = {
      ...measuredRun,
      warmup: warmup.measured,
      serialsUsed: warmup.serialsUsed + measuredRun.serialsUsed,
    };
    for (const error of [...warmup.errors, ...measuredRun.errors]) console.log(`  unexpected: ${error}`);
    const backlogOutbox = await app.dispatcher.pendingCount();
    const backlogPdf = await count(
      database,
      sql`select count(*)::int as n from logistics_documents where sha256 is null`,
    );
    // The CPU a booking costs includes the work it leaves behind: outbox deliveries and its bill.
    const drainMs = await drain(app, database);
    bookingMeter.stop();
    const bookingCpu = { ...bookingMeter.result, clientMs: measuredRun.clientCpuMs };
    const verification = await verifyCapacity(database, initial);
    const limitedLeft = await capacitySnapshot(database);
    const soldOut = limitedIds.some((id) => Math.min(...(limitedLeft.get(id) ?? [1])) === 0);
    const bookingPart = {
      kind,
      bookings,
      verification,
      limited: { label: plans[limitedIndex]?.label ?? '—', departures: limitedIds.length, soldOut },
      backlog: { outboxAfterBookings: backlogOutbox, pdfAfterBookings: backlogPdf, drainMs },
      bookingCpu,
    };
    if (SKIP_TRACKING) {
      await app.close();
      return {
        ...bookingPart,
        topUp: 0,
        tracking: null,
        trackingCpu: null,
        storedRows: 0,
        storedAfterResend: 0,
        outboxAfterTracking: 0,
        trackingDrainMs: 0,
        outboxAfterWatch: 0,
        trackedBoxes: 0,
        trackedShipments: 0,
      };
    }

    const ok201 = [...bookings.warmup, ...bookings.measured].filter((s) => s.status === 201).length;
    let topUp = 0;
    if (ok201 < TRACKED_BOXES) {
      // Not measured: enough boxes for the tracking run, TOP_UP_BOXES to a booking to keep this short.
      const more = await load.run<BookingResult>({
        type: 'bookings',
        baseUrl,
        headers: { cookie },
        itineraries: plans.filter((_, i) => i !== limitedIndex),
        clients: 10,
        durationMs: 0,
        target: Math.ceil((TRACKED_BOXES - ok201) / TOP_UP_BOXES),
        firstSerial: 1 + bookings.serialsUsed,
        boxes: TOP_UP_BOXES,
      });
      topUp = more.measured.filter((s) => s.status === 201).length;
      await drain(app, database);
    }

    // 3. Tracking feed on the booked boxes.
    const boxes = (
      await queryRows<{
        container_number: string;
        origin_locode: string;
        destination_locode: string;
        first_to: string;
        planned_departure: string | Date;
        planned_arrival: string | Date;
      }>(
        database.db,
        sql`select c.container_number, s.origin_locode, s.destination_locode, s.planned_departure, s.planned_arrival,
                   (select l.to_locode from logistics_shipment_legs l where l.shipment_id = s.id order by l.seq limit 1) as first_to
            from logistics_shipment_containers c join logistics_shipments s on s.id = c.shipment_id
            where c.open order by s.created_at limit ${TRACKED_BOXES}`,
      )
    ).map(
      (r): TrackedBox => ({
        number: r.container_number,
        origin: r.origin_locode,
        firstTo: r.first_to,
        destination: r.destination_locode,
        plannedDepartureMs: new Date(r.planned_departure).getTime(),
        plannedArrivalMs: new Date(r.planned_arrival).getTime(),
      }),
    );
    console.log(`[${kind}] tracking: ${boxes.length} boxes, ${TRACKING_CLIENTS} feeds × batches of ${BATCH}`);
    const eventsBefore = await count(database, sql`select count(*)::int as n from logistics_tracking_events`);
    const trackingMeter = new CpuMeter(kind, 'tracking');
    const tracking = await load.run<TrackingResult>(
      {
        type: 'tracking',
        baseUrl,
        headers: { authorization: `Bearer ${apiKey}` },
        boxes,
        clients: TRACKING_CLIENTS,
        batchSize: BATCH,
        warmupBatches: 2,
        durationMs: TRACKING_MS,
        runId: `bench-${kind}`,
      },
      trackingMeter.onPhase,
    );
    const trackingCpu = { ...trackingMeter.result, clientMs: tracking.clientCpuMs };
    for (const error of tracking.errors) console.log(`  unexpected: ${error}`);
    // Rows the run added (the demo dataset has tracking events of its own).
    const storedRows =
      (await count(database, sql`select count(*)::int as n from logistics_tracking_events`)) - eventsBefore;
    const outboxAfterTracking = await app.dispatcher.pendingCount();
    // The outbox left behind: how fast the dispatcher works it off once the feeds stop (watched for 10 s).
    const trackingDrainMs = await drain(app, database, TRACKING_DRAIN_WATCH_MS);
    const outboxAfterWatch = await app.dispatcher.pendingCount();
    const trackedShipments = await count(
      database,
      sql`select count(distinct c.shipment_id)::int as n from logistics_shipment_containers c
          where c.container_number = any(${sql.param(boxes.map((b) => b.number))}::text[])`,
    );
    await app.close();
    const storedAfterResend =
      (await count(database, sql`select count(*)::int as n from logistics_tracking_events`)) - eventsBefore;
    return {
      ...bookingPart,
      topUp,
      tracking,
      trackingCpu,
      storedRows,
      storedAfterResend,
      outboxAfterTracking,
      trackingDrainMs,
      outboxAfterWatch,
      trackedBoxes: boxes.length,
      trackedShipments,
    };
  } finally {
    await database.close().catch(() => {});
    await drop();
  }
}

interface Figures {
  bookingsPerSecond: number;
  ok: number;
  conflicts: number;
  other: number;
  p50: number;
  p99: number;
  overbooked: number;
  verified: string;
  eventsPerSecondMedianWindow: number;
  eventsPerSecondMinWindow: number;
  eventsPerSecondTotal: number;
  batchP50: number;
  batchP99: number;
  storedOk: string;
  resend: string;
  bookingCpu: string;
  trackingCpu: string;
}

const CORES = os.availableParallelism();

/** CPU per unit of work, split by process, and the rate the machine's cores would allow at that cost. */
function cpuPer(cpu: CpuShare | null, units: number, scale: number, unit: string): string {
  if (!cpu || !(units > 0) || !Number.isFinite(cpu.appMs)) return 'not measured';
  const per = (ms: number) => (ms / units) * scale;
  const total = per(cpu.appMs) + per(cpu.postgresMs) + per(cpu.clientMs);
  const parts = [`app ${fmt(per(cpu.appMs), 1)}`];
  if (cpu.postgresMs > 0) parts.push(`PostgreSQL ${fmt(per(cpu.postgresMs), 1)}`);
  parts.push(`client ${fmt(per(cpu.clientMs), 1)}`);
  return `${parts.join(' + ')} = ${fmt(total, 1)} ms → ${CORES} cores: ≤ ${fmt(((CORES * 1000) / total) * scale)} ${unit}/s`;
}

function figures(r: KindResult): Figures {
  const measured = r.bookings.measured;
  const ok = measured.filter((s) => s.status === 201);
  const conflicts = measured.filter((s) => s.status === 409).length;
  const other = measured.length - ok.length - conflicts;
  const v = r.verification;
  const tracking = r.tracking ?? {
    warmup: [],
    measured: [],
    wallMs: Number.NaN,
    distinctIds: 0,
    resend: { status: 0, received: 0, stored: 0, ms: 0 },
    errors: [],
  };
  const batches = tracking.measured.filter((s) => s.status === 202);
  // Events per window of the measured run, each batch's events spread over its time in flight
  // (a batch takes about a second, so counting completions per second would alias).
  const windowMs = TRACKING_WINDOW_MS;
  const perWindow = Array.from({ length: Math.max(1, Math.floor(tracking.wallMs / windowMs)) }, (_, w) => {
    const from = w * windowMs;
    const to = from + windowMs;
    let events = 0;
    for (const b of batches) {
      const overlap = Math.min(to, b.endMs) - Math.max(from, b.startMs);
      if (overlap > 0) events += (b.events * overlap) / Math.max(1, b.endMs - b.startMs);
    }
    return (events / windowMs) * 1000;
  });
  const events = batches.reduce((sum, b) => sum + b.events, 0);
  const sent = [...tracking.warmup, ...tracking.measured];
  const allAccepted = sent.every((s) => s.status === 202);
  return {
    bookingsPerSecond: (ok.length / r.bookings.wallMs) * 1000,
    ok: ok.length,
    conflicts,
    other,
    p50: median(ok.map((s) => s.endMs - s.startMs)),
    p99: percentile(
      ok.map((s) => s.endMs - s.startMs),
      99,
    ),
    overbooked: v.negative + v.mismatched,
    verified: `${v.segments} segments of ${v.departures} departures, ${v.shipments} shipments`,
    eventsPerSecondMedianWindow: median(perWindow),
    eventsPerSecondMinWindow: Math.min(...perWindow),
    eventsPerSecondTotal: (events / tracking.wallMs) * 1000,
    batchP50: median(batches.map((b) => b.endMs - b.startMs)),
    batchP99: percentile(
      batches.map((b) => b.endMs - b.startMs),
      99,
    ),
    bookingCpu: cpuPer(r.bookingCpu, ok.length, 1, 'bookings'),
    trackingCpu: cpuPer(
      r.trackingCpu,
      batches.reduce((sum, b) => sum + b.events, 0),
      1000,
      'events',
    ),
    storedOk: !r.tracking
      ? 'not run'
      : r.storedRows === tracking.distinctIds && allAccepted
        ? `${fmt(r.storedRows)} = ${fmt(tracking.distinctIds)} ids sent`
        : `MISMATCH: ${fmt(r.storedRows)} rows, ${fmt(tracking.distinctIds)} ids, ${sent.filter((s) => s.status !== 202).length} batches refused`,
    resend: !r.tracking
      ? 'not run'
      : tracking.resend.status === 202 && tracking.resend.stored === 0 && r.storedAfterResend === r.storedRows
        ? `202, ${fmt(tracking.resend.received)} answered, 0 stored (${fmt(tracking.resend.ms)} ms)`
        : `UNEXPECTED: ${tracking.resend.status}, stored ${tracking.resend.stored}`,
  };
}

function table(results: KindResult[]): string {
  const byKind = new Map(results.map((r) => [r.kind, figures(r)]));
  const lite = byKind.get('pglite');
  const pgf = byKind.get('postgres');
  const cell = (f: Figures | undefined, pick: (f: Figures) => string) => (f ? pick(f) : 'not run');
  const met = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'met' : '**NOT met**');
  /** Verdict over every database measured; null from `check` means "not applicable". */
  const everywhere = (check: (f: Figures) => boolean | null) => {
    const verdicts = [lite, pgf].flatMap((f) => (f ? [check(f)] : [])).filter((v): v is boolean => v !== null);
    return met(verdicts.length === 0 ? undefined : verdicts.every(Boolean));
  };
  const rows: string[][] = [
    [
      `Bookings/s, ${CLIENTS} clients (201 per second of wall time)`,
      cell(lite, (f) => `${fmt(f.bookingsPerSecond)}/s`),
      cell(pgf, (f) => `${fmt(f.bookingsPerSecond)}/s`),
      '≥ 300/s on PostgreSQL',
      met(pgf && pgf.bookingsPerSecond >= 300),
    ],
    [
      '… booking latency p50 / p99 (201s)',
      cell(lite, (f) => `${fmt(f.p50)} / ${fmt(f.p99)} ms`),
      cell(pgf, (f) => `${fmt(f.p50)} / ${fmt(f.p99)} ms`),
      '—',
      '—',
    ],
    [
      '… CPU per booking, with the outbox deliveries and bill it leaves behind (and the rate that allows)',
      cell(lite, (f) => f.bookingCpu),
      cell(pgf, (f) => f.bookingCpu),
      '—',
      '—',
    ],
    [
      '… answers in the measured run: 201 / 409 / other',
      cell(lite, (f) => `${fmt(f.ok)} / ${fmt(f.conflicts)} / ${fmt(f.other)}`),
      cell(pgf, (f) => `${fmt(f.ok)} / ${fmt(f.conflicts)} / ${fmt(f.other)}`),
      '409 only on the sold-out itinerary',
      everywhere((f) => f.other === 0),
    ],
    [
      'Overbooked segments after the run (verified in the database)',
      cell(lite, (f) => `${f.overbooked} (${f.verified})`),
      cell(pgf, (f) => `${f.overbooked} (${f.verified})`),
      '0',
      everywhere((f) => f.overbooked === 0),
    ],
    [
      `Tracking events/s, ${TRACKING_CLIENTS} feeds × batches of ${BATCH}: total ÷ wall (median / slowest ${TRACKING_WINDOW_MS / 1000}-s window)`,
      cell(
        lite,
        (f) =>
          `${fmt(f.eventsPerSecondTotal)}/s (${fmt(f.eventsPerSecondMedianWindow)} / ${fmt(f.eventsPerSecondMinWindow)})`,
      ),
      cell(
        pgf,
        (f) =>
          `${fmt(f.eventsPerSecondTotal)}/s (${fmt(f.eventsPerSecondMedianWindow)} / ${fmt(f.eventsPerSecondMinWindow)})`,
      ),
      '≥ 5,000/s sustained on PostgreSQL',
      met(
        pgf && Number.isFinite(pgf.eventsPerSecondTotal)
          ? Math.min(pgf.eventsPerSecondMedianWindow, pgf.eventsPerSecondTotal) >= 5000
          : undefined,
      ),
    ],
    [
      '… batch latency p50 / p99',
      cell(lite, (f) => `${fmt(f.batchP50)} / ${fmt(f.batchP99)} ms`),
      cell(pgf, (f) => `${fmt(f.batchP50)} / ${fmt(f.batchP99)} ms`),
      '—',
      '—',
    ],
    [
      '… CPU per 1,000 events (and the rate it allows)',
      cell(lite, (f) => f.trackingCpu),
      cell(pgf, (f) => f.trackingCpu),
      '—',
      '—',
    ],
    [
      'Stored event rows = distinct event ids sent',
      cell(lite, (f) => f.storedOk),
      cell(pgf, (f) => f.storedOk),
      'equal',
      everywhere((f) => (f.storedOk === 'not run' ? null : !f.storedOk.startsWith('MISMATCH'))),
    ],
    [
      'Re-sent batch of 1,000',
      cell(lite, (f) => f.resend),
      cell(pgf, (f) => f.resend),
      '0 stored',
      everywhere((f) => (f.resend === 'not run' ? null : !f.resend.startsWith('UNEXPECTED'))),
    ],
  ];
  return [
    '| measure | PGlite | PostgreSQL | goal | verdict |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function notes(results: KindResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const name = r.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const b = r.backlog;
    lines.push(
      `- ${name}: ${r.limited.label} rides ${r.limited.departures} departure(s) no other itinerary uses, cut to ` +
        `${LIMITED_CAPACITY} TEU: ${r.limited.soldOut ? 'sold out' : 'did not sell out'}. ` +
        `${fmt(r.bookings.warmup.filter((s) => s.status === 201).length)} bookings in the warm-up` +
        `; ${fmt(r.verification.unitsBooked)} TEU booked in the warm-up and measured run. ` +
        `Right after the booking run ${fmt(b.outboxAfterBookings)} outbox deliveries/events were pending and ` +
        `${fmt(b.pdfAfterBookings)} bills unrendered, cleared ${fmt(b.drainMs / 1000, 1)} s later` +
        (r.tracking
          ? `. Tracking: ${fmt(r.trackedBoxes)} boxes on ${fmt(r.trackedShipments)} shipments` +
            `${r.topUp ? ` (${fmt(r.topUp)} bookings of ${TOP_UP_BOXES} boxes added for it)` : ''}; ` +
            `${fmt(r.outboxAfterTracking)} outbox events/deliveries pending at its end, ` +
            (Number.isFinite(r.trackingDrainMs)
              ? `cleared ${fmt(r.trackingDrainMs / 1000, 1)} s later.`
              : `${fmt(r.outboxAfterWatch)} still pending ${TRACKING_DRAIN_WATCH_MS / 1000} s later ` +
                `(${fmt(((r.outboxAfterTracking - r.outboxAfterWatch) / TRACKING_DRAIN_WATCH_MS) * 1000)}/s once idle).`)
          : '.'),
    );
  }
  return lines;
}

async function main() {
  if (RENDER_OFF) DocumentService.prototype.renderPending = async () => 0;
  const only = process.env.BENCH_ONLY;
  const kinds = (['pglite', 'postgres'] as const).filter((k) => !only || only === k);
  const load = new LoadClient();
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
  const header = [
    `# Logistics write paths (node ${process.version}, ${new Date().toISOString()})`,
    '',
    `Run: \`npm run bench:logistics\`; app in-process on TCP, load from a child process over keep-alive HTTP/1.1; ` +
      `bookings ${BOOKING_WARMUP_MS / 1000} s warm-up + ${BOOKING_MS / 1000} s, tracking 2 batches per feed warm-up + ${TRACKING_MS / 1000} s.` +
      (RENDER_OFF ? ' **Diagnostic run: BENCH_RENDER=off, bills of lading were not rendered.**' : ''),
    '',
  ];
  const report = [...header, table(results), '', ...notes(results), ...skipped.map((s) => `- ${s}`), ''].join('\n');
  console.log(`\n${report}`);
  const out = path.resolve(import.meta.dirname, '..', '..', 'test-output', 'bench-logistics.md');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, report);
  console.log(`report written to ${out}`);
}

if (process.argv.includes('--load-client')) await loadClientMain();
else await main();
