import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoutePlanner } from './mcraptor.js';
import type { PlanQuery } from './query.js';
import { referencePareto } from './reference.js';
import { BASE_MINUTE, criteriaVectors, itineraryProblems } from './testing.js';
import { buildTimetable, type TimetableInput, TRANSPORT_MODES, type TripInput } from './timetable.js';

// Replay a failure with PLANNER_SEED=<seed> (fast-check also prints the seed and the shrunk counterexample).
const SEED = Number(process.env.PLANNER_SEED ?? Date.now() % 2_147_483_647);
const RUNS = Number(process.env.PLANNER_RUNS ?? 400);
const DANGEROUS_GOODS = ['2', '2.1', '3', '9'];
const SEGMENTS_MAX = 4;

interface Scenario {
  input: TimetableInput;
  query: PlanQuery;
}

/**
 * Small random networks built to hit the planner's hard cases: several trips per stop pattern (routes with many
 * trips), delays that make trips overtake (route splitting), repriced copies (same stops, other tariff), capacity
 * of 0–3 units against cargo of 1–3 units, reefer and dangerous-goods acceptance, stops visited twice, zero-minute
 * segments and transfers, terminal handling on some stops, and rounds bounds from 1 to 5.
 */
function scenarioArbitrary(): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 3, max: 6 }).chain((stopCount) => {
    const stop = fc.integer({ min: 0, max: stopCount - 1 });
    const segmentValues = (max: number) =>
      fc.array(fc.integer({ min: 0, max }), { minLength: SEGMENTS_MAX, maxLength: SEGMENTS_MAX });
    const departure = fc.record({
      startMinute: fc.integer({ min: 0, max: 480 }),
      delayMinutes: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })), {
        minLength: SEGMENTS_MAX,
        maxLength: SEGMENTS_MAX,
      }),
      capacityUnits: fc.array(fc.oneof(fc.constant(5), fc.constant(5), fc.integer({ min: 0, max: 3 })), {
        minLength: SEGMENTS_MAX,
        maxLength: SEGMENTS_MAX,
      }),
      repriced: fc.boolean(),
    });
    const pattern = fc.record({
      stops: fc.array(stop, { minLength: 2, maxLength: SEGMENTS_MAX + 1 }),
      runMinutes: segmentValues(120),
      dwellMinutes: segmentValues(20),
      costFen: segmentValues(20),
      co2Grams: segmentValues(20),
      mode: fc.constantFrom(...TRANSPORT_MODES),
      reefer: fc.boolean(),
      dangerousGoodsClasses: fc.subarray(DANGEROUS_GOODS),
      departures: fc.array(departure, { minLength: 1, maxLength: 5 }),
    });
    const transfer = fc.record({
      fromStop: stop,
      toStop: stop,
      durationMinutes: fc.integer({ min: 0, max: 90 }),
      costFen: fc.integer({ min: 0, max: 10 }),
      co2Grams: fc.integer({ min: 0, max: 10 }),
    });
    const query = fc.record({
      originStop: stop,
      destinationStop: stop,
      departAfter: fc.integer({ min: 0, max: 200 }),
      units: fc.integer({ min: 1, max: 3 }),
      reefer: fc.boolean(),
      dangerousGoodsClass: fc.option(fc.constantFrom('2.1', '3', '9', '4.1'), { nil: undefined }),
      roundsMax: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(4)),
    });
    return fc
      .record({
        connectionMinutes: fc.array(fc.constantFrom(0, 0, 10, 30, 60), { minLength: stopCount, maxLength: stopCount }),
        handling: fc.array(fc.tuple(fc.constantFrom(0, 0, 3, 8), fc.constantFrom(0, 2, 5)), {
          minLength: stopCount,
          maxLength: stopCount,
        }),
        patterns: fc.array(pattern, { minLength: 2, maxLength: 8 }),
        transfers: fc.array(transfer, { maxLength: 8 }),
        query,
      })
      .map(({ connectionMinutes, handling, patterns, transfers, query }) => {
        const trips: TripInput[] = [];
        patterns.forEach((pattern, patternIndex) => {
          // Consecutive repeats are not a trip; a repeat further on (a loop) is kept on purpose.
          const stops = pattern.stops.map((value, index, all) =>
            index > 0 && value === all[index - 1] ? (value + 1) % stopCount : value,
          );
          for (let index = 1; index < stops.length; index += 1) {
            if (stops[index] === stops[index - 1]) stops[index] = (stops[index]! + 1) % stopCount;
          }
          const segments = stops.length - 1;
          for (const run of pattern.departures) {
            const arrivalMinutes: number[] = [];
            const departureMinutes: number[] = [];
            let clock = BASE_MINUTE + run.startMinute;
            for (let position = 0; position < stops.length; position += 1) {
              if (position > 0) clock += pattern.runMinutes[position - 1]! + run.delayMinutes[position - 1]!;
              arrivalMinutes.push(clock);
              if (position > 0 && position < segments) clock += pattern.dwellMinutes[position]!;
              departureMinutes.push(clock);
            }
            const costFen = pattern.costFen.slice(0, segments);
            if (run.repriced) costFen[0]! += 1;
            trips.push({
              serviceId: `P${patternIndex}`,
              mode: pattern.mode,
              stops,
              arrivalMinutes,
              departureMinutes,
              segmentCostFen: costFen,
              segmentCo2Grams: pattern.co2Grams.slice(0, segments),
              segmentCapacityUnits: run.capacityUnits.slice(0, segments),
              reefer: pattern.reefer,
              dangerousGoodsClasses: pattern.dangerousGoodsClasses,
            });
          }
        });
        const input: TimetableInput = {
          stops: connectionMinutes.map((minConnectionMinutes, index) => ({
            id: `S${index}`,
            minConnectionMinutes,
            transshipmentCostFen: handling[index]![0],
            transshipmentCo2Grams: handling[index]![1],
          })),
          trips,
          transfers: transfers.filter((edge) => edge.fromStop !== edge.toStop),
        };
        const planQuery: PlanQuery = {
          originStop: query.originStop,
          destinationStop:
            query.destinationStop === query.originStop ? (query.originStop + 1) % stopCount : query.destinationStop,
          departAfterMinute: BASE_MINUTE + query.departAfter,
          cargo: {
            units: query.units,
            // Reefer and dangerous goods are rarer than dry cargo, as in the product.
            reefer: query.reefer && query.units === 1,
            ...(query.dangerousGoodsClass !== undefined && query.units === 2
              ? { dangerousGoodsClass: query.dangerousGoodsClass }
              : {}),
          },
          options: { roundsMax: query.roundsMax, resultsMax: 1_024 },
        };
        return { input, query: planQuery };
      });
  });
}

