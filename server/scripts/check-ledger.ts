/**
 * `npm run check:ledger`: verifies the bonded ledger over the whole database (the same checker as
 * GET /api/bonded/check) and exits 1 if anything is broken, naming each break by id.
 * Uses the server's configuration: DATABASE_URL, else the embedded data directory (DATA_DIR).
 */
import { loadConfig, redactUrl } from '../src/config.js';
import { checkLedger } from '../src/modules/bonded/index.js';
import { openPglite, openPostgres } from '../src/platform/db/client.js';

const config = loadConfig();
const database = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
try {
  await database.migrate();
  const report = await checkLedger(database.db);
  const where = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir;
  console.log(
    `ledger check of ${where}: ${report.postings} postings, ${report.lists} lists, ${report.accounts} accounts, ${report.elapsedMs} ms`,
  );
  for (const check of report.checks) {
    console.log(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}${check.ok ? '' : ` — ${check.count} break(s)`}`);
    for (const broken of check.breaks) console.log(`         ${JSON.stringify(broken)}`);
  }
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await database.close();
}
