import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES, translate } from '../../../platform/i18n/index.js';
import { assessRisk, RISK_REASON_CODES, type RiskInput, type RiskItem, samplingDraw, samplingRate } from './engine.js';
import { channelMessageKey, creditClassMessageKey, riskReasonMessageKey } from './messages.js';
import {
  CHANNELS,
  type Channel,
  CREDIT_CLASSES,
  type CreditClass,
  channelSeverity,
  DEFAULT_SAMPLING_POLICY,
  maxChannel,
  type RiskRule,
  type RiskRuleInput,
  RULE_ENTRIES_MAX,
  RULESET_RULES_MAX,
  riskRuleSchema,
  riskRuleSetSchema,
  type SamplingPolicy,
  samplingPolicySchema,
} from './rules.js';

// Replay a failure with RISK_SEED=<seed> (fast-check also prints the seed and the shrunk counterexample).
const SEED = Number(process.env.RISK_SEED ?? Date.now() % 2_147_483_647);
const RUNS = Number(process.env.RISK_RUNS ?? 300);
const FC = { seed: SEED, numRuns: RUNS, verbose: 1 } as const;

const ENTERPRISE = '3f1c2b7e-8a4d-4c1e-9b2a-6d5e4f3a2b10';
const OTHER_ENTERPRISE = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const THIRD_ENTERPRISE = '0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e';

/** A policy that never samples, so rule tests see only the rules. */
const NO_SAMPLING: SamplingPolicy = {
  ratesByClass: {
    advanced_certified: '0',
    certified: '0',
    regular: '0',
    discredited: '0',
    seriously_discredited: '0',
  },
  aeoPartnerRate: '0',
};
const ALWAYS_SAMPLING: SamplingPolicy = {
  ratesByClass: {
    advanced_certified: '1',
    certified: '1',
    regular: '1',
    discredited: '1',
    seriously_discredited: '1',
  },
  aeoPartnerRate: '1',
};

let nextRuleId = 0;
/** A rule as the store would hand it to the engine: validated by the schema, with an id. */
function rule(input: RiskRuleInput, id = `rule-${++nextRuleId}`): RiskRule {
  return { ...riskRuleSchema.parse(input), id };
}
const common = { name: 'test rule', channel: 'document_review', direction: 'any', active: true } as const;

const item = (overrides: Partial<RiskItem> = {}): RiskItem => ({
  index: 1,
  code: '8703800000',
  originCountry: 'CN',
  customsValueCny: '150000',
  quantity: '1',
  unit: '003',
  ...overrides,
});

const input = (overrides: Partial<RiskInput> = {}): RiskInput => ({
  declarationId: 'DECL-0001',
  direction: 'import',
  enterpriseId: ENTERPRISE,
  creditClass: 'regular',
  tradeCountry: 'KZ',
  firstTimeDeclarant: false,
  aeoPartner: false,
  items: [item()],
  ...overrides,
});

interface KindCase {
  kind: string;
  rule: RiskRuleInput;
  fires: Partial<RiskInput>;
  silent: Partial<RiskInput>;
  item: number | null;
  params: Record<string, string>;
}

