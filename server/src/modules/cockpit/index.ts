/**
 * Zone cockpit: the four centres' indicators from aggregates kept by event subscribers, drill-down to the
 * records behind a figure, the plan's indicator table with progress, the 21 policy measures with their
 * departments, tasks and overdue flags, and the XLSX/PDF exports. Other modules use only what is here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import { cockpitSubscribers, purgeProcessedEvents } from './aggregates.js';
import './messages.js';
import { cockpitRoutes } from './routes.js';

export { seedCockpitDemo } from './demo.js';

export function createCockpitModule(db: Db) {
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(cockpitRoutes(db));
  };
  return {
    routes,
    subscribers: cockpitSubscribers(db),
    /** Hourly: forget processed-event ids older than any redelivery. */
    housekeeping: (now: Date) => purgeProcessedEvents(db, now),
  };
}
