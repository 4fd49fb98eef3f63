// Which duty rate applies to an import line on a date, given the origin and the certificate of origin.
import type { DatedFraction, DatedRate, Rate, TariffLine } from '../data/types.js';
import type { UnitCode } from '../data/units.js';
import { dutyAmount } from './formulas.js';
import { MFN_COUNTRIES_DEFAULT } from './mfn-countries.js';
import { Dec } from './money.js';

/** The entry of a dated column in force on `date` (the latest effectiveFrom ≤ date), or undefined. */
export function entryInForce<T extends { readonly effectiveFrom: string }>(
  entries: readonly T[],
  date: string,
): T | undefined {
  let best: T | undefined;
  for (const entry of entries) {
    if (entry.effectiveFrom <= date && (best === undefined || entry.effectiveFrom > best.effectiveFrom)) {
      best = entry;
    }
  }
  return best;
}

/** The rate of a column in force on `date`; undefined when the column is empty then or withdrawn (rate null). */
export function rateInForce(
  entries: readonly DatedRate[],
  date: string,
): { readonly rate: Rate; readonly effectiveFrom: string } | undefined {
  const entry = entryInForce(entries, date);
  return entry?.rate ? { rate: entry.rate, effectiveFrom: entry.effectiveFrom } : undefined;
}

export function fractionInForce(entries: readonly DatedFraction[], date: string): DatedFraction | undefined {
  return entryInForce(entries, date);
}

export type DutyColumn = 'tariffQuota' | 'provisional' | 'agreement' | 'mfn' | 'general';

export interface RateSelection {
  readonly column: DutyColumn;
  readonly rate: Rate;
  readonly effectiveFrom: string;
  /** The agreement whose column was used, when column is "agreement". */
  readonly agreement: string | null;
  /** Why this column, in one English sentence for the bill. */
  readonly reason: string;
}

export interface RateSelectionContext {
  /** Declaration date, YYYY-MM-DD. */
  readonly date: string;
  /** ISO 3166-1 alpha-2 code of the country of origin. */
  readonly originCountry: string;
  readonly certificateOfOrigin: boolean;
  /** Defaults to MFN_COUNTRIES_DEFAULT. */
  readonly mfnCountries?: ReadonlySet<string> | undefined;
  /**
   * Value and quantities of the goods, when known: they let "the lower of two rates" be decided for rates of
   * different kinds (an ad valorem against a specific rate). Without them only like rates are compared.
   */
  readonly goods?: { readonly customsValueCny: Dec; readonly quantities: ReadonlyMap<UnitCode, Dec> } | undefined;
}

type Comparison = 'lower' | 'equal' | 'higher' | 'unknown';

/** Compares the duty of rate a with rate b on the goods, or on the rates alone when they are of one kind. */
function compareRates(a: Rate, b: Rate, goods: RateSelectionContext['goods']): Comparison {
  const sign = (difference: Dec): Comparison =>
    difference.isNegative() ? 'lower' : difference.isZero() ? 'equal' : 'higher';
  if (goods !== undefined) {
    const amountA = dutyAmount(a, goods.customsValueCny, goods.quantities);
    const amountB = dutyAmount(b, goods.customsValueCny, goods.quantities);
    if (amountA !== null && amountB !== null) {
      return sign(amountA.minus(amountB));
    }
  }
  if (a.kind === 'adValorem' && b.kind === 'adValorem') {
    return sign(new Dec(a.adValorem).minus(b.adValorem));
  }
  if (a.kind === 'specific' && b.kind === 'specific' && a.unit === b.unit) {
    return sign(new Dec(a.cnyPerUnit).minus(b.cnyPerUnit));
  }
  return 'unknown';
}

/**
 * Selects the duty column (customs.md §2 lists the columns; the precedence is China's Customs Tariff Law as
 * remembered, since the reference states only that the provisional rate "overrides MFN when lower"):
 *
 * 1. An in-quota line (the declaration chose the …01 extension) pays the tariff-quota rate, or the
 *    provisional rate where the line has one for MFN or agreement origins (urea: in-quota 4 %, provisional 1 %).
 * 2. With a certificate of origin, goods of a partner with an agreement column pay the agreement rate, or the
 *    provisional rate when that is lower (the law's "从低").
 * 3. MFN origins pay the provisional rate where one is in force and not higher than MFN, else MFN.
 * 4. Every other origin pays the general rate; provisional rates never apply to it.
 *
 * "Lower" compares the duty on the goods when the context carries them; without them only rates of one kind
 * can be compared, and where they cannot the provisional rate is taken over MFN (it exists to be applied) and
 * the agreement rate over the provisional one (the certificate was presented to get it).
 *
 * Returns undefined when the selected column has no rate in force on the date.
 */
export function selectDutyRate(line: TariffLine, context: RateSelectionContext): RateSelection | undefined {
  const { date, originCountry, certificateOfOrigin } = context;
  const mfnCountries = context.mfnCountries ?? MFN_COUNTRIES_DEFAULT;
  const entitledToMfn = mfnCountries.has(originCountry);
  const provisional = rateInForce(line.rates.provisional, date);
  const agreementColumn = line.rates.agreement.find((column) => column.partnerCountry === originCountry);
  const agreement = agreementColumn === undefined ? undefined : rateInForce(agreementColumn.rates, date);
  const agreementUsable = agreement !== undefined && certificateOfOrigin;
  const pick = (
    column: DutyColumn,
    found: { readonly rate: Rate; readonly effectiveFrom: string },
    reason: string,
  ): RateSelection => ({
    column,
    rate: found.rate,
    effectiveFrom: found.effectiveFrom,
    agreement: column === 'agreement' ? (agreementColumn?.agreement ?? null) : null,
    reason,
  });

  if (line.quota === 'in') {
    const quota = rateInForce(line.rates.tariffQuota, date);
    if (quota === undefined) {
      return undefined;
    }
    if (provisional !== undefined && (entitledToMfn || agreementUsable)) {
      return pick('provisional', provisional, 'in-quota line with a provisional rate: the provisional rate applies');
    }
    return pick('tariffQuota', quota, 'in-quota line: the tariff-quota rate applies');
  }

  if (agreementUsable && agreement !== undefined) {
    const name = agreementColumn?.agreement ?? 'agreement';
    if (provisional !== undefined && compareRates(provisional.rate, agreement.rate, context.goods) === 'lower') {
      return pick('provisional', provisional, `certificate of origin under ${name}, but the provisional rate is lower`);
    }
    return pick('agreement', agreement, `certificate of origin presented for goods of ${originCountry} under ${name}`);
  }

  if (entitledToMfn) {
    const mfn = rateInForce(line.rates.mfn, date);
    const noCertificateNote =
      agreement !== undefined && !certificateOfOrigin ? ' (agreement rate needs a certificate of origin)' : '';
    if (provisional !== undefined) {
      const comparison = mfn === undefined ? 'lower' : compareRates(provisional.rate, mfn.rate, context.goods);
      if (comparison !== 'higher') {
        return pick('provisional', provisional, `MFN origin with a provisional rate in force${noCertificateNote}`);
      }
    }
    return mfn === undefined ? undefined : pick('mfn', mfn, `${originCountry} is an MFN origin${noCertificateNote}`);
  }

  const general = rateInForce(line.rates.general, date);
  return general === undefined
    ? undefined
    : pick('general', general, `${originCountry} is not an MFN origin: the general rate applies`);
}
