import { describe, expect, it } from 'vitest';
import {
  buildTimetable,
  PlannerError,
  type PlanQuery,
  RoutePlanner,
  TimetableBuilder,
  TimetableError,
  type TimetableInput,
} from './index.js';
import { referencePareto } from './reference.js';
import { BASE_MINUTE, criteriaVectors, itineraryProblems, sketchTrip } from './testing.js';

const DAY = 1_440;

function query(originStop: number, destinationStop: number, extra: Partial<PlanQuery> = {}): PlanQuery {
  return {
    originStop,
    destinationStop,
    departAfterMinute: BASE_MINUTE,
    cargo: { units: 1, reefer: false },
    ...extra,
  };
}

/** Plans with both searches and checks them against the reference and the raw input before returning. */
function plan(input: TimetableInput, planQuery: PlanQuery) {
  const planner = new RoutePlanner(buildTimetable(input));
  const pareto = planner.planPareto(planQuery);
  const earliest = planner.planEarliestArrival(planQuery);
  expect(criteriaVectors(pareto.itineraries)).toEqual(criteriaVectors(referencePareto(input, planQuery)));
  for (const itinerary of pareto.itineraries) expect(itineraryProblems(input, planQuery, itinerary)).toEqual([]);
  expect(earliest.itinerary?.arrivalMinute ?? null).toBe(pareto.itineraries[0]?.arrivalMinute ?? null);
  return { pareto, earliest };
}

describe('gauge change at the Kazakh border', () => {
  // Alashankou and Dostyk have no verified UN/LOCODE in reference/geography.md, so they are named in full.
  const stops = [
    { id: 'CNJZH', minConnectionMinutes: 120 },
    { id: 'Alashankou', minConnectionMinutes: 60 },
    { id: 'Dostyk', minConnectionMinutes: 60 },
    { id: 'KZALA', minConnectionMinutes: 60 },
  ];
  const transshipment = { fromStop: 1, toStop: 2, durationMinutes: DAY, costFen: 120_000, co2Grams: 2_000 };
  const trips = [
    sketchTrip({
      serviceId: 'X8001-1435',
      calls: [
        [0, 0, 0],
        [1, 4_000, 4_000],
      ],
      costFen: 900_000,
      co2Grams: 600_000,
    }),
    // Leaves Dostyk before the containers are on 1520 wagons: must be missed.
    sketchTrip({
      serviceId: 'KZ-1520-early',
      calls: [
        [2, 5_000, 5_000],
        [3, 6_500, 6_500],
      ],
      costFen: 300_000,
      co2Grams: 200_000,
    }),
    sketchTrip({
      serviceId: 'KZ-1520',
      calls: [
        [2, 6_000, 6_000],
        [3, 7_500, 7_500],
      ],
      costFen: 300_000,
      co2Grams: 200_000,
    }),
  ];

  it('rides the 1435 train to Alashankou, transships to Dostyk with dwell and fee, then the 1520 train on', () => {
    // Proves a transfer edge carries its duration, fee and CO2, and the next train is the first one after it.
    const input: TimetableInput = { stops, trips, transfers: [transshipment] };
    const { pareto } = plan(input, query(0, 3, { cargo: { units: 2, reefer: false } }));
    expect(pareto.itineraries).toHaveLength(1);
    const [itinerary] = pareto.itineraries;
    expect(itinerary!.legs.map((leg) => [leg.kind, leg.fromStopId, leg.toStopId])).toEqual([
      ['trip', 'CNJZH', 'Alashankou'],
      ['transfer', 'Alashankou', 'Dostyk'],
      ['trip', 'Dostyk', 'KZALA'],
    ]);
    expect(itinerary!.legs[1]).toMatchObject({
      departureMinute: BASE_MINUTE + 4_000,
      arrivalMinute: BASE_MINUTE + 4_000 + DAY,
      costFen: 240_000,
      co2Grams: 4_000,
    });
    expect(itinerary!.legs[2]).toMatchObject({ serviceId: 'KZ-1520', departureMinute: BASE_MINUTE + 6_000 });
    expect(itinerary).toMatchObject({
      arrivalMinute: BASE_MINUTE + 7_500,
      costFen: 2_640_000,
      co2Grams: 1_604_000,
      transfers: 1,
    });
  });

  it('finds no connection without the transshipment edge', () => {
    // Proves trains of different gauges do not connect by themselves: Alashankou and Dostyk are different stops.
    const { pareto, earliest } = plan({ stops, trips, transfers: [] }, query(0, 3));
    expect(pareto).toMatchObject({ itineraries: [], reason: 'no_connection' });
    expect(earliest).toMatchObject({ itinerary: null, reason: 'no_connection' });
  });
});

