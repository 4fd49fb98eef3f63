/**
 * McRAPTOR (multi-criteria Round-bAsed Public Transit Optimized Router, Delling, Pajor & Werneck 2012) over the
 * freight timetable, and classic single-criterion RAPTOR for earliest arrival.
 *
 * Paper estimate, written before the code (benchmark network: server/bench/planner):
 * - Network: 135 × 135 = 18,225 stops; 7,200 routes of 20 stops with 20 trips each = 144,000 trips and
 *   2,880,000 stop times (2,736,000 trip segments); ~9,000 transfer edges.
 * - Bytes after build: arrival + departure Int32 = 8 B × 2.88 M = 23 MB; capacity + its suffix minimum
 *   8 B × 2.74 M = 22 MB; route tariffs 7,200 × 19 × 8 B = 1.1 MB; trip maps 16 B × 144 k = 2.3 MB;
 *   stop → route index 8 B × 144 k = 1.2 MB. About 50 MB, far under the 1 GiB goal. The peer keeps one JS
 *   object per stop time (~80 B with its array slot): ~250–350 MB for the same network.
 * - Earliest arrival: a round scans at most 7,200 routes / 144,000 route stops, each a couple of array reads, plus a
 *   5-step binary search where a stop was improved; 8 rounds ≤ 1.2 M reads → 2–6 ms. The peer builds objects
 *   keyed by 18 k stop-id strings per query, so 10× slower is plausible; the goal is ≥ 2×.
 * - Pareto (arrival, cost, CO2, transfers): ~5–15 labels per stop bag, 2–5 labels per route bag, ~20 results at
 *   the target. A round costs ≤ 144 k route stops × 3 route labels × (10 bag + 20 target) comparisons ≈ 13 M
 *   comparisons (~15 ms); target pruning stops most labels after round 3, so 20–80 ms median. Label pool:
 *   ~200 k labels × 50 B = 10 MB per query, reused.
 *
 * Measured (test-output/bench-planner.md; 2.69 M stop times, since ships call only at ports and planes only at
 * airports, so their routes are shorter):
 * - Memory: 46 MiB after build (estimate ~50 MB); the peer 231 MiB (estimate 250–350 MB).
 * - Earliest arrival: ~40–55 ms median over runs, not 2–6 ms. Each visit of a route stop misses cache on three or four
 *   arrays (the timetable is 40 MB), ~60–90 ns, and the peer comparison runs up to 16 rounds (the peer has no
 *   bound) touching ~670 k route stops; skipping capacity reads on routes with room everywhere took it from 61 ms.
 *   Still ~8× the peer, which misses connections (see server/bench/planner/peer.ts).
 * - Pareto: the first build took 2.2 s median and 0.8–2 M labels per query, an order of magnitude over the
 *   estimate, because the Pareto sets were not ~20 itineraries but 20–250, mostly with 6–8 vehicles (free vehicle
 *   changes let a journey hop between cheaper operators stop by stop). Exact means it could not be cut by
 *   approximate dominance; what brought it down: a lower bound on the vehicles still needed from each stop (2×,
 *   prunes labels that cannot finish within roundsMax and tightens the transfers bound against results), a lower
 *   bound on minutes still to ride (~1.15×; cost and CO2 bounds did not pay for themselves), terminal handling in
 *   the model and ports/airports in the generator (~3×, realism), and a default of 6 vehicles instead of 8 (~4×).
 *   Now ~40–47 ms median and ~180–235 ms p99 at roundsMax 6, ~170–175 ms median and ~450–500 ms p99 at 8
 *   (several runs on the shared machine); the bench has the figures.
 *
 * Semantics shared with reference.ts (which checks them by brute force):
 * - A label at a stop arrived by trip (may change vehicle after the stop's minimum connection time, paying its
 *   transshipment handling, or take one transfer edge right away), by transfer edge (may only board a trip:
 *   transfers do not chain, so the caller supplies direct edges), or is the origin (may board or take a transfer).
 * - Cost and CO2 are compared per unit of cargo (every leg scales by the same units) and multiplied at the end.
 * - A trip is usable if its route accepts the cargo (reefer, dangerous-goods class) and every segment ridden has
 *   remaining capacity ≥ units. Routes share a tariff, so the earliest trip that fits is always the best trip to
 *   board; when it runs out of capacity further down, the label moves to the earliest later trip of the route that
 *   has capacity on every segment since boarding, which is the same as having boarded that trip.
 * - Results keep one itinerary per distinct criteria vector. Pruning uses only lower bounds (relaxations of this
 *   search), so results are exact unless a bound (labels per stop, route bag) is reached, which sets `truncated`.
 */
import {
  compareItineraries,
  type EarliestArrivalResult,
  type Itinerary,
  type ItineraryLeg,
  type NoItineraryReason,
  type PlanQuery,
  type PlanResult,
  type ResolvedOptions,
  ROUNDS_MAX_LIMIT,
  resolveOptions,
  type SearchStats,
  validateQuery,
} from './query.js';
import type { Timetable } from './timetable.js';

/**
 * Labels on one route during a scan (the same route boarded in that many incomparable ways); reaching it flags the
 * result `truncated`. 64 was reached by 6% of benchmark queries, 256 by none.
 */
export const ROUTE_BAG_MAX = 256;
/** Itineraries kept at the destination during a search (results are cut to resultsMax afterwards). */
export const TARGET_LABELS_MAX = 4_096;
/** Labels created by one query; bounds the pool's memory (~50 B a label) at about 200 MB. */
export const LABELS_PER_QUERY_MAX = 4_000_000;

const KIND_ORIGIN = 0;
const KIND_TRIP = 1;
const KIND_TRANSFER = 2;
const MINUTE_INFINITY = 2_147_483_647;
const POOL_INITIAL = 1 << 14;
const TRIPS_UNREACHABLE = 255;

class InvariantError extends Error {}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new InvariantError(`planner invariant broken: ${message}`);
}

/** What a search may ride; `units` is 0 when capacity is relaxed for diagnosis. */
interface CargoFilter {
  units: number;
  reeferRequired: boolean;
  dangerousGoodsRequired: boolean;
  dangerousGoodsMask: number;
}

interface Relaxation {
  capacity: boolean;
  reefer: boolean;
  dangerousGoods: boolean;
}

const NOTHING_RELAXED: Relaxation = { capacity: false, reefer: false, dangerousGoods: false };

/**
 * Plans over one Timetable. Holds the search's working memory (sized to the network, reused across queries), so
 * keep one planner per timetable and do not share it between concurrent workers. Queries are synchronous.
 */
export class RoutePlanner {
  readonly timetable: Timetable;
  // Query-scoped state.
  private epoch = 0;
  private destination = 0;
  private filter: CargoFilter = {
    units: 1,
    reeferRequired: false,
    dangerousGoodsRequired: false,
    dangerousGoodsMask: 0,
  };
  private labelsPerStopMax = 0;
  private roundsMax = 0;
  private truncated = false;
  private stats: SearchStats = emptyStats();
  // Per stop / per route marks, compared with `epoch + round` so nothing is cleared between queries.
  private readonly markEpoch: Int32Array;
  private readonly boardEpoch: Int32Array;
  private readonly touchEpoch: Int32Array;
  private readonly routeQueueEpoch: Int32Array;
  private readonly routeQueuePosition: Int32Array;
  private readonly routeQueue: number[] = [];
  private readonly touchedStops: number[] = [];
  // McRAPTOR: label pool (struct of arrays), bags of label ids per stop, target bag.
  private poolSize = 0;
  private labelCount = 0;
  private labelStop = new Int32Array(0);
  private labelArrival = new Int32Array(0);
  private labelReady = new Int32Array(0);
  private labelCost = new Float64Array(0);
  private labelCo2 = new Float64Array(0);
  private labelRound = new Uint8Array(0);
  private labelKind = new Uint8Array(0);
  private labelParent = new Int32Array(0);
  private labelRef = new Int32Array(0);
  private labelBoardPosition = new Int32Array(0);
  private labelAlightPosition = new Int32Array(0);
  private readonly bags: number[][];
  // The destination's Pareto set, sorted by arrival so a dominance scan stops at the first later result.
  private targetSize = 0;
  private readonly targetLabel = new Int32Array(TARGET_LABELS_MAX);
  private readonly targetArrival = new Float64Array(TARGET_LABELS_MAX);
  private readonly targetCost = new Float64Array(TARGET_LABELS_MAX);
  private readonly targetCo2 = new Float64Array(TARGET_LABELS_MAX);
  private readonly targetTransfers = new Int32Array(TARGET_LABELS_MAX);
  private readonly routeBagTrip = new Int32Array(ROUTE_BAG_MAX);
  private readonly routeBagBoardPosition = new Int32Array(ROUTE_BAG_MAX);
  private readonly routeBagCost = new Float64Array(ROUTE_BAG_MAX);
  private readonly routeBagCo2 = new Float64Array(ROUTE_BAG_MAX);
  private readonly routeBagParent = new Int32Array(ROUTE_BAG_MAX);
  // Earliest arrival: per (round, stop) arrivals and how they were reached; per stop best values.
  private earliestRounds = 0;
  private roundTripArrival = new Int32Array(0);
  private roundTripInternal = new Int32Array(0);
  private roundTripBoardPosition = new Int32Array(0);
  private roundTripAlightPosition = new Int32Array(0);
  private roundTripSource = new Int32Array(0);
  private roundTransferArrival = new Int32Array(0);
  private roundTransferEdge = new Int32Array(0);
  private readonly roundTouched: number[] = [];
  private readonly bestTripArrival: Int32Array;
  private readonly bestTransferArrival: Int32Array;
  private readonly readyBest: Int32Array;
  private readonly readySource: Int32Array;
  private readonly transferMarkEpoch: Int32Array;
  private readonly earliestBagSource = new Int32Array(ROUTE_BAG_MAX);
  // Lower bound on the vehicles still needed from each stop to the destination (backward search, times ignored).
  private readonly tripsNeeded: Uint8Array;
  private readonly tripsNeededBoarding: Uint8Array;
  private readonly incomingTransferOffset: Int32Array;
  private readonly incomingTransferFrom: Int32Array;
  private readonly routeReachEpoch: Int32Array;
  private readonly routeReachPosition: Int32Array;
  // Lower bound on the minutes still to ride from each stop to the destination (backward Dijkstra over the fastest
  // ride of each route segment and the transfer edges; waiting ignored): prunes labels a result already beats at
  // their best. Cost and CO2 bounds were tried the same way and did not pay for their two extra searches.
  private readonly reverseEdgeOffset: Int32Array;
  private readonly reverseEdgeFrom: Int32Array;
  private readonly reverseEdgeRoute: Int32Array;
  private readonly reverseEdgeMinutes: Int32Array;
  private readonly boundMinutes: Float64Array;
  private readonly routeAccepted: Uint8Array;
  private readonly heapNode: Int32Array;
  private readonly heapIndex: Int32Array;