const KIND_CASES: KindCase[] = [
  {
    kind: 'hs_prefix',
    rule: { ...common, kind: 'hs_prefix', prefixes: ['2709', '8507'] },
    fires: { items: [item({ index: 2, code: '8507600030', unit: '007' })] },
    silent: { items: [item({ index: 2, code: '8508110000' })] },
    item: 2,
    params: { prefix: '8507', code: '8507600030' },
  },
  {
    kind: 'origin',
    rule: { ...common, kind: 'origin', countries: ['AF', 'MM'] },
    fires: { items: [item({ index: 3, originCountry: 'MM' })] },
    silent: { items: [item({ index: 3, originCountry: 'KZ' })] },
    item: 3,
    params: { country: 'MM', code: '8703800000' },
  },
  {
    kind: 'trade_country',
    rule: { ...common, kind: 'trade_country', countries: ['IR'] },
    fires: { tradeCountry: 'IR' },
    silent: { tradeCountry: 'UZ' },
    item: null,
    params: { country: 'IR' },
  },
  {
    kind: 'credit_class',
    rule: { ...common, kind: 'credit_class', classes: ['regular'] },
    fires: { creditClass: 'regular' },
    silent: { creditClass: 'certified' },
    item: null,
    params: { class: 'regular' },
  },
  {
    kind: 'unit_value_band (below the minimum)',
    rule: { ...common, kind: 'unit_value_band', codePrefix: '870380', unit: '003', minCnyPerUnit: '50000' },
    fires: { items: [item({ customsValueCny: '60000', quantity: '2' })] },
    silent: { items: [item({ customsValueCny: '100000', quantity: '2' })] },
    item: 1,
    params: { value: '30000.00', band: '≥ 50000', code: '8703800000', unit: '003' },
  },
  {
    kind: 'unit_value_band (above the maximum)',
    rule: { ...common, kind: 'unit_value_band', codePrefix: '8703', unit: '003', maxCnyPerUnit: '2000000.5' },
    fires: { items: [item({ customsValueCny: '2000001' })] },
    silent: { items: [item({ customsValueCny: '2000000.50' })] },
    item: 1,
    params: { value: '2000001.00', band: '≤ 2000000.5', code: '8703800000', unit: '003' },
  },
  {
    kind: 'unit_value_band (both bounds, value rounded for display only)',
    rule: {
      ...common,
      kind: 'unit_value_band',
      codePrefix: '8703',
      unit: '003',
      minCnyPerUnit: '50000',
      maxCnyPerUnit: '2000000',
    },
    fires: { items: [item({ customsValueCny: '149999.99', quantity: '3' })] },
    silent: { items: [item({ customsValueCny: '150000', quantity: '3' })] },
    item: 1,
    params: { value: '50000.00', band: '50000–2000000', code: '8703800000', unit: '003' },
  },
  {
    kind: 'first_time_declarant',
    rule: { ...common, kind: 'first_time_declarant' },
    fires: { firstTimeDeclarant: true },
    silent: { firstTimeDeclarant: false },
    item: null,
    params: {},
  },
  {
    kind: 'watch_list',
    rule: { ...common, kind: 'watch_list', enterpriseIds: [OTHER_ENTERPRISE, ENTERPRISE] },
    fires: { enterpriseId: ENTERPRISE.toUpperCase() },
    silent: { enterpriseId: THIRD_ENTERPRISE },
    item: null,
    params: { enterprise: ENTERPRISE.toUpperCase() },
  },
];

