/**
 * Public credit grade (公共信用, 信用分级分类监管): facts about each enterprise recorded once from the platform's
 * own events (declarations, inspections, duty, bonded books, consolidations, shipments), a pure engine
 * (engine.ts) that turns them into a score, a grade and every factor's contribution, an append-only history,
 * credit repair, and `credit.grade_changed` for the trade centre's risk sampling and the cockpit.
 * Other modules use only what is exported here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import type { Subscriber } from '../events/index.js';
import './messages.js';
import { creditRoutes } from './routes.js';
import { recordEvent } from './service.js';

export {
  assessCredit,
  type CreditAssessment,
  FACT_KINDS,
  type FactCounts,
  type FactKind,
  type FactorContribution,
  GRADES,
  type Grade,
  gradeOf,
} from './engine.js';
export { creditOf, recordEvent } from './service.js';

/** The events the grade is computed from; each pattern is one subscriber (deliveries are per subscriber). */
const SOURCES = [
  { name: 'credit-trade-facts', pattern: 'trade.*' },
  { name: 'credit-bonded-facts', pattern: 'bonded.*' },
  { name: 'credit-logistics-facts', pattern: 'logistics.shipment_cancelled' },
  { name: 'credit-registry-activations', pattern: 'registry.enterprise_activated' },
] as const;

export function createCreditModule(db: Db) {
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(creditRoutes);
  };
  const subscribers: Subscriber[] = SOURCES.map((source) => ({
    ...source,
    handle: async (event) => {
      await recordEvent(db, event);
    },
  }));
  return { routes, subscribers };
}
