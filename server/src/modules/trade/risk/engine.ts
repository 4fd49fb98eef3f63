// The customs risk engine (风险布控, customs.md §1): assigns a declaration to auto release, document review or
// inspection from the officers' rules, the declarant's credit class and a random sample. Pure: the same input,
// rules, policy and seed always give the same decision, so a decision can be re-derived and audited later.
import { createHash } from 'node:crypto';
import { DECLARATION_ITEMS_MAX } from '../tax/bill.js';
import { Dec, parseDecimal } from '../tax/money.js';
import {
  type Channel,
  type CreditClass,
  maxChannel,
  type RiskRule,
  RULESET_RULES_MAX,
  type SamplingPolicy,
} from './rules.js';

export interface RiskItem {
  /** The item's position on the declaration (1-based on the form, but any integer works); echoed in reasons. */
  index: number;
  /** China's 10-digit commodity code. */
  code: string;
  /** ISO 3166-1 alpha-2 country of origin. */
  originCountry: string;
  /** Customs value in CNY, as a decimal string. */
  customsValueCny: string;
  /** Quantity in the first legal unit, as a decimal string. */
  quantity: string;
  /** GACC code of the first legal unit (data/units.ts). */
  unit: string;
}

export interface RiskInput {
  declarationId: string;
  direction: 'import' | 'export';
  /** The consignee (import) or consignor (export). */
  enterpriseId: string;
  creditClass: CreditClass;
  /** ISO 3166-1 alpha-2 trading country (贸易国). */
  tradeCountry: string;
  firstTimeDeclarant: boolean;
  /** The foreign trading partner is an AEO of a country with a mutual-recognition arrangement. */
  aeoPartner: boolean;
  /**
   * The zone's public credit grade (credit module, via `credit.grade_changed`); null or absent when none is known
   * yet, which samples as grade B (no change).
   */
  publicGrade?: PublicGrade | null;
  items: readonly RiskItem[];
}

export const PUBLIC_GRADES = ['A', 'B', 'C', 'D'] as const;
export type PublicGrade = (typeof PUBLIC_GRADES)[number];

/**
 * How the public grade scales the sampling rate of the customs credit class. Our choice, not in the reference:
 * A halves it (the green channel for good grades), B leaves it, C doubles it and D quadruples it, capped at 1.
 */
export const GRADE_RATE_FACTORS: Readonly<Record<PublicGrade, string>> = { A: '0.5', B: '1', C: '2', D: '4' };

/** Every reason code the engine can give; each has a message `trade.risk.<code>` in messages.ts. */
export const RISK_REASON_CODES = [
  'rule.hs_prefix',
  'rule.origin',
  'rule.trade_country',
  'rule.credit_class',
  'rule.unit_value_band',
  'rule.first_time_declarant',
  'rule.watch_list',
  'credit_class',
  'sampling',
] as const;
export type RiskReasonCode = (typeof RISK_REASON_CODES)[number];

export interface RiskReason {
  code: RiskReasonCode;
  /** The rule that fired, or null for the credit-class floor and random sampling. */
  ruleId: string | null;
  ruleName: string | null;
  channel: Channel;
  /** The item's `index` for item-level rules (HS prefix, origin, unit value band); null otherwise. */
  item: number | null;
  /** Values for the message's {placeholders}. */
  params: Record<string, string>;
}

export interface RiskDecision {
  channel: Channel;
  reasons: RiskReason[];
  sampling: {
    /** The rate applied, as given in the policy. */
    rate: string;
    /** The declaration's draw, six decimals in [0, 1). */
    draw: string;
    selected: boolean;
  };
}

/** Credit classes that never get paperless release. */
const DISCREDITED_CLASSES: ReadonlySet<CreditClass> = new Set(['discredited', 'seriously_discredited']);

/**
 * Decides the channel of one declaration.
 *
 * Reasons come in a stable order: rules in the order given (within a rule, items by ascending index), then the
 * credit-class floor, then sampling. The channel is the strictest over all reasons, or auto release when there are
 * none. `seed` keeps the sample unpredictable to declarants: it should be a server secret, rotated as officers see fit.
 */
