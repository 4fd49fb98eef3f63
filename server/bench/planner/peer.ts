/**
 * The peer: the npm package `raptor-journey-planner` (classic RAPTOR in TypeScript, GPL-3.0).
 *
 * Because of its licence it must never become a dependency of the product: the benchmark installs it at run time
 * into a folder outside the repository and loads it from there by absolute path; nothing of it is bundled, copied
 * or imported by product code.
 *
 * Its model (read from its README and dist/*.d.ts): GTFS-like trips with stop times in seconds since midnight of the
 * query date (may exceed 24 h), `interchange` seconds added to every arrival at a stop, footpath transfers with a
 * duration, and a DepartAfterQuery that returns one journey per round that improved the destination.
 * Where the models differ the benchmark network is built so that they agree: connection time is 0 at stops with
 * transfer edges (the peer adds it to transfer arrivals too), transfer edges pair stops (the peer chains them, we do
 * not; a pair gains nothing from chaining), every service runs daily with no capacity or cargo limits (the peer has
 * none), and stop sequences are unique per route.
 *
 * Two flaws in the published peer make it miss connections (found while checking why its arrivals were later than
 * ours; each of our itineraries is checked against the raw timetable):
 * 1. RouteScanner.getTrip caches, per route, the position where it last found a trip and scans backwards from there
 *    for the rest of the query, whatever the stop and time; once it has found an early trip it cannot find a later
 *    one, so later rounds miss boardings.
 * 2. RaptorAlgorithm.scanRoutes looks for an earlier trip when the previous round's arrival is before the current
 *    trip's arrival plus the stop's interchange time, and takes whatever getTrip returns; with interchange > 0 that
 *    can be a later trip, so it swaps an earlier trip for a later one.
 * `routeScanCacheDisabled` clears the cache before each getTrip call (a wrapper in memory, no code copied); with
 * connection times 0 the second flaw cannot occur, which is how the benchmark checks that arrivals agree.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BASE_DATE, BASE_MINUTE, type NetworkSpec } from './network.js';

export const PEER_DIRECTORY = '/tmp/scohub-bench-peer';
const PEER_PACKAGE = 'raptor-journey-planner';
const PEER_VERSION_RANGE = '2';

interface PeerStopTime {
  stop: string;
  arrivalTime: number;
  departureTime: number;
  pickUp: boolean;
  dropOff: boolean;
}

interface PeerTrip {
  tripId: string;
  stopTimes: PeerStopTime[];
  serviceId: string;
  service: unknown;
}

interface PeerTransfer {
  origin: string;
  destination: string;
  duration: number;
  startTime: number;
  endTime: number;
}

interface PeerJourney {
  departureTime: number;
  arrivalTime: number;
}

interface PeerQuery {
  plan(origin: string, destination: string, date: Date, timeSeconds: number): PeerJourney[];
}

interface PeerRouteScanner {
  routeScanPosition: Record<string, number>;
}

type PeerGetTrip = (this: PeerRouteScanner, routeId: string, stopIndex: number, time: number) => PeerTrip | undefined;

interface PeerModule {
  RouteScanner: { prototype: { getTrip: PeerGetTrip } };
  Service: new (
    startDate: number,
    endDate: number,
    days: Record<number, boolean>,
    dates: Record<number, boolean>,
  ) => unknown;
  RaptorAlgorithmFactory: {
    create(
      trips: PeerTrip[],
      transfers: Record<string, PeerTransfer[]>,
      interchange: Record<string, number>,
      date?: Date,
    ): unknown;
  };
  JourneyFactory: new () => unknown;
  DepartAfterQuery: new (raptor: unknown, resultsFactory: unknown, maxSearchDays?: number) => PeerQuery;
}

export interface PeerPlanner {
  version: string;
  /** Earliest arrival in minutes since the epoch, or null. */
  earliestArrivalMinute(originStop: number, destinationStop: number, departAfterMinute: number): number | null;
}

/** Installs the peer into PEER_DIRECTORY unless it is already there; returns its version. */
export function ensurePeerInstalled(): string {
  const manifest = path.join(PEER_DIRECTORY, 'node_modules', PEER_PACKAGE, 'package.json');
  if (!fs.existsSync(manifest)) {
    fs.mkdirSync(PEER_DIRECTORY, { recursive: true });
    console.log(`installing ${PEER_PACKAGE}@${PEER_VERSION_RANGE} into ${PEER_DIRECTORY} (outside the repository)…`);
    execFileSync(
      'npm',
      ['install', '--no-save', '--ignore-scripts', '--prefix', PEER_DIRECTORY, `${PEER_PACKAGE}@${PEER_VERSION_RANGE}`],
      { stdio: 'inherit' },
    );
  }
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  return version;
}

function loadPeer(): PeerModule {
  const requireFromPeer = createRequire(path.join(PEER_DIRECTORY, 'package.json'));
  return requireFromPeer(PEER_PACKAGE);
}

/** Clears the peer's per-route scan position before every getTrip call (flaw 1 above); returns the undo. */
export function disablePeerRouteScanCache(): () => void {
  const scanner = loadPeer().RouteScanner.prototype;
  const original = scanner.getTrip;
  scanner.getTrip = function getTripWithoutCache(routeId, stopIndex, time) {
    delete this.routeScanPosition[routeId];
    return original.call(this, routeId, stopIndex, time);
  };
  return () => {
    scanner.getTrip = original;
  };
}

export function buildPeer(network: NetworkSpec): PeerPlanner {
  const version = ensurePeerInstalled();
  const peer = loadPeer();
  const everyDay = { 0: true, 1: true, 2: true, 3: true, 4: true, 5: true, 6: true };
  const service = new peer.Service(20_000_101, 20_991_231, everyDay, {});
  const stopId = (stop: number) => network.stops[stop]!.id;
  const trips: PeerTrip[] = [];
  for (const route of network.routes) {
    for (const start of route.tripStartMinutes) {
      trips.push({
        tripId: `${route.serviceId}@${start}`,
        serviceId: 'daily',
        service,
        stopTimes: route.stops.map((stop, position) => ({
          stop: stopId(stop),
          arrivalTime: (start + route.arrivalOffsets[position]!) * 60,
          departureTime: (start + route.departureOffsets[position]!) * 60,
          pickUp: true,
          dropOff: true,
        })),
      });
    }
  }
  const transfers: Record<string, PeerTransfer[]> = {};
  for (const transfer of network.transfers) {
    const origin = stopId(transfer.fromStop);
    const list = transfers[origin] ?? [];
    list.push({
      origin,
      destination: stopId(transfer.toStop),
      duration: transfer.durationMinutes * 60,
      startTime: 0,
      endTime: Number.MAX_SAFE_INTEGER,
    });
    transfers[origin] = list;
  }
  const interchange: Record<string, number> = {};
  for (const stop of network.stops) interchange[stop.id] = stop.minConnectionMinutes * 60;
  const raptor = peer.RaptorAlgorithmFactory.create(trips, transfers, interchange);
  // One search day: every service runs daily and our times are absolute, so a second day would re-use trips.
  const query = new peer.DepartAfterQuery(raptor, new peer.JourneyFactory(), 1);
  return {
    version,
    earliestArrivalMinute(originStop, destinationStop, departAfterMinute) {
      const journeys = query.plan(
        stopId(originStop),
        stopId(destinationStop),
        new Date(BASE_DATE),
        (departAfterMinute - BASE_MINUTE) * 60,
      );
      if (journeys.length === 0) return null;
      const bestSeconds = Math.min(...journeys.map((journey) => journey.arrivalTime));
      return BASE_MINUTE + bestSeconds / 60;
    },
  };
}
