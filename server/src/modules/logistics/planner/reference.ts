/**
 * The reference search: slow, plain and obviously correct, used only by tests to check the fast one.
 *
 * It works on the raw TimetableInput (no routes, no typed arrays, no trip ordering) and explores every way to
 * continue from a state: board any accepting trip at any stop where it leaves late enough, ride it to any later stop
 * while every segment has capacity, or take any transfer edge. The only pruning is the safest one: two states at the
 * same stop, reached the same way (origin, by trip, by transfer), have the same options ahead, so the one that is no
 * better on arrival, cost, CO2 and vehicles used is dropped. The bound on vehicles and the rule that transfers do not
 * chain make the exploration finite. Results are the Pareto filter of every state that reached the destination.
 */
import {
  compareItineraries,
  type Itinerary,
  type ItineraryLeg,
  type PlanQuery,
  resolveOptions,
  validateQuery,
  weaklyDominates,
} from './query.js';
import { dangerousGoodsParentClass, type TimetableInput, type TripInput } from './timetable.js';

type Arrived = 'origin' | 'trip' | 'transfer';

interface State {
  stop: number;
  arrived: Arrived;
  arrivalMinute: number;
  /** Per unit of cargo. */
  costFen: number;
  co2Grams: number;
  trips: number;
  parent: State | null;
  leg: { tripIndex: number; boardPosition: number; alightPosition: number } | { transferIndex: number } | null;
  dropped: boolean;
}

function accepts(trip: TripInput, query: PlanQuery): boolean {
  if (query.cargo.reefer && !trip.reefer) return false;
  const dangerousGoodsClass = query.cargo.dangerousGoodsClass;
  if (dangerousGoodsClass === undefined) return true;
  return (
    trip.dangerousGoodsClasses.includes(dangerousGoodsClass) ||
    trip.dangerousGoodsClasses.includes(dangerousGoodsParentClass(dangerousGoodsClass))
  );
}

function noWorse(a: State, b: State): boolean {
  return a.arrivalMinute <= b.arrivalMinute && a.costFen <= b.costFen && a.co2Grams <= b.co2Grams && a.trips <= b.trips;
}