  constructor(timetable: Timetable) {
    this.timetable = timetable;
    const stopCount = timetable.stopCount;
    this.markEpoch = new Int32Array(stopCount).fill(-1);
    this.boardEpoch = new Int32Array(stopCount).fill(-1);
    this.touchEpoch = new Int32Array(stopCount).fill(-1);
    this.transferMarkEpoch = new Int32Array(stopCount).fill(-1);
    this.routeQueueEpoch = new Int32Array(timetable.routeCount).fill(-1);
    this.routeQueuePosition = new Int32Array(timetable.routeCount);
    this.bags = Array.from({ length: stopCount }, () => []);
    this.bestTripArrival = new Int32Array(stopCount).fill(MINUTE_INFINITY);
    this.bestTransferArrival = new Int32Array(stopCount).fill(MINUTE_INFINITY);
    this.readyBest = new Int32Array(stopCount).fill(MINUTE_INFINITY);
    this.readySource = new Int32Array(stopCount);
    this.tripsNeeded = new Uint8Array(stopCount);
    this.tripsNeededBoarding = new Uint8Array(stopCount);
    this.routeReachEpoch = new Int32Array(timetable.routeCount).fill(-1);
    this.routeReachPosition = new Int32Array(timetable.routeCount);
    // Transfers by destination stop, for the backward bound.
    this.incomingTransferOffset = new Int32Array(stopCount + 1);
    for (let edge = 0; edge < timetable.transferCount; edge += 1) {
      this.incomingTransferOffset[timetable.transferToStop[edge]! + 1]! += 1;
    }
    for (let stop = 0; stop < stopCount; stop += 1) {
      this.incomingTransferOffset[stop + 1]! += this.incomingTransferOffset[stop]!;
    }
    this.incomingTransferFrom = new Int32Array(timetable.transferCount);
    const fill = this.incomingTransferOffset.slice(0, stopCount);
    for (let edge = 0; edge < timetable.transferCount; edge += 1) {
      const toStop = timetable.transferToStop[edge]!;
      this.incomingTransferFrom[fill[toStop]!] = timetable.transferFromStop[edge]!;
      fill[toStop]! += 1;
    }
    // Reverse segment graph: one edge per route segment (its fastest trip) and per transfer edge, by arrival stop.
    const segmentEdges = timetable.routeStops.length - timetable.routeCount;
    const edgeCount = segmentEdges + timetable.transferCount;
    this.reverseEdgeOffset = new Int32Array(stopCount + 1);
    for (let route = 0; route < timetable.routeCount; route += 1) {
      for (let slot = timetable.routeStopOffset[route]! + 1; slot < timetable.routeStopOffset[route + 1]!; slot += 1) {
        this.reverseEdgeOffset[timetable.routeStops[slot]! + 1]! += 1;
      }
    }
    for (let edge = 0; edge < timetable.transferCount; edge += 1) {
      this.reverseEdgeOffset[timetable.transferToStop[edge]! + 1]! += 1;
    }
    for (let stop = 0; stop < stopCount; stop += 1) this.reverseEdgeOffset[stop + 1]! += this.reverseEdgeOffset[stop]!;
    this.reverseEdgeFrom = new Int32Array(edgeCount);
    this.reverseEdgeRoute = new Int32Array(edgeCount);
    this.reverseEdgeMinutes = new Int32Array(edgeCount);
    const edgeFill = this.reverseEdgeOffset.slice(0, stopCount);
    for (let route = 0; route < timetable.routeCount; route += 1) {
      const stopBase = timetable.routeStopOffset[route]!;
      const trips = timetable.routeTripCount(route);
      const stopTimeBase = timetable.routeStopTimeOffset[route]!;
      for (let position = 0; position < timetable.routeStopCount(route) - 1; position += 1) {
        let fastest = MINUTE_INFINITY;
        for (let trip = 0; trip < trips; trip += 1) {
          const ride =
            timetable.arrivalMinute[stopTimeBase + (position + 1) * trips + trip]! -
            timetable.departureMinute[stopTimeBase + position * trips + trip]!;
          fastest = Math.min(fastest, ride);
        }
        const toStop = timetable.routeStops[stopBase + position + 1]!;
        const at = edgeFill[toStop]!;
        edgeFill[toStop] = at + 1;
        this.reverseEdgeFrom[at] = timetable.routeStops[stopBase + position]!;
        this.reverseEdgeRoute[at] = route;
        this.reverseEdgeMinutes[at] = fastest;
      }
    }
    for (let edge = 0; edge < timetable.transferCount; edge += 1) {
      const toStop = timetable.transferToStop[edge]!;
      const at = edgeFill[toStop]!;
      edgeFill[toStop] = at + 1;
      this.reverseEdgeFrom[at] = timetable.transferFromStop[edge]!;
      this.reverseEdgeRoute[at] = -1;
      this.reverseEdgeMinutes[at] = timetable.transferDurationMinutes[edge]!;
    }
    this.boundMinutes = new Float64Array(stopCount);
    this.routeAccepted = new Uint8Array(timetable.routeCount);
    this.heapNode = new Int32Array(stopCount);
    this.heapIndex = new Int32Array(stopCount);
    this.growPool(POOL_INITIAL);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Public API

  /** All Pareto-optimal itineraries on arrival, cost, CO2 and transfers. */
  planPareto(query: PlanQuery): PlanResult {
    const options = resolveOptions(query.options);
    validateQuery(this.timetable.stopCount, query);
    if (query.originStop === query.destinationStop) {
      return { itineraries: [], reason: 'origin_is_destination', truncated: false, stats: emptyStats() };
    }
    this.paretoSearch(query, options, this.cargoFilter(query, NOTHING_RELAXED));
    const units = query.cargo.units;
    const all = Array.from(this.targetLabel.subarray(0, this.targetSize), (label) =>
      this.paretoItinerary(label, units, query.departAfterMinute),
    );
    all.sort(compareItineraries);
    this.assertParetoSet(all);
    const truncated = this.truncated || all.length > options.resultsMax;
    const itineraries = all.slice(0, options.resultsMax);
    const stats = { ...this.stats, itinerariesFound: all.length, searchBoundReached: this.truncated };
    const reason = itineraries.length === 0 ? this.diagnose(query, options) : null;
    return { itineraries, reason, truncated, stats };
  }

  /** Classic RAPTOR: the earliest arrival (fewest vehicles among ties), same rules as planPareto. */
  planEarliestArrival(query: PlanQuery): EarliestArrivalResult {
    const options = resolveOptions(query.options);
    validateQuery(this.timetable.stopCount, query);
    if (query.originStop === query.destinationStop) {
      return { itinerary: null, reason: 'origin_is_destination', truncated: false, stats: emptyStats() };
    }
    const found = this.earliestSearch(query, options.roundsMax, this.cargoFilter(query, NOTHING_RELAXED));
    const itinerary = found ? this.earliestItinerary(query) : null;
    const truncated = this.truncated;
    const stats = { ...this.stats, itinerariesFound: itinerary === null ? 0 : 1, searchBoundReached: this.truncated };
    const reason = itinerary === null ? this.diagnose(query, options) : null;
    return { itinerary, reason, truncated, stats };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Shared helpers

  private cargoFilter(query: PlanQuery, relaxed: Relaxation): CargoFilter {
    const dangerousGoodsClass = query.cargo.dangerousGoodsClass;
    const dangerousGoodsRequired = dangerousGoodsClass !== undefined && !relaxed.dangerousGoods;
    return {
      units: relaxed.capacity ? 0 : query.cargo.units,
      reeferRequired: query.cargo.reefer && !relaxed.reefer,
      dangerousGoodsRequired,
      dangerousGoodsMask: dangerousGoodsRequired ? this.timetable.dangerousGoodsMask(dangerousGoodsClass) : 0,
    };
  }

  private routeAccepts(route: number): boolean {
    return this.routeAccepted[route] === 1;
  }

  private computeRouteAccepted(): void {
    for (let route = 0; route < this.timetable.routeCount; route += 1) {
      this.routeAccepted[route] = this.routeAcceptsCargo(route) ? 1 : 0;
    }
  }

  private routeAcceptsCargo(route: number): boolean {
    const filter = this.filter;
    if (filter.reeferRequired && this.timetable.routeReefer[route] === 0) return false;
    if (
      filter.dangerousGoodsRequired &&
      (this.timetable.routeDangerousGoodsMask[route]! & filter.dangerousGoodsMask) === 0
    ) {
      return false;
    }
    return true;
  }

  /** Starts a query: new epoch (so marks of the previous query are stale), empty bags. */
  private beginQuery(destination: number, filter: CargoFilter): void {
    for (const stop of this.touchedStops) {
      this.bags[stop]!.length = 0;
      this.bestTripArrival[stop] = MINUTE_INFINITY;
      this.bestTransferArrival[stop] = MINUTE_INFINITY;
      this.readyBest[stop] = MINUTE_INFINITY;
    }
    this.touchedStops.length = 0;
    for (const slot of this.roundTouched) {
      this.roundTripArrival[slot] = MINUTE_INFINITY;
      this.roundTransferArrival[slot] = MINUTE_INFINITY;
    }
    this.roundTouched.length = 0;
    this.targetSize = 0;
    this.labelCount = 0;
    this.truncated = false;
    this.destination = destination;
    this.filter = filter;
    this.computeRouteAccepted();
    this.stats = emptyStats();
    this.epoch += ROUNDS_MAX_LIMIT + 2;
    if (this.epoch > 2_000_000_000) {
      // Marks compare with epoch + round; restart the counter long before it could overflow an Int32.
      this.epoch = 0;
      this.markEpoch.fill(-1);
      this.boardEpoch.fill(-1);
      this.touchEpoch.fill(-1);
      this.transferMarkEpoch.fill(-1);
      this.routeQueueEpoch.fill(-1);
    }
  }

  private mark(stop: number, round: number, marked: number[]): void {
    const stamp = this.epoch + round;
    if (this.markEpoch[stop] !== stamp) {
      this.markEpoch[stop] = stamp;
      marked.push(stop);
    }
  }

  /** Routes through the stops marked in the previous round, each from its first marked position. */
  private queueRoutes(round: number, previousMarked: readonly number[]): number[] {
    const timetable = this.timetable;
    const stamp = this.epoch + round;
    const queue = this.routeQueue;
    queue.length = 0;
    for (const stop of previousMarked) {
      this.boardEpoch[stop] = stamp;
      for (let entry = timetable.stopRouteOffset[stop]!; entry < timetable.stopRouteOffset[stop + 1]!; entry += 1) {
        const route = timetable.stopRouteRoute[entry]!;
        const position = timetable.stopRoutePosition[entry]!;
        if (position === timetable.routeStopCount(route) - 1) continue;
        if (!this.routeAccepts(route)) continue;
        if (this.routeQueueEpoch[route] !== stamp) {
          this.routeQueueEpoch[route] = stamp;
          this.routeQueuePosition[route] = position;
          queue.push(route);
        } else if (position < this.routeQueuePosition[route]!) {
          this.routeQueuePosition[route] = position;
        }
      }
    }
    this.stats.routesScanned += queue.length;
    return queue;
  }

  /**
   * First trip at or after `readyMinute` at this position with room for `units` on the next segment, or -1 (units is
   * 0 when the route has room everywhere, which skips the capacity reads).
   */
  private earliestTrip(
    departureColumn: number,
    capacityColumn: number,
    trips: number,
    readyMinute: number,
    units: number,
  ): number {
    const departures = this.timetable.departureMinute;
    let low = 0;
    let high = trips;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (departures[departureColumn + middle]! < readyMinute) low = middle + 1;
      else high = middle;
    }
    if (units === 0) return low < trips ? low : -1;
    const capacity = this.timetable.capacityUnits;
    for (let trip = low; trip < trips; trip += 1) {
      if (capacity[capacityColumn + trip]! >= units) return trip;
    }
    return -1;
  }

  /**
   * A label riding `trip` since `boardPosition` finds the segment `position` full: the earliest later trip with
   * capacity on every segment boardPosition..position is what it should have boarded (routes never overtake, so
   * that trip also left late enough). -1 when there is none.
   */
  private laterTripWithCapacity(
    capacityBase: number,
    trips: number,
    trip: number,
    boardPosition: number,
    position: number,
  ): number {
    const capacity = this.timetable.capacityUnits;
    const units = this.filter.units;
    for (let candidate = trip + 1; candidate < trips; candidate += 1) {
      let fits = true;
      for (let segment = boardPosition; segment <= position; segment += 1) {
        if (capacity[capacityBase + segment * trips + candidate]! < units) {
          fits = false;
          break;
        }
      }
      if (fits) return candidate;
    }
    return -1;
  }

  private touch(stop: number): void {
    if (this.touchEpoch[stop] !== this.epoch) {
      this.touchEpoch[stop] = this.epoch;
      this.touchedStops.push(stop);
    }
  }

  /**
   * Why nothing was found: relax one constraint at a time with the cheap earliest-arrival search. Runs only for
   * empty results, so it costs nothing on the common path.
   */
  private diagnose(query: PlanQuery, options: ResolvedOptions): NoItineraryReason {
    const everything: Relaxation = { capacity: true, reefer: true, dangerousGoods: true };
    if (!this.earliestSearch(query, ROUNDS_MAX_LIMIT, this.cargoFilter(query, everything))) return 'no_connection';
    const hasDangerousGoods = query.cargo.dangerousGoodsClass !== undefined;
    const single: [boolean, Relaxation, NoItineraryReason][] = [
      [hasDangerousGoods, { ...NOTHING_RELAXED, dangerousGoods: true }, 'no_service_accepts_dangerous_goods'],
      [query.cargo.reefer, { ...NOTHING_RELAXED, reefer: true }, 'no_service_accepts_reefer'],
      [true, { ...NOTHING_RELAXED, capacity: true }, 'no_capacity'],
    ];
    for (const [applies, relaxation, reason] of single) {
      if (applies && this.earliestSearch(query, options.roundsMax, this.cargoFilter(query, relaxation))) return reason;
    }
    if (this.earliestSearch(query, ROUNDS_MAX_LIMIT, this.cargoFilter(query, NOTHING_RELAXED))) {
      return 'too_many_transfers';
    }
    return 'no_service_accepts_cargo';
  }

  // ---------------------------------------------------------------------------------------------------------------
  // McRAPTOR

  private growPool(size: number): void {
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(old: T, make: (length: number) => T): T => {
      const grown = make(size);
      grown.set(old);
      return grown;
    };
    this.labelStop = grow(this.labelStop, (length) => new Int32Array(length));
    this.labelArrival = grow(this.labelArrival, (length) => new Int32Array(length));
    this.labelReady = grow(this.labelReady, (length) => new Int32Array(length));
    this.labelCost = grow(this.labelCost, (length) => new Float64Array(length));
    this.labelCo2 = grow(this.labelCo2, (length) => new Float64Array(length));
    this.labelRound = grow(this.labelRound, (length) => new Uint8Array(length));
    this.labelKind = grow(this.labelKind, (length) => new Uint8Array(length));
    this.labelParent = grow(this.labelParent, (length) => new Int32Array(length));
    this.labelRef = grow(this.labelRef, (length) => new Int32Array(length));
    this.labelBoardPosition = grow(this.labelBoardPosition, (length) => new Int32Array(length));
    this.labelAlightPosition = grow(this.labelAlightPosition, (length) => new Int32Array(length));
    this.poolSize = size;
  }

  /** Allocates a label; -1 (and `truncated`) when the per-query bound is reached. */
  private newLabel(
    stop: number,
    kind: number,
    arrival: number,
    ready: number,
    cost: number,
    co2: number,
    round: number,
    parent: number,
    ref: number,
    boardPosition: number,
    alightPosition: number,
  ): number {
    if (this.labelCount === this.poolSize) {
      if (this.poolSize >= LABELS_PER_QUERY_MAX) {
        this.truncated = true;
        return -1;
      }
      this.growPool(Math.min(this.poolSize * 2, LABELS_PER_QUERY_MAX));
    }
    const label = this.labelCount;
    this.labelCount += 1;
    this.labelStop[label] = stop;
    this.labelKind[label] = kind;
    this.labelArrival[label] = arrival;
    this.labelReady[label] = ready;
    this.labelCost[label] = cost;
    this.labelCo2[label] = co2;
    this.labelRound[label] = round;
    this.labelParent[label] = parent;
    this.labelRef[label] = ref;
    this.labelBoardPosition[label] = boardPosition;
    this.labelAlightPosition[label] = alightPosition;
    return label;
  }

  /**
   * Lower bounds on the vehicles still needed to reach the destination within `roundsMax`, ignoring time, cost and
   * capacity (TRIPS_UNREACHABLE beyond): `tripsNeeded[s]` for a label that may still take a transfer edge at s (it
   * came off a trip, or is the origin), `tripsNeededBoarding[s]` for one that must board (it came by transfer edge).
   * Riding an accepting route from s to a later stop t needs 1 + tripsNeeded[t]; an edge s → q needs
   * tripsNeededBoarding[q] (or nothing into the destination). Being a relaxation of the real search, they only
   * under-estimate, so pruning with them keeps results exact. Each level visits only the routes through the stops
   * whose bound was set at the level before.
   */
  private computeTripsNeeded(roundsMax: number): void {
    const timetable = this.timetable;
    const needed = this.tripsNeeded;
    const neededBoarding = this.tripsNeededBoarding;
    needed.fill(TRIPS_UNREACHABLE);
    neededBoarding.fill(TRIPS_UNREACHABLE);
    const destination = this.destination;
    needed[destination] = 0;
    let frontier: number[] = [destination];
    for (
      let entry = this.incomingTransferOffset[destination]!;
      entry < this.incomingTransferOffset[destination + 1]!;
      entry += 1
    ) {
      const fromStop = this.incomingTransferFrom[entry]!;
      if (needed[fromStop] !== 0) {
        needed[fromStop] = 0;
        frontier.push(fromStop);
      }
    }
    for (let level = 1; level <= roundsMax && frontier.length > 0; level += 1) {
      const stamp = this.epoch + level;
      const routes: number[] = [];
      for (const stop of frontier) {
        for (let entry = timetable.stopRouteOffset[stop]!; entry < timetable.stopRouteOffset[stop + 1]!; entry += 1) {
          const route = timetable.stopRouteRoute[entry]!;
          const position = timetable.stopRoutePosition[entry]!;
          if (position === 0 || this.routeAccepted[route] === 0) continue;
          if (this.routeReachEpoch[route] !== stamp) {
            this.routeReachEpoch[route] = stamp;
            this.routeReachPosition[route] = position;
            routes.push(route);
          } else if (position > this.routeReachPosition[route]!) {
            this.routeReachPosition[route] = position;
          }
        }
      }
      // Stops that reach the frontier on one more vehicle: the bound for boarding there, and for arriving there.
      const boarding: number[] = [];
      for (const route of routes) {
        const stopBase = timetable.routeStopOffset[route]!;
        const lastPosition = this.routeReachPosition[route]!;
        for (let position = 0; position < lastPosition; position += 1) {
          const stop = timetable.routeStops[stopBase + position]!;
          if (neededBoarding[stop]! > level) {
            neededBoarding[stop] = level;
            boarding.push(stop);
          }
        }
      }
      const next: number[] = [];
      for (const stop of boarding) {
        if (needed[stop]! > level) {
          needed[stop] = level;
          next.push(stop);
        }
        for (
          let entry = this.incomingTransferOffset[stop]!;
          entry < this.incomingTransferOffset[stop + 1]!;
          entry += 1
        ) {
          const fromStop = this.incomingTransferFrom[entry]!;
          if (needed[fromStop]! > level) {
            needed[fromStop] = level;
            next.push(fromStop);
          }
        }
      }
      frontier = next;
    }
  }

  /**
   * Backward Dijkstra from the destination over accepting segments and transfer edges, with one weight. An indexed
   * binary heap with decrease-key holds each stop at most once, so its memory is per stop, not per edge. About 6 ms
   * on the benchmark network, most of it relaxing the 140 k edges.
   */
  private computeBound(weights: Int32Array, distance: Float64Array): void {
    distance.fill(Number.POSITIVE_INFINITY);
    const heap = this.heapNode;
    const heapIndex = this.heapIndex;
    heapIndex.fill(-1);
    let heapSize = 0;
    const siftUp = (node: number, from: number) => {
      const key = distance[node]!;
      let index = from;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        const parentNode = heap[parent]!;
        if (distance[parentNode]! <= key) break;
        heap[index] = parentNode;
        heapIndex[parentNode] = index;
        index = parent;
      }
      heap[index] = node;
      heapIndex[node] = index;
    };
    distance[this.destination] = 0;
    siftUp(this.destination, heapSize++);
    while (heapSize > 0) {
      const node = heap[0]!;
      heapIndex[node] = -2;
      heapSize -= 1;
      if (heapSize > 0) {
        const last = heap[heapSize]!;
        const lastKey = distance[last]!;
        let index = 0;
        for (;;) {
          let child = 2 * index + 1;
          if (child >= heapSize) break;
          if (child + 1 < heapSize && distance[heap[child + 1]!]! < distance[heap[child]!]!) child += 1;
          if (distance[heap[child]!]! >= lastKey) break;
          heap[index] = heap[child]!;
          heapIndex[heap[index]!] = index;
          index = child;
        }
        heap[index] = last;
        heapIndex[last] = index;
      }
      const key = distance[node]!;
      for (let edge = this.reverseEdgeOffset[node]!; edge < this.reverseEdgeOffset[node + 1]!; edge += 1) {
        const route = this.reverseEdgeRoute[edge]!;
        if (route >= 0 && this.routeAccepted[route] === 0) continue;
        const fromStop = this.reverseEdgeFrom[edge]!;
        const candidate = key + weights[edge]!;
        if (candidate < distance[fromStop]!) {
          distance[fromStop] = candidate;
          const at = heapIndex[fromStop]!;
          siftUp(fromStop, at >= 0 ? at : heapSize++);
        }
      }
    }
  }

