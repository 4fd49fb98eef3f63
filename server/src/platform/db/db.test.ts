import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { seedDemo } from '../../demo/seed.js';
import { seedReferenceData } from '../../modules/reference/index.js';
import { openTestDatabase } from '../../test/harness.js';
import { ToggleProxy } from '../../test/services.js';
import { openPglite, openPostgres, queryRows } from './client.js';

const serverRoot = path.resolve(import.meta.dirname, '..', '..', '..');

describe('database at start-up', () => {
  it('exits non-zero with one line naming the URL (password hidden) and the reason', () => {
    // Proves an unreachable DATABASE_URL fails fast and says where and why, without leaking secrets.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverRoot,
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://scohub:s3cret@127.0.0.1:1/nowhere',
        PORT: '8123',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^scohub: cannot open the database at postgres:\/\/scohub:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/,
    );
    expect(result.stderr).not.toContain('s3cret');
  });
});

describe('embedded database on disk', () => {
  it('keeps its data across a restart, and the second start applies nothing', async () => {
    // Proves DATA_DIR persistence: migrations run once, the demo data and later writes survive.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scohub-restart-'));
    try {
      const first = await openPglite(dataDir);
      expect(await first.migrate()).toBeGreaterThan(0);
      expect(await seedReferenceData(first.db)).toBe(true);
      expect(await seedDemo(first.db)).toBe(true);
      await first.close();

      const second = await openPglite(dataDir);
      expect(await second.migrate()).toBe(0);
      expect(await seedReferenceData(second.db)).toBe(false);
      expect(await seedDemo(second.db)).toBe(false);
      const [row] = await queryRows<{ n: number }>(second.db, sql`SELECT count(*)::int AS n FROM users`);
      expect(row?.n).toBe(5);
      await second.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('database lost while running (PostgreSQL)', () => {
  it('answers 503 problems while the server is unreachable and recovers when it returns', async () => {
    // Proves the app survives a database outage: 503 with Retry-After, then normal service.
    const prepared = await openTestDatabase();
    const realUrl = new URL(process.env.TEST_DATABASE_URL as string);
    const proxy = new ToggleProxy(await ToggleProxy.freePort(), {
      host: realUrl.hostname,
      port: Number(realUrl.port || 5432),
    });
    await proxy.up();
    // The same freshly migrated database as `prepared`, reached through the proxy we can cut
    // (CI's server uses trust auth, so its location carries no password to redact).
    const viaProxy = new URL(prepared.location);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const database = await openPostgres(viaProxy.toString());
    const app: App = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' }, []),
      database,
      logger: false,
      startDispatcher: false,
    });
    await app.ready();
    try {
      const healthy = await app.inject({ method: 'GET', url: '/api/reference/countries/KZ' });
      expect(healthy.statusCode).toBe(200);
      await proxy.down();
      const down = await app.inject({
        method: 'GET',
        url: '/api/reference/countries/KZ',
        headers: { 'accept-language': 'en' },
      });
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBe('5');
      expect(down.json()).toMatchObject({
        code: 'database_unavailable',
        title: 'The database is temporarily unavailable; try again shortly',
      });
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toMatchObject({ status: 'degraded', database: { status: 'down' } });
      await proxy.up();
      const back = await app.inject({ method: 'GET', url: '/api/reference/countries/KZ' });
      expect(back.statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
      await proxy.down();
      await prepared.close();
    }
  });
});
