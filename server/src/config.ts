import path from 'node:path';

/** Runtime configuration, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded PGlite database lives when DATABASE_URL is not set. */
  dataDir: string;
  /** postgres://… switches from the embedded database to a PostgreSQL server. */
  databaseUrl: string | null;
  /** nats://… enables publishing events to NATS JetStream. */
  natsUrl: string | null;
  /** Subject prefix and stream name root for NATS; tests use their own so runs never collide. */
  natsSubjectPrefix: string;
  logLevel: string;
  /** Load the demo dataset (users, enterprises) when the database holds no users yet. */
  loadDemo: boolean;
  sessionTtlHours: number;
  /** Set Secure on cookies; on by default outside local http development. */
  cookieSecure: boolean;
  bodyLimitBytes: number;
  webhookTimeoutMs: number;
  trustProxy: boolean;
  /** Directory of the built web client; served at / when it exists. */
  webDistDir: string;
  /** Address the public reaches this server at; printed in QR codes on issued documents. */
  publicUrl: string;
  /** Key of the HMAC that stands in for consumers' ID numbers; null: one generated and kept in the database. */
  consumerIdKey: string | null;
  /** Largest bulk upload (CSV / JSON Lines), streamed: never held in memory whole. */
  uploadLimitBytes: number;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw === '1' || raw.toLowerCase() === 'true';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const repoRoot = path.resolve(import.meta.dirname, '..', '..');
  const port = intFrom(env, 'PORT', 8080);
  return {
    port,
    host: env.HOST?.trim() || 'localhost',
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    natsUrl: env.NATS_URL?.trim() || null,
    natsSubjectPrefix: env.NATS_SUBJECT_PREFIX?.trim() || 'scohub',
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    // The embedded database is a personal/demo install, so it gets the demo data on first
    // start; a PostgreSQL server may be production, so it only gets it when asked.
    loadDemo: argv.includes('--demo') || boolFrom(env, 'DEMO', databaseUrl === null),
    sessionTtlHours: intFrom(env, 'SESSION_TTL_HOURS', 12),
    cookieSecure: boolFrom(env, 'COOKIE_SECURE', false),
    bodyLimitBytes: intFrom(env, 'BODY_LIMIT_BYTES', 1_048_576),
    webhookTimeoutMs: intFrom(env, 'WEBHOOK_TIMEOUT_MS', 5_000),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    webDistDir: path.resolve(env.WEB_DIST_DIR?.trim() || path.join(repoRoot, 'web', 'dist')),
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    consumerIdKey: env.CONSUMER_ID_KEY?.trim() || null,
    uploadLimitBytes: intFrom(env, 'UPLOAD_LIMIT_BYTES', 1_073_741_824),
  };
}

/** Hide the password of a connection URL before it is printed or logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
