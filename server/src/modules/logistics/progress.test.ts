import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveProgress, type PlannedLeg, type TrackingFact } from './progress.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 0, 0);
const OPTIONS = { minConnectionMinutes: 180, borderLocodes: new Set(['CNAKA']) };

// Jiaozhou → Alashankou by train, gauge change by truck to Dostyk, then a 1520 mm train to Almaty.
const LEGS: PlannedLeg[] = [
  {
    seq: 0,
    kind: 'trip',
    fromLocode: 'CNJZH',
    toLocode: 'CNAKA',
    serviceCode: 'JZ-AKA',
    plannedDepartureMs: T0,
    plannedArrivalMs: T0 + 96 * H,
  },
  {
    seq: 1,
    kind: 'transfer',
    fromLocode: 'CNAKA',
    toLocode: 'KZDOS',
    serviceCode: null,
    plannedDepartureMs: T0 + 96 * H,
    plannedArrivalMs: T0 + 120 * H,
  },
  {
    seq: 2,
    kind: 'trip',
    fromLocode: 'KZDOS',
    toLocode: 'KZALA',
    serviceCode: 'DOS-ALA',
    plannedDepartureMs: T0 + 130 * H,
    plannedArrivalMs: T0 + 160 * H,
  },
];

let received = 0;
function fact(partial: Partial<TrackingFact> & Pick<TrackingFact, 'code' | 'locode' | 'eventAtMs'>): TrackingFact {
  received += 1;
  return {
    eventId: `e${received}`,
    eventType: partial.code === 'DEPA' || partial.code === 'ARRI' ? 'TRANSPORT' : 'EQUIPMENT',
    classifier: 'ACT',
    serviceCode: null,
    receivedAtMs: T0 + received,
    ...partial,
  };
}

describe('shipment progress from tracking events', () => {
  it('is booked with the planned ETA before anything happened', () => {
    const progress = deriveProgress(LEGS, [], OPTIONS);
    expect(progress.status).toBe('booked');
    expect(progress.etaMs).toBe(T0 + 160 * H);
    expect(progress.risk).toBeNull();
    expect(progress.position).toBeNull();
  });

  it('stays booked when customs releases the goods at the origin before they move', () => {
    const release = fact({ code: 'RELS', eventType: 'CUSTOMS', locode: 'CNJZH', eventAtMs: T0 - 2 * H });
    expect(deriveProgress(LEGS, [release], OPTIONS).status).toBe('booked');
    const departed = fact({ code: 'DEPA', locode: 'CNJZH', eventAtMs: T0 + H });
    expect(deriveProgress(LEGS, [release, departed], OPTIONS).status).toBe('in_transit');
  });

  it('carries a late departure into the ETA and is at the border on arrival at Alashankou', () => {
    const late = deriveProgress(LEGS, [fact({ code: 'DEPA', locode: 'CNJZH', eventAtMs: T0 + 2 * H })], OPTIONS);
    expect(late.status).toBe('in_transit');
    expect(late.legs[0]!.actualDepartureMs).toBe(T0 + 2 * H);
    expect(late.legs[0]!.estimatedArrivalMs).toBe(T0 + 98 * H);
    expect(late.etaMs).toBe(T0 + 160 * H);

    const atBorder = deriveProgress(
      LEGS,
      [
        fact({ code: 'DEPA', locode: 'CNJZH', eventAtMs: T0 + 2 * H }),
        fact({ code: 'ARRI', locode: 'CNAKA', eventAtMs: T0 + 99 * H }),
      ],
      OPTIONS,
    );
    expect(atBorder.status).toBe('at_border');
    expect(atBorder.position).toEqual({ locode: 'CNAKA', atMs: T0 + 99 * H });
  });

  it('flags a missed connection when the cargo cannot make the next scheduled train', () => {
    // Arrives at Alashankou 20 h late: the truck gets to Dostyk at +140 h, after the 130 h train.
    const progress = deriveProgress(LEGS, [fact({ code: 'ARRI', locode: 'CNAKA', eventAtMs: T0 + 116 * H })], OPTIONS);
    expect(progress.risk).toEqual({ code: 'connection_missed', locode: 'KZDOS', legSeq: 2 });
    expect(progress.etaMs).toBeNull();
  });

  it('uses the latest sent estimate, even when it is earlier than a previous one', () => {
    const first = fact({ code: 'ARRI', locode: 'KZALA', eventAtMs: T0 + 170 * H, classifier: 'EST' });
    const revised = fact({ code: 'ARRI', locode: 'KZALA', eventAtMs: T0 + 165 * H, classifier: 'EST' });
    expect(deriveProgress(LEGS, [first, revised], OPTIONS).etaMs).toBe(T0 + 165 * H);
  });

  it('is delivered on arrival at the destination, and a customs hold is a risk until released', () => {
    const hold = fact({ code: 'HOLD', locode: 'KZDOS', eventAtMs: T0 + 121 * H, eventType: 'CUSTOMS' });
    expect(deriveProgress(LEGS, [hold], OPTIONS).risk?.code).toBe('held');
    const release = fact({ code: 'RELS', locode: 'KZDOS', eventAtMs: T0 + 125 * H, eventType: 'CUSTOMS' });
    expect(deriveProgress(LEGS, [hold, release], OPTIONS).risk).toBeNull();
    const delivered = deriveProgress(
      LEGS,
      [hold, release, fact({ code: 'ARRI', locode: 'KZALA', eventAtMs: T0 + 161 * H })],
      OPTIONS,
    );
    expect(delivered.status).toBe('delivered');
    expect(delivered.etaMs).toBe(T0 + 161 * H);
  });

  it('gives the same answer whatever order the events arrive in, and ignores repeats', () => {
    const locodes = ['CNJZH', 'CNAKA', 'KZDOS', 'KZALA'];
    const codes = ['DEPA', 'ARRI', 'GTIN', 'GTOT', 'LOAD', 'DISC', 'HOLD', 'RELS'];
    const arbitraryFact = fc.record({
      code: fc.constantFrom(...codes),
      locode: fc.constantFrom(...locodes),
      eventAtMs: fc.integer({ min: T0 - 10 * H, max: T0 + 200 * H }),
      classifier: fc.constantFrom('ACT' as const, 'EST' as const),
      receivedAtMs: fc.integer({ min: T0, max: T0 + 1000 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryFact, { maxLength: 12, selector: (f) => `${f.receivedAtMs}` }),
        fc.integer(),
        (raw, seed) => {
          const facts: TrackingFact[] = raw.map((f, index) => ({
            ...f,
            eventId: `id${index}`,
            eventType:
              f.code === 'HOLD' || f.code === 'RELS'
                ? 'CUSTOMS'
                : f.code === 'DEPA' || f.code === 'ARRI'
                  ? 'TRANSPORT'
                  : 'EQUIPMENT',
            serviceCode: null,
          }));
          const shuffled = [...facts].sort(
            (a, b) => ((a.eventAtMs * 31 + seed) % 97) - ((b.eventAtMs * 31 + seed) % 97),
          );
          const withRepeats = [...shuffled, ...facts.slice(0, 3)];
          expect(deriveProgress(LEGS, withRepeats, OPTIONS)).toEqual(deriveProgress(LEGS, facts, OPTIONS));
        },
      ),
      { numRuns: 300 },
    );
  });
});
