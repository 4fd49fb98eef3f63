/**
 * Deterministic synthetic freight networks for the planner benchmark.
 *
 * Stops sit on a square grid (one cell ≈ 50 km). Rail and road routes walk ~20 stops in a rough direction; ships call
 * only at ports on the east and south coasts and planes only at airports on a coarse lattice (`modesAnywhere` lifts
 * that, as a stress case). The mode sets speed, dwell, tariff and CO2 (transport.md demo values: rail electric 15 /
 * diesel 30, truck 90, sea 12, air 600 g CO2e per t-km, ~10 t per TEU); operators price ±15–20%. Each route runs 20
 * trips at a fixed headway, so its trips never overtake. Stops charge terminal handling for a change of vehicle, and
 * a matching of neighbouring stops gets drayage / transshipment edges both ways. Everything comes from one seed.
 */
import type {
  StopInput,
  TimetableBuilder,
  TimetableInput,
  TransferInput,
  TransportMode,
  TripInput,
} from '../../src/modules/logistics/planner/index.js';

/** 2025-06-02T00:00Z in minutes since the Unix epoch; the peer's "seconds since midnight" are counted from here. */
export const BASE_MINUTE = 29_146_080;
export const BASE_DATE = new Date(BASE_MINUTE * 60_000);

const CELL_KM = 50;

export interface NetworkShape {
  gridSide: number;
  routeCount: number;
  stopsPerRoute: number;
  tripsPerRoute: number;
  /** Share of stops given a transfer partner (a neighbouring stop). */
  transferStopShare: number;
}

/** ~18k stops, 144k trips, ~2.9M stop times. */
export const LARGE_NETWORK: NetworkShape = {
  gridSide: 135,
  routeCount: 7_200,
  stopsPerRoute: 20,
  tripsPerRoute: 20,
  transferStopShare: 0.2,
};

/** The demo-like network: ~150 stops. */
export const SMALL_NETWORK: NetworkShape = {
  gridSide: 12,
  routeCount: 60,
  stopsPerRoute: 10,
  tripsPerRoute: 12,
  transferStopShare: 0.2,
};

export interface RouteSpec {
  serviceId: string;
  mode: TransportMode;
  stops: number[];
  /** Minutes after the trip's start, per stop. */
  arrivalOffsets: number[];
  departureOffsets: number[];
  segmentCostFen: number[];
  segmentCo2Grams: number[];
  capacityUnits: number;
  reefer: boolean;
  dangerousGoodsClasses: string[];
  /** Minutes after BASE_MINUTE at which each trip leaves its first stop. */
  tripStartMinutes: number[];
}

export interface NetworkSpec {
  stops: StopInput[];
  routes: RouteSpec[];
  transfers: TransferInput[];
  /** Stops some route calls at (queries are drawn from these). */
  servedStops: number[];
  stopTimeCount: number;
  tripCount: number;
}

/** sfc32: small, fast, good enough for test data, and identical on every machine. */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed | 0;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let warm = 0; warm < 15; warm += 1) next();
  return next;
}

interface ModeProfile {
  speedKmh: number;
  overheadMinutes: number;
  dwellMinutes: number;
  stepCells: [number, number];
  costFenPerKm: number;
  co2GramsPerKm: number;
  capacityUnits: number;
  headwayMinutes: number[];
  reeferShare: number;
}

const MODES: Record<TransportMode, ModeProfile> = {
  rail: {
    speedKmh: 45,
    overheadMinutes: 0,
    dwellMinutes: 30,
    stepCells: [1, 2],
    costFenPerKm: 320,
    co2GramsPerKm: 150,
    capacityUnits: 90,
    headwayMinutes: [120, 180, 240],
    reeferShare: 0.2,
  },
  road: {
    speedKmh: 60,
    overheadMinutes: 0,
    dwellMinutes: 15,
    stepCells: [1, 2],
    costFenPerKm: 700,
    co2GramsPerKm: 900,
    capacityUnits: 2,
    headwayMinutes: [60, 90, 120],
    reeferShare: 0.4,
  },
  sea: {
    speedKmh: 30,
    overheadMinutes: 0,
    dwellMinutes: 240,
    stepCells: [2, 3],
    costFenPerKm: 80,
    co2GramsPerKm: 120,
    capacityUnits: 600,
    headwayMinutes: [360, 720],
    reeferShare: 0.5,
  },
  air: {
    speedKmh: 600,
    overheadMinutes: 60,
    dwellMinutes: 60,
    stepCells: [5, 8],
    costFenPerKm: 5_000,
    co2GramsPerKm: 6_000,
    capacityUnits: 10,
    headwayMinutes: [240, 360],
    reeferShare: 0.3,
  },
};

const DIRECTIONS: [number, number][] = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];

export interface NetworkVariant {
  /** Terminal handling on a change of vehicle (default true). */
  handling?: boolean;
  /** Ships and planes call anywhere, not only at ports and airports (default false): a stress case. */
  modesAnywhere?: boolean;
}