describe('cargo acceptance', () => {
  const stops = [
    { id: 'CNTAO', minConnectionMinutes: 0 },
    { id: 'KRPUS', minConnectionMinutes: 0 },
  ];
  const dry = sketchTrip({
    serviceId: 'feeder-dry',
    mode: 'sea',
    calls: [
      [0, 0, 0],
      [1, 2_000, 2_000],
    ],
    costFen: 100,
    co2Grams: 500,
  });
  const reefer = sketchTrip({
    serviceId: 'feeder-reefer',
    mode: 'sea',
    calls: [
      [0, 0, 0],
      [1, 2_000, 2_000],
    ],
    costFen: 300,
    co2Grams: 500,
    reefer: true,
  });

  it('routes reefer cargo only on reefer services, and dry cargo on the cheaper dry one', () => {
    // Proves the reefer filter excludes non-reefer services, while dry cargo may use either.
    const input: TimetableInput = { stops, trips: [dry, reefer], transfers: [] };
    const cold = plan(input, query(0, 1, { cargo: { units: 1, reefer: true } })).pareto;
    expect(
      cold.itineraries.map((itinerary) => itinerary.legs[0]).map((leg) => leg?.kind === 'trip' && leg.serviceId),
    ).toEqual(['feeder-reefer']);
    const ambient = plan(input, query(0, 1)).pareto;
    expect(ambient.itineraries).toHaveLength(1);
    expect(ambient.itineraries[0]!.legs[0]).toMatchObject({ serviceId: 'feeder-dry' });
  });

  it('says no_service_accepts_reefer when only dry services run', () => {
    // Proves the empty result explains itself with the reefer reason.
    const { pareto } = plan({ stops, trips: [dry], transfers: [] }, query(0, 1, { cargo: { units: 1, reefer: true } }));
    expect(pareto).toMatchObject({ itineraries: [], reason: 'no_service_accepts_reefer' });
  });

  const lithium = { units: 1, reefer: false, dangerousGoodsClass: '9' }; // UN3480 lithium-ion batteries

  it('does not route UN3480 (class 9) on services refusing class 9, and says why', () => {
    // Proves the dangerous-goods filter and the no_service_accepts_dangerous_goods reason.
    const refusing = sketchTrip({
      serviceId: 'rail-class-3-only',
      calls: [
        [0, 0, 0],
        [1, 1_000, 1_000],
      ],
      costFen: 50,
      co2Grams: 100,
      dangerousGoodsClasses: ['3'],
    });
    const input: TimetableInput = { stops, trips: [refusing, dry], transfers: [] };
    const { pareto, earliest } = plan(input, query(0, 1, { cargo: lithium }));
    expect(pareto).toMatchObject({ itineraries: [], reason: 'no_service_accepts_dangerous_goods' });
    expect(earliest.reason).toBe('no_service_accepts_dangerous_goods');
  });

  it('routes class 9 on the service that accepts it, and a division on a service listing its whole class', () => {
    // Proves acceptance by exact class and by parent class ('2' accepts '2.1').
    const acceptsNine = sketchTrip({
      serviceId: 'sea-dg',
      mode: 'sea',
      calls: [
        [0, 0, 0],
        [1, 3_000, 3_000],
      ],
      costFen: 400,
      co2Grams: 500,
      dangerousGoodsClasses: ['9', '2'],
    });
    const input: TimetableInput = { stops, trips: [dry, acceptsNine], transfers: [] };
    const batteries = plan(input, query(0, 1, { cargo: lithium })).pareto;
    expect(batteries.itineraries.map((itinerary) => itinerary.legs[0])).toMatchObject([{ serviceId: 'sea-dg' }]);
    const gas = plan(input, query(0, 1, { cargo: { units: 1, reefer: false, dangerousGoodsClass: '2.1' } })).pareto;
    expect(gas.itineraries.map((itinerary) => itinerary.legs[0])).toMatchObject([{ serviceId: 'sea-dg' }]);
    const paint = plan(input, query(0, 1, { cargo: { units: 1, reefer: false, dangerousGoodsClass: '3' } })).pareto;
    expect(paint.reason).toBe('no_service_accepts_dangerous_goods');
  });
});

