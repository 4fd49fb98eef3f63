// The formulas of customs.md §3, on exact decimals and without rounding: callers round each tax to the fen.
import type { Rate } from '../data/types.js';
import type { UnitCode } from '../data/units.js';
import { Dec } from './money.js';

/** Quantity of the goods in a unit, or undefined when the declaration does not give that unit. */
export type Quantities = ReadonlyMap<UnitCode, Dec>;

/**
 * Duty: ad valorem `value × rate`, specific `quantity × CNY per unit`, compound the sum of both.
 * Null when a specific part needs a quantity in a unit the goods were not declared in.
 */
export function dutyAmount(rate: Rate, customsValueCny: Dec, quantities: Quantities): Dec | null {
  const specificPart = specificAmount(rate, quantities);
  if (specificPart === null) {
    return null;
  }
  const adValoremPart = rate.kind === 'specific' ? new Dec(0) : customsValueCny.times(rate.adValorem);
  return adValoremPart.plus(specificPart);
}

/** The specific part `quantity × CNY per unit` of a rate (0 for ad valorem), or null without the quantity. */
export function specificAmount(rate: Rate, quantities: Quantities): Dec | null {
  if (rate.kind === 'adValorem') {
    return new Dec(0);
  }
  const quantity = quantities.get(rate.unit);
  return quantity === undefined ? null : quantity.times(rate.cnyPerUnit);
}

export interface ConsumptionTax {
  /** Composite assessable price (组成计税价格) for the ad valorem part; null for a specific-only tax. */
  readonly base: Dec | null;
  readonly amount: Dec;
}

/**
 * Consumption tax (customs.md §3):
 * - ad valorem: base = (value + duty) / (1 − rate); tax = base × rate;
 * - specific: tax = quantity × CNY per unit;
 * - compound: base = (value + duty + quantity × CNY per unit) / (1 − rate); tax = base × rate + quantity × CNY
 *   per unit.
 * Null when the specific part needs a quantity the goods were not declared in.
 */
export function consumptionTaxAmount(
  rate: Rate,
  customsValueCny: Dec,
  dutyCny: Dec,
  quantities: Quantities,
): ConsumptionTax | null {
  const specificPart = specificAmount(rate, quantities);
  if (specificPart === null) {
    return null;
  }
  if (rate.kind === 'specific') {
    return { base: null, amount: specificPart };
  }
  const base = customsValueCny.plus(dutyCny).plus(specificPart).dividedBy(new Dec(1).minus(rate.adValorem));
  return { base, amount: base.times(rate.adValorem).plus(specificPart) };
}

/** Import VAT (customs.md §3): (value + duty + consumption tax) × VAT rate. */
export function importVatAmount(vatRate: Dec, customsValueCny: Dec, dutyCny: Dec, consumptionTaxCny: Dec): Dec {
  return customsValueCny.plus(dutyCny).plus(consumptionTaxCny).times(vatRate);
}
