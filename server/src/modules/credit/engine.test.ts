import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessCredit,
  BAD_FACT_KINDS,
  FACT_KINDS,
  FACTOR_NAMES,
  type FactCounts,
  GRADE_FLOORS,
  gradeOf,
  PENALTIES,
  RECORDS,
  SCORE_BASE,
} from './engine.js';

/** Printed seed: FC_SEED=<seed> replays a failure. */
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);
const countsArbitrary: fc.Arbitrary<FactCounts> = fc.record(
  Object.fromEntries(FACT_KINDS.map((kind) => [kind, fc.nat({ max: 60 })])) as Record<string, fc.Arbitrary<number>>,
  { requiredKeys: [] },
);

function pointsOf(counts: FactCounts, factor: string): number {
  return assessCredit(counts).factors.find((f) => f.factor === factor)!.points;
}

describe('credit engine: fixed cases', () => {
  // A newcomer with no records starts at the base score, which is grade B (like customs' regular tier).
  it('scores an enterprise without facts at the base', () => {
    const result = assessCredit({});
    expect(result.score).toBe(SCORE_BASE);
    expect(result.grade).toBe('B');
    expect(result.factors.map((f) => f.factor)).toEqual(FACTOR_NAMES);
    expect(result.factors.filter((f) => f.factor !== 'base').every((f) => f.points === 0)).toBe(true);
  });

  // A clean, busy declarant earns the whole track record: 50 releases and 50 timely payments → 100, grade A.
  it('gives a clean track record grade A', () => {
    const result = assessCredit({ declaration_released: 50, duty_paid_on_time: 50, declaration_submitted: 60 });
    expect(result.score).toBe(100);
    expect(result.grade).toBe('A');
    expect(pointsOf({ declaration_released: 9 }, 'release_record')).toBe(1);
    expect(pointsOf({ declaration_released: 10 }, 'release_record')).toBe(2);
  });

  // Hand-computed: 80 + 4 (20 releases) + 2 (10 on time) − 6 (2 rejections) − 5 (1 discrepancy) − 4 (1 late) = 71 → C.
  it('computes a mixed record by hand', () => {
    const result = assessCredit({
      declaration_submitted: 25,
      declaration_released: 20,
      duty_paid_on_time: 10,
      declaration_rejected: 2,
      inspection_discrepancy: 1,
      duty_paid_late: 1,
    });
    expect(result.score).toBe(71);
    expect(result.grade).toBe('C');
    const byFactor = Object.fromEntries(result.factors.map((f) => [f.factor, f.points]));
    expect(byFactor).toMatchObject({
      base: 80,
      release_record: 4,
      duty_record: 2,
      declaration_accuracy: -6,
      inspection_findings: -5,
      duty_timeliness: -4,
      amendments: 0,
    });
  });

  // Every penalty at its cap takes the whole base: the worst record scores exactly 0, grade D.
  it('bottoms out at 0 with every penalty capped', () => {
    const worst = Object.fromEntries(BAD_FACT_KINDS.map((kind) => [kind, 1000])) as FactCounts;
    const result = assessCredit(worst);
    expect(result.score).toBe(0);
    expect(result.grade).toBe('D');
    expect(PENALTIES.reduce((sum, p) => sum + p.cap, 0)).toBe(SCORE_BASE);
    expect(RECORDS.reduce((sum, r) => sum + r.cap, 0)).toBe(100 - SCORE_BASE);
  });

  // Two overdue consolidated declarations and a stocktake adjustment: 80 − 10 − 3 = 67 → C; three more → D.
  it('lets bonded breaches pull a grade down', () => {
    expect(assessCredit({ consolidation_overdue: 2, stocktake_adjustment: 1 })).toMatchObject({
      score: 67,
      grade: 'C',
    });
    expect(assessCredit({ consolidation_overdue: 3, stocktake_adjustment: 3, inspection_discrepancy: 1 }).grade).toBe(
      'D',
    );
  });

  // Grade boundaries are inclusive at the floor.
  it('maps scores onto grades at the floors', () => {
    expect(gradeOf(GRADE_FLOORS.A)).toBe('A');
    expect(gradeOf(GRADE_FLOORS.A - 1)).toBe('B');
    expect(gradeOf(GRADE_FLOORS.B)).toBe('B');
    expect(gradeOf(GRADE_FLOORS.C)).toBe('C');
    expect(gradeOf(GRADE_FLOORS.C - 1)).toBe('D');
    expect(gradeOf(0)).toBe('D');
    expect(() => gradeOf(101)).toThrow(RangeError);
  });

  // Bad input is refused rather than scored: counts are non-negative integers.
  it('refuses negative or fractional counts', () => {
    expect(() => assessCredit({ declaration_rejected: -1 })).toThrow(RangeError);
    expect(() => assessCredit({ declaration_released: 1.5 })).toThrow(RangeError);
  });
});

describe(`credit engine: properties (FC_SEED=${SEED})`, () => {
  // The score is an integer in 0…100, the grade is the score's, and the contributions sum to the score.
  it('keeps bounds and sums contributions to the score', () => {
    fc.assert(
      fc.property(countsArbitrary, (counts) => {
        const result = assessCredit(counts);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.factors.reduce((sum, f) => sum + f.points, 0)).toBe(result.score);
        expect(result.grade).toBe(gradeOf(result.score));
        for (const factor of result.factors) expect(Math.abs(factor.points)).toBeLessThanOrEqual(factor.cap);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  // One more bad fact of any kind never raises the score (and never improves the grade).
  it('is monotone in bad facts', () => {
    const gradeRank = (grade: string) => ['A', 'B', 'C', 'D'].indexOf(grade);
    fc.assert(
      fc.property(countsArbitrary, fc.constantFrom(...BAD_FACT_KINDS), fc.nat({ max: 5 }), (counts, kind, extra) => {
        const before = assessCredit(counts);
        const after = assessCredit({ ...counts, [kind]: (counts[kind] ?? 0) + extra + 1 });
        expect(after.score).toBeLessThanOrEqual(before.score);
        expect(gradeRank(after.grade)).toBeGreaterThanOrEqual(gradeRank(before.grade));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  // Good facts never lower the score, and submissions alone (volume) never change it.
  it('never punishes good facts', () => {
    fc.assert(
      fc.property(
        countsArbitrary,
        fc.constantFrom('declaration_released', 'duty_paid_on_time', 'declaration_submitted', 'inspection_clean'),
        (counts, kind) => {
          const key = kind as keyof FactCounts;
          const after = assessCredit({ ...counts, [key]: (counts[key] ?? 0) + 1 });
          expect(after.score).toBeGreaterThanOrEqual(assessCredit(counts).score);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