  /** targetTransfersCovering for the best any completion from `stop` can reach (the time bound added). */
  private boundedTransfersCovering(stop: number, arrival: number, cost: number, co2: number): number {
    if (this.targetSize === 0) return TRIPS_UNREACHABLE;
    return this.targetTransfersCovering(arrival + this.boundMinutes[stop]!, cost, co2);
  }

  private paretoSearch(query: PlanQuery, options: ResolvedOptions, filter: CargoFilter): void {
    this.beginQuery(query.destinationStop, filter);
    this.labelsPerStopMax = options.labelsPerStopMax;
    this.roundsMax = options.roundsMax;
    this.computeTripsNeeded(options.roundsMax);
    this.computeBound(this.reverseEdgeMinutes, this.boundMinutes);
    const origin = query.originStop;
    const departure = query.departAfterMinute;
    const originLabel = this.newLabel(origin, KIND_ORIGIN, departure, departure, 0, 0, 0, -1, -1, -1, -1);
    let marked: number[] = [];
    this.touch(origin);
    this.bags[origin]!.push(originLabel);
    this.mark(origin, 0, marked);
    this.relaxTransfers(0, [originLabel], marked);
    for (let round = 1; round <= options.roundsMax && marked.length > 0; round += 1) {
      const current: number[] = [];
      for (const route of this.queueRoutes(round, marked))
        this.scanRoute(route, this.routeQueuePosition[route]!, round, current);
      const sources: number[] = [];
      for (const stop of current) {
        const bag = this.bags[stop]!;
        for (let index = bag.length - 1; index >= 0 && this.labelRound[bag[index]!] === round; index -= 1) {
          if (this.labelKind[bag[index]!] === KIND_TRIP) sources.push(bag[index]!);
        }
      }
      this.relaxTransfers(round, sources, current);
      marked = current;
      this.stats.rounds = round;
    }
    this.stats.labelsCreated = this.labelCount;
  }

