import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { seedReferenceData } from '../server/src/modules/reference/index.js';
import { openPglite } from '../server/src/platform/db/client.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** E2E_WEB_DIST points the tests at another build (parallel work on one checkout); default web/dist. */
const WEB_DIST = process.env.E2E_WEB_DIST
  ? path.resolve(process.env.E2E_WEB_DIST)
  : path.join(REPO_ROOT, 'web', 'dist');
const WEB_INDEX = path.join(WEB_DIST, 'index.html');

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** The browser tests drive the built client; build it once if a fresh checkout has none. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(WEB_INDEX)) return;
  execSync(`npm run build -w web -- --outDir ${JSON.stringify(WEB_DIST)}`, { cwd: REPO_ROOT, stdio: 'inherit' });
}

/**
 * The real application, in-process, on a random port: in-memory PGlite with the reference data and
 * the demo logins, serving the built web client at / exactly as `npm start` does.
 */
export async function startApp(): Promise<RunningApp> {
  ensureWebBuilt();
  const database = await openPglite(null);
  await database.migrate();
  await seedReferenceData(database.db);
  await seedDemo(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: WEB_DIST }, []);
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
