import { buildApp } from './app.js';
import { loadConfig, redactUrl } from './config.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo/seed.js';
import { extendTimetables } from './modules/logistics/index.js';
import { seedReferenceData } from './modules/reference/index.js';
import { type Database, openPglite, openPostgres } from './platform/db/client.js';

function reasonOf(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: { message?: string }[] };
  // pg reports "connect ECONNREFUSED" for each address it tried inside an AggregateError.
  const inner = e.errors
    ?.map((x) => x.message)
    .filter(Boolean)
    .join('; ');
  return inner || e.message || e.code || String(error);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.databaseUrl ? redactUrl(config.databaseUrl) : `${config.dataDir} (embedded PGlite)`;
  let database: Database;
  try {
    database = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  } catch (error) {
    console.error(`scohub: cannot open the database at ${where}: ${reasonOf(error)}`);
    process.exit(1);
  }
  const applied = await database.migrate();
  const referenceLoaded = await seedReferenceData(database.db);
  const demoLoaded = config.loadDemo ? await seedDemo(database.db, { publicUrl: config.publicUrl }) : false;
  // Keep every published service's timetable generated 120 days ahead (also hourly while running).
  const departuresAdded = await extendTimetables(database.db, new Date());
  const app = await buildApp({ config, database });
  app.log.info(
    { database: database.location, migrationsApplied: applied, referenceLoaded, demoLoaded, departuresAdded },
    'database ready',
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    // PGlite flushes its files on close; skipping this could lose the last writes.
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  SCO Trade Hub is running at ${url}`,
    `  API docs: ${url}/api/docs   database: ${database.location}`,
  ];
  if (demoLoaded || config.loadDemo) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(`scohub: failed to start: ${reasonOf(error)}`);
  process.exit(1);
});