  /**
   * One route in round `round`: carry a bag of (trip, cost, CO2) labels along the stops, first offering arrivals at
   * each stop, then boarding the labels the stop got in the previous round.
   */
  private scanRoute(route: number, startPosition: number, round: number, marked: number[]): void {
    const timetable = this.timetable;
    const stopBase = timetable.routeStopOffset[route]!;
    const stopCount = timetable.routeStopOffset[route + 1]! - stopBase;
    const tripBase = timetable.routeTripOffset[route]!;
    const trips = timetable.routeTripOffset[route + 1]! - tripBase;
    const stopTimeBase = timetable.routeStopTimeOffset[route]!;
    const capacityBase = timetable.routeCapacityOffset[route]!;
    const segmentBase = timetable.routeSegmentOffset[route]!;
    const arrivals = timetable.arrivalMinute;
    const capacity = timetable.capacityUnits;
    // No capacity reads at all on a route where every trip has room on every segment (the usual case).
    const units = timetable.routeCapacityMinUnits[route]! >= this.filter.units ? 0 : this.filter.units;
    const boardStamp = this.epoch + round;
    const bagTrip = this.routeBagTrip;
    const bagBoard = this.routeBagBoardPosition;
    const bagCost = this.routeBagCost;
    const bagCo2 = this.routeBagCo2;
    const bagParent = this.routeBagParent;
    let bagSize = 0;
    // Route bag costs are stored relative to the cumulative tariff from the start position, so riding on adds
    // nothing per label: the whole bag shares the tariff.
    let cumulativeCost = 0;
    let cumulativeCo2 = 0;
    for (let position = startPosition; position < stopCount; position += 1) {
      const stop = timetable.routeStops[stopBase + position]!;
      if (bagSize > 0) {
        const atDestination = stop === this.destination;
        const connection = timetable.minConnectionMinutes[stop]!;
        const column = stopTimeBase + position * trips;
        let kept = 0;
        for (let entry = 0; entry < bagSize; entry += 1) {
          const trip = bagTrip[entry]!;
          const arrival = arrivals[column + trip]!;
          const cost = bagCost[entry]! + cumulativeCost;
          const co2 = bagCo2[entry]! + cumulativeCo2;
          let keep = true;
          if (atDestination) {
            this.offerTarget(
              stop,
              KIND_TRIP,
              arrival,
              cost,
              co2,
              round,
              bagParent[entry]!,
              tripBase + trip,
              bagBoard[entry]!,
              position,
            );
          } else {
            const tripsAtLeast = round + this.tripsNeeded[stop]!;
            // The O(1) vehicles bound first: alighting here cannot reach the destination within roundsMax (the
            // route bag label rides on, a later stop may be closer). Then one scan of the results answers both
            // questions: is every completion from here, riding on or changing, no better than some result (drop
            // the route bag label), or only the ones alighting here (skip the stop)?
            if (tripsAtLeast <= this.roundsMax) {
              const covering = this.boundedTransfersCovering(stop, arrival, cost, co2);
              if (covering <= round - 1) {
                keep = false;
              } else if (covering > tripsAtLeast - 1) {
                this.offerStop(
                  stop,
                  KIND_TRIP,
                  arrival,
                  arrival + connection,
                  cost,
                  co2,
                  round,
                  bagParent[entry]!,
                  tripBase + trip,
                  bagBoard[entry]!,
                  position,
                  marked,
                );
              }
            }
          }
          if (keep) {
            if (kept !== entry) {
              bagTrip[kept] = trip;
              bagBoard[kept] = bagBoard[entry]!;
              bagCost[kept] = bagCost[entry]!;
              bagCo2[kept] = bagCo2[entry]!;
              bagParent[kept] = bagParent[entry]!;
            }
            kept += 1;
          }
        }
        bagSize = kept;
      }
      if (position === stopCount - 1) break;
      if (this.boardEpoch[stop] === boardStamp) {
        bagSize = this.boardAt(
          stop,
          position,
          round,
          stopTimeBase + position * trips,
          capacityBase + position * trips,
          trips,
          units,
          bagSize,
          cumulativeCost,
          cumulativeCo2,
        );
      }
      cumulativeCost += timetable.segmentCostFen[segmentBase + position]!;
      cumulativeCo2 += timetable.segmentCo2Grams[segmentBase + position]!;
      if (units > 0) {
        let kept = 0;
        for (let entry = 0; entry < bagSize; entry += 1) {
          let trip = bagTrip[entry]!;
          if (capacity[capacityBase + position * trips + trip]! < units) {
            trip = this.laterTripWithCapacity(capacityBase, trips, trip, bagBoard[entry]!, position);
            if (trip < 0) continue;
          }
          bagTrip[kept] = trip;
          bagBoard[kept] = bagBoard[entry]!;
          bagCost[kept] = bagCost[entry]!;
          bagCo2[kept] = bagCo2[entry]!;
          bagParent[kept] = bagParent[entry]!;
          kept += 1;
        }
        bagSize = kept;
      }
    }
  }