describe('risk rules, one kind at a time', () => {
  // Each kind fires on its concrete case with the item and params its message needs, and stays silent otherwise.
  it.each(KIND_CASES)('$kind fires and stays silent', (testCase) => {
    const theRule = rule(testCase.rule, 'R1');
    const fired = assessRisk(input(testCase.fires), [theRule], NO_SAMPLING, 'seed');
    expect(fired.channel).toBe('document_review');
    expect(fired.reasons).toEqual([
      {
        code: `rule.${theRule.kind}`,
        ruleId: 'R1',
        ruleName: 'test rule',
        channel: 'document_review',
        item: testCase.item,
        params: testCase.params,
      },
    ]);
    const silent = assessRisk(input(testCase.silent), [theRule], NO_SAMPLING, 'seed');
    expect(silent).toEqual({ channel: 'auto_release', reasons: [], sampling: silent.sampling });
  });

  // A band applies only to items of its code prefix declared in its unit; a zero quantity cannot be trusted.
  it('limits a unit value band to its code prefix and unit', () => {
    const band = rule({ ...common, kind: 'unit_value_band', codePrefix: '8703', unit: '003', minCnyPerUnit: '50000' });
    const cheap = { customsValueCny: '100', quantity: '1' };
    const assess = (overrides: Partial<RiskItem>) =>
      assessRisk(input({ items: [item({ ...cheap, ...overrides })] }), [band], NO_SAMPLING, 'seed').reasons;
    expect(assess({})).toHaveLength(1);
    expect(assess({ code: '8507600030' })).toEqual([]);
    expect(assess({ unit: '007' })).toEqual([]);
    expect(assess({ quantity: '0' })).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ value: '-' }) }),
    ]);
    expect(() => assess({ quantity: '1e3' })).toThrow(TypeError);
  });

  // An item-level rule gives one reason per matching item, by ascending item index whatever the input order.
  it('reports items in ascending order', () => {
    const origin = rule({ ...common, kind: 'origin', countries: ['AF'] });
    const items = [5, 2, 9, 1].map((index) => item({ index, originCountry: index === 1 ? 'KZ' : 'AF' }));
    const decision = assessRisk(input({ items }), [origin], NO_SAMPLING, 'seed');
    expect(decision.reasons.map((reason) => reason.item)).toEqual([2, 5, 9]);
  });

  // An inactive rule never fires, even when everything else matches.
  it('ignores inactive rules', () => {
    const inactive = rule({ ...common, active: false, kind: 'trade_country', countries: ['KZ'] });
    expect(assessRisk(input(), [inactive], NO_SAMPLING, 'seed').channel).toBe('auto_release');
  });

  // A rule for imports does not touch exports and vice versa; 'any' applies to both.
  it('filters by direction', () => {
    const byDirection = (direction: 'import' | 'export' | 'any') =>
      rule({ ...common, direction, kind: 'trade_country', countries: ['KZ'] });
    const channelOf = (ruleDirection: 'import' | 'export' | 'any', direction: 'import' | 'export') =>
      assessRisk(input({ direction }), [byDirection(ruleDirection)], NO_SAMPLING, 'seed').channel;
    expect(channelOf('import', 'import')).toBe('document_review');
    expect(channelOf('import', 'export')).toBe('auto_release');
    expect(channelOf('export', 'export')).toBe('document_review');
    expect(channelOf('export', 'import')).toBe('auto_release');
    expect(channelOf('any', 'import')).toBe('document_review');
    expect(channelOf('any', 'export')).toBe('document_review');
  });

  // The channel is the strictest over all reasons, and reasons keep the rules' order.
  it('takes the strictest channel', () => {
    const review = rule({ ...common, kind: 'first_time_declarant' }, 'review');
    const inspect = rule({ ...common, channel: 'inspection', kind: 'trade_country', countries: ['KZ'] }, 'inspect');
    const first = input({ firstTimeDeclarant: true });
    expect(assessRisk(first, [review], NO_SAMPLING, 'seed').channel).toBe('document_review');
    const both = assessRisk(first, [inspect, review], NO_SAMPLING, 'seed');
    expect(both.channel).toBe('inspection');
    expect(both.reasons.map((reason) => reason.ruleId)).toEqual(['inspect', 'review']);
    expect(maxChannel('inspection', 'auto_release')).toBe('inspection');
    expect(maxChannel('auto_release', 'document_review')).toBe('document_review');
    expect(CHANNELS.map(channelSeverity)).toEqual([0, 1, 2]);
  });

  // With no rule firing and no sample, the declaration is released with no reasons at all.
  it('releases a clean declaration', () => {
    const decision = assessRisk(input(), [], NO_SAMPLING, 'seed');
    expect(decision.channel).toBe('auto_release');
    expect(decision.reasons).toEqual([]);
    expect(decision.sampling).toEqual({ rate: '0', draw: samplingDraw('seed', 'DECL-0001'), selected: false });
  });

  // Both discredited tiers get at least document review without being sampled; the better tiers do not.
  it('never releases discredited enterprises unread', () => {
    for (const creditClass of CREDIT_CLASSES) {
      const decision = assessRisk(input({ creditClass }), [], NO_SAMPLING, 'seed');
      const discredited = creditClass === 'discredited' || creditClass === 'seriously_discredited';
      expect(decision.channel).toBe(discredited ? 'document_review' : 'auto_release');
      expect(decision.reasons).toEqual(
        discredited
          ? [
              {
                code: 'credit_class',
                ruleId: null,
                ruleName: null,
                channel: 'document_review',
                item: null,
                params: { class: creditClass },
              },
            ]
          : [],
      );
    }
  });

  // A sampled declaration goes to inspection; the sampling reason comes after the rules and the credit floor.
  it('puts sampling last', () => {
    const review = rule({ ...common, kind: 'first_time_declarant' }, 'review');
    const decision = assessRisk(
      input({ creditClass: 'discredited', firstTimeDeclarant: true }),
      [review],
      ALWAYS_SAMPLING,
      'seed',
    );
    expect(decision.channel).toBe('inspection');
    expect(decision.reasons.map((reason) => reason.code)).toEqual([
      'rule.first_time_declarant',
      'credit_class',
      'sampling',
    ]);
    expect(decision.reasons.at(-1)).toEqual({
      code: 'sampling',
      ruleId: null,
      ruleName: null,
      channel: 'inspection',
      item: null,
      params: { rate: '1', draw: decision.sampling.draw, percent: '100' },
    });
    expect(decision.sampling.selected).toBe(true);
  });

  // The engine refuses more rules or items than the bounds allow instead of slowing down every declaration.
  it('enforces its bounds', () => {
    const rules = Array.from({ length: RULESET_RULES_MAX + 1 }, () =>
      rule({ ...common, kind: 'first_time_declarant' }),
    );
    expect(() => assessRisk(input(), rules, NO_SAMPLING, 'seed')).toThrow(RangeError);
    expect(() => assessRisk(input(), rules.slice(1), NO_SAMPLING, 'seed')).not.toThrow();
    const items = Array.from({ length: 51 }, (_, index) => item({ index }));
    expect(() => assessRisk(input({ items }), [], NO_SAMPLING, 'seed')).toThrow(RangeError);
  });
});

