/**
 * Multimodal route planner: an in-memory engine with no I/O. Build a Timetable from the database (TimetableBuilder),
 * keep one RoutePlanner per timetable, and ask it for Pareto-optimal or earliest-arriving itineraries.
 */
export { LABELS_PER_QUERY_MAX, ROUTE_BAG_MAX, RoutePlanner, TARGET_LABELS_MAX } from './mcraptor.js';
export {
  CARGO_UNITS_MAX,
  type Cargo,
  compareItineraries,
  type EarliestArrivalResult,
  type Itinerary,
  type ItineraryLeg,
  LABELS_PER_STOP_MAX_DEFAULT,
  LABELS_PER_STOP_MAX_LIMIT,
  type NoItineraryReason,
  PlannerError,
  type PlannerErrorCode,
  type PlanOptions,
  type PlanQuery,
  type PlanResult,
  RESULTS_MAX_DEFAULT,
  RESULTS_MAX_LIMIT,
  ROUNDS_MAX_DEFAULT,
  ROUNDS_MAX_LIMIT,
  type SearchStats,
  type TransferLeg,
  type TripLeg,
} from './query.js';
export {
  buildTimetable,
  DANGEROUS_GOODS_CLASSES_MAX,
  MINUTE_MAX,
  STOPS_PER_TRIP_MAX,
  type StopInput,
  Timetable,
  TimetableBuilder,
  TimetableError,
  type TimetableErrorCode,
  type TimetableInput,
  TRANSPORT_MODES,
  type TransferInput,
  type TransportMode,
  type TripInput,
} from './timetable.js';