  /**
   * Boards the labels the stop got in the previous round onto this route. Bags only grow at the end, round by round,
   * and evictions keep the order, so those labels are the run just before this round's own. (Skipping a label when
   * an older one boards the same trip no dearer is exact too, but measured: it fired on 8% of boardings and its
   * extra searches cost more than it saved.)
   */
  private boardAt(
    stop: number,
    position: number,
    round: number,
    departureColumn: number,
    capacityColumn: number,
    trips: number,
    units: number,
    bagSize: number,
    cumulativeCost: number,
    cumulativeCo2: number,
  ): number {
    const bag = this.bags[stop]!;
    const handlingCost = this.timetable.transshipmentCostFen[stop]!;
    const handlingCo2 = this.timetable.transshipmentCo2Grams[stop]!;
    for (let index = bag.length - 1; index >= 0; index -= 1) {
      const label = bag[index]!;
      const labelRound = this.labelRound[label]!;
      if (labelRound === round) continue;
      if (labelRound < round - 1) break;
      const trip = this.earliestTrip(departureColumn, capacityColumn, trips, this.labelReady[label]!, units);
      if (trip < 0) continue;
      // Changing vehicle here (the label came off a trip at this stop) pays the terminal's handling.
      const changing = this.labelKind[label] === KIND_TRIP;
      bagSize = this.routeBagInsert(
        bagSize,
        trip,
        position,
        this.labelCost[label]! + (changing ? handlingCost : 0) - cumulativeCost,
        this.labelCo2[label]! + (changing ? handlingCo2 : 0) - cumulativeCo2,
        label,
        capacityColumn,
        units,
      );
    }
    return bagSize;
  }

  /**
   * Route-bag dominance must hold for the rest of the route. Labels share the tariff, and an earlier trip arrives no
   * later everywhere; but a label may later have to move to a later trip when its trip runs full, so an older label
   * dominates a new one only if it boarded here too or its trip has room on every remaining segment. A new label
   * (boarded here, the latest position) needs a superset of nobody's segments, so it dominates on the three values.
   */
  private routeBagInsert(
    bagSize: number,
    trip: number,
    position: number,
    cost: number,
    co2: number,
    parent: number,
    capacityColumn: number,
    units: number,
  ): number {
    const bagTrip = this.routeBagTrip;
    const bagBoard = this.routeBagBoardPosition;
    const bagCost = this.routeBagCost;
    const bagCo2 = this.routeBagCo2;
    const bagParent = this.routeBagParent;
    const suffixMin = this.timetable.capacitySuffixMinUnits;
    for (let entry = 0; entry < bagSize; entry += 1) {
      if (
        bagTrip[entry]! <= trip &&
        bagCost[entry]! <= cost &&
        bagCo2[entry]! <= co2 &&
        (units === 0 || bagBoard[entry] === position || suffixMin[capacityColumn + bagTrip[entry]!]! >= units)
      ) {
        return bagSize;
      }
    }
    let kept = 0;
    for (let entry = 0; entry < bagSize; entry += 1) {
      if (trip <= bagTrip[entry]! && cost <= bagCost[entry]! && co2 <= bagCo2[entry]!) continue;
      if (kept !== entry) {
        bagTrip[kept] = bagTrip[entry]!;
        bagBoard[kept] = bagBoard[entry]!;
        bagCost[kept] = bagCost[entry]!;
        bagCo2[kept] = bagCo2[entry]!;
        bagParent[kept] = bagParent[entry]!;
      }
      kept += 1;
    }
    if (kept >= ROUTE_BAG_MAX) {
      this.truncated = true;
      return kept;
    }
    bagTrip[kept] = trip;
    bagBoard[kept] = position;
    bagCost[kept] = cost;
    bagCo2[kept] = co2;
    bagParent[kept] = parent;
    return kept + 1;
  }