export function assessRisk(
  input: RiskInput,
  rules: readonly RiskRule[],
  policy: SamplingPolicy,
  seed: string,
): RiskDecision {
  if (rules.length > RULESET_RULES_MAX) {
    throw new RangeError(`a ruleset holds at most ${RULESET_RULES_MAX} rules, got ${rules.length}`);
  }
  if (input.items.length > DECLARATION_ITEMS_MAX) {
    throw new RangeError(`a declaration holds at most ${DECLARATION_ITEMS_MAX} items, got ${input.items.length}`);
  }
  const items = [...input.items].sort((a, b) => a.index - b.index);
  const reasons: RiskReason[] = [];

  for (const rule of rules) {
    if (!rule.active || (rule.direction !== 'any' && rule.direction !== input.direction)) {
      continue;
    }
    for (const fired of evaluateRule(rule, input, items)) {
      reasons.push({
        code: `rule.${rule.kind}`,
        ruleId: rule.id,
        ruleName: rule.name,
        channel: rule.channel,
        item: fired.item,
        params: fired.params,
      });
    }
  }

  // Our choice, not in the reference: customs.md §6 gives discredited enterprises an ~85% inspection rate, so we
  // never let the remaining declarations of either discredited tier through without an officer reading them.
  if (DISCREDITED_CLASSES.has(input.creditClass)) {
    reasons.push({
      code: 'credit_class',
      ruleId: null,
      ruleName: null,
      channel: 'document_review',
      item: null,
      params: { class: input.creditClass },
    });
  }

  const rate = samplingRate(input, policy);
  const draw = samplingDraw(seed, input.declarationId);
  const selected = new Dec(draw).lt(rate);
  if (selected) {
    reasons.push({
      code: 'sampling',
      ruleId: null,
      ruleName: null,
      channel: 'inspection',
      item: null,
      params: {
        rate,
        draw,
        percent: new Dec(rate).times(100).toFixed(),
        ...(input.publicGrade ? { grade: input.publicGrade } : {}),
      },
    });
  }

  const channel = reasons.reduce<Channel>((strictest, reason) => maxChannel(strictest, reason.channel), 'auto_release');
  return { channel, reasons, sampling: { rate, draw, selected } };
}

/**
 * The sampling rate of a declaration, in two steps that keep Order 282 in charge:
 * 1. customs' own policy: the credit class's rate, or the AEO-partner rate when the partner is a mutual-recognition
 *    AEO and that rate is lower (unchanged from before the public grade existed);
 * 2. the zone's public grade scales that rate by GRADE_RATE_FACTORS, capped at 1. A grade never lowers the rate of
 *    a discredited tier: customs' legal finding outweighs the platform's score, so grade A is ignored there,
 *    while C and D still raise it. Without a grade (or with B) the rate is step 1's exactly.
 */
export function samplingRate(
  input: Pick<RiskInput, 'creditClass' | 'aeoPartner' | 'publicGrade'>,
  policy: SamplingPolicy,
): string {
  const classRate = policy.ratesByClass[input.creditClass];
  assertFraction(classRate, `ratesByClass.${input.creditClass}`);
  let rate = classRate;
  if (input.aeoPartner) {
    assertFraction(policy.aeoPartnerRate, 'aeoPartnerRate');
    rate = new Dec(policy.aeoPartnerRate).lt(classRate) ? policy.aeoPartnerRate : classRate;
  }
  const grade = input.publicGrade ?? 'B';
  if (grade === 'B' || (grade === 'A' && DISCREDITED_CLASSES.has(input.creditClass))) {
    return rate;
  }
  const scaled = new Dec(rate).times(GRADE_RATE_FACTORS[grade]);
  return scaled.gt(1) ? '1' : scaled.toFixed();
}

const DRAW_DECIMALS = 6;
const DRAW_SCALE = 10n ** BigInt(DRAW_DECIMALS);
const DRAW_BITS = 48n;

/**
 * The declaration's sampling draw: the first 48 bits of SHA-256 over (seed, declaration id), read as a fraction of
 * 2^48 and cut (not rounded, so it stays below 1) to six decimals. Integer arithmetic only. The draw is then
 * compared with the rate exactly; with a rate of at most six decimals P(draw < rate) = rate up to 2^-28.
 */
