import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHsCode, validateHsCode } from './hs.js';

describe('HS codes', () => {
  // The China 10-digit examples from customs.md and HS 2022 subheadings validate.
  it('accepts 6-, 8- and 10-digit codes', () => {
    for (const code of ['1001190001', '1001190090', '8507600030', '8507600090', '870380', '854142', '85414300']) {
      expect(validateHsCode(code)).toEqual({ ok: true });
    }
  });

  // Other lengths, non-digits and non-existent chapters are rejected with distinct problems.
  it('classifies bad input', () => {
    expect(validateHsCode('8703.80')).toEqual({ ok: false, problem: 'charset' });
    expect(validateHsCode('87038A')).toEqual({ ok: false, problem: 'charset' });
    expect(validateHsCode('8703')).toEqual({ ok: false, problem: 'length' });
    expect(validateHsCode('8703801')).toEqual({ ok: false, problem: 'length' });
    expect(validateHsCode('8507600030123')).toEqual({ ok: false, problem: 'length' });
    expect(validateHsCode('')).toEqual({ ok: false, problem: 'length' });
    expect(validateHsCode('000000')).toEqual({ ok: false, problem: 'format' });
    expect(validateHsCode('7700000000')).toEqual({ ok: false, problem: 'format' });
  });

  // Dots and spaces as people write them are removed.
  it('normalizes written forms', () => {
    expect(normalizeHsCode('8703.80')).toBe('870380');
    expect(normalizeHsCode('8507.6000 30')).toBe('8507600030');
  });

  // Any digit string is accepted exactly when its length is 6, 8 or 10 and its chapter is neither 00 nor 77.
  it('matches the rule on random digit strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,12}$/), (code) => {
        const expected = [6, 8, 10].includes(code.length) && !['00', '77'].includes(code.slice(0, 2));
        expect(validateHsCode(code).ok).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
