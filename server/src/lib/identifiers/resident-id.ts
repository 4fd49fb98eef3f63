// PRC resident identity numbers (GB 11643-1999), the identity of a CBEC consumer (订购人): 6-digit region,
// 8-digit birth date, 3-digit sequence and an ISO 7064 MOD 11-2 check character (identifiers.md).
import type { Validation } from './uscc.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const PATTERN = /^\d{17}[\dX]$/;

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function validateResidentId(id: string): Validation {
  if (!PATTERN.test(id)) return { ok: false, problem: 'format' };
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, problem: 'format' };
  return residentIdCheckChar(id.slice(0, 17)) === id[17] ? { ok: true } : { ok: false, problem: 'check' };
}

/** What a screen may show: region prefix and the last four, e.g. 370***********1232. */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;
}
