/**
 * What the HTTP benchmarks share: statistics and formatting, a forked load client (so client and
 * server never share an event loop), PostgreSQL's CPU time from /proc, a scratch database, and the
 * app listening on a TCP port as `npm start` builds it.
 */
import { type ChildProcess, execSync, fork } from 'node:child_process';
import fs from 'node:fs';
import type { sql } from 'drizzle-orm';
import pg from 'pg';
import { type App, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openPglite, openPostgres, queryRows } from '../src/platform/db/client.js';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

/**
 * The benchmark script forked with `--load-client`: it answers one message when ready, then runs each
 * job it is sent, reporting `{phase}` messages on the way and `{ok, result}` or `{ok: false, error}` at the end.
 */
export class LoadClient<Job, Result> {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;

  constructor(scriptPath: string) {
    this.child = fork(scriptPath, ['--load-client'], { stdio: 'inherit' });
    this.ready = new Promise<void>((resolve, reject) => {
      this.child.once('message', () => resolve());
      this.child.once('error', reject);
    });
  }

  async run(job: Job, onPhase: (name: 'start' | 'end') => void = () => {}): Promise<Result> {
    await this.ready;
    return new Promise((resolve, reject) => {
      const listener = (message: { ok?: boolean; result?: Result; error?: string; phase?: 'start' | 'end' }) => {
        if (message.phase) {
          onPhase(message.phase);
          return;
        }
        this.child.off('message', listener);
        if (message.ok) resolve(message.result!);
        else reject(new Error(message.error));
      };
      this.child.on('message', listener);
      this.child.send(job as object);
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
 * CPU time of every PostgreSQL process on this machine, in ms (Linux /proc; 0 elsewhere). Backends that
 * exit are counted through the postmaster's children's time. Other databases' work on the same server
 * counts too, so run the benchmark on an otherwise idle server.
 */
export function postgresCpuMs(): number {
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
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // The process ended while we looked.
    }
  }
  return (ticks / CLOCK_TICKS) * 1000;
}

export type Kind = 'pglite' | 'postgres';

/** An in-memory PGlite, or a scratch database (scohub_bench_<pid>) on the server at `postgresUrl`. */
export async function openBenchDatabase(
  kind: Kind,
  postgresUrl: string,
): Promise<{ database: Database; url: string | null; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { database: await openPglite(null), url: null, drop: async () => {} };
  const name = `scohub_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    database: await openPostgres(url.toString()),
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: postgresUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function count(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(database.db, query);
  return Number(row?.n ?? 0);
}

/** The app as `npm start` builds it (dispatcher, subscribers, renderers), on a free local port. */
export async function serve(database: Database): Promise<{ app: App; baseUrl: string }> {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' }, []);
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

/** Signs a demo user in and returns the session cookie to send. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(new URL('/api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo1234' }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('scohub_session='));
  if (response.status !== 200 || !cookie) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return cookie.split(';')[0]!;
}
