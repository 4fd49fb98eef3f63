import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iso6346CheckDigit, iso6346LetterValue, validateContainerNumber } from './iso6346.js';

// The letter table exactly as printed in identifiers.md §2.
const PRINTED_TABLE =
  'A10 B12 C13 D14 E15 F16 G17 H18 I19 J20 K21 L23 M24 N25 O26 P27 Q28 R29 S30 T31 U32 V34 W35 X36 Y37 Z38';
const REFERENCE_VALUES = new Map(
  PRINTED_TABLE.split(' ').map((entry) => [entry.charAt(0), Number(entry.slice(1))] as const),
);

// Slow reference: printed table, Math.pow weights, raw remainder kept so tests can see the remainder-10 case.
function slowRemainder(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const char = first10.charAt(i);
    const value = i < 4 ? REFERENCE_VALUES.get(char)! : Number.parseInt(char, 10);
    sum += value * 2 ** i;
  }
  return sum % 11;
}

function slowIsValid(code: string): boolean {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(code)) return false;
  const remainder = slowRemainder(code.slice(0, 10));
  return (remainder === 10 ? 0 : remainder) === Number(code.charAt(10));
}

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const digit = fc.constantFrom(...'0123456789'.split(''));
const body = fc
  .tuple(
    fc.array(letter, { minLength: 3, maxLength: 3 }),
    fc.constantFrom('U', 'J', 'Z'),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
  )
  .map(([owner, category, serial]) => owner.join('') + category + serial.join(''));

describe('ISO 6346 container numbers', () => {
  // The derived letter values equal the table printed in identifiers.md.
  it('uses the printed letter values', () => {
    for (const [char, value] of REFERENCE_VALUES) {
      expect(iso6346LetterValue(char)).toBe(value);
    }
    expect(() => iso6346LetterValue('1')).toThrow(RangeError);
  });

  // The worked example CSQU305438 sums to 6185, 6185 mod 11 = 3.
  it('computes the worked example CSQU3054383', () => {
    expect(iso6346CheckDigit('CSQU305438')).toBe(3);
    expect(validateContainerNumber('CSQU3054383')).toEqual({ ok: true });
  });

  // Every synthetic example in identifiers.md validates, including the remainder-10 one.
  it('accepts the synthetic examples', () => {
    for (const code of [
      'COSU1234560',
      'TGHU9876542',
      'MSKU7035215',
      'OOLU1887237',
      'CBHU3456784',
      'TEMU6001015',
      'SEGU4123450',
      'MRKU2701404',
      'TGHU1000050',
    ]) {
      expect(validateContainerNumber(code)).toEqual({ ok: true });
    }
  });

  // TGHU100005 has remainder 10, which must become check digit 0 rather than 10.
  it('maps remainder 10 to check digit 0', () => {
    expect(slowRemainder('TGHU100005')).toBe(10);
    expect(iso6346CheckDigit('TGHU100005')).toBe(0);
  });

  // Each kind of malformed input maps to its own problem code.
  it('classifies bad input', () => {
    expect(validateContainerNumber('CSQU305438')).toEqual({ ok: false, problem: 'length' });
    expect(validateContainerNumber('CSQU 305438 3')).toEqual({ ok: false, problem: 'length' });
    expect(validateContainerNumber('CSQU30543A3')).toEqual({ ok: false, problem: 'charset' });
    expect(validateContainerNumber('csqu3054383')).toEqual({ ok: false, problem: 'charset' });
    expect(validateContainerNumber('CSQX3054383')).toEqual({ ok: false, problem: 'format' });
    expect(validateContainerNumber('CSQU3054384')).toEqual({ ok: false, problem: 'check' });
    expect(() => iso6346CheckDigit('CSQU30543')).toThrow(RangeError);
  });

  // Letters whose values differ by 11 (C13/M24) leave the sum unchanged mod 11: a real, documented collision.
  it('documents that some single substitutions collide', () => {
    expect(validateContainerNumber('MSQU3054383')).toEqual({ ok: true });
  });

  // For random bodies the production check digit matches the slow reference and the completed number validates.
  it('agrees with the slow reference on generated numbers', () => {
    fc.assert(
      fc.property(body, (first10) => {
        const remainder = slowRemainder(first10);
        const check = iso6346CheckDigit(first10);
        expect(check).toBe(remainder === 10 ? 0 : remainder);
        expect(validateContainerNumber(`${first10}${check}`)).toEqual({ ok: true });
      }),
      { numRuns: 2000 },
    );
  });

  // A single-character change is rejected exactly when the slow reference rejects it (the
  // remainder-10 rule and letters 11 apart allow collisions, so "always fails" would be false).
  it('judges single-character changes like the slow reference', () => {
    const replacementAt = (position: number) =>
      position < 3 ? letter : position === 3 ? fc.constantFrom('U', 'J', 'Z') : digit;
    fc.assert(
      fc.property(
        body,
        fc.nat(10).chain((position) => fc.tuple(fc.constant(position), replacementAt(position))),
        (first10, [position, replacement]) => {
          const code = `${first10}${iso6346CheckDigit(first10)}`;
          fc.pre(code.charAt(position) !== replacement);
          const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(validateContainerNumber(mutated).ok).toBe(slowIsValid(mutated));
          // Changes among digits only collide through the remainder-10 rule.
          if (position >= 4 && slowRemainder(first10) !== 10 && slowRemainder(mutated.slice(0, 10)) !== 10) {
            expect(validateContainerNumber(mutated).ok).toBe(false);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});
