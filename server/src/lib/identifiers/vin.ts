// Vehicle identification numbers (ISO 3779 structure) with the North-American position-9 check digit.
import type { IdentifierProblem, Validation } from './uscc.js';

// Transliteration from identifiers.md §3; digits keep their own value and I, O, Q are absent.
const VIN_VALUES: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
  '0': 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
  '8': 8,
  '9': 9,
};

// Position 9 has weight 0, so the check digit never contributes to its own sum.
const VIN_WEIGHTS: readonly number[] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

function fail(problem: IdentifierProblem): Validation {
  return { ok: false, problem };
}

function isVinChar(char: string): boolean {
  return Object.hasOwn(VIN_VALUES, char);
}

/**
 * Computes the position-9 check character ('0'–'9' or 'X') of a 17-character VIN.
 * Whatever is at position 9 is ignored. Throws RangeError on a wrong length or a
 * character outside the VIN alphabet (which has no I, O or Q).
 */
export function vinCheckDigit(vin: string): string {
  if (vin.length !== 17) {
    throw new RangeError(`VIN must be 17 characters, got ${vin.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = VIN_VALUES[vin.charAt(i)];
    if (value === undefined) {
      throw new RangeError(`VIN contains an invalid character at position ${i + 1}`);
    }
    sum += value * VIN_WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * Whether the position-9 check digit is mandatory for this VIN by default.
 * It is mandatory for North-American VINs (WMI starting 1–5, 49 CFR 565) and, per
 * identifiers.md, China's GB 16735 applies the same method, so Chinese WMIs (starting L)
 * are checked too. Europe and most other regions do not require a check digit, so
 * position 9 of their VINs may be any VIN character and is not verified.
 */
export function vinCheckDigitRequired(vin: string): boolean {
  return /^[1-5L]/.test(vin);
}

/**
 * Validates a VIN: 17 characters ('length'), only VIN characters ('charset'), then the
 * position-9 check ('check') when it is required — by default for North-American and
 * Chinese VINs, see vinCheckDigitRequired. `options.requireCheckDigit` overrides that
 * default, e.g. to check a European VIN that is known to carry a check digit.
 */
export function validateVin(vin: string, options?: { requireCheckDigit?: boolean }): Validation {
  if (vin.length !== 17) {
    return fail('length');
  }
  for (const char of vin) {
    if (!isVinChar(char)) {
      return fail('charset');
    }
  }
  const required = options?.requireCheckDigit ?? vinCheckDigitRequired(vin);
  if (required && vinCheckDigit(vin) !== vin.charAt(8)) {
    return fail('check');
  }
  return { ok: true };
}