  /**
   * Stop-bag dominance, future-proof across label kinds: A dominates B when A can board no later (ready time) and
   * no dearer (cost and CO2 including the handling a label that came off a trip pays to board another), used no
   * more vehicles, and — if B could still take a transfer edge or stop here — A can too, no later and no dearer.
   */
  private offerStop(
    stop: number,
    kind: number,
    arrival: number,
    ready: number,
    cost: number,
    co2: number,
    round: number,
    parent: number,
    ref: number,
    boardPosition: number,
    alightPosition: number,
    marked: number[],
  ): void {
    const bag = this.bags[stop]!;
    const canTransfer = kind !== KIND_TRANSFER;
    const handlingCost = this.timetable.transshipmentCostFen[stop]!;
    const handlingCo2 = this.timetable.transshipmentCo2Grams[stop]!;
    const boardCost = kind === KIND_TRIP ? cost + handlingCost : cost;
    const boardCo2 = kind === KIND_TRIP ? co2 + handlingCo2 : co2;
    const labelReady = this.labelReady;
    const labelCost = this.labelCost;
    const labelCo2 = this.labelCo2;
    const labelRound = this.labelRound;
    const labelKind = this.labelKind;
    const labelArrival = this.labelArrival;
    let dominatesSome = false;
    for (let index = 0; index < bag.length; index += 1) {
      const label = bag[index]!;
      const readyOld = labelReady[label]!;
      const roundOld = labelRound[label]!;
      const kindOld = labelKind[label]!;
      const costOld = labelCost[label]!;
      const co2Old = labelCo2[label]!;
      const boardCostOld = kindOld === KIND_TRIP ? costOld + handlingCost : costOld;
      const boardCo2Old = kindOld === KIND_TRIP ? co2Old + handlingCo2 : co2Old;
      const canTransferOld = kindOld !== KIND_TRANSFER;
      if (
        readyOld <= ready &&
        roundOld <= round &&
        boardCostOld <= boardCost &&
        boardCo2Old <= boardCo2 &&
        (!canTransfer || (canTransferOld && labelArrival[label]! <= arrival && costOld <= cost && co2Old <= co2))
      ) {
        return;
      }
      if (
        ready <= readyOld &&
        round <= roundOld &&
        boardCost <= boardCostOld &&
        boardCo2 <= boardCo2Old &&
        (!canTransferOld || (canTransfer && arrival <= labelArrival[label]! && cost <= costOld && co2 <= co2Old))
      ) {
        dominatesSome = true;
      }
    }
    if (dominatesSome) {
      let kept = 0;
      for (let index = 0; index < bag.length; index += 1) {
        const label = bag[index]!;
        const kindOld = labelKind[label]!;
        const costOld = labelCost[label]!;
        const co2Old = labelCo2[label]!;
        const canTransferOld = kindOld !== KIND_TRANSFER;
        const dominated =
          ready <= labelReady[label]! &&
          round <= labelRound[label]! &&
          boardCost <= (kindOld === KIND_TRIP ? costOld + handlingCost : costOld) &&
          boardCo2 <= (kindOld === KIND_TRIP ? co2Old + handlingCo2 : co2Old) &&
          (!canTransferOld || (canTransfer && arrival <= labelArrival[label]! && cost <= costOld && co2 <= co2Old));
        if (!dominated) bag[kept++] = label;
      }
      bag.length = kept;
    }
    if (bag.length >= this.labelsPerStopMax) {
      this.truncated = true;
      return;
    }
    const label = this.newLabel(
      stop,
      kind,
      arrival,
      ready,
      cost,
      co2,
      round,
      parent,
      ref,
      boardPosition,
      alightPosition,
    );
    if (label < 0) return;
    if (bag.length === 0) this.touch(stop);
    bag.push(label);
    this.mark(stop, round, marked);
  }

  /**
   * The fewest transfers among results at least as good as these values on arrival, cost and CO2 (TRIPS_UNREACHABLE
   * when none is): a label whose completions cannot have fewer transfers than that is dominated.
   */
  private targetTransfersCovering(arrival: number, cost: number, co2: number): number {
    const targetArrival = this.targetArrival;
    const targetCost = this.targetCost;
    const targetCo2 = this.targetCo2;
    const targetTransfers = this.targetTransfers;
    let fewest = TRIPS_UNREACHABLE;
    for (let index = 0; index < this.targetSize; index += 1) {
      if (targetArrival[index]! > arrival) break;
      if (targetCost[index]! <= cost && targetCo2[index]! <= co2 && targetTransfers[index]! < fewest) {
        fewest = targetTransfers[index]!;
      }
    }
    return fewest;
  }

  /** The destination bag: full four-criteria Pareto set, one label per criteria vector. */
  private offerTarget(
    stop: number,
    kind: number,
    arrival: number,
    cost: number,
    co2: number,
    round: number,
    parent: number,
    ref: number,
    boardPosition: number,
    alightPosition: number,
  ): void {
    const transfers = Math.max(0, round - 1);
    if (this.targetTransfersCovering(arrival, cost, co2) <= transfers) return;
    const targetArrival = this.targetArrival;
    const targetCost = this.targetCost;
    const targetCo2 = this.targetCo2;
    const targetTransfers = this.targetTransfers;
    const targetLabel = this.targetLabel;
    // Drop results the new one covers, keep the order, and find where the new one goes.
    let kept = 0;
    let insertAt = -1;
    for (let index = 0; index < this.targetSize; index += 1) {
      const dominated =
        arrival <= targetArrival[index]! &&
        cost <= targetCost[index]! &&
        co2 <= targetCo2[index]! &&
        transfers <= targetTransfers[index]!;
      if (dominated) continue;
      if (insertAt < 0 && targetArrival[index]! > arrival) insertAt = kept;
      targetArrival[kept] = targetArrival[index]!;
      targetCost[kept] = targetCost[index]!;
      targetCo2[kept] = targetCo2[index]!;
      targetTransfers[kept] = targetTransfers[index]!;
      targetLabel[kept] = targetLabel[index]!;
      kept += 1;
    }
    this.targetSize = kept;
    if (kept >= TARGET_LABELS_MAX) {
      this.truncated = true;
      return;
    }
    const label = this.newLabel(
      stop,
      kind,
      arrival,
      arrival,
      cost,
      co2,
      round,
      parent,
      ref,
      boardPosition,
      alightPosition,
    );
    if (label < 0) return;
    if (insertAt < 0) insertAt = kept;
    targetArrival.copyWithin(insertAt + 1, insertAt, kept);
    targetCost.copyWithin(insertAt + 1, insertAt, kept);
    targetCo2.copyWithin(insertAt + 1, insertAt, kept);
    targetTransfers.copyWithin(insertAt + 1, insertAt, kept);
    targetLabel.copyWithin(insertAt + 1, insertAt, kept);
    targetArrival[insertAt] = arrival;
    targetCost[insertAt] = cost;
    targetCo2[insertAt] = co2;
    targetTransfers[insertAt] = transfers;
    targetLabel[insertAt] = label;
    this.targetSize = kept + 1;
  }

  /** Transfer edges from labels that arrived by trip in this round (or from the origin in round 0). */
  private relaxTransfers(round: number, sources: readonly number[], marked: number[]): void {
    const timetable = this.timetable;
    for (const source of sources) {
      const stop = this.labelStop[source]!;
      const arrival = this.labelArrival[source]!;
      const cost = this.labelCost[source]!;
      const co2 = this.labelCo2[source]!;
      for (let edge = timetable.transferOffset[stop]!; edge < timetable.transferOffset[stop + 1]!; edge += 1) {
        const toStop = timetable.transferToStop[edge]!;
        const arrivalThere = arrival + timetable.transferDurationMinutes[edge]!;
        const costThere = cost + timetable.transferCostFen[edge]!;
        const co2There = co2 + timetable.transferCo2Grams[edge]!;
        if (toStop === this.destination) {
          this.offerTarget(toStop, KIND_TRANSFER, arrivalThere, costThere, co2There, round, source, edge, -1, -1);
        } else {
          // A label that came by transfer edge must board next.
          const tripsAtLeast = round + this.tripsNeededBoarding[toStop]!;
          if (
            tripsAtLeast > this.roundsMax ||
            this.boundedTransfersCovering(toStop, arrivalThere, costThere, co2There) <= tripsAtLeast - 1
          ) {
            continue;
          }
          this.offerStop(
            toStop,
            KIND_TRANSFER,
            arrivalThere,
            arrivalThere,
            costThere,
            co2There,
            round,
            source,
            edge,
            -1,
            -1,
            marked,
          );
        }
      }
    }
  }