describe('sampling', () => {
  // The draw is six decimals in [0, 1), fixed by (seed, declaration id), and different for another seed.
  it('draws deterministically', () => {
    expect(samplingDraw('seed', 'DECL-0001')).toMatch(/^0\.\d{6}$/);
    expect(samplingDraw('seed', 'DECL-0001')).toBe(samplingDraw('seed', 'DECL-0001'));
    // The pair is hashed unambiguously: moving a character from the seed into the id changes the draw.
    const ids = Array.from({ length: 8 }, (_, index) => `D${index}`);
    expect(ids.map((id) => samplingDraw('ab', id))).not.toEqual(ids.map((id) => samplingDraw('a', `b${id}`)));
  });

  // A different seed gives different draws (compared over eight ids, so a chance equality of one draw cannot fail it).
  it('changes draws with the seed', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.array(fc.string(), { minLength: 8, maxLength: 8 }), (a, b, ids) => {
        fc.pre(a !== b);
        expect(ids.map((id) => samplingDraw(a, id))).not.toEqual(ids.map((id) => samplingDraw(b, id)));
      }),
      FC,
    );
  });

  // The rate is the class's, or the AEO-partner rate when lower; never a higher one.
  it('lowers the rate for AEO partners', () => {
    expect(samplingRate({ creditClass: 'regular', aeoPartner: false }, DEFAULT_SAMPLING_POLICY)).toBe('0.025');
    expect(samplingRate({ creditClass: 'regular', aeoPartner: true }, DEFAULT_SAMPLING_POLICY)).toBe('0.005');
    expect(samplingRate({ creditClass: 'discredited', aeoPartner: true }, DEFAULT_SAMPLING_POLICY)).toBe('0.005');
    const highPartnerRate = { ...DEFAULT_SAMPLING_POLICY, aeoPartnerRate: '0.02' };
    expect(samplingRate({ creditClass: 'advanced_certified', aeoPartner: true }, highPartnerRate)).toBe('0.005');
    expect(samplingRate({ creditClass: 'certified', aeoPartner: true }, highPartnerRate)).toBe('0.015');
    expect(() =>
      samplingRate(
        { creditClass: 'regular', aeoPartner: false },
        { ...NO_SAMPLING, ratesByClass: { ...NO_SAMPLING.ratesByClass, regular: '1.5' } },
      ),
    ).toThrow(RangeError);
  });

  // Over 20,000 random declaration ids, the share sampled per class (and for AEO partners) is the policy's rate
  // within 4.5 binomial standard deviations: a false alarm has a chance below 1e-5 per class and run.
  it('samples at the policy rates', () => {
    const count = 20_000;
    const ids = fc.sample(fc.uuid(), { seed: SEED, numRuns: count });
    const hashSeed = `sampling-${SEED}`;
    const cases: { creditClass: CreditClass; aeoPartner: boolean }[] = [
      ...CREDIT_CLASSES.map((creditClass) => ({ creditClass, aeoPartner: false })),
      { creditClass: 'regular', aeoPartner: true },
    ];
    for (const { creditClass, aeoPartner } of cases) {
      const rate = Number(samplingRate({ creditClass, aeoPartner }, DEFAULT_SAMPLING_POLICY));
      let selected = 0;
      for (const declarationId of ids) {
        const decision = assessRisk(
          input({ declarationId, creditClass, aeoPartner }),
          [],
          DEFAULT_SAMPLING_POLICY,
          hashSeed,
        );
        if (decision.sampling.selected) selected += 1;
      }
      const share = selected / count;
      const bound = 4.5 * Math.sqrt((rate * (1 - rate)) / count);
      expect(
        Math.abs(share - rate),
        `seed ${SEED}, ${creditClass}${aeoPartner ? ' with AEO partner' : ''}: ${share} vs ${rate} ± ${bound}`,
      ).toBeLessThanOrEqual(bound);
    }
  });

  // An AEO partner can only take a declaration out of the sample, never put it in.
  it('never samples more for an AEO partner', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom(...CREDIT_CLASSES), (seed, declarationId, creditClass) => {
        const without = assessRisk(input({ declarationId, creditClass }), [], DEFAULT_SAMPLING_POLICY, seed);
        const withPartner = assessRisk(
          input({ declarationId, creditClass, aeoPartner: true }),
          [],
          DEFAULT_SAMPLING_POLICY,
          seed,
        );
        expect(withPartner.sampling.draw).toBe(without.sampling.draw);
        if (withPartner.sampling.selected) expect(without.sampling.selected).toBe(true);
      }),
      FC,
    );
  });
});

