// Customs value (完税价格) of imports: the CIF value at the place of import, converted to CNY at the customs
// exchange rate of the month (customs.md §3).
import type { Result, TaxError } from './errors.js';
import { taxError } from './errors.js';
import { Dec, exactString, fenString, parseDecimal, toFen } from './money.js';

/**
 * Terms of sale as customs.md §1 codes them: 1 CIF, 2 C&F (CFR), 3 FOB, 4 C&I, 7 EXW. Market price (5) and
 * mark-up (6) are valuation methods, not terms a price can be adjusted from, so they are not accepted here.
 */
export const TERMS_OF_SALE = ['CIF', 'CFR', 'CI', 'FOB', 'EXW'] as const;
export type TermsOfSale = (typeof TERMS_OF_SALE)[number];

/**
 * Insurance when the real premium is unknown: 3‰ of (goods price + freight). customs.md does not state
 * this figure; it is GACC's valuation rule as remembered (《海关审定进出口货物完税价格办法》: 保险费按照
 * "货价加运费"两者总额的3‰计算) — verify before relying on it outside the demo.
 */
export const INSURANCE_RATE_DEFAULT = '0.003';

export interface CustomsValueInput {
  readonly termsOfSale: TermsOfSale;
  /** Price under the terms of sale, in the transaction currency. */
  readonly priceAmount: string;
  /**
   * Freight to the place of import, in the transaction currency. Required for FOB, EXW and C&I; for EXW it
   * must cover carriage from the seller's premises, since customs values goods at the place of import.
   */
  readonly freightAmount?: string | undefined;
  /** Insurance premium; defaults to INSURANCE_RATE_DEFAULT of (price + freight) where the terms exclude it. */
  readonly insuranceAmount?: string | undefined;
  /** Customs exchange rate: CNY per one unit of the transaction currency ("1" for CNY). */
  readonly cnyPerUnit: string;
}

/** Customs value with the adjustments that produced it; amounts are in Decimal for further arithmetic. */
export interface CifParts {
  readonly priceAmount: Dec;
  readonly freightAmount: Dec;
  readonly insuranceAmount: Dec;
  readonly insuranceDefaulted: boolean;
  readonly cifAmount: Dec;
  readonly customsValueCny: Dec;
}

export interface CustomsValue {
  readonly termsOfSale: TermsOfSale;
  /** Amounts added to the price, in the transaction currency (0 when the terms already include them). */
  readonly freightAddedAmount: string;
  readonly insuranceAddedAmount: string;
  readonly insuranceDefaulted: boolean;
  readonly cifAmount: string;
  readonly cnyPerUnit: string;
  /** CIF × rate, rounded half-up to the fen. */
  readonly customsValueCny: string;
}

const FREIGHT_INCLUDED: ReadonlySet<TermsOfSale> = new Set(['CIF', 'CFR']);
const INSURANCE_INCLUDED: ReadonlySet<TermsOfSale> = new Set(['CIF', 'CI']);

export function isTermsOfSale(value: unknown): value is TermsOfSale {
  return (TERMS_OF_SALE as readonly unknown[]).includes(value);
}

/** Freight and insurance to add to the price; null insurance means "unknown, use the default". */
export interface Adjustments {
  readonly freight: Dec;
  readonly insurance: Dec | null;
}

/**
 * Checks the freight and insurance given against the terms of sale: terms that exclude freight need it, terms
 * that include freight or insurance must not get it a second time.
 */