function check<Values extends unknown[]>(property: fc.IProperty<Values>): void {
  try {
    fc.assert(property, { seed: SEED, numRuns: RUNS, verbose: 1 });
  } catch (error) {
    console.error(`planner property failed: replay with PLANNER_SEED=${SEED}`);
    throw error;
  }
}

describe('McRAPTOR against the brute-force reference', () => {
  it('returns the same Pareto set of criteria vectors, each itinerary valid on the raw input', () => {
    // Proves the fast search is exact: same (arrival, cost, CO2, transfers) vectors as exhaustive search.
    check(
      fc.property(scenarioArbitrary(), ({ input, query }) => {
        const planner = new RoutePlanner(buildTimetable(input));
        const result = planner.planPareto(query);
        const expected = referencePareto(input, query);
        expect(result.truncated).toBe(false);
        expect(criteriaVectors(result.itineraries)).toEqual(criteriaVectors(expected));
        for (const itinerary of result.itineraries) expect(itineraryProblems(input, query, itinerary)).toEqual([]);
        expect(result.reason === null).toBe(result.itineraries.length > 0);
      }),
    );
  });

  it('earliest arrival equals the best reference arrival, with the fewest vehicles at that arrival', () => {
    // Proves classic RAPTOR under the same rules finds the reference's earliest arrival and a valid journey.
    check(
      fc.property(scenarioArbitrary(), ({ input, query }) => {
        const planner = new RoutePlanner(buildTimetable(input));
        const result = planner.planEarliestArrival(query);
        const expected = referencePareto(input, query);
        if (expected.length === 0) {
          expect(result.itinerary).toBeNull();
          expect(result.reason).not.toBeNull();
          return;
        }
        const bestArrival = Math.min(...expected.map((itinerary) => itinerary.arrivalMinute));
        const fewestTransfers = Math.min(
          ...expected
            .filter((itinerary) => itinerary.arrivalMinute === bestArrival)
            .map((itinerary) => itinerary.transfers),
        );
        expect(result.itinerary?.arrivalMinute).toBe(bestArrival);
        expect(result.itinerary?.transfers).toBe(fewestTransfers);
        expect(itineraryProblems(input, query, result.itinerary!)).toEqual([]);
      }),
    );
  });

  it('stays exact after capacity updates made in place, and one planner answers many queries', () => {
    // Proves setSegmentCapacity keeps route layout and suffix minima right, and reused work memory leaks nothing.
    check(
      fc.property(
        scenarioArbitrary(),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 4 })), { maxLength: 6 }),
        ({ input, query }, updates) => {
          const timetable = buildTimetable(input);
          const planner = new RoutePlanner(timetable);
          planner.planPareto(query);
          const trips = input.trips.map((trip) => ({ ...trip, segmentCapacityUnits: [...trip.segmentCapacityUnits] }));
          for (const [tripPick, segmentPick, capacityUnits] of updates) {
            const tripIndex = tripPick % trips.length;
            const segmentIndex = segmentPick % trips[tripIndex]!.segmentCapacityUnits.length;
            timetable.setSegmentCapacity(tripIndex, segmentIndex, capacityUnits);
            trips[tripIndex]!.segmentCapacityUnits[segmentIndex] = capacityUnits;
            expect(timetable.segmentCapacity(tripIndex, segmentIndex)).toBe(capacityUnits);
          }
          const updated = { ...input, trips };
          planner.planEarliestArrival({
            ...query,
            originStop: query.destinationStop,
            destinationStop: query.originStop,
          });
          const result = planner.planPareto(query);
          expect(criteriaVectors(result.itineraries)).toEqual(criteriaVectors(referencePareto(updated, query)));
          const earliest = planner.planEarliestArrival(query);
          expect(earliest.itinerary?.arrivalMinute ?? null).toBe(result.itineraries[0]?.arrivalMinute ?? null);
        },
      ),
    );
  });
});
