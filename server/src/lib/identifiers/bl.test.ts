import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blCheckChar, makeBlNumber, validateBlNumber } from './bl.js';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('through bill of lading numbers', () => {
  it('builds SCOB + year + serial + Damm check digit and validates its own output', () => {
    const number = makeBlNumber(2026, 42);
    expect(number).toMatch(/^SCOB260000042\d$/);
    expect(validateBlNumber(number)).toEqual({ ok: true });
  });

  it('matches the published Damm example (572 → 4)', () => {
    expect(blCheckChar('572')).toBe('4');
  });

  it('detects every single substitution and adjacent transposition', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), (serial, year) => {
        const number = makeBlNumber(2000 + year, serial);
        for (let index = 4; index < 13; index += 1) {
          for (const replacement of '0123456789') {
            if (replacement === number[index]) continue;
            const altered = number.slice(0, index) + replacement + number.slice(index + 1);
            expect(validateBlNumber(altered).ok).toBe(false);
          }
          const next = number[index + 1];
          if (index < 12 && next !== undefined && next !== number[index]) {
            const swapped = number.slice(0, index) + next + number[index] + number.slice(index + 2);
            expect(validateBlNumber(swapped).ok).toBe(false);
          }
        }
        for (const replacement of ALPHANUMERIC) {
          if (replacement === number[13]) continue;
          expect(validateBlNumber(number.slice(0, 13) + replacement).ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names the problem with a malformed number', () => {
    expect(validateBlNumber('SCOB26')).toEqual({ ok: false, problem: 'length' });
    expect(validateBlNumber('XXXX260000042A')).toEqual({ ok: false, problem: 'charset' });
    expect(() => makeBlNumber(2026, 0)).toThrow(RangeError);
    expect(() => makeBlNumber(2026, 10_000_000)).toThrow(RangeError);
  });
});