export function parseAdjustments(
  termsOfSale: TermsOfSale,
  freightAmount: string | undefined,
  insuranceAmount: string | undefined,
  paths: { readonly freight: string; readonly insurance: string },
): Result<Adjustments> {
  const errors: TaxError[] = [];
  const freightIncluded = FREIGHT_INCLUDED.has(termsOfSale);
  const insuranceIncluded = INSURANCE_INCLUDED.has(termsOfSale);
  let freight = new Dec(0);
  if (freightAmount !== undefined) {
    const parsed = parseDecimal(freightAmount);
    if (parsed === null) {
      errors.push(taxError('INVALID_DECIMAL', paths.freight, 'freight must be a decimal string'));
    } else if (freightIncluded) {
      errors.push(taxError('ALREADY_INCLUDED', paths.freight, `${termsOfSale} prices already include freight`));
    } else {
      freight = parsed;
    }
  } else if (!freightIncluded) {
    errors.push(taxError('MISSING_FREIGHT', paths.freight, `${termsOfSale} prices exclude freight: give it`));
  }
  let insurance: Dec | null = insuranceIncluded ? new Dec(0) : null;
  if (insuranceAmount !== undefined) {
    const parsed = parseDecimal(insuranceAmount);
    if (parsed === null) {
      errors.push(taxError('INVALID_DECIMAL', paths.insurance, 'insurance must be a decimal string'));
    } else if (insuranceIncluded) {
      errors.push(taxError('ALREADY_INCLUDED', paths.insurance, `${termsOfSale} prices already include insurance`));
    } else {
      insurance = parsed;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { freight, insurance } };
}

/**
 * CIF from a price and its adjustments, converted to CNY and rounded half-up to the fen. customs.md does not
 * say where customs rounds; the value is rounded once, here, and each tax is rounded once after it.
 */
export function cifParts(price: Dec, adjustments: Adjustments, cnyPerUnit: Dec): CifParts {
  const insuranceDefaulted = adjustments.insurance === null;
  const insuranceAmount = adjustments.insurance ?? price.plus(adjustments.freight).times(INSURANCE_RATE_DEFAULT);
  const cifAmount = price.plus(adjustments.freight).plus(insuranceAmount);
  return {
    priceAmount: price,
    freightAmount: adjustments.freight,
    insuranceAmount,
    insuranceDefaulted,
    cifAmount,
    customsValueCny: toFen(cifAmount.times(cnyPerUnit)),
  };
}

/** Parses a decimal that must be greater than zero, pushing the problem into `errors`. */
export function parsePositive(text: unknown, path: string, what: string, errors: TaxError[]): Dec | null {
  const parsed = parseDecimal(text);
  if (parsed === null) {
    errors.push(taxError('INVALID_DECIMAL', path, `${what} must be a decimal string`));
    return null;
  }
  if (parsed.isZero()) {
    errors.push(taxError('NOT_POSITIVE', path, `${what} must be greater than zero`));
    return null;
  }
  return parsed;
}

/** Customs value in CNY of one consignment priced under `termsOfSale`. */
export function customsValue(input: CustomsValueInput): Result<CustomsValue> {
  if (!isTermsOfSale(input.termsOfSale)) {
    return {
      ok: false,
      errors: [taxError('INVALID_TERMS', 'termsOfSale', `terms of sale must be one of ${TERMS_OF_SALE.join(', ')}`)],
    };
  }
  const errors: TaxError[] = [];
  const price = parsePositive(input.priceAmount, 'priceAmount', 'price', errors);
  const rate = parsePositive(input.cnyPerUnit, 'cnyPerUnit', 'exchange rate', errors);
  const adjustments = parseAdjustments(input.termsOfSale, input.freightAmount, input.insuranceAmount, {
    freight: 'freightAmount',
    insurance: 'insuranceAmount',
  });
  if (!adjustments.ok) {
    errors.push(...adjustments.errors);
  }
  if (errors.length > 0 || price === null || rate === null || !adjustments.ok) {
    return { ok: false, errors };
  }
  const value = cifParts(price, adjustments.value, rate);
  return {
    ok: true,
    value: {
      termsOfSale: input.termsOfSale,
      freightAddedAmount: exactString(value.freightAmount),
      insuranceAddedAmount: exactString(value.insuranceAmount),
      insuranceDefaulted: value.insuranceDefaulted,
      cifAmount: exactString(value.cifAmount),
      cnyPerUnit: input.cnyPerUnit,
      customsValueCny: fenString(value.customsValueCny),
    },
  };
}