// Random declarations and rules drawn from small pools, so that rules fire often.
const CODES = ['8703800000', '8507600030', '8541430000', '2709000000', '1001990000'];
const COUNTRIES = ['KZ', 'RU', 'UZ', 'AF', 'IR', 'CN'];
const ENTERPRISES = [ENTERPRISE, OTHER_ENTERPRISE, THIRD_ENTERPRISE];

const decimal = fc.integer({ min: 0, max: 5_000_000 }).map((minor) => (minor / 100).toFixed(2));

const itemArbitrary = (index: number): fc.Arbitrary<RiskItem> =>
  fc.record({
    index: fc.constant(index),
    code: fc.constantFrom(...CODES),
    originCountry: fc.constantFrom(...COUNTRIES),
    customsValueCny: decimal,
    quantity: fc.integer({ min: 0, max: 100 }).map(String),
    unit: fc.constantFrom('003', '007', '035'),
  });

const inputArbitrary: fc.Arbitrary<RiskInput> = fc.record({
  declarationId: fc.string({ minLength: 1, maxLength: 20 }),
  direction: fc.constantFrom('import', 'export'),
  enterpriseId: fc.constantFrom(...ENTERPRISES),
  creditClass: fc.constantFrom(...CREDIT_CLASSES),
  tradeCountry: fc.constantFrom(...COUNTRIES),
  firstTimeDeclarant: fc.boolean(),
  aeoPartner: fc.boolean(),
  items: fc
    .shuffledSubarray([1, 2, 3, 4, 5], { minLength: 1 })
    .chain((indexes) => fc.tuple(...indexes.map(itemArbitrary))),
});

const some = <T>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 });