describe('minimum connection time', () => {
  const trips = [
    sketchTrip({
      serviceId: 'feeder',
      calls: [
        [0, 0, 0],
        [1, 600, 600],
      ],
      costFen: 10,
      co2Grams: 10,
    }),
    sketchTrip({
      serviceId: 'trunk-1100',
      calls: [
        [1, 660, 660],
        [2, 900, 900],
      ],
      costFen: 10,
      co2Grams: 10,
    }),
    sketchTrip({
      serviceId: 'trunk-1230',
      calls: [
        [1, 750, 750],
        [2, 1_000, 1_000],
      ],
      costFen: 10,
      co2Grams: 10,
    }),
  ];
  const input = (hubConnectionMinutes: number): TimetableInput => ({
    stops: [
      { id: 'CNTNA', minConnectionMinutes: 0 },
      { id: 'CNJZH', minConnectionMinutes: hubConnectionMinutes },
      { id: 'CNTAO', minConnectionMinutes: 0 },
    ],
    trips,
    transfers: [],
  });

  it('misses a connection leaving within the hub minimum connection time and takes the next', () => {
    // Proves a 60-minute gap is not enough at a hub needing 120 minutes: both searches take the 12:30 train.
    const { pareto, earliest } = plan(input(120), query(0, 2));
    expect(pareto.itineraries.map((itinerary) => itinerary.legs[1])).toMatchObject([{ serviceId: 'trunk-1230' }]);
    expect(earliest.itinerary?.legs[1]).toMatchObject({ serviceId: 'trunk-1230', arrivalMinute: BASE_MINUTE + 1_000 });
  });

  it('makes the connection when the hub needs only 30 minutes', () => {
    // Proves the same timetable with a shorter connection time catches the 11:00 train.
    const { earliest } = plan(input(30), query(0, 2));
    expect(earliest.itinerary?.legs[1]).toMatchObject({ serviceId: 'trunk-1100', arrivalMinute: BASE_MINUTE + 900 });
  });
});

describe('capacity', () => {
  const stops = ['CNJZH', 'CNSIA', 'CNURC', 'KZALA'].map((id) => ({ id, minConnectionMinutes: 60 }));
  const trips = () => [
    sketchTrip({
      serviceId: 'X9001',
      calls: [
        [0, 0, 0],
        [1, 1_000, 1_000],
        [2, 2_000, 2_000],
        [3, 3_000, 3_000],
      ],
      costFen: 100,
      co2Grams: 100,
      capacityUnits: [10, 1, 10],
    }),
    sketchTrip({
      serviceId: 'X9001',
      calls: [
        [0, DAY, DAY],
        [1, DAY + 1_000, DAY + 1_000],
        [2, DAY + 2_000, DAY + 2_000],
        [3, DAY + 3_000, DAY + 3_000],
      ],
      costFen: 100,
      co2Grams: 100,
      capacityUnits: 10,
    }),
  ];

  it('does not use a trip with too few units on one segment ridden, but uses it where it has room', () => {
    // Proves capacity is checked on every segment ridden, not only where the cargo boards.
    const input: TimetableInput = { stops, trips: trips(), transfers: [] };
    const through = plan(input, query(0, 3, { cargo: { units: 2, reefer: false } })).pareto;
    expect(through.itineraries.map((itinerary) => itinerary.legs[0])).toMatchObject([{ tripIndex: 1 }]);
    const short = plan(input, query(0, 1, { cargo: { units: 2, reefer: false } })).pareto;
    expect(short.itineraries.map((itinerary) => itinerary.legs[0])).toMatchObject([{ tripIndex: 0 }]);
    const single = plan(input, query(0, 3)).pareto;
    expect(single.itineraries.map((itinerary) => itinerary.legs[0])).toMatchObject([{ tripIndex: 0 }]);
  });

  it('follows bookings made in place, and says no_capacity when every trip is full', () => {
    // Proves setSegmentCapacity changes later answers without a rebuild, and the no_capacity reason.
    const input: TimetableInput = { stops, trips: trips(), transfers: [] };
    const timetable = buildTimetable(input);
    const planner = new RoutePlanner(timetable);
    const twoTeu: PlanQuery = query(0, 3, { cargo: { units: 2, reefer: false } });
    for (let segment = 0; segment < 3; segment += 1) timetable.setSegmentCapacity(1, segment, 0);
    expect(planner.planPareto(twoTeu)).toMatchObject({ itineraries: [], reason: 'no_capacity' });
    timetable.setSegmentCapacity(0, 1, 5);
    expect(planner.planPareto(twoTeu).itineraries.map((itinerary) => itinerary.legs[0])).toMatchObject([
      { tripIndex: 0 },
    ]);
    expect(() => timetable.setSegmentCapacity(0, 3, 1)).toThrow(TimetableError);
  });

  it('keeps a later boarding on a trip with room when the earlier-boarded trip runs full further on', () => {
    // Proves route-bag dominance looks ahead at capacity: the cheap early boarding must move to a later trip.
    const input: TimetableInput = {
      stops: ['O', 'P', 'Q', 'D'].map((id) => ({ id, minConnectionMinutes: 0 })),
      trips: [0, 60, 120].map((shift, index) =>
        sketchTrip({
          serviceId: 'line',
          calls: [
            [0, shift, shift],
            [1, shift + 50, shift + 55],
            [2, shift + 100, shift + 105],
            [3, shift + 150, shift + 150],
          ],
          costFen: 10,
          co2Grams: 10,
          capacityUnits: [
            [5, 0, 5],
            [0, 5, 5],
            [5, 5, 5],
          ][index]!,
        }),
      ),
      transfers: [{ fromStop: 0, toStop: 1, durationMinutes: 30, costFen: 50, co2Grams: 20 }],
    };
    const { pareto } = plan(input, query(0, 3));
    expect(criteriaVectors(pareto.itineraries)).toEqual([
      [BASE_MINUTE + 210, 30, 30, 1],
      [BASE_MINUTE + 210, 70, 40, 0],
      [BASE_MINUTE + 270, 30, 30, 0],
    ]);
  });
});

