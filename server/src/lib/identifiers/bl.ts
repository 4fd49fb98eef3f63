// Through bills of lading issued by the platform: SCOB + 2-digit year + 7-digit serial + Damm check digit.
import type { Validation } from './uscc.js';

export const BL_PREFIX = 'SCOB';
/** The serial is seven digits, so a year holds ten million bills before the format must widen. */
export const BL_SERIAL_MAX = 9_999_999;
const FORMAT = /^SCOB\d{10}$/;

/**
 * Damm's totally anti-symmetric quasigroup of order 10. A Damm check digit catches every single-digit
 * error and every transposition of adjacent digits — the two mistakes of a clerk retyping a number
 * off a paper bill — which ISO 7064 MOD 37,36 and Luhn do not both guarantee.
 */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The Damm check digit of a string of digits. */
export function blCheckChar(digits: string): string {
  let interim = 0;
  for (const char of digits) {
    const digit = char.charCodeAt(0) - 48;
    if (digit < 0 || digit > 9) throw new RangeError(`not a digit: ${char}`);
    interim = DAMM[interim]![digit]!;
  }
  return String(interim);
}

/** Builds a bill number from the issue year and a per-platform serial. */
export function makeBlNumber(year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > BL_SERIAL_MAX) {
    throw new RangeError(`bill of lading serial out of range: ${serial}`);
  }
  const digits = `${String(year % 100).padStart(2, '0')}${String(serial).padStart(7, '0')}`;
  return BL_PREFIX + digits + blCheckChar(digits);
}

export function validateBlNumber(input: string): Validation {
  if (input.length !== 14) return { ok: false, problem: 'length' };
  if (!FORMAT.test(input)) return { ok: false, problem: 'charset' };
  if (blCheckChar(input.slice(4, 13)) !== input.charAt(13)) return { ok: false, problem: 'check' };
  return { ok: true };
}
