import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type App, buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { seedDemo } from '../demo/seed.js';
import { seedReferenceData } from '../modules/reference/index.js';
import { type Database, openPglite, openPostgres } from '../platform/db/client.js';
import type { PublicDocumentSource } from '../platform/documents/verification.js';

/**
 * Test databases: an in-memory PGlite by default, or — when TEST_DATABASE_URL is set — a fresh
 * PostgreSQL database created for this test file and dropped after it, so concurrent runs
 * (and files running in parallel) never see each other's rows.
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  if (!serverUrl) {
    database = await openPglite(null);
  } else {
    const name = `scohub_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const opened = await openPostgres(url.toString());
    database = {
      ...opened,
      async close() {
        await opened.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  await database.migrate();
  await seedReferenceData(database.db);
  return database;
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  /** Signs in and returns the Cookie header value to send. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function buildTestApp(
  options: {
    demo?: boolean;
    demoShipments?: boolean;
    env?: Record<string, string>;
    fetchImpl?: typeof fetch;
    /** Extra sources for the public document verification page (passed to buildApp). */
    documentSources?: readonly PublicDocumentSource[];
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  // Demo shipments cost ~2 s per file; suites that need them ask for them.
  if (options.demo !== false) await seedDemo(database.db, { shipments: options.demoShipments === true });
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', ...options.env }, []);
  const app = await buildApp({
    config,
    database,
    logger: false,
    startDispatcher: false,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    ...(options.documentSources ? { documentSources: options.documentSources } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    config,
    async login(email, password = 'demo1234') {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (response.statusCode !== 200)
        throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'scohub_session');
      if (!cookie) throw new Error('no session cookie');
      return `scohub_session=${cookie.value}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