/** All Pareto-optimal itineraries (one per criteria vector), in the planner's result order. */
export function referencePareto(input: TimetableInput, query: PlanQuery): Itinerary[] {
  const { roundsMax } = resolveOptions(query.options);
  validateQuery(input.stops.length, query);
  if (query.originStop === query.destinationStop) return [];
  const units = query.cargo.units;
  const kept = new Map<string, State[]>();
  const reached: State[] = [];
  const queue: State[] = [];

  const offer = (state: State) => {
    const key = `${state.stop}/${state.arrived}`;
    const states = kept.get(key) ?? [];
    if (states.some((other) => noWorse(other, state))) return;
    for (const other of states) if (noWorse(state, other)) other.dropped = true;
    kept.set(key, [...states.filter((other) => !other.dropped), state]);
    if (state.stop === query.destinationStop) reached.push(state);
    else queue.push(state);
  };

  offer({
    stop: query.originStop,
    arrived: 'origin',
    arrivalMinute: query.departAfterMinute,
    costFen: 0,
    co2Grams: 0,
    trips: 0,
    parent: null,
    leg: null,
    dropped: false,
  });

  for (let next = 0; next < queue.length; next += 1) {
    const state = queue[next]!;
    if (state.dropped) continue;
    const stop = input.stops[state.stop]!;
    const changing = state.arrived === 'trip';
    const readyMinute = state.arrivalMinute + (changing ? stop.minConnectionMinutes : 0);
    // Boarding another vehicle where one came off a trip pays the terminal's handling.
    const handlingCostFen = changing ? (stop.transshipmentCostFen ?? 0) : 0;
    const handlingCo2Grams = changing ? (stop.transshipmentCo2Grams ?? 0) : 0;
    if (state.trips < roundsMax) {
      input.trips.forEach((trip, tripIndex) => {
        if (!accepts(trip, query)) return;
        for (let board = 0; board < trip.stops.length - 1; board += 1) {
          if (trip.stops[board] !== state.stop || trip.departureMinutes[board]! < readyMinute) continue;
          let costFen = state.costFen + handlingCostFen;
          let co2Grams = state.co2Grams + handlingCo2Grams;
          for (let alight = board + 1; alight < trip.stops.length; alight += 1) {
            if (trip.segmentCapacityUnits[alight - 1]! < units) break;
            costFen += trip.segmentCostFen[alight - 1]!;
            co2Grams += trip.segmentCo2Grams[alight - 1]!;
            offer({
              stop: trip.stops[alight]!,
              arrived: 'trip',
              arrivalMinute: trip.arrivalMinutes[alight]!,
              costFen,
              co2Grams,
              trips: state.trips + 1,
              parent: state,
              leg: { tripIndex, boardPosition: board, alightPosition: alight },
              dropped: false,
            });
          }
        }
      });
    }
    if (state.arrived !== 'transfer') {
      input.transfers.forEach((transfer, transferIndex) => {
        if (transfer.fromStop !== state.stop) return;
        offer({
          stop: transfer.toStop,
          arrived: 'transfer',
          arrivalMinute: state.arrivalMinute + transfer.durationMinutes,
          costFen: state.costFen + transfer.costFen,
          co2Grams: state.co2Grams + transfer.co2Grams,
          trips: state.trips,
          parent: state,
          leg: { transferIndex },
          dropped: false,
        });
      });
    }
  }

  const candidates = reached.map((state) => itineraryOf(input, state, units, query.departAfterMinute));
  const pareto: Itinerary[] = [];
  for (const candidate of candidates.sort(compareItineraries)) {
    if (!pareto.some((kept) => weaklyDominates(kept, candidate))) pareto.push(candidate);
  }
  return pareto;
}

function itineraryOf(input: TimetableInput, last: State, units: number, departAfterMinute: number): Itinerary {
  const legs: ItineraryLeg[] = [];
  for (let state: State = last; state.parent !== null; state = state.parent) {
    const parent: State = state.parent;
    const leg = state.leg!;
    const common = {
      fromStop: parent.stop,
      toStop: state.stop,
      fromStopId: input.stops[parent.stop]!.id,
      toStopId: input.stops[state.stop]!.id,
      arrivalMinute: state.arrivalMinute,
      costFen: (state.costFen - parent.costFen) * units,
      co2Grams: (state.co2Grams - parent.co2Grams) * units,
    };
    if ('tripIndex' in leg) {
      const trip = input.trips[leg.tripIndex]!;
      const changing = parent.arrived === 'trip';
      const fromStop = input.stops[parent.stop]!;
      const transshipmentCostFen = changing ? (fromStop.transshipmentCostFen ?? 0) * units : 0;
      const transshipmentCo2Grams = changing ? (fromStop.transshipmentCo2Grams ?? 0) * units : 0;
      legs.push({
        kind: 'trip',
        tripIndex: leg.tripIndex,
        serviceId: trip.serviceId,
        mode: trip.mode,
        departureMinute: trip.departureMinutes[leg.boardPosition]!,
        ...common,
        costFen: common.costFen - transshipmentCostFen,
        co2Grams: common.co2Grams - transshipmentCo2Grams,
        transshipmentCostFen,
        transshipmentCo2Grams,
      });
    } else {
      legs.push({ kind: 'transfer', departureMinute: parent.arrivalMinute, ...common });
    }
  }
  legs.reverse();
  const trips = legs.filter((leg) => leg.kind === 'trip').length;
  return {
    legs,
    departureMinute: legs[0]?.departureMinute ?? departAfterMinute,
    arrivalMinute: last.arrivalMinute,
    costFen: last.costFen * units,
    co2Grams: last.co2Grams * units,
    transfers: Math.max(0, trips - 1),
  };
}
