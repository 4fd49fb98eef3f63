// The vocabulary of the customs risk engine: credit classes, inspection channels, the rules officers maintain
// without code changes, and the random-sampling policy. Pure data and Zod schemas; no I/O.
import { z } from 'zod';
import { isUnitCode } from '../data/units.js';
import { parseDecimal } from '../tax/money.js';

/**
 * Enterprise credit classes of GACC Order 282 (in force 2026-04-01, customs.md §6), best first. Tiers 1 and 2 are
 * China AEOs for mutual-recognition purposes.
 */
export const CREDIT_CLASSES = [
  'advanced_certified',
  'certified',
  'regular',
  'discredited',
  'seriously_discredited',
] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];

/**
 * The three outcomes of risk control (风险布控, customs.md §1), ordered by severity: paperless release (green),
 * document review (yellow), physical inspection (red, whether H986 scanning or a manual examination).
 */
export const CHANNELS = ['auto_release', 'document_review', 'inspection'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Position of a channel in CHANNELS: a higher number is a stricter channel. */
export function channelSeverity(channel: Channel): number {
  return CHANNELS.indexOf(channel);
}

/** The stricter of two channels. */
export function maxChannel(a: Channel, b: Channel): Channel {
  return channelSeverity(a) >= channelSeverity(b) ? a : b;
}

/** A rule's list (prefixes, countries, classes, enterprises) holds at most this many entries. */
export const RULE_ENTRIES_MAX = 200;
/** A ruleset holds at most this many rules; the engine refuses a longer one rather than slow every declaration. */
export const RULESET_RULES_MAX = 500;
/** The longest rule name; it is shown to officers and declarants next to the reason. */
export const RULE_NAME_LENGTH_MAX = 120;

export const RULE_KINDS = [
  'hs_prefix',
  'origin',
  'trade_country',
  'credit_class',
  'unit_value_band',
  'first_time_declarant',
  'watch_list',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Channels a rule may send a declaration to: a rule that released goods would defeat the other rules. */
export const RULE_CHANNELS = ['document_review', 'inspection'] as const;
export const RULE_DIRECTIONS = ['import', 'export', 'any'] as const;
export type RuleDirection = (typeof RULE_DIRECTIONS)[number];

const list = <T extends z.ZodType>(entry: T) => z.array(entry).min(1).max(RULE_ENTRIES_MAX);

/** An HS code prefix: chapter (2 digits), heading (4), subheading (6), tariff line (8) or full code (10). */
const hsPrefix = z.string().regex(/^\d{2,10}$/, 'must be 2 to 10 digits');
/** ISO 3166-1 alpha-2, upper case, as elsewhere on the platform. */
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
/** Non-negative decimal string, the same shape money takes everywhere in the trade module. */
const decimalString = z.string().refine((text) => parseDecimal(text) !== null, 'must be a decimal string like "12.50"');

const common = {
  name: z.string().trim().min(1).max(RULE_NAME_LENGTH_MAX),
  channel: z.enum(RULE_CHANNELS),
  direction: z.enum(RULE_DIRECTIONS),
  active: z.boolean(),
};

const hsPrefixRule = z.strictObject({ kind: z.literal('hs_prefix'), ...common, prefixes: list(hsPrefix) });
const originRule = z.strictObject({ kind: z.literal('origin'), ...common, countries: list(countryCode) });
const tradeCountryRule = z.strictObject({ kind: z.literal('trade_country'), ...common, countries: list(countryCode) });
const creditClassRule = z.strictObject({
  kind: z.literal('credit_class'),
  ...common,
  classes: list(z.enum(CREDIT_CLASSES)),
});
const unitValueBandRule = z
  .strictObject({
    kind: z.literal('unit_value_band'),
    ...common,
    codePrefix: z.string().regex(/^\d{4,10}$/, 'must be 4 to 10 digits'),
    /** GACC legal unit code (data/units.ts); the band applies to items declared in this unit only. */
    unit: z.string().refine(isUnitCode, 'must be a known legal unit code'),
    minCnyPerUnit: decimalString.optional(),
    maxCnyPerUnit: decimalString.optional(),
  })
  .superRefine((rule, context) => {
    if (rule.minCnyPerUnit === undefined && rule.maxCnyPerUnit === undefined) {
      context.addIssue({ code: 'custom', path: ['minCnyPerUnit'], message: 'give a minimum, a maximum or both' });
      return;
    }
    const min = rule.minCnyPerUnit === undefined ? null : parseDecimal(rule.minCnyPerUnit);
    const max = rule.maxCnyPerUnit === undefined ? null : parseDecimal(rule.maxCnyPerUnit);
    if (min !== null && max !== null && min.gt(max)) {
      context.addIssue({ code: 'custom', path: ['maxCnyPerUnit'], message: 'must not be below the minimum' });
    }
  });
const firstTimeDeclarantRule = z.strictObject({ kind: z.literal('first_time_declarant'), ...common });
const watchListRule = z.strictObject({ kind: z.literal('watch_list'), ...common, enterpriseIds: list(z.uuid()) });

/** A risk rule as officers write it (without its id), discriminated by `kind`. Unknown fields are refused. */
export const riskRuleSchema = z.discriminatedUnion('kind', [
  hsPrefixRule,
  originRule,
  tradeCountryRule,
  creditClassRule,
  unitValueBandRule,
  firstTimeDeclarantRule,
  watchListRule,
]);

/** A whole ruleset, e.g. for a bulk import; the engine takes at most RULESET_RULES_MAX rules. */
export const riskRuleSetSchema = z.array(riskRuleSchema).max(RULESET_RULES_MAX);

/** What a client sends to create or replace a rule. */
export type RiskRuleInput = z.input<typeof riskRuleSchema>;
/** A validated, stored rule; `id` is the store's key and is echoed in every reason the rule produces. */
export type RiskRule = z.output<typeof riskRuleSchema> & { id: string };

/** A decimal fraction in [0, 1] written as a string ("0.005", "1"), never a binary float. */
const fraction = z
  .string()
  .regex(/^(0(\.\d{1,10})?|1(\.0{1,10})?)$/, 'must be a decimal fraction from 0 to 1 like "0.015"');

/** Random-sampling rates: the share of declarations sent to inspection whatever the rules say. */
export interface SamplingPolicy {
  /** Rate for each credit class, as a decimal fraction ("0.005" = 0.5%). */
  readonly ratesByClass: Readonly<Record<CreditClass, string>>;
  /** Rate when the foreign partner is an AEO of a mutual-recognition country; used only when lower. */
  readonly aeoPartnerRate: string;
}

export const samplingPolicySchema = z.strictObject({
  ratesByClass: z.strictObject({
    advanced_certified: fraction,
    certified: fraction,
    regular: fraction,
    discredited: fraction,
    seriously_discredited: fraction,
  }),
  aeoPartnerRate: fraction,
});

/**
 * Default sampling rates. From customs.md §6 ("Demo attributes: inspection_probability roughly 0.5% (advanced),
 * 1.5% (certified), 2.5% (regular), 80%+ (discredited)"): advanced_certified, certified, regular and discredited.
 * Our choices, not in the reference: seriously_discredited 100% (Order 282's new fifth tier has no published rate,
 * and it must not be sampled less than the discredited tier), and the AEO-partner rate equal to the advanced
 * certified rate (mutual recognition grants the partner's AEO the treatment of our own best tier).
 */
export const DEFAULT_SAMPLING_POLICY: SamplingPolicy = {
  ratesByClass: {
    advanced_certified: '0.005',
    certified: '0.015',
    regular: '0.025',
    discredited: '0.8',
    seriously_discredited: '1',
  },
  aeoPartnerRate: '0.005',
};
