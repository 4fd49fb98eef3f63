// Harmonized System commodity codes: 6-digit WCO subheadings and 8/10-digit national lines.
import type { IdentifierProblem, Validation } from './uscc.js';

function fail(problem: IdentifierProblem): Validation {
  return { ok: false, problem };
}

/**
 * Validates an HS code written as digits only: 6 digits (WCO subheading), 8 digits (a national
 * tariff line, China's 税则号列) or 10 digits (China's commodity code 商品编号, the form used
 * on Chinese declarations). The HS has no check digit, so beyond shape the only rule is that
 * the chapter exists: chapter 00 does not, and chapter 77 is reserved by the WCO.
 * Chapters 98 and 99 are left open because national tariffs use them for special lines.
 */
export function validateHsCode(code: string): Validation {
  if (!/^\d*$/.test(code)) {
    return fail('charset');
  }
  if (code.length !== 6 && code.length !== 8 && code.length !== 10) {
    return fail('length');
  }
  const chapter = code.slice(0, 2);
  if (chapter === '00' || chapter === '77') {
    return fail('format');
  }
  return { ok: true };
}

/** Strips the dots and spaces people write into HS codes ('8703.80' → '870380'). */
export function normalizeHsCode(code: string): string {
  return code.replace(/[.\s]/g, '');
}
