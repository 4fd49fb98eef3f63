/**
 * Regional logistics centre: published services and their timetables, the multimodal route
 * planner over them, bookings under one through bill of lading, and tracking. Other modules use
 * only what is exported here.
 */
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import type { EventEnvelope, Subscriber } from '../events/index.js';
import { borderLocodes } from '../reference/index.js';
import { documentRoutes } from './document-routes.js';
import { DocumentService } from './document-service.js';
import './messages.js';
import { extendTimetables } from './network.js';
import { operatorRoutes } from './operator-routes.js';
import { NetworkPlanner } from './planning.js';
import { logisticsRoutes } from './routes.js';
import { shipmentRoutes } from './shipment-routes.js';
import { trackingRoutes } from './tracking-routes.js';

export { seedDemoNetwork } from './demo.js';
export { seedDemoShipments } from './demo-shipments.js';
export { extendTimetables, TIMETABLE_HORIZON_DAYS } from './network.js';

/** Events after which the planner's network must be rebuilt (anything but capacity). */
const NETWORK_EVENTS = new Set([
  'logistics.service_published',
  'logistics.service_amended',
  'logistics.departures_generated',
]);

/** One per app instance: the planner cache, the document renderer and the routes that use them. */
export function createLogisticsModule(db: Db, options: { publicUrl: string; log?: FastifyBaseLogger }) {
  const planner = new NetworkPlanner(db);
  const documents = new DocumentService(db, options.log ?? null);
  let borders: Promise<ReadonlySet<string>> | null = null;
  // Border stations are reference data: read once per process.
  const bordersOnce = () => {
    borders ??= borderLocodes(db).catch((error: unknown) => {
      borders = null;
      throw error;
    });
    return borders;
  };
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(logisticsRoutes(planner));
    await app.register(shipmentRoutes(planner, documents, options.publicUrl));
    await app.register(trackingRoutes(bordersOnce));
    await app.register(operatorRoutes(planner));
    await app.register(documentRoutes(documents));
  };
  const subscribers: Subscriber[] = [
    {
      // Keeps this instance's planner in step with bookings and services made anywhere.
      name: 'logistics-planner',
      pattern: 'logistics.*',
      handle: async (event: EventEnvelope) => {
        if (event.type === 'logistics.capacity_changed') {
          const ids = event.payload.departureIds;
          if (Array.isArray(ids))
            await planner.refreshCapacity(ids.filter((id): id is string => typeof id === 'string'));
        } else if (NETWORK_EVENTS.has(event.type)) {
          planner.markDirty();
        }
      },
    },
    {
      // Fixes the fingerprint of bills issued on any instance (the booking instance usually did already).
      name: 'logistics-documents',
      pattern: 'logistics.document_issued',
      handle: async () => {
        await documents.renderPending();
      },
    },
  ];
  return {
    planner,
    documents,
    routes,
    subscribers,
    extendTimetables: (now: Date) => extendTimetables(db, now),
  };
}
