/**
 * Regional logistics centre: published services and their timetables, the multimodal route
 * planner over them. Other modules use only what is exported here.
 */
import type { Db } from '../../platform/db/client.js';
import './messages.js';
import { extendTimetables } from './network.js';
import { NetworkPlanner } from './planning.js';
import { logisticsRoutes } from './routes.js';

export { seedDemoNetwork } from './demo.js';
export { extendTimetables, TIMETABLE_HORIZON_DAYS } from './network.js';

/** One per app instance: the planner cache and the routes that use it. */
export function createLogisticsModule(db: Db) {
  const planner = new NetworkPlanner(db);
  return {
    planner,
    routes: logisticsRoutes(planner),
    /** Subscriber pattern for events that change the network (services, departures, capacity). */
    networkEvents: 'logistics.*',
    extendTimetables: (now: Date) => extendTimetables(db, now),
  };
}
