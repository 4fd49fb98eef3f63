// ISO 6346 freight container numbers: owner code, equipment category, serial and check digit.
import type { IdentifierProblem, Validation } from './uscc.js';

/** Equipment categories accepted by validateContainerNumber: U freight container, J related equipment, Z trailer/chassis. */
export const CONTAINER_CATEGORIES = ['U', 'J', 'Z'] as const;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// Letters count up from A = 10 and skip every multiple of 11 (11, 22, 33), so the table is
// derived once here rather than typed in; the tests compare it with identifiers.md.
const LETTER_VALUES: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, number>();
  let next = 10;
  for (const letter of LETTERS) {
    if (next % 11 === 0) {
      next++;
    }
    values.set(letter, next);
    next++;
  }
  return values;
})();

const BODY_FORMAT = /^[A-Z]{4}\d{6}$/;

function fail(problem: IdentifierProblem): Validation {
  return { ok: false, problem };
}

/** The ISO 6346 value of a letter (A = 10 … Z = 38); exported for tests and display. */
export function iso6346LetterValue(letter: string): number {
  const value = LETTER_VALUES.get(letter);
  if (value === undefined) {
    throw new RangeError(`Not an ISO 6346 letter: ${letter}`);
  }
  return value;
}

/**
 * Computes the check digit of the first 10 characters (4 letters + 6 digits).
 * A remainder of 10 maps to 0 (`% 11 % 10`); returning the raw remainder is the bug the
 * old python-stdnum code had. Throws RangeError on malformed input.
 */
export function iso6346CheckDigit(first10: string): number {
  if (!BODY_FORMAT.test(first10)) {
    throw new RangeError('Container number body must be 4 letters followed by 6 digits');
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const char = first10.charAt(i);
    const value = i < 4 ? iso6346LetterValue(char) : Number(char);
    // Weights are 2^0 … 2^9; a shift is exact for these small numbers.
    sum += value * (1 << i);
  }
  return (sum % 11) % 10;
}

/**
 * Validates an 11-character container number such as CSQU3054383 (no spaces).
 * Problems: 'length' unless 11 characters; 'charset' unless 4 letters then 7 digits;
 * 'format' when the category letter is not U, J or Z; 'check' when the check digit is wrong.
 */
export function validateContainerNumber(code: string): Validation {
  if (code.length !== 11) {
    return fail('length');
  }
  if (!/^[A-Z]{4}\d{7}$/.test(code)) {
    return fail('charset');
  }
  if (!(CONTAINER_CATEGORIES as readonly string[]).includes(code.charAt(3))) {
    return fail('format');
  }
  if (iso6346CheckDigit(code.slice(0, 10)) !== Number(code.charAt(10))) {
    return fail('check');
  }
  return { ok: true };
}
