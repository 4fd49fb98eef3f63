// Taxes of one import line at its customs value: duty, consumption tax, import VAT, each rounded to the fen.
import type { DatedFraction, Rate, TariffLine } from '../data/types.js';
import { isUnitCode, type UnitCode } from '../data/units.js';
import { parsePositive } from './customs-value.js';
import { at, isRecord, type Result, type TaxError, taxError } from './errors.js';
import { consumptionTaxAmount, dutyAmount, importVatAmount, type Quantities } from './formulas.js';
import { Dec, parseDecimal, toFen } from './money.js';
import { fractionInForce, type RateSelection, rateInForce, selectDutyRate } from './rates.js';

export interface QuantityInput {
  readonly amount: string;
  /** GACC unit code of one of the line's legal units (see data/units.ts). */
  readonly unit: string;
}

/** A declaration gives at most its two legal quantities. */
export const QUANTITIES_MAX = 2;

/**
 * Parses the quantities of an item against the line's legal units. Like the declaration form, an item must give
 * the quantity in its first legal unit and, when the line has one, in its second; no other unit is accepted.
 */
export function parseQuantities(
  line: TariffLine,
  quantities: readonly QuantityInput[],
  path: string,
): Result<Quantities> {
  const errors: TaxError[] = [];
  const parsed = new Map<UnitCode, Dec>();
  const legal: readonly UnitCode[] = line.secondUnit === null ? [line.firstUnit] : [line.firstUnit, line.secondUnit];
  if (!Array.isArray(quantities) || quantities.length > QUANTITIES_MAX) {
    return {
      ok: false,
      errors: [taxError('MISSING_QUANTITY', path, `give one quantity per legal unit: ${legal.join(', ')}`)],
    };
  }
  quantities.forEach((quantity: unknown, index) => {
    const unitPath = at(path, index, 'unit');
    if (!isRecord(quantity) || typeof quantity.unit !== 'string') {
      errors.push(taxError('UNIT_NOT_LEGAL', unitPath, `give a unit: ${legal.join(' or ')}`));
      return;
    }
    if (!isUnitCode(quantity.unit) || !legal.includes(quantity.unit)) {
      errors.push(
        taxError('UNIT_NOT_LEGAL', unitPath, `unit ${String(quantity.unit)} is not a legal unit of ${line.code}`),
      );
      return;
    }
    if (parsed.has(quantity.unit)) {
      errors.push(taxError('DUPLICATE_UNIT', unitPath, `unit ${quantity.unit} is given twice`));
      return;
    }
    const amount = parseDecimal(quantity.amount);
    const amountPath = at(path, index, 'amount');
    if (amount === null) {
      errors.push(taxError('INVALID_DECIMAL', amountPath, 'quantity must be a decimal string'));
    } else if (amount.isZero()) {
      errors.push(taxError('NOT_POSITIVE', amountPath, 'quantity must be greater than zero'));
    } else {
      parsed.set(quantity.unit, amount);
    }
  });
  const unitsGiven = new Set(quantities.map((quantity: unknown) => (isRecord(quantity) ? quantity.unit : undefined)));
  for (const unit of legal) {
    if (!unitsGiven.has(unit)) {
      errors.push(taxError('MISSING_QUANTITY', path, `the quantity in legal unit ${unit} is missing`));
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed };
}

export interface LineTaxes {
  readonly selection: RateSelection;
  readonly dutyCny: Dec;
  readonly consumptionTax: {
    readonly rate: Rate;
    readonly effectiveFrom: string;
    /** Exact composite price; null for a specific-only tax. */
    readonly base: Dec | null;
    /** Exact amount before rounding; CBEC takes 70 % of it. */
    readonly exact: Dec;
    readonly amountCny: Dec;
  } | null;
  readonly vat: { readonly rate: DatedFraction; readonly base: Dec; readonly exact: Dec; readonly amountCny: Dec };
}

export interface LineTaxContext {
  readonly date: string;
  readonly originCountry: string;
  readonly certificateOfOrigin: boolean;
  readonly mfnCountries?: ReadonlySet<string> | undefined;
}

/**
 * Duty, consumption tax and VAT of one line. Rounding: customs.md is silent, so each tax of each line is
 * rounded half-up to the fen, and each later tax is computed on the rounded earlier ones — which reproduces
 * the worked examples of §3 to the fen (example B: CT 12,105.26 on duty 30,000.00; VAT on 242,105.26).
 */
export function computeLineTaxes(
  line: TariffLine,
  customsValueCny: Dec,
  quantities: Quantities,
  context: LineTaxContext,
  path: string,
): Result<LineTaxes> {
  const selection = selectDutyRate(line, { ...context, goods: { customsValueCny, quantities } });
  if (selection === undefined) {
    return {
      ok: false,
      errors: [
        taxError('NO_RATE_IN_FORCE', at(path, 'code'), `${line.code} has no duty rate in force on ${context.date}`),
      ],
    };
  }
  const duty = dutyAmount(selection.rate, customsValueCny, quantities);
  if (duty === null) {
    return { ok: false, errors: [missingQuantity(selection.rate, path)] };
  }
  const dutyCny = toFen(duty);

  let consumptionTax: LineTaxes['consumptionTax'] = null;
  const ctRate = rateInForce(line.rates.consumptionTax, context.date);
  if (ctRate !== undefined) {
    const ct = consumptionTaxAmount(ctRate.rate, customsValueCny, dutyCny, quantities);
    if (ct === null) {
      return { ok: false, errors: [missingQuantity(ctRate.rate, path)] };
    }
    consumptionTax = {
      rate: ctRate.rate,
      effectiveFrom: ctRate.effectiveFrom,
      base: ct.base,
      exact: ct.amount,
      amountCny: toFen(ct.amount),
    };
  }

  const vatRate = fractionInForce(line.rates.importVat, context.date);
  if (vatRate === undefined) {
    return {
      ok: false,
      errors: [
        taxError('NO_RATE_IN_FORCE', at(path, 'code'), `${line.code} has no VAT rate in force on ${context.date}`),
      ],
    };
  }
  const consumptionTaxCny = consumptionTax?.amountCny ?? new Dec(0);
  const vatExact = importVatAmount(new Dec(vatRate.fraction), customsValueCny, dutyCny, consumptionTaxCny);
  return {
    ok: true,
    value: {
      selection,
      dutyCny,
      consumptionTax,
      vat: {
        rate: vatRate,
        base: customsValueCny.plus(dutyCny).plus(consumptionTaxCny),
        exact: vatExact,
        amountCny: toFen(vatExact),
      },
    },
  };
}

function missingQuantity(rate: Rate, path: string): TaxError {
  const unit = rate.kind === 'adValorem' ? '' : rate.unit;
  return taxError('MISSING_QUANTITY', at(path, 'quantities'), `the rate needs the quantity in unit ${unit}`);
}

const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/** What every taxed item has, whatever the regime (declaration or CBEC order). */
export interface TaxItemInput {
  readonly code: string;
  readonly quantities: readonly QuantityInput[];
  readonly originCountry: string;
}

export interface ParsedTaxItem<I extends TaxItemInput> {
  readonly index: number;
  readonly input: I;
  readonly line: TariffLine;
  readonly price: Dec;
  readonly quantities: Quantities;
}

/**
 * Validates the items of a declaration or an order: known line, positive price (in the field the
 * regime names), ISO origin, quantities in the line's legal units. Every problem goes to `errors`
 * with its path; only items without a problem are returned.
 */
export function parseTaxItems<I extends TaxItemInput>(
  items: readonly I[],
  price: { field: keyof I & string; label: string },
  findLine: (code: string) => TariffLine | undefined,
  errors: TaxError[],
): ParsedTaxItem<I>[] {
  const parsed: ParsedTaxItem<I>[] = [];
  items.forEach((item, index) => {
    const path = at('items', index);
    if (!isRecord(item)) {
      errors.push(taxError('UNKNOWN_LINE', path, 'an item must be an object'));
      return;
    }
    const errorCount = errors.length;
    const line = typeof item.code === 'string' ? findLine(item.code) : undefined;
    if (line === undefined) {
      errors.push(taxError('UNKNOWN_LINE', at(path, 'code'), `no tariff line ${String(item.code)}`));
    }
    const amount = parsePositive(item[price.field], at(path, price.field), price.label, errors);
    if (typeof item.originCountry !== 'string' || !COUNTRY_PATTERN.test(item.originCountry)) {
      errors.push(taxError('INVALID_COUNTRY', at(path, 'originCountry'), 'origin must be an ISO 3166-1 alpha-2 code'));
    }
    let quantities: Quantities | null = null;
    if (line !== undefined) {
      const result = parseQuantities(line, item.quantities, at(path, 'quantities'));
      if (result.ok) {
        quantities = result.value;
      } else {
        errors.push(...result.errors);
      }
    }
    if (errors.length === errorCount && line !== undefined && amount !== null && quantities !== null) {
      parsed.push({ index, input: item, line, price: amount, quantities });
    }
  });
  return parsed;
}
