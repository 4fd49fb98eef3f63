// UN/LOCODE (UN/ECE Recommendation 16): a 2-letter country code and a 3-character location code.

// The location part uses A–Z and the digits 2–9; 0 and 1 are never used so that they cannot
// be confused with O and I. The optional space allows the printed form 'CN TAO'.
const UN_LOCODE = /^[A-Z]{2} ?[A-Z2-9]{3}$/;

/**
 * True when the string has the UN/LOCODE shape, written 'CNTAO' or 'CN TAO'.
 * It checks the format only; whether the country part is an ISO 3166-1 code and the
 * location is actually listed are questions for the reference data, not for this function.
 */
export function isUnLocode(code: string): boolean {
  return UN_LOCODE.test(code);
}

/** Returns the compact 5-character form ('CN TAO' → 'CNTAO'), or null when the input is not a UN/LOCODE. */
export function normalizeUnLocode(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return isUnLocode(upper) ? upper.replace(' ', '') : null;
}
