/**
 * Timetable: the planner's in-memory model of the multimodal network, rebuilt from the database.
 *
 * Stops are dense integer indexes. Trips are grouped into RAPTOR routes: trips that share the stop sequence,
 * the per-segment tariff (cost and CO2 per unit), the mode and the cargo acceptance, and never overtake one
 * another. Inside a route the trips differ only in time and remaining capacity, which is what lets the search
 * board "the earliest trip that fits" instead of trying every trip. Stop times, capacities and tariffs live in
 * flat typed arrays so that a network of millions of stop times costs tens of megabytes, not gigabytes.
 *
 * Everything is immutable after build except remaining capacity, which bookings change: see
 * `Timetable.setSegmentCapacity`.
 */

export type TransportMode = 'rail' | 'sea' | 'road' | 'air';

export const TRANSPORT_MODES: readonly TransportMode[] = ['rail', 'sea', 'road', 'air'];

/**
 * Minutes since the Unix epoch (until the year 5772); below the Int32 limit with room for a connection time or a
 * transfer added on top.
 */
export const MINUTE_MAX = 2_000_000_000;
/** Per-segment and per-transfer money, CO2 and capacity values are stored as Int32. */
export const INT32_VALUE_MAX = 2_147_483_647;
/** A route's position index is stored in small arrays; a longer trip is a data error, not a service. */
export const STOPS_PER_TRIP_MAX = 1_000;
/** Acceptance of dangerous-goods classes is a 32-bit mask; UN classes and divisions number 22. */
export const DANGEROUS_GOODS_CLASSES_MAX = 32;
/** Stop indexes, trip indexes and stop-time offsets are Int32. */
export const STOP_TIMES_MAX = 2_000_000_000;

export interface StopInput {
  /** UN/LOCODE or another stable identifier, e.g. 'CNJZH'. */
  id: string;
  /** Minimum time to change vehicle at this stop (transshipment), in minutes. */
  minConnectionMinutes: number;
  /** Terminal handling per unit when changing vehicle at this stop (one lift), in fen; default 0. */
  transshipmentCostFen?: number;
  /** CO2e per unit of that handling, in grams; default 0. */
  transshipmentCo2Grams?: number;
}

export interface TripInput {
  serviceId: string;
  mode: TransportMode;
  /** Stop indexes in travel order (at least two). */
  stops: readonly number[];
  /** Per stop: minutes since the Unix epoch, UTC. */
  arrivalMinutes: readonly number[];
  departureMinutes: readonly number[];
  /** Per segment (stops.length - 1): price per unit of cargo in fen. */
  segmentCostFen: readonly number[];
  /** Per segment: CO2e per unit of cargo in grams. */
  segmentCo2Grams: readonly number[];
  /** Per segment: remaining capacity in units (TEU, or kg for air). */
  segmentCapacityUnits: readonly number[];
  reefer: boolean;
  /** Dangerous-goods classes or divisions accepted ('3', '9', '2.1'); a whole class ('2') accepts its divisions. */
  dangerousGoodsClasses: readonly string[];
}

export interface TransferInput {
  fromStop: number;
  toStop: number;
  durationMinutes: number;
  costFen: number;
  co2Grams: number;
}

export interface TimetableInput {
  stops: readonly StopInput[];
  trips: readonly TripInput[];
  transfers: readonly TransferInput[];
}

export type TimetableErrorCode =
  | 'duplicate_stop_id'
  | 'invalid_stop'
  | 'invalid_trip'
  | 'invalid_transfer'
  | 'too_many_dangerous_goods_classes'
  | 'unknown_trip';

export class TimetableError extends Error {
  readonly code: TimetableErrorCode;

  constructor(code: TimetableErrorCode, message: string) {
    super(message);
    this.name = 'TimetableError';
    this.code = code;
  }
}

const MODE_CODES: Record<TransportMode, number> = { rail: 0, sea: 1, road: 2, air: 3 };

/** The class a division belongs to: '2.1' → '2'. A service listing '2' accepts every division of class 2. */
export function dangerousGoodsParentClass(dangerousGoodsClass: string): string {
  const dot = dangerousGoodsClass.indexOf('.');
  return dot < 0 ? dangerousGoodsClass : dangerousGoodsClass.slice(0, dot);
}

