/**
 * Bonded zones: electronic account books (电子账册) moved only by verification lists (保税核注清单),
 * posted through a double-entry ledger whose core (ledger/) is pure and property-tested; transfers
 * between books, reversals, stocktakes approved by customs, processing by consumption norms; and the
 * checker that proves the books from their postings. Other modules use only what is exported here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import { flagOverdue } from './consolidations.js';
import { gateRoutes } from './gate-routes.js';
import './messages.js';
import { ItemDirectory } from './posting.js';
import { bondedRoutes } from './routes.js';

export { checkLedger, type LedgerReport } from './checker.js';
export { seedBondedDemo } from './demo.js';

export function createBondedModule(db: Db) {
  const directory = new ItemDirectory();
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(bondedRoutes(directory));
    await app.register(gateRoutes());
  };
  /** Hourly: alerts for consolidated declarations past their due date (once each). */
  const housekeeping = (now: Date) => flagOverdue(db, now);
  return { routes, housekeeping };
}
