import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk, PUBLIC_GRADES, type PublicGrade, type RiskInput, samplingRate } from './engine.js';
import { CREDIT_CLASSES, type CreditClass, DEFAULT_SAMPLING_POLICY, type SamplingPolicy } from './rules.js';

/** Printed seed: FC_SEED=<seed> replays a failure. */
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);

const fraction = fc
  .integer({ min: 0, max: 1_000_000 })
  .map((micros) => (micros === 1_000_000 ? '1' : `0.${String(micros).padStart(6, '0')}`));
const policyArbitrary: fc.Arbitrary<SamplingPolicy> = fc
  .record({
    rates: fc.tuple(fraction, fraction, fraction, fraction, fraction),
    aeoPartnerRate: fraction,
  })
  .map(({ rates, aeoPartnerRate }) => ({
    ratesByClass: Object.fromEntries(CREDIT_CLASSES.map((c, i) => [c, rates[i]!])) as Record<CreditClass, string>,
    aeoPartnerRate,
  }));

const input = (creditClass: CreditClass, aeoPartner: boolean, publicGrade?: PublicGrade | null) => ({
  creditClass,
  aeoPartner,
  ...(publicGrade === undefined ? {} : { publicGrade }),
});

describe('public grade in risk sampling', () => {
  // Fixed cases from the default policy: A halves regular's 2.5%, D quadruples it; a discredited tier keeps its rate under A.
  it('scales the class rate by the grade', () => {
    expect(samplingRate(input('regular', false, 'A'), DEFAULT_SAMPLING_POLICY)).toBe('0.0125');
    expect(samplingRate(input('regular', false, 'B'), DEFAULT_SAMPLING_POLICY)).toBe('0.025');
    expect(samplingRate(input('regular', false, 'C'), DEFAULT_SAMPLING_POLICY)).toBe('0.05');
    expect(samplingRate(input('regular', false, 'D'), DEFAULT_SAMPLING_POLICY)).toBe('0.1');
    expect(samplingRate(input('regular', false, null), DEFAULT_SAMPLING_POLICY)).toBe('0.025');
    expect(samplingRate(input('discredited', false, 'A'), DEFAULT_SAMPLING_POLICY)).toBe('0.8');
    expect(samplingRate(input('discredited', false, 'D'), DEFAULT_SAMPLING_POLICY)).toBe('1');
    expect(samplingRate(input('regular', true, 'A'), DEFAULT_SAMPLING_POLICY)).toBe('0.0025');
  });

  // Without a grade (or with B) the rate is exactly the Order-282 class rate as before; better grades never sample more.
  it('keeps the class sampling and orders grades (property)', () => {
    fc.assert(
      fc.property(policyArbitrary, fc.constantFrom(...CREDIT_CLASSES), fc.boolean(), (policy, creditClass, aeo) => {
        const base = samplingRate(input(creditClass, aeo), policy);
        expect(samplingRate(input(creditClass, aeo, 'B'), policy)).toBe(base);
        expect(samplingRate(input(creditClass, aeo, null), policy)).toBe(base);
        const rates = PUBLIC_GRADES.map((grade) => Number(samplingRate(input(creditClass, aeo, grade), policy)));
        for (const rate of rates) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
        for (let i = 1; i < rates.length; i += 1) expect(rates[i]!).toBeGreaterThanOrEqual(rates[i - 1]!);
        if (creditClass === 'discredited' || creditClass === 'seriously_discredited') {
          expect(rates[0]).toBe(Number(base));
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  // The decision is still a pure function of its inputs: same seed and id, a worse grade is selected whenever a better one is.
  it('selects a declaration under a worse grade whenever under a better one', () => {
    const base: RiskInput = {
      declarationId: '',
      direction: 'import',
      enterpriseId: '00000000-0000-4000-8000-000000000001',
      creditClass: 'regular',
      tradeCountry: 'KZ',
      firstTimeDeclarant: false,
      aeoPartner: false,
      items: [],
    };
    fc.assert(
      fc.property(fc.uuid(), policyArbitrary, (id, policy) => {
        const selected = PUBLIC_GRADES.map(
          (grade) =>
            assessRisk({ ...base, declarationId: id, publicGrade: grade }, [], policy, 'seed').sampling.selected,
        );
        for (let i = 1; i < selected.length; i += 1) if (selected[i - 1]) expect(selected[i]).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
