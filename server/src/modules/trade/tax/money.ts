// Exact decimal arithmetic for money and rates. Binary floats never touch a tax amount (ARCHITECTURE.md:
// "Money and rates are decimal strings or integer minor units").
// The named export: decimal.js ships CommonJS typings, so its default export does not type-check under NodeNext.
import { Decimal } from 'decimal.js';

/**
 * A private Decimal constructor: 40 significant digits leave room for a CNY 10^15 value multiplied by a rate
 * with 10 decimals and divided by (1 − rate) without rounding anything a fen could see; rounding is half-up,
 * which is what "四舍五入" means and what every explicit rounding below asks for anyway.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Dec = Decimal;

/** Amounts up to 15 integer digits and 10 decimals; a bound on input keeps every product exact in 40 digits. */
const DECIMAL_PATTERN = /^\d{1,15}(\.\d{1,10})?$/;

/** Parses a non-negative decimal string ("1000", "0.085"); anything else — signs, exponents, commas — is null. */
export function parseDecimal(text: unknown): Dec | null {
  if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text)) {
    return null;
  }
  return new Dec(text);
}

/** Rounds half-up to the fen (0.01 CNY). */
export function toFen(value: Dec): Dec {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Two-decimal string of an amount already rounded to the fen (or to be rounded now). */
export function fenString(value: Dec): string {
  return value.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Plain decimal string without exponent and without rounding, for intermediate amounts echoed in a bill. */
export function exactString(value: Dec): string {
  return value.toFixed();
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2025-02-29 is false). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') {
    return false;
  }
  const match = ISO_DATE_PATTERN.exec(text);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
