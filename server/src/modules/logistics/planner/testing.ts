/**
 * Test support: an independent check that an itinerary is physically possible on the raw input, and helpers to
 * write timetables by hand. Not exported from index.ts.
 */
import { type Itinerary, type PlanQuery, resolveOptions } from './query.js';
import { dangerousGoodsParentClass, type TimetableInput, type TransportMode, type TripInput } from './timetable.js';

/** 2025-06-02T00:00Z in minutes since the Unix epoch: tests use real-sized instants. */
export const BASE_MINUTE = 29_146_080;

export function criteriaVectors(itineraries: readonly Itinerary[]): [number, number, number, number][] {
  return itineraries.map((itinerary) => [
    itinerary.arrivalMinute,
    itinerary.costFen,
    itinerary.co2Grams,
    itinerary.transfers,
  ]);
}

/**
 * Returns a list of problems (empty when the itinerary is valid): legs chain from origin to destination, every trip
 * leg matches a real trip that accepts the cargo and has capacity on each segment ridden, vehicle changes respect
 * the minimum connection time, transfers match an edge and do not chain, and totals add up.
 */
export function itineraryProblems(input: TimetableInput, query: PlanQuery, itinerary: Itinerary): string[] {
  const problems: string[] = [];
  const { roundsMax } = resolveOptions(query.options);
  const units = query.cargo.units;
  const legs = itinerary.legs;
  if (legs.length === 0) return ['no legs'];
  if (legs[0]!.fromStop !== query.originStop) problems.push('does not start at the origin');
  if (legs[legs.length - 1]!.toStop !== query.destinationStop) problems.push('does not end at the destination');
  if (legs[0]!.departureMinute < query.departAfterMinute) problems.push('leaves before departAfterMinute');
  let trips = 0;
  legs.forEach((leg, index) => {
    const previous = index > 0 ? legs[index - 1]! : undefined;
    if (previous !== undefined && previous.toStop !== leg.fromStop) problems.push(`leg ${index} does not chain`);
    if (leg.kind === 'trip') {
      trips += 1;
      const trip = input.trips[leg.tripIndex];
      if (trip === undefined) {
        problems.push(`leg ${index}: unknown trip`);
        return;
      }
      if (query.cargo.reefer && !trip.reefer) problems.push(`leg ${index}: trip is not reefer`);
      const dangerousGoodsClass = query.cargo.dangerousGoodsClass;
      if (
        dangerousGoodsClass !== undefined &&
        !trip.dangerousGoodsClasses.includes(dangerousGoodsClass) &&
        !trip.dangerousGoodsClasses.includes(dangerousGoodsParentClass(dangerousGoodsClass))
      ) {
        problems.push(`leg ${index}: trip refuses class ${dangerousGoodsClass}`);
      }
      if (trip.serviceId !== leg.serviceId || trip.mode !== leg.mode) problems.push(`leg ${index}: wrong service`);
      let matched = false;
      for (let board = 0; board < trip.stops.length && !matched; board += 1) {
        if (trip.stops[board] !== leg.fromStop || trip.departureMinutes[board] !== leg.departureMinute) continue;
        let costFen = 0;
        let co2Grams = 0;
        for (let alight = board + 1; alight < trip.stops.length; alight += 1) {
          if (trip.segmentCapacityUnits[alight - 1]! < units) break;
          costFen += trip.segmentCostFen[alight - 1]! * units;
          co2Grams += trip.segmentCo2Grams[alight - 1]! * units;
          if (
            trip.stops[alight] === leg.toStop &&
            trip.arrivalMinutes[alight] === leg.arrivalMinute &&
            costFen === leg.costFen &&
            co2Grams === leg.co2Grams
          ) {
            matched = true;
            break;
          }
        }
      }
      if (!matched) problems.push(`leg ${index}: no ride on trip ${leg.tripIndex} matches (capacity, times or cost)`);
      const changing = previous?.kind === 'trip';
      const stop = input.stops[leg.fromStop]!;
      if (leg.transshipmentCostFen !== (changing ? (stop.transshipmentCostFen ?? 0) * units : 0)) {
        problems.push(`leg ${index}: transshipment cost`);
      }
      if (leg.transshipmentCo2Grams !== (changing ? (stop.transshipmentCo2Grams ?? 0) * units : 0)) {
        problems.push(`leg ${index}: transshipment CO2`);
      }
      if (previous === undefined) return;
      const readyMinute =
        previous.kind === 'trip'
          ? previous.arrivalMinute + input.stops[leg.fromStop]!.minConnectionMinutes
          : previous.arrivalMinute;
      if (leg.departureMinute < readyMinute) problems.push(`leg ${index}: connection too short`);
    } else {
      const matched = input.transfers.some(
        (transfer) =>
          transfer.fromStop === leg.fromStop &&
          transfer.toStop === leg.toStop &&
          transfer.durationMinutes === leg.arrivalMinute - leg.departureMinute &&
          transfer.costFen * units === leg.costFen &&
          transfer.co2Grams * units === leg.co2Grams,
      );
      if (!matched) problems.push(`leg ${index}: no transfer edge matches`);
      if (previous?.kind === 'transfer') problems.push(`leg ${index}: transfers chained`);
      const leaves = previous === undefined ? query.departAfterMinute : previous.arrivalMinute;
      if (leg.departureMinute !== leaves) problems.push(`leg ${index}: transfer does not start on arrival`);
    }
  });
  const sum = (pick: (leg: (typeof legs)[number]) => number) => legs.reduce((total, leg) => total + pick(leg), 0);
  const handlingCost = (leg: (typeof legs)[number]) => (leg.kind === 'trip' ? leg.transshipmentCostFen : 0);
  const handlingCo2 = (leg: (typeof legs)[number]) => (leg.kind === 'trip' ? leg.transshipmentCo2Grams : 0);
  if (sum((leg) => leg.costFen + handlingCost(leg)) !== itinerary.costFen) problems.push('cost total');
  if (sum((leg) => leg.co2Grams + handlingCo2(leg)) !== itinerary.co2Grams) problems.push('CO2 total');
  if (legs[legs.length - 1]!.arrivalMinute !== itinerary.arrivalMinute) problems.push('arrival total');
  if (legs[0]!.departureMinute !== itinerary.departureMinute) problems.push('departure total');
  if (Math.max(0, trips - 1) !== itinerary.transfers) problems.push('transfer count');
  if (trips > roundsMax) problems.push('more vehicles than roundsMax');
  return problems;
}