describe('Pareto set', () => {
  const stops = [
    { id: 'CNTAO', minConnectionMinutes: 60 },
    { id: 'RUMOW', minConnectionMinutes: 60 },
    { id: 'CNURC', minConnectionMinutes: 60 },
  ];
  const direct = (
    serviceId: string,
    mode: 'air' | 'road' | 'rail',
    arrival: number,
    costFen: number,
    co2Grams: number,
  ) =>
    sketchTrip({
      serviceId,
      mode,
      calls: [
        [0, 60, 60],
        [1, arrival, arrival],
      ],
      costFen,
      co2Grams,
    });
  const input: TimetableInput = {
    stops,
    trips: [
      direct('rail-X8022', 'rail', 20_000, 800_000, 300_000),
      direct('air-CK', 'air', 600, 5_000_000, 9_000_000),
      direct('tir-1', 'road', 15_000, 1_200_000, 1_500_000),
      direct('tir-2', 'road', 16_000, 1_300_000, 1_600_000),
    ],
    transfers: [],
  };

  it('keeps every trade-off between time, cost and CO2, drops the dominated one, in a stable order', () => {
    // Proves air, TIR road and rail are all optimal, the slower and dearer TIR run is not, sorted by arrival.
    const { pareto } = plan(input, query(0, 1));
    expect(pareto.itineraries.map((itinerary) => itinerary.legs[0])).toMatchObject([
      { serviceId: 'air-CK', mode: 'air' },
      { serviceId: 'tir-1', mode: 'road' },
      { serviceId: 'rail-X8022', mode: 'rail' },
    ]);
    expect(pareto.reason).toBeNull();
  });

  it('cuts to resultsMax and flags the cut', () => {
    // Proves the results bound keeps the earliest itineraries and reports truncation.
    const planner = new RoutePlanner(buildTimetable(input));
    const result = planner.planPareto(query(0, 1, { options: { resultsMax: 2 } }));
    expect(result.itineraries.map((itinerary) => itinerary.legs[0])).toMatchObject([
      { serviceId: 'air-CK' },
      { serviceId: 'tir-1' },
    ]);
    expect(result.truncated).toBe(true);
  });

  it('counts vehicle changes as a criterion', () => {
    // Proves a slower direct train and a faster change of trains at the same cost are both kept.
    const changeInput: TimetableInput = {
      stops,
      trips: [
        sketchTrip({
          serviceId: 'direct',
          calls: [
            [0, 0, 0],
            [1, 5_000, 5_000],
          ],
          costFen: 100,
          co2Grams: 100,
        }),
        sketchTrip({
          serviceId: 'leg-1',
          calls: [
            [0, 0, 0],
            [2, 1_000, 1_000],
          ],
          costFen: 50,
          co2Grams: 50,
        }),
        sketchTrip({
          serviceId: 'leg-2',
          calls: [
            [2, 1_100, 1_100],
            [1, 3_000, 3_000],
          ],
          costFen: 50,
          co2Grams: 50,
        }),
      ],
      transfers: [],
    };
    const { pareto } = plan(changeInput, query(0, 1));
    expect(criteriaVectors(pareto.itineraries)).toEqual([
      [BASE_MINUTE + 3_000, 100, 100, 1],
      [BASE_MINUTE + 5_000, 100, 100, 0],
    ]);
  });

  it('plans drayage alone when the destination is a transfer away', () => {
    // Proves an itinerary of one transfer edge (port to bonded zone) is valid and counts no vehicle change.
    const drayage: TimetableInput = {
      stops: [
        { id: 'CNTAO', minConnectionMinutes: 0 },
        { id: 'CNJZH', minConnectionMinutes: 0 },
      ],
      trips: [],
      transfers: [{ fromStop: 0, toStop: 1, durationMinutes: 90, costFen: 40_000, co2Grams: 9_000 }],
    };
    const { pareto } = plan(drayage, query(0, 1));
    expect(pareto.itineraries).toMatchObject([
      { legs: [{ kind: 'transfer' }], arrivalMinute: BASE_MINUTE + 90, costFen: 40_000, transfers: 0 },
    ]);
  });

  it('explains too_many_transfers and origin_is_destination', () => {
    // Proves the reasons for a rounds bound too tight and for a query going nowhere.
    const twoTrains: TimetableInput = {
      stops,
      trips: [
        sketchTrip({
          serviceId: 'leg-1',
          calls: [
            [0, 0, 0],
            [2, 1_000, 1_000],
          ],
          costFen: 50,
          co2Grams: 50,
        }),
        sketchTrip({
          serviceId: 'leg-2',
          calls: [
            [2, 1_100, 1_100],
            [1, 3_000, 3_000],
          ],
          costFen: 50,
          co2Grams: 50,
        }),
      ],
      transfers: [],
    };
    const { pareto } = plan(twoTrains, query(0, 1, { options: { roundsMax: 1 } }));
    expect(pareto.reason).toBe('too_many_transfers');
    expect(new RoutePlanner(buildTimetable(twoTrains)).planPareto(query(1, 1)).reason).toBe('origin_is_destination');
  });
});

