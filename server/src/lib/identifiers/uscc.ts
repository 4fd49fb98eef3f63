// China's unified social credit code (统一社会信用代码, GB 32100-2015).
// The shared result types live here because the USCC is the first identifier every
// other validator in this folder was modelled on; the siblings import them from here.

/** Why an identifier was rejected. */
export type IdentifierProblem = 'length' | 'charset' | 'check' | 'format';

/** The outcome of validating one identifier. */
export type Validation = { ok: true } | { ok: false; problem: IdentifierProblem };

/** The 31 characters a USCC may contain; a character's value is its index here (I, O, Z, S, V are excluded). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weights are 3^i mod 31 for positions 1–17, exactly as listed in identifiers.md §1.
const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

// Positions 3–8 are a GB/T 2260 administrative division code, so they must be digits.
const USCC_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

// GB 11714 organisation codes (positions 9–17) value 0–9 as digits and A–Z as 10–35.
const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

const OK: Validation = { ok: true };

function fail(problem: IdentifierProblem): Validation {
  return { ok: false, problem };
}

function usccValue(char: string): number {
  return USCC_CHARSET.indexOf(char);
}

/**
 * Computes the 18th (check) character of a USCC from its first 17 characters.
 * Throws RangeError when the input is not exactly 17 characters from the USCC charset,
 * because a check character of malformed input would be meaningless.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`USCC body must be 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccValue(first17.charAt(i));
    if (value < 0) {
      throw new RangeError(`USCC body contains a character outside the GB 32100 charset at position ${i + 1}`);
    }
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Validates an 18-character USCC: length, charset, the digit-only region code, then the check character.
 *
 * The registration-authority and entity-type codes (positions 1–2) are not matched against a
 * list: identifiers.md gives only the common values and says other authority codes exist, so a
 * closed list would reject legitimate codes. A failed check is reported as problem 'check' on its
 * own so that callers can warn instead of reject — identifiers.md notes that some early
 * pilot-region codes fail the check yet are genuine.
 * The input is taken as is; callers that accept user input should trim and upper-case first.
 */
export function validateUscc(code: string): Validation {
  if (code.length !== 18) {
    return fail('length');
  }
  for (const char of code) {
    if (usccValue(char) < 0) {
      return fail('charset');
    }
  }
  if (!USCC_FORMAT.test(code)) {
    return fail('format');
  }
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    return fail('check');
  }
  return OK;
}

/** Appends the check character to a 17-character USCC body. */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

/**
 * Computes the GB 11714 check character of an 8-character organisation code body
 * (USCC positions 9–16). It is exported so that demo data can carry subject identifiers
 * whose inner check is right too; validateUscc does not enforce it, because GB 32100 only
 * defines the outer check and not every issued code keeps a valid inner one.
 */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new RangeError('Organisation code body must be 8 characters of 0-9 and A-Z');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += Number.parseInt(first8.charAt(i), 36) * ORG_CODE_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  if (c === 10) {
    return 'X';
  }
  if (c === 11) {
    return '0';
  }
  return String(c);
}