const ruleArbitrary: fc.Arbitrary<RiskRule> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 8 }),
    name: fc.constantFrom('rule A', 'rule B'),
    channel: fc.constantFrom('document_review', 'inspection'),
    direction: fc.constantFrom('import', 'export', 'any'),
    active: fc.boolean(),
    body: fc.oneof(
      some(CODES.map((code) => code.slice(0, 4))).map((prefixes) => ({ kind: 'hs_prefix', prefixes })),
      some(COUNTRIES).map((countries) => ({ kind: 'origin', countries })),
      some(COUNTRIES).map((countries) => ({ kind: 'trade_country', countries })),
      some(CREDIT_CLASSES).map((classes) => ({ kind: 'credit_class', classes })),
      fc
        .record({ codePrefix: fc.constantFrom('8703', '850760'), unit: fc.constantFrom('003', '007'), bound: decimal })
        .chain(({ bound, ...rest }) =>
          fc.constantFrom(
            { kind: 'unit_value_band', ...rest, minCnyPerUnit: bound },
            { kind: 'unit_value_band', ...rest, maxCnyPerUnit: bound },
          ),
        ),
      fc.constant({ kind: 'first_time_declarant' }),
      some(ENTERPRISES).map((enterpriseIds) => ({ kind: 'watch_list', enterpriseIds })),
    ),
  })
  .map(({ id, body, ...rest }) => rule({ ...rest, ...body } as RiskRuleInput, id));

const rulesArbitrary = fc.array(ruleArbitrary, { maxLength: 12 });
const policyArbitrary = fc.constantFrom(DEFAULT_SAMPLING_POLICY, NO_SAMPLING, ALWAYS_SAMPLING);

describe('risk engine properties', () => {
  // The same input, rules, policy and seed always give the same decision, reasons in the same order.
  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArbitrary, rulesArbitrary, policyArbitrary, fc.string(), (declaration, rules, policy, seed) => {
        const first = assessRisk(declaration, rules, policy, seed);
        const again = assessRisk(structuredClone(declaration), structuredClone(rules), structuredClone(policy), seed);
        expect(again).toEqual(first);
      }),
      FC,
    );
  });

  // The channel is the strictest reason (auto release exactly when there are none), and reasons come in rule
  // order, items ascending within a rule, the credit floor and sampling last.
  it('explains every channel', () => {
    fc.assert(
      fc.property(inputArbitrary, rulesArbitrary, policyArbitrary, fc.string(), (declaration, rules, policy, seed) => {
        const decision = assessRisk(declaration, rules, policy, seed);
        const strictest = decision.reasons.reduce<Channel>(
          (channel, reason) => maxChannel(channel, reason.channel),
          'auto_release',
        );
        expect(decision.channel).toBe(strictest);
        expect(decision.reasons.length === 0).toBe(decision.channel === 'auto_release');
        const position = (ruleId: string | null, code: string) =>
          ruleId === null
            ? rules.length + (code === 'sampling' ? 1 : 0)
            : rules.findIndex((candidate) => candidate.id === ruleId);
        const keys = decision.reasons.map((reason) => [position(reason.ruleId, reason.code), reason.item ?? -1]);
        const sorted = [...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
        // Rule ids may repeat in random rulesets; findIndex then points at the first, which keeps the order check sound.
        if (new Set(rules.map((candidate) => candidate.id)).size === rules.length) expect(keys).toEqual(sorted);
        expect(decision.sampling.selected).toBe(decision.reasons.at(-1)?.code === 'sampling');
      }),
      FC,
    );
  });

  // Adding a rule anywhere in the ruleset never lowers the channel and keeps every earlier reason.
  it('is monotone in the rules', () => {
    fc.assert(
      fc.property(
        inputArbitrary,
        rulesArbitrary,
        ruleArbitrary,
        fc.nat(),
        policyArbitrary,
        fc.string(),
        (declaration, rules, extra, at, policy, seed) => {
          const before = assessRisk(declaration, rules, policy, seed);
          const position = at % (rules.length + 1);
          const more = [...rules.slice(0, position), extra, ...rules.slice(position)];
          const after = assessRisk(declaration, more, policy, seed);
          expect(channelSeverity(after.channel)).toBeGreaterThanOrEqual(channelSeverity(before.channel));
          for (const reason of before.reasons) expect(after.reasons).toContainEqual(reason);
        },
      ),
      FC,
    );
  });
});