export function generateNetwork(shape: NetworkShape, seed: number, variant: NetworkVariant = {}): NetworkSpec {
  const handling = variant.handling ?? true;
  const modesAnywhere = variant.modesAnywhere ?? false;
  const random = seededRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const side = shape.gridSide;
  const stopCount = side * side;

  // Transfer pairs first: their stops get no connection time, which is where the peer's model and ours agree.
  const partner = new Int32Array(stopCount).fill(-1);
  const transfers: TransferInput[] = [];
  for (let attempt = 0; attempt < stopCount * shape.transferStopShare; attempt += 1) {
    const stop = integer(0, stopCount - 1);
    const [dx, dy] = pick(DIRECTIONS);
    const x = (stop % side) + dx;
    const y = Math.floor(stop / side) + dy;
    if (x < 0 || y < 0 || x >= side || y >= side) continue;
    const other = y * side + x;
    if (partner[stop] !== -1 || partner[other] !== -1) continue;
    partner[stop] = other;
    partner[other] = stop;
    const edge = {
      durationMinutes: integer(120, 720),
      costFen: integer(30_000, 120_000),
      co2Grams: integer(5_000, 30_000),
    };
    transfers.push({ fromStop: stop, toStop: other, ...edge }, { fromStop: other, toStop: stop, ...edge });
  }
  const stops: StopInput[] = [];
  for (let stop = 0; stop < stopCount; stop += 1) {
    const minConnectionMinutes = partner[stop] === -1 ? pick([0, 60, 120, 180, 240]) : 0;
    stops.push({
      id: `N${stop.toString(36).toUpperCase().padStart(4, '0')}`,
      minConnectionMinutes,
      // Terminal handling per TEU lift: CNY 300–900, and 2–5 kg CO2e of crane energy.
      transshipmentCostFen: handling ? integer(30_000, 90_000) : 0,
      transshipmentCo2Grams: handling ? integer(2_000, 5_000) : 0,
    });
  }

  // Ports along the east and south coasts (every third cell, in coastline order), airports on a coarse lattice.
  const ports: number[] = [];
  for (let y = 0; y < side; y += 3) ports.push(y * side + side - 1);
  for (let x = side - 4; x >= 0; x -= 3) ports.push((side - 1) * side + x);
  const airportSpacing = Math.max(4, Math.round(side / 11));
  const airports: number[] = [];
  for (let y = airportSpacing >> 1; y < side; y += airportSpacing) {
    for (let x = airportSpacing >> 1; x < side; x += airportSpacing) airports.push(y * side + x);
  }
  const callSequence = (mode: TransportMode): number[] => {
    if (!modesAnywhere && mode === 'sea') {
      // A coastal rotation: consecutive ports one to three apart, either way along the coast.
      const length = Math.max(2, shape.stopsPerRoute >> 1);
      const direction = random() < 0.5 ? 1 : -1;
      let index = integer(0, ports.length - 1);
      const calls: number[] = [];
      while (calls.length < length && index >= 0 && index < ports.length) {
        calls.push(ports[index]!);
        index += direction * integer(1, 3);
      }
      return calls;
    }
    if (!modesAnywhere && mode === 'air') {
      const calls = new Set<number>();
      const length = integer(2, 4);
      while (calls.size < length) calls.add(pick(airports));
      return [...calls];
    }
    return gridWalk(mode);
  };
  const gridWalk = (mode: TransportMode): number[] => {
    const profile = MODES[mode];
    let x = integer(0, side - 1);
    let y = integer(0, side - 1);
    let [dx, dy] = pick(DIRECTIONS);
    const sequence = [y * side + x];
    const visited = new Set(sequence);
    for (let guard = 0; sequence.length < shape.stopsPerRoute && guard < shape.stopsPerRoute * 8; guard += 1) {
      const step = integer(profile.stepCells[0], profile.stepCells[1]);
      const jitter = random() < 0.3 ? integer(-1, 1) : 0;
      let nx = x + dx * step + (dy !== 0 ? jitter : 0);
      let ny = y + dy * step + (dx !== 0 ? jitter : 0);
      if (nx < 0 || nx >= side) {
        dx = -dx;
        nx = x + dx * step;
      }
      if (ny < 0 || ny >= side) {
        dy = -dy;
        ny = y + dy * step;
      }
      nx = Math.min(side - 1, Math.max(0, nx));
      ny = Math.min(side - 1, Math.max(0, ny));
      const next = ny * side + nx;
      if (visited.has(next)) {
        [dx, dy] = pick(DIRECTIONS);
        continue;
      }
      visited.add(next);
      sequence.push(next);
      x = nx;
      y = ny;
    }
    return sequence;
  };

  const routes: RouteSpec[] = [];
  const sequences = new Set<string>();
  const served = new Uint8Array(stopCount);
  let stopTimeCount = 0;
  let tripCount = 0;
  while (routes.length < shape.routeCount) {
    const draw = random();
    const mode: TransportMode = modesAnywhere
      ? draw < 0.6
        ? 'rail'
        : draw < 0.85
          ? 'road'
          : draw < 0.95
            ? 'sea'
            : 'air'
      : draw < 0.65
        ? 'rail'
        : draw < 0.9
          ? 'road'
          : draw < 0.96
            ? 'sea'
            : 'air';
    const profile = MODES[mode];
    const sequence = callSequence(mode);
    if (sequence.length < 2) continue;
    const key = sequence.join(',');
    if (sequences.has(key)) continue;
    sequences.add(key);

    const operatorFactor = pick([0.85, 1, 1.2]);
    const tractionFactor = mode === 'rail' ? pick([1, 2]) : 1;
    const arrivalOffsets = [0];
    const departureOffsets = [0];
    const segmentCostFen: number[] = [];
    const segmentCo2Grams: number[] = [];
    for (let position = 1; position < sequence.length; position += 1) {
      const from = sequence[position - 1]!;
      const to = sequence[position]!;
      const km = CELL_KM * Math.hypot((from % side) - (to % side), Math.floor(from / side) - Math.floor(to / side));
      const arrival =
        departureOffsets[position - 1]! + profile.overheadMinutes + Math.round((km / profile.speedKmh) * 60);
      arrivalOffsets.push(arrival);
      departureOffsets.push(position === sequence.length - 1 ? arrival : arrival + profile.dwellMinutes);
      segmentCostFen.push(Math.round(km * profile.costFenPerKm * operatorFactor));
      segmentCo2Grams.push(Math.round(km * profile.co2GramsPerKm * tractionFactor));
    }
    const headway = pick(profile.headwayMinutes);
    const firstStart = integer(1, 360);
    const tripStartMinutes = Array.from({ length: shape.tripsPerRoute }, (_, trip) => firstStart + trip * headway);
    const acceptance = random();
    routes.push({
      serviceId: `${mode}-${routes.length}`,
      mode,
      stops: sequence,
      arrivalOffsets,
      departureOffsets,
      segmentCostFen,
      segmentCo2Grams,
      capacityUnits: profile.capacityUnits,
      reefer: random() < profile.reeferShare,
      dangerousGoodsClasses: acceptance < 0.5 ? ['3', '8', '9'] : acceptance < 0.7 ? ['9'] : [],
      tripStartMinutes,
    });
    for (const stop of sequence) served[stop] = 1;
    stopTimeCount += sequence.length * shape.tripsPerRoute;
    tripCount += shape.tripsPerRoute;
  }
  const servedStops: number[] = [];
  for (let stop = 0; stop < stopCount; stop += 1) if (served[stop] === 1) servedStops.push(stop);
  return { stops, routes, transfers, servedStops, stopTimeCount, tripCount };
}