  private paretoItinerary(targetLabel: number, units: number, departAfterMinute: number): Itinerary {
    const timetable = this.timetable;
    const legs: ItineraryLeg[] = [];
    let label = targetLabel;
    for (let steps = 0; this.labelKind[label] !== KIND_ORIGIN; steps += 1) {
      assert(steps <= 2 * ROUNDS_MAX_LIMIT + 2, 'label chain longer than the round bound allows');
      const parent = this.labelParent[label]!;
      let costFen = (this.labelCost[label]! - this.labelCost[parent]!) * units;
      let co2Grams = (this.labelCo2[label]! - this.labelCo2[parent]!) * units;
      const toStop = this.labelStop[label]!;
      if (this.labelKind[label] === KIND_TRIP) {
        const internal = this.labelRef[label]!;
        const route = timetable.tripRoute[internal]!;
        const trips = timetable.routeTripCount(route);
        const boardPosition = this.labelBoardPosition[label]!;
        const fromStop = timetable.routeStops[timetable.routeStopOffset[route]! + boardPosition]!;
        const tripInRoute = internal - timetable.routeTripOffset[route]!;
        const departureMinute =
          timetable.departureMinute[timetable.routeStopTimeOffset[route]! + boardPosition * trips + tripInRoute]!;
        assert(fromStop === this.labelStop[parent], 'trip leg starts where its parent label is');
        assert(departureMinute >= this.labelReady[parent]!, 'trip leaves after the parent label is ready');
        const changing = this.labelKind[parent] === KIND_TRIP;
        const transshipmentCostFen = changing ? timetable.transshipmentCostFen[fromStop]! * units : 0;
        const transshipmentCo2Grams = changing ? timetable.transshipmentCo2Grams[fromStop]! * units : 0;
        costFen -= transshipmentCostFen;
        co2Grams -= transshipmentCo2Grams;
        legs.push({
          kind: 'trip',
          tripIndex: timetable.tripExternalIndex[internal]!,
          serviceId: timetable.tripServiceIdOf(internal),
          mode: timetable.tripModeOf(internal),
          fromStop,
          toStop,
          fromStopId: timetable.stopIds[fromStop]!,
          toStopId: timetable.stopIds[toStop]!,
          departureMinute,
          arrivalMinute: this.labelArrival[label]!,
          costFen,
          co2Grams,
          transshipmentCostFen,
          transshipmentCo2Grams,
        });
      } else {
        const fromStop = this.labelStop[parent]!;
        legs.push({
          kind: 'transfer',
          fromStop,
          toStop,
          fromStopId: timetable.stopIds[fromStop]!,
          toStopId: timetable.stopIds[toStop]!,
          departureMinute: this.labelArrival[parent]!,
          arrivalMinute: this.labelArrival[label]!,
          costFen,
          co2Grams,
        });
      }
      label = parent;
    }
    legs.reverse();
    return itineraryOf(legs, departAfterMinute, this.labelArrival[targetLabel]!);
  }

