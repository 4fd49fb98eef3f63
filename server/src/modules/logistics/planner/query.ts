/**
 * Query and result types shared by the fast search (mcraptor.ts) and the reference search (reference.ts), with the
 * bounds every search obeys.
 */
import { MINUTE_MAX, type TransportMode } from './timetable.js';

/**
 * Default and hard limit on vehicles ridden (RAPTOR rounds). Six vehicles is five changes, each a terminal lift with
 * its fee, time and damage risk: truck → rail 1435 → rail 1520 → rail 1435 → truck across Eurasia is five. The search
 * cost grows steeply with rounds (measured in test-output/bench-planner.md at 6 and 8), so callers ask for more only
 * when they mean it.
 */
export const ROUNDS_MAX_DEFAULT = 6;
export const ROUNDS_MAX_LIMIT = 16;
/**
 * Default and hard limit on Pareto labels kept per stop; when reached the result is flagged `truncated`. On the
 * benchmark network 64 was reached by 14% of queries, 256 by none, at the same median time.
 */
export const LABELS_PER_STOP_MAX_DEFAULT = 256;
export const LABELS_PER_STOP_MAX_LIMIT = 1_024;
/** Default and hard limit on itineraries returned. */
export const RESULTS_MAX_DEFAULT = 32;
export const RESULTS_MAX_LIMIT = 1_024;
/** Units of cargo in one query: 10^9 kg of air cargo is already absurd; keeps cost × units exact in a double. */
export const CARGO_UNITS_MAX = 1_000_000_000;

export interface Cargo {
  /** TEU, or kg for air; every segment ridden must have at least this much remaining capacity. */
  units: number;
  reefer: boolean;
  /** UN class or division, e.g. '9' for UN3480 lithium-ion batteries, '2.1' for flammable gas. */
  dangerousGoodsClass?: string;
}

export interface PlanOptions {
  roundsMax?: number;
  labelsPerStopMax?: number;
  resultsMax?: number;
}

export interface PlanQuery {
  originStop: number;
  destinationStop: number;
  departAfterMinute: number;
  cargo: Cargo;
  options?: PlanOptions;
}

export interface TripLeg {
  kind: 'trip';
  /** The index TimetableBuilder.addTrip returned. */
  tripIndex: number;
  serviceId: string;
  mode: TransportMode;
  fromStop: number;
  toStop: number;
  fromStopId: string;
  toStopId: string;
  departureMinute: number;
  arrivalMinute: number;
  /** For all units of the query: the segments ridden. */
  costFen: number;
  co2Grams: number;
  /** Terminal handling at fromStop when this trip follows another trip there (a change of vehicle), else 0. */
  transshipmentCostFen: number;
  transshipmentCo2Grams: number;
}

export interface TransferLeg {
  kind: 'transfer';
  fromStop: number;
  toStop: number;
  fromStopId: string;
  toStopId: string;
  departureMinute: number;
  arrivalMinute: number;
  costFen: number;
  co2Grams: number;
}

export type ItineraryLeg = TripLeg | TransferLeg;

export interface Itinerary {
  legs: ItineraryLeg[];
  departureMinute: number;
  arrivalMinute: number;
  /** Legs plus transshipment handling, for all units. */
  costFen: number;
  co2Grams: number;
  /** Vehicle changes: trip legs minus one (a drayage-only itinerary has none). */
  transfers: number;
}

/** Why a search found nothing, computed only when it did (by re-running with one constraint relaxed at a time). */
export type NoItineraryReason =
  | 'origin_is_destination'
  | 'no_connection'
  | 'no_service_accepts_dangerous_goods'
  | 'no_service_accepts_reefer'
  | 'no_capacity'
  | 'too_many_transfers'
  | 'no_service_accepts_cargo';

export interface SearchStats {
  rounds: number;
  routesScanned: number;
  labelsCreated: number;
  /** Pareto-optimal itineraries found, before the cut to resultsMax. */
  itinerariesFound: number;
  /** A search bound (labels per stop, route bag, labels per query, target) was reached. */
  searchBoundReached: boolean;
}

export interface PlanResult {
  /** All Pareto-optimal itineraries (one per criteria vector), by arrival, then cost, CO2 and transfers. */
  itineraries: Itinerary[];
  reason: NoItineraryReason | null;
  /** Not every Pareto-optimal itinerary is returned: more than resultsMax, or a search bound was reached. */
  truncated: boolean;
  stats: SearchStats;
}

export interface EarliestArrivalResult {
  /** The earliest-arriving itinerary, with the fewest vehicles among those arriving then. */
  itinerary: Itinerary | null;
  reason: NoItineraryReason | null;
  truncated: boolean;
  stats: SearchStats;
}

export interface ResolvedOptions {
  roundsMax: number;
  labelsPerStopMax: number;
  resultsMax: number;
}

export type PlannerErrorCode = 'invalid_query';

export class PlannerError extends Error {
  readonly code: PlannerErrorCode;

  constructor(code: PlannerErrorCode, message: string) {
    super(message);
    this.name = 'PlannerError';
    this.code = code;
  }
}

function checkedInt(value: number | undefined, fallback: number, min: number, max: number, what: string): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < min || resolved > max) {
    throw new PlannerError('invalid_query', `${what} must be an integer in [${min}, ${max}], got ${resolved}`);
  }
  return resolved;
}

export function resolveOptions(options: PlanOptions | undefined): ResolvedOptions {
  return {
    roundsMax: checkedInt(options?.roundsMax, ROUNDS_MAX_DEFAULT, 1, ROUNDS_MAX_LIMIT, 'roundsMax'),
    labelsPerStopMax: checkedInt(
      options?.labelsPerStopMax,
      LABELS_PER_STOP_MAX_DEFAULT,
      1,
      LABELS_PER_STOP_MAX_LIMIT,
      'labelsPerStopMax',
    ),
    resultsMax: checkedInt(options?.resultsMax, RESULTS_MAX_DEFAULT, 1, RESULTS_MAX_LIMIT, 'resultsMax'),
  };
}

export function validateQuery(stopCount: number, query: PlanQuery): void {
  checkedInt(query.originStop, 0, 0, stopCount - 1, 'originStop');
  checkedInt(query.destinationStop, 0, 0, stopCount - 1, 'destinationStop');
  checkedInt(query.departAfterMinute, 0, 0, MINUTE_MAX, 'departAfterMinute');
  checkedInt(query.cargo.units, 0, 1, CARGO_UNITS_MAX, 'cargo.units');
  if (query.cargo.dangerousGoodsClass !== undefined && query.cargo.dangerousGoodsClass.length === 0) {
    throw new PlannerError('invalid_query', 'cargo.dangerousGoodsClass must not be empty when given');
  }
}

/** The deterministic result order: arrival, then cost, then CO2, then transfers. */
export function compareItineraries(a: Itinerary, b: Itinerary): number {
  return (
    a.arrivalMinute - b.arrivalMinute || a.costFen - b.costFen || a.co2Grams - b.co2Grams || a.transfers - b.transfers
  );
}

/** `a` is at least as good as `b` on all four criteria. */
export function weaklyDominates(a: Itinerary, b: Itinerary): boolean {
  return (
    a.arrivalMinute <= b.arrivalMinute &&
    a.costFen <= b.costFen &&
    a.co2Grams <= b.co2Grams &&
    a.transfers <= b.transfers
  );
}