describe('rule schema', () => {
  const tooMany = Array.from({ length: RULE_ENTRIES_MAX + 1 }, (_, index) => String(1000 + index));
  const BAD_RULES: { why: string; rule: unknown }[] = [
    { why: 'empty prefixes', rule: { ...common, kind: 'hs_prefix', prefixes: [] } },
    { why: 'a one-digit prefix', rule: { ...common, kind: 'hs_prefix', prefixes: ['8'] } },
    { why: 'an eleven-digit prefix', rule: { ...common, kind: 'hs_prefix', prefixes: ['85076000301'] } },
    { why: 'a prefix with a letter', rule: { ...common, kind: 'hs_prefix', prefixes: ['85a7'] } },
    { why: 'a prefix with a dot', rule: { ...common, kind: 'hs_prefix', prefixes: ['8507.60'] } },
    { why: 'too many prefixes', rule: { ...common, kind: 'hs_prefix', prefixes: tooMany } },
    { why: 'a lower-case country', rule: { ...common, kind: 'origin', countries: ['kz'] } },
    { why: 'an alpha-3 country', rule: { ...common, kind: 'trade_country', countries: ['KAZ'] } },
    { why: 'an unknown credit class', rule: { ...common, kind: 'credit_class', classes: ['general'] } },
    { why: 'no bounds on a band', rule: { ...common, kind: 'unit_value_band', codePrefix: '8703', unit: '003' } },
    {
      why: 'a band with min above max',
      rule: {
        ...common,
        kind: 'unit_value_band',
        codePrefix: '8703',
        unit: '003',
        minCnyPerUnit: '10',
        maxCnyPerUnit: '9.99',
      },
    },
    {
      why: 'a band bound in exponent form',
      rule: { ...common, kind: 'unit_value_band', codePrefix: '8703', unit: '003', minCnyPerUnit: '1e5' },
    },
    {
      why: 'a negative band bound',
      rule: { ...common, kind: 'unit_value_band', codePrefix: '8703', unit: '003', maxCnyPerUnit: '-1' },
    },
    {
      why: 'a numeric band bound',
      rule: { ...common, kind: 'unit_value_band', codePrefix: '8703', unit: '003', minCnyPerUnit: 50000 },
    },
    {
      why: 'a three-digit band prefix',
      rule: { ...common, kind: 'unit_value_band', codePrefix: '870', unit: '003', minCnyPerUnit: '1' },
    },
    {
      why: 'an unknown unit',
      rule: { ...common, kind: 'unit_value_band', codePrefix: '8703', unit: 'KGM', minCnyPerUnit: '1' },
    },
    { why: 'a watch list of non-uuids', rule: { ...common, kind: 'watch_list', enterpriseIds: ['acme'] } },
    { why: 'an empty watch list', rule: { ...common, kind: 'watch_list', enterpriseIds: [] } },
    { why: 'an unknown kind', rule: { ...common, kind: 'blacklist', countries: ['IR'] } },
    { why: 'no kind', rule: { ...common, countries: ['IR'] } },
    { why: 'an unknown field', rule: { ...common, kind: 'first_time_declarant', prefixes: ['87'] } },
    { why: 'a rule that releases', rule: { ...common, channel: 'auto_release', kind: 'first_time_declarant' } },
    { why: 'an unknown direction', rule: { ...common, direction: 'transit', kind: 'first_time_declarant' } },
    { why: 'a blank name', rule: { ...common, name: '   ', kind: 'first_time_declarant' } },
    { why: 'a long name', rule: { ...common, name: 'x'.repeat(121), kind: 'first_time_declarant' } },
    {
      why: 'no active flag',
      rule: { name: 'n', channel: 'inspection', direction: 'any', kind: 'first_time_declarant' },
    },
  ];

  // Each malformed rule is refused by the schema.
  it.each(BAD_RULES)('refuses $why', ({ rule: bad }) => {
    expect(riskRuleSchema.safeParse(bad).success).toBe(false);
  });

  // Well-formed rules of every kind, at the bounds, are accepted.
  it('accepts valid rules', () => {
    for (const testCase of KIND_CASES) expect(riskRuleSchema.safeParse(testCase.rule).success).toBe(true);
    const full = { ...common, kind: 'hs_prefix', prefixes: tooMany.slice(1), name: 'x'.repeat(120) };
    expect(riskRuleSchema.safeParse(full).success).toBe(true);
    expect(riskRuleSchema.safeParse({ ...common, kind: 'hs_prefix', prefixes: ['87', '8507600030'] }).success).toBe(
      true,
    );
  });

  // A ruleset is bounded too.
  it('bounds a ruleset', () => {
    const one = { ...common, kind: 'first_time_declarant' };
    expect(riskRuleSetSchema.safeParse(Array.from({ length: RULESET_RULES_MAX }, () => one)).success).toBe(true);
    expect(riskRuleSetSchema.safeParse(Array.from({ length: RULESET_RULES_MAX + 1 }, () => one)).success).toBe(false);
  });

  // The default policy is valid; rates outside 0..1 or not decimal strings are refused.
  it('validates sampling policies', () => {
    expect(samplingPolicySchema.parse(DEFAULT_SAMPLING_POLICY)).toEqual(DEFAULT_SAMPLING_POLICY);
    expect(samplingPolicySchema.safeParse(NO_SAMPLING).success).toBe(true);
    expect(samplingPolicySchema.safeParse(ALWAYS_SAMPLING).success).toBe(true);
    const withRegular = (regular: unknown) => ({
      ...DEFAULT_SAMPLING_POLICY,
      ratesByClass: { ...DEFAULT_SAMPLING_POLICY.ratesByClass, regular },
    });
    for (const bad of ['1.5', '-0.1', '1.01', '.5', '5e-3', 0.025, '']) {
      expect(samplingPolicySchema.safeParse(withRegular(bad)).success, String(bad)).toBe(false);
    }
    const { seriously_discredited: _dropped, ...fourClasses } = DEFAULT_SAMPLING_POLICY.ratesByClass;
    expect(samplingPolicySchema.safeParse({ ...DEFAULT_SAMPLING_POLICY, ratesByClass: fourClasses }).success).toBe(
      false,
    );
    expect(samplingPolicySchema.safeParse({ ...DEFAULT_SAMPLING_POLICY, extra: '1' }).success).toBe(false);
  });
});