describe('terminal handling and pruning', () => {
  const stops = [
    { id: 'CNJZH', minConnectionMinutes: 30 },
    { id: 'CNSIA', minConnectionMinutes: 30, transshipmentCostFen: 30, transshipmentCo2Grams: 25 },
    { id: 'KZALA', minConnectionMinutes: 30 },
  ];

  it('charges handling when changing vehicle at a terminal, per unit, shown on the leg boarded', () => {
    // Proves the transshipment fee is paid once per change, enters the totals, and makes a change not worth it.
    const input: TimetableInput = {
      stops,
      trips: [
        sketchTrip({
          serviceId: 'direct',
          calls: [
            [0, 0, 0],
            [2, 1_000, 1_000],
          ],
          costFen: 100,
          co2Grams: 100,
        }),
        sketchTrip({
          serviceId: 'first',
          calls: [
            [0, 0, 0],
            [1, 400, 400],
          ],
          costFen: 40,
          co2Grams: 40,
        }),
        sketchTrip({
          serviceId: 'second',
          calls: [
            [1, 500, 500],
            [2, 1_000, 1_000],
          ],
          costFen: 40,
          co2Grams: 40,
        }),
      ],
      transfers: [],
    };
    const { pareto } = plan(input, query(0, 2, { cargo: { units: 3, reefer: false } }));
    // Changing: 3 × (40 + 30 + 40) = 330 fen and 3 × (40 + 25 + 40) = 315 g, no time gained: direct dominates.
    expect(criteriaVectors(pareto.itineraries)).toEqual([[BASE_MINUTE + 1_000, 300, 300, 0]]);
    const cheaperChange: TimetableInput = {
      ...input,
      stops: [stops[0]!, { ...stops[1]!, transshipmentCostFen: 5 }, stops[2]!],
    };
    const both = plan(cheaperChange, query(0, 2, { cargo: { units: 3, reefer: false } })).pareto;
    // With 5 fen handling the change is cheaper (255 fen) but dirtier (315 g): both are optimal.
    expect(both.itineraries).toHaveLength(2);
    expect(both.itineraries[0]!.legs[1]).toMatchObject({
      transshipmentCostFen: 15,
      transshipmentCo2Grams: 75,
      costFen: 120,
    });
    expect(both.itineraries[0]).toMatchObject({ costFen: 255, co2Grams: 315, transfers: 1 });
  });

  it('still needs a vehicle at a stop one edge from the destination when that stop was reached by an edge', () => {
    // Proves the vehicles-needed bound separates "came off a trip" from "came by transfer" (edges do not chain).
    const input: TimetableInput = {
      stops: ['O', 'P', 'Q', 'R', 'D'].map((id) => ({ id, minConnectionMinutes: 0 })),
      trips: [
        sketchTrip({
          serviceId: 'to-P',
          calls: [
            [0, 0, 0],
            [1, 10, 10],
          ],
          costFen: 1,
          co2Grams: 1,
        }),
        sketchTrip({
          serviceId: 'Q-R',
          calls: [
            [2, 20, 20],
            [3, 30, 30],
          ],
          costFen: 1,
          co2Grams: 1,
        }),
      ],
      transfers: [
        { fromStop: 1, toStop: 2, durationMinutes: 5, costFen: 0, co2Grams: 0 },
        { fromStop: 2, toStop: 4, durationMinutes: 5, costFen: 0, co2Grams: 0 },
        { fromStop: 3, toStop: 4, durationMinutes: 5, costFen: 0, co2Grams: 0 },
      ],
    };
    const { pareto } = plan(input, query(0, 4, { options: { roundsMax: 2 } }));
    expect(pareto.itineraries.map((itinerary) => itinerary.legs.map((leg) => leg.kind))).toEqual([
      ['trip', 'transfer', 'trip', 'transfer'],
    ]);
  });
});