export function samplingDraw(seed: string, declarationId: string): string {
  // JSON of the pair is unambiguous: ("a", "bc") and ("ab", "c") hash differently.
  const digest = createHash('sha256')
    .update(JSON.stringify([seed, declarationId]))
    .digest();
  const bits = BigInt(`0x${digest.subarray(0, Number(DRAW_BITS) / 8).toString('hex')}`);
  const micros = (bits * DRAW_SCALE) >> DRAW_BITS;
  return `0.${micros.toString().padStart(DRAW_DECIMALS, '0')}`;
}

interface Fired {
  item: number | null;
  params: Record<string, string>;
}

function evaluateRule(rule: RiskRule, input: RiskInput, items: readonly RiskItem[]): Fired[] {
  switch (rule.kind) {
    case 'hs_prefix':
      return items.flatMap((item) => {
        const prefix = rule.prefixes.find((candidate) => item.code.startsWith(candidate));
        return prefix === undefined ? [] : [{ item: item.index, params: { prefix, code: item.code } }];
      });
    case 'origin':
      return items.flatMap((item) =>
        rule.countries.includes(item.originCountry)
          ? [{ item: item.index, params: { country: item.originCountry, code: item.code } }]
          : [],
      );
    case 'trade_country':
      return rule.countries.includes(input.tradeCountry)
        ? [{ item: null, params: { country: input.tradeCountry } }]
        : [];
    case 'credit_class':
      return rule.classes.includes(input.creditClass) ? [{ item: null, params: { class: input.creditClass } }] : [];
    case 'unit_value_band':
      return items.flatMap((item) => {
        if (!item.code.startsWith(rule.codePrefix) || item.unit !== rule.unit) {
          return [];
        }
        const outside = unitValueOutsideBand(item, rule.minCnyPerUnit, rule.maxCnyPerUnit);
        return outside === null ? [] : [{ item: item.index, params: { ...outside, code: item.code, unit: item.unit } }];
      });
    case 'first_time_declarant':
      return input.firstTimeDeclarant ? [{ item: null, params: {} }] : [];
    case 'watch_list': {
      const enterprise = input.enterpriseId.toLowerCase();
      return rule.enterpriseIds.some((id) => id.toLowerCase() === enterprise)
        ? [{ item: null, params: { enterprise: input.enterpriseId } }]
        : [];
    }
  }
}

/**
 * The item's customs value per legal unit when it lies outside [min, max] (bounds inclusive), else null. The
 * comparison is exact; `value` is rounded half-up to the fen for display only. A zero quantity has no unit value
 * to trust, so it counts as outside (our choice: a declaration parser should have refused it already).
 */
function unitValueOutsideBand(
  item: RiskItem,
  minText: string | undefined,
  maxText: string | undefined,
): { value: string; band: string } | null {
  const value = parseDecimal(item.customsValueCny);
  const quantity = parseDecimal(item.quantity);
  if (value === null || quantity === null) {
    throw new TypeError(`item ${item.index}: customsValueCny and quantity must be decimal strings`);
  }
  const min = minText === undefined ? null : parseDecimal(minText);
  const max = maxText === undefined ? null : parseDecimal(maxText);
  const band = bandText(min, max);
  if (quantity.isZero()) {
    return { value: '-', band };
  }
  const perUnit = value.div(quantity);
  const outside = (min !== null && perUnit.lt(min)) || (max !== null && perUnit.gt(max));
  return outside ? { value: perUnit.toFixed(2, Dec.ROUND_HALF_UP), band } : null;
}

function bandText(min: Dec | null, max: Dec | null): string {
  if (min !== null && max !== null) {
    return `${min.toFixed()}–${max.toFixed()}`;
  }
  return min !== null ? `≥ ${min.toFixed()}` : `≤ ${max?.toFixed() ?? ''}`;
}

function assertFraction(text: string, name: string): void {
  const value = parseDecimal(text);
  if (value === null || value.gt(1)) {
    throw new RangeError(`sampling policy ${name} must be a decimal fraction from 0 to 1, got ${JSON.stringify(text)}`);
  }
}