/** Feeds the network to our builder, one trip at a time, reusing one TripInput (the builder copies it). */
export function addNetwork(builder: TimetableBuilder, network: NetworkSpec): void {
  for (const stop of network.stops) builder.addStop(stop);
  for (const route of network.routes) {
    const arrivalMinutes = new Array<number>(route.stops.length);
    const departureMinutes = new Array<number>(route.stops.length);
    const segmentCapacityUnits = route.segmentCostFen.map(() => route.capacityUnits);
    for (const start of route.tripStartMinutes) {
      for (let position = 0; position < route.stops.length; position += 1) {
        arrivalMinutes[position] = BASE_MINUTE + start + route.arrivalOffsets[position]!;
        departureMinutes[position] = BASE_MINUTE + start + route.departureOffsets[position]!;
      }
      builder.addTrip({
        serviceId: route.serviceId,
        mode: route.mode,
        stops: route.stops,
        arrivalMinutes,
        departureMinutes,
        segmentCostFen: route.segmentCostFen,
        segmentCo2Grams: route.segmentCo2Grams,
        segmentCapacityUnits,
        reefer: route.reefer,
        dangerousGoodsClasses: route.dangerousGoodsClasses,
      });
    }
  }
  for (const transfer of network.transfers) builder.addTransfer(transfer);
}

/** The network as plain input, trips in the order addNetwork adds them (so trip indexes agree). */
export function networkInput(network: NetworkSpec): TimetableInput {
  const trips: TripInput[] = [];
  for (const route of network.routes) {
    const segmentCapacityUnits = route.segmentCostFen.map(() => route.capacityUnits);
    for (const start of route.tripStartMinutes) {
      trips.push({
        serviceId: route.serviceId,
        mode: route.mode,
        stops: route.stops,
        arrivalMinutes: route.arrivalOffsets.map((offset) => BASE_MINUTE + start + offset),
        departureMinutes: route.departureOffsets.map((offset) => BASE_MINUTE + start + offset),
        segmentCostFen: route.segmentCostFen,
        segmentCo2Grams: route.segmentCo2Grams,
        segmentCapacityUnits,
        reefer: route.reefer,
        dangerousGoodsClasses: route.dangerousGoodsClasses,
      });
    }
  }
  return { stops: network.stops, trips, transfers: network.transfers };
}

/** The same network with no minimum connection time anywhere. */
export function withoutConnectionTimes(network: NetworkSpec): NetworkSpec {
  return { ...network, stops: network.stops.map((stop) => ({ ...stop, minConnectionMinutes: 0 })) };
}