describe('risk messages', () => {
  // Every reason code, credit class and channel has a text in each language.
  it('covers every code in three languages', () => {
    const keys = [
      ...RISK_REASON_CODES.map(riskReasonMessageKey),
      ...CREDIT_CLASSES.map(creditClassMessageKey),
      ...CHANNELS.map(channelMessageKey),
    ];
    for (const key of keys) {
      for (const locale of LOCALES) {
        const text = translate(locale, key);
        expect(text, `${key} in ${locale}`).not.toBe(key);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  // The params the engine gives fill every placeholder of the reason's text, in every language.
  it('fills every placeholder', () => {
    const decisions = [
      ...KIND_CASES.map((testCase) => assessRisk(input(testCase.fires), [rule(testCase.rule)], NO_SAMPLING, 'seed')),
      assessRisk(input({ creditClass: 'discredited' }), [], ALWAYS_SAMPLING, 'seed'),
    ];
    const codes = new Set<string>();
    for (const reason of decisions.flatMap((decision) => decision.reasons)) {
      codes.add(reason.code);
      for (const locale of LOCALES) {
        const text = translate(locale, riskReasonMessageKey(reason.code), reason.params);
        expect(text, `${reason.code} in ${locale}`).not.toMatch(/[{}]/);
      }
    }
    expect([...codes].sort()).toEqual([...RISK_REASON_CODES].sort());
  });
});