describe('timetable building', () => {
  it('groups trips into routes by stops and tariff, and splits trips that overtake', () => {
    // Proves RAPTOR routes hold only interchangeable, non-overtaking trips.
    const stops = ['A', 'B', 'C'].map((id) => ({ id, minConnectionMinutes: 0 }));
    const run = (start: number, duration: number, costFen = 10) =>
      sketchTrip({
        serviceId: 'S',
        calls: [
          [0, start, start],
          [1, start + duration, start + duration],
        ],
        costFen,
        co2Grams: 1,
      });
    expect(buildTimetable({ stops, trips: [run(0, 100), run(50, 100), run(10, 100)], transfers: [] }).routeCount).toBe(
      1,
    );
    expect(buildTimetable({ stops, trips: [run(0, 100), run(10, 20)], transfers: [] }).routeCount).toBe(2);
    expect(buildTimetable({ stops, trips: [run(0, 100), run(10, 100, 11)], transfers: [] }).routeCount).toBe(2);
  });

  it('rejects impossible data with stable error codes', () => {
    // Proves validation: time travel, duplicate stop ids, self-transfers and bad queries are refused.
    const builder = new TimetableBuilder();
    builder.addStop({ id: 'CNJZH', minConnectionMinutes: 60 });
    builder.addStop({ id: 'CNTAO', minConnectionMinutes: 60 });
    expect(() => builder.addStop({ id: 'CNJZH', minConnectionMinutes: 0 })).toThrow(
      expect.objectContaining({ code: 'duplicate_stop_id' }),
    );
    const backwards = sketchTrip({
      serviceId: 'bad',
      calls: [
        [0, 100, 100],
        [1, 50, 50],
      ],
      costFen: 1,
      co2Grams: 1,
    });
    expect(() => builder.addTrip(backwards)).toThrow(expect.objectContaining({ code: 'invalid_trip' }));
    expect(() => builder.addTransfer({ fromStop: 0, toStop: 0, durationMinutes: 1, costFen: 0, co2Grams: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_transfer' }),
    );
    const planner = new RoutePlanner(builder.build());
    expect(() => planner.planPareto(query(0, 5))).toThrow(PlannerError);
    expect(() => planner.planPareto(query(0, 1, { cargo: { units: 0, reefer: false } }))).toThrow(PlannerError);
    expect(() => planner.planPareto(query(0, 1, { options: { roundsMax: 99 } }))).toThrow(PlannerError);
  });
});