function assertInt(value: number, min: number, max: number, code: TimetableErrorCode, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TimetableError(code, `${what} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/** A growable Int32 column; the builder copies trips into these so callers' objects can be collected. */
class IntColumn {
  values: Int32Array;
  length = 0;

  constructor(initialCapacity: number) {
    this.values = new Int32Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }
}

/**
 * Collects stops, trips and transfers (in any order), validates each as it arrives, and builds the Timetable.
 * `addTrip` returns the trip's index, which is how results and capacity updates name the trip afterwards.
 */
export class TimetableBuilder {
  private readonly stopIds: string[] = [];
  private readonly stopIndexById = new Map<string, number>();
  private readonly minConnection: number[] = [];
  private readonly transshipmentCost: number[] = [];
  private readonly transshipmentCo2: number[] = [];
  private readonly serviceIds: string[] = [];
  private readonly serviceIndexById = new Map<string, number>();
  private readonly dangerousGoodsBits = new Map<string, number>();
  // Per trip.
  private readonly tripFirstStopTime = new IntColumn(1024);
  private readonly tripStopCount = new IntColumn(1024);
  private readonly tripMode = new IntColumn(1024);
  private readonly tripReefer = new IntColumn(1024);
  private readonly tripDangerousGoodsMask = new IntColumn(1024);
  private readonly tripService = new IntColumn(1024);
  // Per stop time (segment columns use the stop time of the segment's start; the last slot of a trip is unused).
  private readonly stopTimeStop = new IntColumn(8192);
  private readonly stopTimeArrival = new IntColumn(8192);
  private readonly stopTimeDeparture = new IntColumn(8192);
  private readonly segmentCost = new IntColumn(8192);
  private readonly segmentCo2 = new IntColumn(8192);
  private readonly segmentCapacity = new IntColumn(8192);
  private readonly transfers: TransferInput[] = [];

  get stopCount(): number {
    return this.stopIds.length;
  }

  get tripCount(): number {
    return this.tripStopCount.length;
  }

  addStop(stop: StopInput): number {
    const { id, minConnectionMinutes } = stop;
    const transshipmentCostFen = stop.transshipmentCostFen ?? 0;
    const transshipmentCo2Grams = stop.transshipmentCo2Grams ?? 0;
    if (id.length === 0) throw new TimetableError('invalid_stop', 'stop id must not be empty');
    if (this.stopIndexById.has(id)) throw new TimetableError('duplicate_stop_id', `duplicate stop id ${id}`);
    assertInt(minConnectionMinutes, 0, 525_600, 'invalid_stop', `minConnectionMinutes of ${id}`);
    assertInt(transshipmentCostFen, 0, INT32_VALUE_MAX, 'invalid_stop', `transshipmentCostFen of ${id}`);
    assertInt(transshipmentCo2Grams, 0, INT32_VALUE_MAX, 'invalid_stop', `transshipmentCo2Grams of ${id}`);
    const index = this.stopIds.length;
    this.stopIds.push(id);
    this.stopIndexById.set(id, index);
    this.minConnection.push(minConnectionMinutes);
    this.transshipmentCost.push(transshipmentCostFen);
    this.transshipmentCo2.push(transshipmentCo2Grams);
    return index;
  }

  addTrip(trip: TripInput): number {
    const stopCount = trip.stops.length;
    const tripIndex = this.tripCount;
    const what = `trip ${tripIndex} (${trip.serviceId})`;
    if (stopCount < 2 || stopCount > STOPS_PER_TRIP_MAX) {
      throw new TimetableError('invalid_trip', `${what} must have 2..${STOPS_PER_TRIP_MAX} stops`);
    }
    if (
      trip.arrivalMinutes.length !== stopCount ||
      trip.departureMinutes.length !== stopCount ||
      trip.segmentCostFen.length !== stopCount - 1 ||
      trip.segmentCo2Grams.length !== stopCount - 1 ||
      trip.segmentCapacityUnits.length !== stopCount - 1
    ) {
      throw new TimetableError('invalid_trip', `${what}: per-stop and per-segment arrays have the wrong length`);
    }
    if (MODE_CODES[trip.mode] === undefined) throw new TimetableError('invalid_trip', `${what}: unknown mode`);
    if (this.stopTimeStop.length + stopCount > STOP_TIMES_MAX) {
      throw new TimetableError('invalid_trip', `more than ${STOP_TIMES_MAX} stop times`);
    }
    for (let position = 0; position < stopCount; position += 1) {
      const stop = trip.stops[position]!;
      assertInt(stop, 0, this.stopCount - 1, 'invalid_trip', `${what} stop`);
      if (position > 0 && stop === trip.stops[position - 1]) {
        throw new TimetableError('invalid_trip', `${what} visits stop ${stop} twice in a row`);
      }
      const arrival = trip.arrivalMinutes[position]!;
      const departure = trip.departureMinutes[position]!;
      assertInt(arrival, 0, MINUTE_MAX, 'invalid_trip', `${what} arrival`);
      assertInt(departure, arrival, MINUTE_MAX, 'invalid_trip', `${what} departure (not before arrival)`);
      if (position > 0 && arrival < trip.departureMinutes[position - 1]!) {
        throw new TimetableError('invalid_trip', `${what} arrives at position ${position} before leaving the previous`);
      }
      if (position < stopCount - 1) {
        assertInt(trip.segmentCostFen[position]!, 0, INT32_VALUE_MAX, 'invalid_trip', `${what} segment cost`);
        assertInt(trip.segmentCo2Grams[position]!, 0, INT32_VALUE_MAX, 'invalid_trip', `${what} segment CO2`);
        assertInt(trip.segmentCapacityUnits[position]!, 0, INT32_VALUE_MAX, 'invalid_trip', `${what} capacity`);
      }
    }
    let mask = 0;
    for (const dangerousGoodsClass of trip.dangerousGoodsClasses) mask |= this.dangerousGoodsBit(dangerousGoodsClass);

    this.tripFirstStopTime.push(this.stopTimeStop.length);
    this.tripStopCount.push(stopCount);
    this.tripMode.push(MODE_CODES[trip.mode]);
    this.tripReefer.push(trip.reefer ? 1 : 0);
    this.tripDangerousGoodsMask.push(mask);
    this.tripService.push(this.serviceIndex(trip.serviceId));
    for (let position = 0; position < stopCount; position += 1) {
      this.stopTimeStop.push(trip.stops[position]!);
      this.stopTimeArrival.push(trip.arrivalMinutes[position]!);
      this.stopTimeDeparture.push(trip.departureMinutes[position]!);
      const last = position === stopCount - 1;
      this.segmentCost.push(last ? 0 : trip.segmentCostFen[position]!);
      this.segmentCo2.push(last ? 0 : trip.segmentCo2Grams[position]!);
      this.segmentCapacity.push(last ? 0 : trip.segmentCapacityUnits[position]!);
    }
    return tripIndex;
  }

  addTransfer(transfer: TransferInput): void {
    const { fromStop, toStop } = transfer;
    assertInt(fromStop, 0, this.stopCount - 1, 'invalid_transfer', 'transfer fromStop');
    assertInt(toStop, 0, this.stopCount - 1, 'invalid_transfer', 'transfer toStop');
    if (fromStop === toStop) throw new TimetableError('invalid_transfer', `transfer from stop ${fromStop} to itself`);
    assertInt(transfer.durationMinutes, 0, 525_600, 'invalid_transfer', 'transfer durationMinutes');
    assertInt(transfer.costFen, 0, INT32_VALUE_MAX, 'invalid_transfer', 'transfer costFen');
    assertInt(transfer.co2Grams, 0, INT32_VALUE_MAX, 'invalid_transfer', 'transfer co2Grams');
    this.transfers.push({ ...transfer });
  }

  build(): Timetable {
    return new Timetable(this.layout());
  }

  private serviceIndex(serviceId: string): number {
    let index = this.serviceIndexById.get(serviceId);
    if (index === undefined) {
      index = this.serviceIds.length;
      this.serviceIds.push(serviceId);
      this.serviceIndexById.set(serviceId, index);
    }
    return index;
  }

  private dangerousGoodsBit(dangerousGoodsClass: string): number {
    let bit = this.dangerousGoodsBits.get(dangerousGoodsClass);
    if (bit === undefined) {
      if (this.dangerousGoodsBits.size >= DANGEROUS_GOODS_CLASSES_MAX) {
        throw new TimetableError(
          'too_many_dangerous_goods_classes',
          `more than ${DANGEROUS_GOODS_CLASSES_MAX} classes`,
        );
      }
      bit = 1 << this.dangerousGoodsBits.size;
      this.dangerousGoodsBits.set(dangerousGoodsClass, bit);
    }
    return bit;
  }

  /** Two trips may share a route when everything but their times and capacities is equal. */
  private sameRouteKey(tripA: number, tripB: number): boolean {
    const count = this.tripStopCount.values[tripA]!;
    if (count !== this.tripStopCount.values[tripB]) return false;
    if (this.tripMode.values[tripA] !== this.tripMode.values[tripB]) return false;
    if (this.tripReefer.values[tripA] !== this.tripReefer.values[tripB]) return false;
    if (this.tripDangerousGoodsMask.values[tripA] !== this.tripDangerousGoodsMask.values[tripB]) return false;
    const firstA = this.tripFirstStopTime.values[tripA]!;
    const firstB = this.tripFirstStopTime.values[tripB]!;
    for (let position = 0; position < count; position += 1) {
      if (this.stopTimeStop.values[firstA + position] !== this.stopTimeStop.values[firstB + position]) return false;
      if (this.segmentCost.values[firstA + position] !== this.segmentCost.values[firstB + position]) return false;
      if (this.segmentCo2.values[firstA + position] !== this.segmentCo2.values[firstB + position]) return false;
    }
    return true;
  }

  private routeKeyHash(trip: number): number {
    const count = this.tripStopCount.values[trip]!;
    const first = this.tripFirstStopTime.values[trip]!;
    let hash = Math.imul(count ^ 0x9e3779b9, 0x85ebca6b);
    const mix = (value: number) => {
      hash = Math.imul(hash ^ value, 0x01000193);
      hash ^= hash >>> 15;
    };
    mix(this.tripMode.values[trip]!);
    mix(this.tripReefer.values[trip]!);
    mix(this.tripDangerousGoodsMask.values[trip]!);
    for (let position = 0; position < count; position += 1) {
      mix(this.stopTimeStop.values[first + position]!);
      mix(this.segmentCost.values[first + position]!);
      mix(this.segmentCo2.values[first + position]!);
    }
    return hash;
  }

  /** Trip A never overtakes trip B: A leaves and arrives no later than B at every position. */
  private notAfter(tripA: number, tripB: number): boolean {
    const count = this.tripStopCount.values[tripA]!;
    const firstA = this.tripFirstStopTime.values[tripA]!;
    const firstB = this.tripFirstStopTime.values[tripB]!;
    for (let position = 0; position < count; position += 1) {
      if (this.stopTimeArrival.values[firstA + position]! > this.stopTimeArrival.values[firstB + position]!)
        return false;
      if (this.stopTimeDeparture.values[firstA + position]! > this.stopTimeDeparture.values[firstB + position]!) {
        return false;
      }
    }
    return true;
  }

  private compareByTimes(tripA: number, tripB: number): number {
    const count = this.tripStopCount.values[tripA]!;
    const firstA = this.tripFirstStopTime.values[tripA]!;
    const firstB = this.tripFirstStopTime.values[tripB]!;
    for (let position = 0; position < count; position += 1) {
      const departure =
        this.stopTimeDeparture.values[firstA + position]! - this.stopTimeDeparture.values[firstB + position]!;
      if (departure !== 0) return departure;
      const arrival = this.stopTimeArrival.values[firstA + position]! - this.stopTimeArrival.values[firstB + position]!;
      if (arrival !== 0) return arrival;
    }
    return tripA - tripB;
  }

  private layout(): TimetableLayout {
    const tripCount = this.tripCount;
    // 1. Group trips with equal route keys, in order of first appearance (deterministic).
    const groupsByHash = new Map<number, number[]>();
    const groups: number[][] = [];
    for (let trip = 0; trip < tripCount; trip += 1) {
      const hash = this.routeKeyHash(trip);
      let candidates = groupsByHash.get(hash);
      if (candidates === undefined) {
        candidates = [];
        groupsByHash.set(hash, candidates);
      }
      let group: number[] | undefined;
      for (const groupIndex of candidates) {
        const members = groups[groupIndex]!;
        if (this.sameRouteKey(members[0]!, trip)) {
          group = members;
          break;
        }
      }
      if (group === undefined) {
        candidates.push(groups.length);
        groups.push([trip]);
      } else {
        group.push(trip);
      }
    }
    // 2. Split each group into chains of trips that never overtake one another (first-fit on sorted trips).
    const routes: number[][] = [];
    for (const group of groups) {
      group.sort((a, b) => this.compareByTimes(a, b));
      const chains: number[][] = [];
      for (const trip of group) {
        let placed = false;
        for (const chain of chains) {
          if (this.notAfter(chain[chain.length - 1]!, trip)) {
            chain.push(trip);
            placed = true;
            break;
          }
        }
        if (!placed) chains.push([trip]);
      }
      for (const chain of chains) routes.push(chain);
    }

    // 3. Lay routes out in flat arrays: position-major stop times so a departure column is contiguous.
    const routeCount = routes.length;
    const routeStopOffset = new Int32Array(routeCount + 1);
    const routeTripOffset = new Int32Array(routeCount + 1);
    const routeStopTimeOffset = new Int32Array(routeCount + 1);
    const routeSegmentOffset = new Int32Array(routeCount + 1);
    const routeCapacityOffset = new Int32Array(routeCount + 1);
    for (let route = 0; route < routeCount; route += 1) {
      const trips = routes[route]!;
      const stopCount = this.tripStopCount.values[trips[0]!]!;
      routeStopOffset[route + 1] = routeStopOffset[route]! + stopCount;
      routeTripOffset[route + 1] = routeTripOffset[route]! + trips.length;
      routeStopTimeOffset[route + 1] = routeStopTimeOffset[route]! + stopCount * trips.length;
      routeSegmentOffset[route + 1] = routeSegmentOffset[route]! + stopCount - 1;
      routeCapacityOffset[route + 1] = routeCapacityOffset[route]! + (stopCount - 1) * trips.length;
    }
    const routeStops = new Int32Array(routeStopOffset[routeCount]!);
    const routeMode = new Uint8Array(routeCount);
    const routeReefer = new Uint8Array(routeCount);
    const routeDangerousGoodsMask = new Int32Array(routeCount);
    const segmentCostFen = new Int32Array(routeSegmentOffset[routeCount]!);
    const segmentCo2Grams = new Int32Array(routeSegmentOffset[routeCount]!);
    const arrivalMinute = new Int32Array(routeStopTimeOffset[routeCount]!);
    const departureMinute = new Int32Array(routeStopTimeOffset[routeCount]!);
    const capacityUnits = new Int32Array(routeCapacityOffset[routeCount]!);
    const capacitySuffixMinUnits = new Int32Array(routeCapacityOffset[routeCount]!);
    const routeCapacityMinUnits = new Int32Array(routeCount).fill(INT32_VALUE_MAX);
    const tripRoute = new Int32Array(tripCount);
    const tripExternalIndex = new Int32Array(tripCount);
    const tripInternalIndex = new Int32Array(tripCount);
    const tripServiceIndex = new Int32Array(tripCount);

    for (let route = 0; route < routeCount; route += 1) {
      const trips = routes[route]!;
      const tripsInRoute = trips.length;
      const representative = trips[0]!;
      const firstOfRepresentative = this.tripFirstStopTime.values[representative]!;
      const stopCount = this.tripStopCount.values[representative]!;
      routeMode[route] = this.tripMode.values[representative]!;
      routeReefer[route] = this.tripReefer.values[representative]!;
      routeDangerousGoodsMask[route] = this.tripDangerousGoodsMask.values[representative]!;
      for (let position = 0; position < stopCount; position += 1) {
        routeStops[routeStopOffset[route]! + position] = this.stopTimeStop.values[firstOfRepresentative + position]!;
        if (position < stopCount - 1) {
          segmentCostFen[routeSegmentOffset[route]! + position] =
            this.segmentCost.values[firstOfRepresentative + position]!;
          segmentCo2Grams[routeSegmentOffset[route]! + position] =
            this.segmentCo2.values[firstOfRepresentative + position]!;
        }
      }
      const stopTimeBase = routeStopTimeOffset[route]!;
      const capacityBase = routeCapacityOffset[route]!;
      for (let tripInRoute = 0; tripInRoute < tripsInRoute; tripInRoute += 1) {
        const external = trips[tripInRoute]!;
        const internal = routeTripOffset[route]! + tripInRoute;
        tripRoute[internal] = route;
        tripExternalIndex[internal] = external;
        tripInternalIndex[external] = internal;
        tripServiceIndex[internal] = this.tripService.values[external]!;
        const first = this.tripFirstStopTime.values[external]!;
        let suffixMin = INT32_VALUE_MAX;
        for (let position = stopCount - 1; position >= 0; position -= 1) {
          const slot = stopTimeBase + position * tripsInRoute + tripInRoute;
          arrivalMinute[slot] = this.stopTimeArrival.values[first + position]!;
          departureMinute[slot] = this.stopTimeDeparture.values[first + position]!;
          if (position < stopCount - 1) {
            const capacitySlot = capacityBase + position * tripsInRoute + tripInRoute;
            const capacity = this.segmentCapacity.values[first + position]!;
            capacityUnits[capacitySlot] = capacity;
            suffixMin = Math.min(suffixMin, capacity);
            routeCapacityMinUnits[route] = Math.min(routeCapacityMinUnits[route]!, capacity);
            capacitySuffixMinUnits[capacitySlot] = suffixMin;
          }
        }
      }
    }

    // 4. Which routes serve each stop, and at which position (a route may visit a stop more than once).
    const stopCount = this.stopCount;
    const stopRouteOffset = new Int32Array(stopCount + 1);
    for (let slot = 0; slot < routeStops.length; slot += 1) stopRouteOffset[routeStops[slot]! + 1]! += 1;
    for (let stop = 0; stop < stopCount; stop += 1) stopRouteOffset[stop + 1]! += stopRouteOffset[stop]!;
    const stopRouteRoute = new Int32Array(routeStops.length);
    const stopRoutePosition = new Int32Array(routeStops.length);
    const fill = stopRouteOffset.slice(0, stopCount);
    for (let route = 0; route < routeCount; route += 1) {
      for (let slot = routeStopOffset[route]!; slot < routeStopOffset[route + 1]!; slot += 1) {
        const stop = routeStops[slot]!;
        const at = fill[stop]!;
        stopRouteRoute[at] = route;
        stopRoutePosition[at] = slot - routeStopOffset[route]!;
        fill[stop] = at + 1;
      }
    }

    // 5. Transfers as adjacency lists by origin stop, in input order.
    const transferOffset = new Int32Array(stopCount + 1);
    for (const transfer of this.transfers) transferOffset[transfer.fromStop + 1]! += 1;
    for (let stop = 0; stop < stopCount; stop += 1) transferOffset[stop + 1]! += transferOffset[stop]!;
    const transferCount = this.transfers.length;
    const transferFromStop = new Int32Array(transferCount);
    const transferToStop = new Int32Array(transferCount);
    const transferDurationMinutes = new Int32Array(transferCount);
    const transferCostFen = new Int32Array(transferCount);
    const transferCo2Grams = new Int32Array(transferCount);
    const transferFill = transferOffset.slice(0, stopCount);
    for (const transfer of this.transfers) {
      const at = transferFill[transfer.fromStop]!;
      transferFromStop[at] = transfer.fromStop;
      transferToStop[at] = transfer.toStop;
      transferDurationMinutes[at] = transfer.durationMinutes;
      transferCostFen[at] = transfer.costFen;
      transferCo2Grams[at] = transfer.co2Grams;
      transferFill[transfer.fromStop] = at + 1;
    }

    return {
      stopIds: [...this.stopIds],
      minConnectionMinutes: Int32Array.from(this.minConnection),
      transshipmentCostFen: Int32Array.from(this.transshipmentCost),
      transshipmentCo2Grams: Int32Array.from(this.transshipmentCo2),
      serviceIds: [...this.serviceIds],
      dangerousGoodsBits: new Map(this.dangerousGoodsBits),
      routeStopOffset,
      routeStops,
      routeTripOffset,
      routeStopTimeOffset,
      routeSegmentOffset,
      routeCapacityOffset,
      routeMode,
      routeReefer,
      routeDangerousGoodsMask,
      segmentCostFen,
      segmentCo2Grams,
      arrivalMinute,
      departureMinute,
      capacityUnits,
      capacitySuffixMinUnits,
      routeCapacityMinUnits,
      tripRoute,
      tripExternalIndex,
      tripInternalIndex,
      tripServiceIndex,
      stopRouteOffset,
      stopRouteRoute,
      stopRoutePosition,
      transferOffset,
      transferFromStop,
      transferToStop,
      transferDurationMinutes,
      transferCostFen,
      transferCo2Grams,
    };
  }
}

interface TimetableLayout {
  stopIds: string[];
  minConnectionMinutes: Int32Array;
  transshipmentCostFen: Int32Array;
  transshipmentCo2Grams: Int32Array;
  serviceIds: string[];
  dangerousGoodsBits: Map<string, number>;
  routeStopOffset: Int32Array;
  routeStops: Int32Array;
  routeTripOffset: Int32Array;
  routeStopTimeOffset: Int32Array;
  routeSegmentOffset: Int32Array;
  routeCapacityOffset: Int32Array;
  routeMode: Uint8Array;
  routeReefer: Uint8Array;
  routeDangerousGoodsMask: Int32Array;
  segmentCostFen: Int32Array;
  segmentCo2Grams: Int32Array;
  arrivalMinute: Int32Array;
  departureMinute: Int32Array;
  capacityUnits: Int32Array;
  capacitySuffixMinUnits: Int32Array;
  routeCapacityMinUnits: Int32Array;
  tripRoute: Int32Array;
  tripExternalIndex: Int32Array;
  tripInternalIndex: Int32Array;
  tripServiceIndex: Int32Array;
  stopRouteOffset: Int32Array;
  stopRouteRoute: Int32Array;
  stopRoutePosition: Int32Array;
  transferOffset: Int32Array;
  transferFromStop: Int32Array;
  transferToStop: Int32Array;
  transferDurationMinutes: Int32Array;
  transferCostFen: Int32Array;
  transferCo2Grams: Int32Array;
}

/**
 * The built network. Fields are read by the search in hot loops, so they are plain typed arrays; treat them as
 * read-only outside this module. Layout, for route r with n stops and m trips (trips sorted, never overtaking):
 * - stop time (r, position p, trip t): `routeStopTimeOffset[r] + p * m + t` in `arrivalMinute` / `departureMinute`;
 * - segment (r, p → p + 1) tariff: `routeSegmentOffset[r] + p` in `segmentCostFen` / `segmentCo2Grams` (per unit);
 * - segment capacity of trip t: `routeCapacityOffset[r] + p * m + t` in `capacityUnits`, and the minimum over
 *   segments p..n-2 of that trip in `capacitySuffixMinUnits` (lets the search know a trip will not run full);
 * - internal trip id = `routeTripOffset[r] + t`; `tripExternalIndex` maps it back to the index `addTrip` returned.
 */
export class Timetable {
  readonly stopCount: number;
  readonly routeCount: number;
  readonly tripCount: number;
  readonly transferCount: number;
  readonly stopIds: readonly string[];
  readonly minConnectionMinutes: Int32Array;
  /** Per stop, per unit: charged when changing vehicle at the stop (alight one trip, board another there). */
  readonly transshipmentCostFen: Int32Array;
  readonly transshipmentCo2Grams: Int32Array;
  readonly serviceIds: readonly string[];
  readonly routeStopOffset: Int32Array;
  readonly routeStops: Int32Array;
  readonly routeTripOffset: Int32Array;
  readonly routeStopTimeOffset: Int32Array;
  readonly routeSegmentOffset: Int32Array;
  readonly routeCapacityOffset: Int32Array;
  readonly routeMode: Uint8Array;
  readonly routeReefer: Uint8Array;
  readonly routeDangerousGoodsMask: Int32Array;
  readonly segmentCostFen: Int32Array;
  readonly segmentCo2Grams: Int32Array;
  readonly arrivalMinute: Int32Array;
  readonly departureMinute: Int32Array;
  readonly capacityUnits: Int32Array;
  readonly capacitySuffixMinUnits: Int32Array;
  /** Per route, the least remaining capacity of any trip on any segment: when the cargo fits that, skip the checks. */
  readonly routeCapacityMinUnits: Int32Array;
  readonly tripRoute: Int32Array;
  readonly tripExternalIndex: Int32Array;
  readonly tripInternalIndex: Int32Array;
  readonly tripServiceIndex: Int32Array;
  readonly stopRouteOffset: Int32Array;
  readonly stopRouteRoute: Int32Array;
  readonly stopRoutePosition: Int32Array;
  readonly transferOffset: Int32Array;
  readonly transferFromStop: Int32Array;
  readonly transferToStop: Int32Array;
  readonly transferDurationMinutes: Int32Array;
  readonly transferCostFen: Int32Array;
  readonly transferCo2Grams: Int32Array;
  private readonly stopIndexById: Map<string, number>;
  private readonly dangerousGoodsBits: Map<string, number>;

  /** Use TimetableBuilder or buildTimetable. */
  constructor(layout: TimetableLayout) {
    this.stopIds = layout.stopIds;
    this.stopCount = layout.stopIds.length;
    this.routeCount = layout.routeMode.length;
    this.tripCount = layout.tripRoute.length;
    this.transferCount = layout.transferToStop.length;
    this.minConnectionMinutes = layout.minConnectionMinutes;
    this.transshipmentCostFen = layout.transshipmentCostFen;
    this.transshipmentCo2Grams = layout.transshipmentCo2Grams;
    this.serviceIds = layout.serviceIds;
    this.routeStopOffset = layout.routeStopOffset;
    this.routeStops = layout.routeStops;
    this.routeTripOffset = layout.routeTripOffset;
    this.routeStopTimeOffset = layout.routeStopTimeOffset;
    this.routeSegmentOffset = layout.routeSegmentOffset;
    this.routeCapacityOffset = layout.routeCapacityOffset;
    this.routeMode = layout.routeMode;
    this.routeReefer = layout.routeReefer;
    this.routeDangerousGoodsMask = layout.routeDangerousGoodsMask;
    this.segmentCostFen = layout.segmentCostFen;
    this.segmentCo2Grams = layout.segmentCo2Grams;
    this.arrivalMinute = layout.arrivalMinute;
    this.departureMinute = layout.departureMinute;
    this.capacityUnits = layout.capacityUnits;
    this.capacitySuffixMinUnits = layout.capacitySuffixMinUnits;
    this.routeCapacityMinUnits = layout.routeCapacityMinUnits;
    this.tripRoute = layout.tripRoute;
    this.tripExternalIndex = layout.tripExternalIndex;
    this.tripInternalIndex = layout.tripInternalIndex;
    this.tripServiceIndex = layout.tripServiceIndex;
    this.stopRouteOffset = layout.stopRouteOffset;
    this.stopRouteRoute = layout.stopRouteRoute;
    this.stopRoutePosition = layout.stopRoutePosition;
    this.transferOffset = layout.transferOffset;
    this.transferFromStop = layout.transferFromStop;
    this.transferToStop = layout.transferToStop;
    this.transferDurationMinutes = layout.transferDurationMinutes;
    this.transferCostFen = layout.transferCostFen;
    this.transferCo2Grams = layout.transferCo2Grams;
    this.dangerousGoodsBits = layout.dangerousGoodsBits;
    this.stopIndexById = new Map(layout.stopIds.map((id, index) => [id, index]));
  }

  stopIndex(id: string): number | undefined {
    return this.stopIndexById.get(id);
  }

  routeStopCount(route: number): number {
    return this.routeStopOffset[route + 1]! - this.routeStopOffset[route]!;
  }

  routeTripCount(route: number): number {
    return this.routeTripOffset[route + 1]! - this.routeTripOffset[route]!;
  }

  tripModeOf(internalTrip: number): TransportMode {
    return TRANSPORT_MODES[this.routeMode[this.tripRoute[internalTrip]!]!]!;
  }

  tripServiceIdOf(internalTrip: number): string {
    return this.serviceIds[this.tripServiceIndex[internalTrip]!]!;
  }

  /**
   * The bits a route must have one of to carry this class: the class itself or its parent class. Zero means no
   * service in this timetable accepts it.
   */
  dangerousGoodsMask(dangerousGoodsClass: string): number {
    const own = this.dangerousGoodsBits.get(dangerousGoodsClass) ?? 0;
    const parent = this.dangerousGoodsBits.get(dangerousGoodsParentClass(dangerousGoodsClass)) ?? 0;
    return own | parent;
  }

  private segmentSlot(tripIndex: number, segmentIndex: number): { slot: number; route: number; tripInRoute: number } {
    if (!Number.isInteger(tripIndex) || tripIndex < 0 || tripIndex >= this.tripCount) {
      throw new TimetableError('unknown_trip', `no trip ${tripIndex}`);
    }
    const internal = this.tripInternalIndex[tripIndex]!;
    const route = this.tripRoute[internal]!;
    const tripInRoute = internal - this.routeTripOffset[route]!;
    if (!Number.isInteger(segmentIndex) || segmentIndex < 0 || segmentIndex >= this.routeStopCount(route) - 1) {
      throw new TimetableError('unknown_trip', `trip ${tripIndex} has no segment ${segmentIndex}`);
    }
    const slot = this.routeCapacityOffset[route]! + segmentIndex * this.routeTripCount(route) + tripInRoute;
    return { slot, route, tripInRoute };
  }

  /** Remaining capacity of one segment (stops[segmentIndex] → stops[segmentIndex + 1]) of a trip, in units. */
  segmentCapacity(tripIndex: number, segmentIndex: number): number {
    return this.capacityUnits[this.segmentSlot(tripIndex, segmentIndex).slot]!;
  }

  /**
   * Sets the remaining capacity of one segment of a trip after a booking or a release, in O(stops of the trip), or
   * O(stop times of the route) when it raises the route's least capacity: the route layout does not change, only
   * the capacity cell, the trip's suffix minimum and the route minimum.
   */
  setSegmentCapacity(tripIndex: number, segmentIndex: number, capacityUnits: number): void {
    assertInt(capacityUnits, 0, INT32_VALUE_MAX, 'invalid_trip', 'capacityUnits');
    const { slot, route, tripInRoute } = this.segmentSlot(tripIndex, segmentIndex);
    const previous = this.capacityUnits[slot]!;
    this.capacityUnits[slot] = capacityUnits;
    if (capacityUnits < this.routeCapacityMinUnits[route]!) {
      this.routeCapacityMinUnits[route] = capacityUnits;
    } else if (previous === this.routeCapacityMinUnits[route]! && capacityUnits > previous) {
      this.routeCapacityMinUnits[route] = this.capacityUnits
        .subarray(this.routeCapacityOffset[route]!, this.routeCapacityOffset[route + 1]!)
        .reduce((least, value) => Math.min(least, value), INT32_VALUE_MAX);
    }
    const tripsInRoute = this.routeTripCount(route);
    const base = this.routeCapacityOffset[route]! + tripInRoute;
    let suffixMin = INT32_VALUE_MAX;
    for (let segment = this.routeStopCount(route) - 2; segment >= 0; segment -= 1) {
      const at = base + segment * tripsInRoute;
      suffixMin = Math.min(suffixMin, this.capacityUnits[at]!);
      this.capacitySuffixMinUnits[at] = suffixMin;
    }
  }
}

/** Builds a Timetable from plain input (convenient for tests and small networks). */
export function buildTimetable(input: TimetableInput): Timetable {
  const builder = new TimetableBuilder();
  for (const stop of input.stops) builder.addStop(stop);
  for (const trip of input.trips) builder.addTrip(trip);
  for (const transfer of input.transfers) builder.addTransfer(transfer);
  return builder.build();
}
