import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateVin, vinCheckDigit, vinCheckDigitRequired } from './vin.js';

// Slow reference built from the transliteration line printed in identifiers.md §3.
const PRINTED = 'A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9 S2 T3 U4 V5 W6 X7 Y8 Z9';
const LETTER_VALUES = new Map(PRINTED.split(' ').map((entry) => [entry.charAt(0), Number(entry.slice(1))] as const));
const WEIGHTS = '8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2'.split(' ').map(Number);

function slowVinCheck(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const char = vin.charAt(i);
    const value = /\d/.test(char) ? Number(char) : LETTER_VALUES.get(char)!;
    sum += value * WEIGHTS[i]!;
  }
  return sum % 11 === 10 ? 'X' : String(sum % 11);
}

const vinChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPRSTUVWXYZ'.split(''));
const anyVin = fc.array(vinChar, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

describe('VIN', () => {
  // The textbook VIN from identifiers.md sums to 351, remainder 10 → 'X'.
  it('computes the worked example 1M8GDM9AXKP042788', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(validateVin('1M8GDM9AXKP042788')).toEqual({ ok: true });
  });

  // The synthetic Chinese VIN sums to 413, remainder 6, and Chinese VINs are checked by default.
  it('computes the synthetic Chinese VIN LGXC16DF6R1234567', () => {
    expect(vinCheckDigit('LGXC16DF6R1234567')).toBe('6');
    expect(validateVin('LGXC16DF6R1234567')).toEqual({ ok: true });
    expect(validateVin('LGXC16DF7R1234567')).toEqual({ ok: false, problem: 'check' });
  });

  // North-American and Chinese WMIs require the check digit; a European WMI does not unless asked.
  it('applies the check digit by region', () => {
    expect(vinCheckDigitRequired('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigitRequired('LGXC16DF6R1234567')).toBe(true);
    expect(vinCheckDigitRequired('WVWZZZ1JZXW000001')).toBe(false);
    expect(validateVin('1M8GDM9A1KP042788')).toEqual({ ok: false, problem: 'check' });
    // WVWZZZ1JZXW000001 has a Z where a North-American check digit would be.
    expect(validateVin('WVWZZZ1JZXW000001')).toEqual({ ok: true });
    expect(validateVin('WVWZZZ1JZXW000001', { requireCheckDigit: true })).toEqual({ ok: false, problem: 'check' });
    expect(validateVin('1M8GDM9A1KP042788', { requireCheckDigit: false })).toEqual({ ok: true });
  });

  // Length and the I/O/Q ban are reported before any check-digit question.
  it('classifies bad input', () => {
    expect(validateVin('1M8GDM9AXKP04278')).toEqual({ ok: false, problem: 'length' });
    expect(validateVin('1M8GDM9AXKP0427888')).toEqual({ ok: false, problem: 'length' });
    for (const banned of ['I', 'O', 'Q', 'a', '-']) {
      expect(validateVin(`1M8GDM9AXKP04278${banned}`)).toEqual({ ok: false, problem: 'charset' });
    }
    expect(() => vinCheckDigit('1M8GDM9AXKP04278')).toThrow(RangeError);
    expect(() => vinCheckDigit('1M8GDM9AXKP04278O')).toThrow(RangeError);
  });

  // For any VIN-alphabet string the check digit equals the slow reference, and writing it into
  // position 9 gives a VIN that validates even when the check is forced.
  it('agrees with the slow reference', () => {
    fc.assert(
      fc.property(anyVin, (vin) => {
        const check = vinCheckDigit(vin);
        expect(check).toBe(slowVinCheck(vin));
        const fixed = `${vin.slice(0, 8)}${check}${vin.slice(9)}`;
        expect(validateVin(fixed, { requireCheckDigit: true })).toEqual({ ok: true });
      }),
      { numRuns: 2000 },
    );
  });

  // Position 9 has weight 0, so the check digit does not depend on what is written there.
  it('ignores position 9 when computing the check digit', () => {
    fc.assert(
      fc.property(anyVin, vinChar, (vin, replacement) => {
        expect(vinCheckDigit(`${vin.slice(0, 8)}${replacement}${vin.slice(9)}`)).toBe(vinCheckDigit(vin));
      }),
    );
  });
});