  /** Results must be a Pareto set: sorted, and no itinerary at least as good as another on all four criteria. */
  private assertParetoSet(itineraries: readonly Itinerary[]): void {
    for (let first = 0; first < itineraries.length; first += 1) {
      for (let second = first + 1; second < itineraries.length; second += 1) {
        const a = itineraries[first]!;
        const b = itineraries[second]!;
        const aCoversB =
          a.arrivalMinute <= b.arrivalMinute &&
          a.costFen <= b.costFen &&
          a.co2Grams <= b.co2Grams &&
          a.transfers <= b.transfers;
        const bCoversA =
          b.arrivalMinute <= a.arrivalMinute &&
          b.costFen <= a.costFen &&
          b.co2Grams <= a.co2Grams &&
          b.transfers <= a.transfers;
        assert(!aCoversB && !bCoversA, 'result set holds a dominated or duplicate itinerary');
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Classic RAPTOR (earliest arrival)

  private ensureEarliestRounds(rounds: number): void {
    if (rounds <= this.earliestRounds) return;
    const size = rounds * this.timetable.stopCount;
    this.roundTripArrival = new Int32Array(size).fill(MINUTE_INFINITY);
    this.roundTripInternal = new Int32Array(size);
    this.roundTripBoardPosition = new Int32Array(size);
    this.roundTripAlightPosition = new Int32Array(size);
    this.roundTripSource = new Int32Array(size);
    this.roundTransferArrival = new Int32Array(size).fill(MINUTE_INFINITY);
    this.roundTransferEdge = new Int32Array(size);
    this.roundTouched.length = 0;
    this.earliestRounds = rounds;
  }

  private earliestDestinationArrival = MINUTE_INFINITY;
  private earliestDestinationRound = 0;
  private earliestDestinationKind = KIND_TRIP;

  /** Returns whether the destination was reached; the journey is then read by earliestItinerary. */
  private earliestSearch(query: PlanQuery, roundsMax: number, filter: CargoFilter): boolean {
    const timetable = this.timetable;
    const stopCount = timetable.stopCount;
    this.ensureEarliestRounds(ROUNDS_MAX_LIMIT + 1);
    this.beginQuery(query.destinationStop, filter);
    this.earliestDestinationArrival = MINUTE_INFINITY;
    const origin = query.originStop;
    const departure = query.departAfterMinute;
    this.touch(origin);
    this.readyBest[origin] = departure;
    this.readySource[origin] = KIND_ORIGIN;
    let marked: number[] = [origin];
    const transferImproved: number[] = [];
    this.relaxEarliestTransfers(0, origin, departure, transferImproved);
    for (const stop of transferImproved) {
      this.readyBest[stop] = this.roundTransferArrival[stop]!;
      this.readySource[stop] = KIND_TRANSFER;
      marked.push(stop);
    }
    for (let round = 1; round <= roundsMax && marked.length > 0; round += 1) {
      const tripImproved: number[] = [];
      for (const route of this.queueRoutes(round, marked)) {
        this.scanRouteEarliest(route, this.routeQueuePosition[route]!, round, tripImproved);
      }
      const roundBase = round * stopCount;
      const improved: number[] = [];
      for (const stop of tripImproved) {
        if (stop === this.destination) continue;
        this.relaxEarliestTransfers(round, stop, this.roundTripArrival[roundBase + stop]!, improved);
        improved.push(stop);
      }
      marked = [];
      for (const stop of improved) {
        if (this.markEpoch[stop] === this.epoch + round) continue;
        this.markEpoch[stop] = this.epoch + round;
        const byTrip = this.roundTripArrival[roundBase + stop]! + timetable.minConnectionMinutes[stop]!;
        const byTransfer = this.roundTransferArrival[roundBase + stop]!;
        const ready = Math.min(byTrip, byTransfer);
        if (ready < this.readyBest[stop]!) {
          this.readyBest[stop] = ready;
          this.readySource[stop] = round * 4 + (byTransfer < byTrip ? KIND_TRANSFER : KIND_TRIP);
          marked.push(stop);
        }
      }
      this.stats.rounds = round;
    }
    return this.earliestDestinationArrival < MINUTE_INFINITY;
  }

  private recordSlot(slot: number): void {
    if (this.roundTripArrival[slot] === MINUTE_INFINITY && this.roundTransferArrival[slot] === MINUTE_INFINITY) {
      this.roundTouched.push(slot);
    }
  }

  private relaxEarliestTransfers(round: number, stop: number, arrival: number, improved: number[]): void {
    const timetable = this.timetable;
    const roundBase = round * timetable.stopCount;
    for (let edge = timetable.transferOffset[stop]!; edge < timetable.transferOffset[stop + 1]!; edge += 1) {
      const toStop = timetable.transferToStop[edge]!;
      const arrivalThere = arrival + timetable.transferDurationMinutes[edge]!;
      if (arrivalThere >= this.earliestDestinationArrival) continue;
      if (toStop !== this.destination) {
        if (arrivalThere >= this.bestTransferArrival[toStop]!) continue;
        // Useless for boarding if a trip arrival here is already ready no later.
        if (arrivalThere >= this.bestTripArrival[toStop]! + timetable.minConnectionMinutes[toStop]!) continue;
      }
      const slot = roundBase + toStop;
      this.recordSlot(slot);
      this.touch(toStop);
      this.roundTransferArrival[slot] = arrivalThere;
      this.roundTransferEdge[slot] = edge;
      if (toStop === this.destination) {
        this.earliestDestinationArrival = arrivalThere;
        this.earliestDestinationRound = round;
        this.earliestDestinationKind = KIND_TRANSFER;
      } else {
        this.bestTransferArrival[toStop] = arrivalThere;
        improved.push(toStop);
      }
    }
  }

  private scanRouteEarliest(route: number, startPosition: number, round: number, tripImproved: number[]): void {
    const timetable = this.timetable;
    const stopBase = timetable.routeStopOffset[route]!;
    const stopCount = timetable.routeStopOffset[route + 1]! - stopBase;
    const tripBase = timetable.routeTripOffset[route]!;
    const trips = timetable.routeTripOffset[route + 1]! - tripBase;
    const stopTimeBase = timetable.routeStopTimeOffset[route]!;
    const capacityBase = timetable.routeCapacityOffset[route]!;
    const arrivals = timetable.arrivalMinute;
    const capacity = timetable.capacityUnits;
    const suffixMin = timetable.capacitySuffixMinUnits;
    const units = timetable.routeCapacityMinUnits[route]! >= this.filter.units ? 0 : this.filter.units;
    const boardStamp = this.epoch + round;
    const roundBase = round * timetable.stopCount;
    const bagTrip = this.routeBagTrip;
    const bagBoard = this.routeBagBoardPosition;
    const bagSource = this.earliestBagSource;
    let bagSize = 0;
    for (let position = startPosition; position < stopCount; position += 1) {
      const stop = timetable.routeStops[stopBase + position]!;
      if (bagSize > 0) {
        const column = stopTimeBase + position * trips;
        let best = MINUTE_INFINITY;
        let bestEntry = -1;
        for (let entry = 0; entry < bagSize; entry += 1) {
          const arrival = arrivals[column + bagTrip[entry]!]!;
          if (arrival < best) {
            best = arrival;
            bestEntry = entry;
          }
        }
        if (best < this.bestTripArrival[stop]! && best < this.earliestDestinationArrival) {
          const slot = roundBase + stop;
          this.recordSlot(slot);
          this.touch(stop);
          this.roundTripArrival[slot] = best;
          this.roundTripInternal[slot] = tripBase + bagTrip[bestEntry]!;
          this.roundTripBoardPosition[slot] = bagBoard[bestEntry]!;
          this.roundTripAlightPosition[slot] = position;
          this.roundTripSource[slot] = bagSource[bestEntry]!;
          this.bestTripArrival[stop] = best;
          if (stop === this.destination) {
            this.earliestDestinationArrival = best;
            this.earliestDestinationRound = round;
            this.earliestDestinationKind = KIND_TRIP;
          }
          if (this.transferMarkEpoch[stop] !== boardStamp) {
            this.transferMarkEpoch[stop] = boardStamp;
            tripImproved.push(stop);
          }
        }
      }
      if (position === stopCount - 1) break;
      const capacityColumn = capacityBase + position * trips;
      if (this.boardEpoch[stop] === boardStamp) {
        const trip = this.earliestTrip(
          stopTimeBase + position * trips,
          capacityColumn,
          trips,
          this.readyBest[stop]!,
          units,
        );
        if (trip >= 0) {
          // Same dominance as the McRAPTOR route bag, without cost: see routeBagInsert.
          let dominated = false;
          for (let entry = 0; entry < bagSize && !dominated; entry += 1) {
            dominated =
              bagTrip[entry]! <= trip &&
              (units === 0 || bagBoard[entry] === position || suffixMin[capacityColumn + bagTrip[entry]!]! >= units);
          }
          if (!dominated) {
            let kept = 0;
            for (let entry = 0; entry < bagSize; entry += 1) {
              if (trip <= bagTrip[entry]!) continue;
              bagTrip[kept] = bagTrip[entry]!;
              bagBoard[kept] = bagBoard[entry]!;
              bagSource[kept] = bagSource[entry]!;
              kept += 1;
            }
            if (kept < ROUTE_BAG_MAX) {
              bagTrip[kept] = trip;
              bagBoard[kept] = position;
              bagSource[kept] = this.readySource[stop]!;
              kept += 1;
            } else {
              this.truncated = true;
            }
            bagSize = kept;
          }
        }
      }
      if (units > 0) {
        let kept = 0;
        for (let entry = 0; entry < bagSize; entry += 1) {
          let trip = bagTrip[entry]!;
          if (capacity[capacityColumn + trip]! < units) {
            trip = this.laterTripWithCapacity(capacityBase, trips, trip, bagBoard[entry]!, position);
            if (trip < 0) continue;
          }
          bagTrip[kept] = trip;
          bagBoard[kept] = bagBoard[entry]!;
          bagSource[kept] = bagSource[entry]!;
          kept += 1;
        }
        bagSize = kept;
      }
    }
  }

  private earliestItinerary(query: PlanQuery): Itinerary {
    const timetable = this.timetable;
    const stopCount = timetable.stopCount;
    const units = query.cargo.units;
    const legs: ItineraryLeg[] = [];
    let stop = this.destination;
    let round = this.earliestDestinationRound;
    let kind = this.earliestDestinationKind;
    for (let steps = 0; kind !== KIND_ORIGIN; steps += 1) {
      assert(steps <= 2 * ROUNDS_MAX_LIMIT + 2, 'earliest-arrival chain longer than the round bound allows');
      const slot = round * stopCount + stop;
      if (kind === KIND_TRANSFER) {
        const edge = this.roundTransferEdge[slot]!;
        const fromStop = timetable.transferFromStop[edge]!;
        const arrivalMinute = this.roundTransferArrival[slot]!;
        legs.push({
          kind: 'transfer',
          fromStop,
          toStop: stop,
          fromStopId: timetable.stopIds[fromStop]!,
          toStopId: timetable.stopIds[stop]!,
          departureMinute: arrivalMinute - timetable.transferDurationMinutes[edge]!,
          arrivalMinute,
          costFen: timetable.transferCostFen[edge]! * units,
          co2Grams: timetable.transferCo2Grams[edge]! * units,
        });
        stop = fromStop;
        kind = round === 0 ? KIND_ORIGIN : KIND_TRIP;
        assert(kind !== KIND_ORIGIN || stop === query.originStop, 'round-0 transfer starts at the origin');
      } else {
        const internal = this.roundTripInternal[slot]!;
        const route = timetable.tripRoute[internal]!;
        const trips = timetable.routeTripCount(route);
        const tripInRoute = internal - timetable.routeTripOffset[route]!;
        const boardPosition = this.roundTripBoardPosition[slot]!;
        const alightPosition = this.roundTripAlightPosition[slot]!;
        const fromStop = timetable.routeStops[timetable.routeStopOffset[route]! + boardPosition]!;
        let costFen = 0;
        let co2Grams = 0;
        for (let segment = boardPosition; segment < alightPosition; segment += 1) {
          costFen += timetable.segmentCostFen[timetable.routeSegmentOffset[route]! + segment]!;
          co2Grams += timetable.segmentCo2Grams[timetable.routeSegmentOffset[route]! + segment]!;
        }
        legs.push({
          kind: 'trip',
          tripIndex: timetable.tripExternalIndex[internal]!,
          serviceId: timetable.tripServiceIdOf(internal),
          mode: timetable.tripModeOf(internal),
          fromStop,
          toStop: stop,
          fromStopId: timetable.stopIds[fromStop]!,
          toStopId: timetable.stopIds[stop]!,
          departureMinute:
            timetable.departureMinute[timetable.routeStopTimeOffset[route]! + boardPosition * trips + tripInRoute]!,
          arrivalMinute: this.roundTripArrival[slot]!,
          costFen: costFen * units,
          co2Grams: co2Grams * units,
          transshipmentCostFen: 0,
          transshipmentCo2Grams: 0,
        });
        const source = this.roundTripSource[slot]!;
        stop = fromStop;
        round = source >> 2;
        kind = source & 3;
        assert(kind !== KIND_ORIGIN || stop === query.originStop, 'a journey starts at the origin');
      }
    }
    legs.reverse();
    for (let index = 1; index < legs.length; index += 1) {
      const leg = legs[index]!;
      if (leg.kind === 'trip' && legs[index - 1]!.kind === 'trip') {
        leg.transshipmentCostFen = timetable.transshipmentCostFen[leg.fromStop]! * units;
        leg.transshipmentCo2Grams = timetable.transshipmentCo2Grams[leg.fromStop]! * units;
      }
    }
    return itineraryOf(legs, query.departAfterMinute, this.earliestDestinationArrival);
  }
}

function emptyStats(): SearchStats {
  return { rounds: 0, routesScanned: 0, labelsCreated: 0, itinerariesFound: 0, searchBoundReached: false };
}

function itineraryOf(legs: ItineraryLeg[], departAfterMinute: number, arrivalMinute: number): Itinerary {
  let costFen = 0;
  let co2Grams = 0;
  let trips = 0;
  for (const leg of legs) {
    costFen += leg.costFen;
    co2Grams += leg.co2Grams;
    if (leg.kind === 'trip') {
      trips += 1;
      costFen += leg.transshipmentCostFen;
      co2Grams += leg.transshipmentCo2Grams;
    }
  }
  const last = legs[legs.length - 1];
  assert(last !== undefined && last.arrivalMinute === arrivalMinute, 'the last leg arrives when the label says');
  return {
    legs,
    departureMinute: legs[0]?.departureMinute ?? departAfterMinute,
    arrivalMinute,
    costFen,
    co2Grams,
    transfers: Math.max(0, trips - 1),
  };
}
