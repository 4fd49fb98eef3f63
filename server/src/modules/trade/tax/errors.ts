// Typed results. Bad input is an answer, not an exception: every problem names the field path it concerns
// (`items.2.quantities.0.amount`) so that an API can turn the list straight into a 400 problem document.

export type TaxErrorCode =
  /** The input is not an object at all. */
  | 'INVALID_INPUT'
  /** Not a non-negative decimal string of at most 15 integer and 10 decimal digits. */
  | 'INVALID_DECIMAL'
  /** A value or quantity that must be greater than zero is zero. */
  | 'NOT_POSITIVE'
  | 'INVALID_DATE'
  | 'INVALID_COUNTRY'
  | 'INVALID_CURRENCY'
  /** Terms of sale other than CIF, CFR, CI, FOB, EXW. */
  | 'INVALID_TERMS'
  | 'UNKNOWN_LINE'
  /** A quantity is given in a unit that is neither the line's first nor its second legal unit. */
  | 'UNIT_NOT_LEGAL'
  | 'DUPLICATE_UNIT'
  /** The quantity in a legal unit the declaration needs is missing. */
  | 'MISSING_QUANTITY'
  | 'UNKNOWN_CURRENCY_RATE'
  /** The exchange-rate table is not the one for the month of the declaration date. */
  | 'RATE_MONTH_MISMATCH'
  /** The terms of sale leave freight out of the price, but no freight was given. */
  | 'MISSING_FREIGHT'
  /** Freight or insurance was given separately although the terms of sale already include it. */
  | 'ALREADY_INCLUDED'
  /** The line has no rate in force on the date for the column the rules select (or no VAT rate). */
  | 'NO_RATE_IN_FORCE'
  | 'NO_ITEMS'
  | 'TOO_MANY_ITEMS'
  /** CBEC: the goods are not on the retail import positive list. */
  | 'NOT_ON_POSITIVE_LIST'
  /** CBEC: the order would take the consumer over the yearly quantity cap of the line. */
  | 'QUANTITY_CAP_EXCEEDED'
  /** CBEC: the single-indivisible-item flag is set on an order with more than one item. */
  | 'NOT_SINGLE_ITEM';

export interface TaxError {
  readonly code: TaxErrorCode;
  /** Dotted path into the input, e.g. "items.2.quantity"; "" for the input as a whole. */
  readonly path: string;
  /** English explanation for logs and developers; the API localises from `code`. */
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly TaxError[] };

export function taxError(code: TaxErrorCode, path: string, message: string): TaxError {
  return { code, path, message };
}

/** Joins path segments, dropping an empty prefix: at('', 'items', 2) → "items.2". */
export function at(...segments: readonly (string | number)[]): string {
  return segments.filter((segment) => segment !== '').join('.');
}

/** True for a non-null, non-array object: JSON input may hold anything where the types promise an object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
