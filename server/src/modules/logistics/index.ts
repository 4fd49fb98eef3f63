/**
 * Regional logistics centre: published services and their timetables, the multimodal route
 * planner over them, bookings under one through bill of lading, and tracking. Other modules use
 * only what is exported here.
 */
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import type { PublicDocumentSource } from '../../platform/documents/verification.js';
import type { EventEnvelope, Subscriber } from '../events/index.js';
import { borderLocodes } from '../reference/index.js';
import { recordCustomsRelease } from './customs.js';
import { documentRoutes } from './document-routes.js';
import { DocumentService } from './document-service.js';
import './messages.js';
import { extendTimetables } from './network.js';
import { operatorRoutes } from './operator-routes.js';
import { NetworkPlanner } from './planning.js';
import { logisticsRoutes } from './routes.js';
import { shipmentRoutes } from './shipment-routes.js';
import { trackingRoutes } from './tracking-routes.js';

export { findLinkableShipment, type LinkableShipment } from './customs.js';
export { seedDemoNetwork } from './demo.js';
export { seedDemoShipments } from './demo-shipments.js';
export { extendTimetables, TIMETABLE_HORIZON_DAYS } from './network.js';
export {
  recomputeShipmentFigures,
  type ShipmentDirection,
  type ShipmentFacts,
  type ShipmentFigure,
  shipmentDirection,
  shipmentFacts,
  type TrainFigure,
  trainsRun,
} from './statistics.js';

/** Events after which the planner's network must be rebuilt (anything but capacity). */
const NETWORK_EVENTS = new Set([
  'logistics.service_published',
  'logistics.service_amended',
  'logistics.departures_generated',
]);

export interface LogisticsModuleOptions {
  publicUrl: string;
  log?: FastifyBaseLogger;
  /**
   * Other modules' documents (customs release notes…) answered on the public verification page
   * when a token or a file is not a bill of lading; asked in order. None by default.
   */
  documentSources?: readonly PublicDocumentSource[];
}

/** One per app instance: the planner cache, the document renderer and the routes that use them. */
export function createLogisticsModule(db: Db, options: LogisticsModuleOptions) {
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
    await app.register(documentRoutes(documents, options.documentSources ?? []));
  };
  // Keeps this instance's planner in step with bookings and services made anywhere.
  const replan = async (event: EventEnvelope) => {
    if (event.type === 'logistics.capacity_changed') {
      const ids = event.payload.departureIds;
      if (Array.isArray(ids)) await planner.refreshCapacity(ids.filter((id): id is string => typeof id === 'string'));
    } else if (NETWORK_EVENTS.has(event.type)) {
      planner.markDirty();
    }
  };
  const subscribers: Subscriber[] = [
    // One subscription per event the planner needs, not `logistics.*`: every tracking event emits a
    // milestone, and a delivery row (written, claimed, marked delivered) for each one the planner
    // ignores cost more than storing the event itself. The first keeps the old name, so deliveries
    // pending under it still find their handler.
    { name: 'logistics-planner', pattern: 'logistics.capacity_changed', handle: replan },
    ...[...NETWORK_EVENTS].map((type) => ({
      name: `logistics-planner.${type.split('.')[1]}`,
      pattern: type,
      handle: replan,
    })),
    {
      // The trade centre's release of a declaration linked to one of our bills becomes its CUSTOMS RELS milestone.
      name: 'logistics-customs-release',
      pattern: 'trade.declaration_released',
      handle: async (event) => recordCustomsRelease(db, event, await bordersOnce()),
    },
    {
      // Fixes the fingerprint of bills issued on any instance (the booking instance usually did already).
      name: 'logistics-documents',
      pattern: 'logistics.document_issued',
      // kick() coalesces: one pass renders every pending bill, however many events arrive. Calling
      // renderPending() per event had each of the dispatcher's parallel deliveries (up to 50) render
      // the same pending bills again (~10 ms of CPU each). Bills a crash leaves unrendered are
      // rendered by the kick at the next start.
      handle: async () => {
        documents.kick();
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