export interface TripSketch {
  serviceId: string;
  mode?: TransportMode;
  /** Stop, arrival minute after BASE_MINUTE, departure minute after BASE_MINUTE. */
  calls: readonly [number, number, number][];
  costFen: number | readonly number[];
  co2Grams: number | readonly number[];
  capacityUnits?: number | readonly number[];
  reefer?: boolean;
  dangerousGoodsClasses?: readonly string[];
}

/** Writes a TripInput from a compact sketch; scalar per-segment values are repeated on every segment. */
export function sketchTrip(sketch: TripSketch): TripInput {
  const segments = sketch.calls.length - 1;
  const perSegment = (value: number | readonly number[]) =>
    typeof value === 'number' ? Array.from({ length: segments }, () => value) : [...value];
  return {
    serviceId: sketch.serviceId,
    mode: sketch.mode ?? 'rail',
    stops: sketch.calls.map(([stop]) => stop),
    arrivalMinutes: sketch.calls.map(([, arrival]) => BASE_MINUTE + arrival),
    departureMinutes: sketch.calls.map(([, , departure]) => BASE_MINUTE + departure),
    segmentCostFen: perSegment(sketch.costFen),
    segmentCo2Grams: perSegment(sketch.co2Grams),
    segmentCapacityUnits: perSegment(sketch.capacityUnits ?? 100),
    reefer: sketch.reefer ?? false,
    dangerousGoodsClasses: sketch.dangerousGoodsClasses ?? [],
  };
}
