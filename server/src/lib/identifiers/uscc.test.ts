import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeUscc, orgCodeCheckChar, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc.js';

// A deliberately plain reference: weights are recomputed as 3^i mod 31 with BigInt powers
// instead of being read from a table, so a typo in the production table would show up.
function slowUsccCheckChar(first17: string): string {
  let sum = 0n;
  for (let i = 0; i < 17; i++) {
    const value = BigInt('0123456789ABCDEFGHJKLMNPQRTUWXY'.indexOf(first17.charAt(i)));
    sum += value * (3n ** BigInt(i) % 31n);
  }
  const c = Number((31n - (sum % 31n)) % 31n);
  return '0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt(c);
}

const charsetChar = fc.constantFrom(...USCC_CHARSET.split(''));
const digit = fc.constantFrom(...'0123456789'.split(''));
// A well-formed 17-character body: authority + type, a 6-digit region code, a 9-character subject.
const usccBody = fc
  .tuple(fc.array(charsetChar, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }))
  .chain(([head, region]) =>
    fc.array(charsetChar, { minLength: 9, maxLength: 9 }).map((tail) => [...head, ...region, ...tail].join('')),
  );

describe('USCC (GB 32100-2015)', () => {
  // The python-stdnum doctest value from identifiers.md computes to check character L.
  it('computes the worked example 91110000600037341L', () => {
    expect(usccCheckChar('91110000600037341')).toBe('L');
    expect(validateUscc('91110000600037341L')).toEqual({ ok: true });
    expect(makeUscc('91110000600037341')).toBe('91110000600037341L');
  });

  // The synthetic Jiaozhou enterprise from identifiers.md has check character 4 and a valid inner GB 11714 check.
  it('accepts the synthetic Jiaozhou code 91370281MA3C8K2P94', () => {
    expect(usccCheckChar('91370281MA3C8K2P9')).toBe('4');
    expect(validateUscc('91370281MA3C8K2P94')).toEqual({ ok: true });
    expect(orgCodeCheckChar('MA3C8K2P')).toBe('9');
  });

  // The GB 11714 worked example 60003734 has organisation-code check digit 1, and the 10/11 cases map to X/0.
  it('computes GB 11714 organisation-code check characters', () => {
    expect(orgCodeCheckChar('60003734')).toBe('1');
    // 00000001: Σ = 2, 2 mod 11 = 2, 11 − 2 = 9.
    expect(orgCodeCheckChar('00000001')).toBe('9');
    // 00000000: Σ = 0, 11 − 0 = 11 → '0'.
    expect(orgCodeCheckChar('00000000')).toBe('0');
    // 10000000: Σ = 3, 11 − 3 = 8; 30000000: Σ = 9, 11 − 9 = 2; 00000005: Σ = 10, 11 − 10 = 1.
    expect(orgCodeCheckChar('10000000')).toBe('8');
    expect(orgCodeCheckChar('30000000')).toBe('2');
    expect(orgCodeCheckChar('00000005')).toBe('1');
    // 40000000: Σ = 12, 12 mod 11 = 1, 11 − 1 = 10 → 'X'.
    expect(orgCodeCheckChar('40000000')).toBe('X');
    expect(() => orgCodeCheckChar('6000373')).toThrow(RangeError);
  });

  // The pilot-region code quoted in identifiers.md fails the check and is reported as 'check', not as a format error.
  it('reports the known pilot-region code as a check failure', () => {
    expect(validateUscc('91350100M0001TGQXM')).toEqual({ ok: false, problem: 'check' });
  });

  // Each kind of malformed input maps to its own problem code.
  it('classifies bad input', () => {
    expect(validateUscc('91110000600037341')).toEqual({ ok: false, problem: 'length' });
    expect(validateUscc('91110000600037341LL')).toEqual({ ok: false, problem: 'length' });
    expect(validateUscc('')).toEqual({ ok: false, problem: 'length' });
    for (const excluded of ['I', 'O', 'Z', 'S', 'V', 'a', '-']) {
      expect(validateUscc(`9111000060003734${excluded}L`)).toEqual({ ok: false, problem: 'charset' });
    }
    // A letter inside the 6-digit administrative division code is a format error.
    expect(validateUscc('9111A000600037341L')).toEqual({ ok: false, problem: 'format' });
    expect(validateUscc('91110000600037341M')).toEqual({ ok: false, problem: 'check' });
  });

  // usccCheckChar refuses input it cannot compute a meaningful check for.
  it('throws RangeError on malformed bodies', () => {
    expect(() => usccCheckChar('9111000060003734')).toThrow(RangeError);
    expect(() => usccCheckChar('911100006000373411')).toThrow(RangeError);
    expect(() => usccCheckChar('9111000060003734I')).toThrow(RangeError);
    expect(() => makeUscc('91110000600O37341')).toThrow(RangeError);
  });

  // For any well-formed body the production check character equals the slow reference and the made code validates.
  it('makes codes that always validate and agree with the reference', () => {
    fc.assert(
      fc.property(usccBody, (body) => {
        const code = makeUscc(body);
        expect(code.charAt(17)).toBe(slowUsccCheckChar(body));
        expect(validateUscc(code)).toEqual({ ok: true });
      }),
      { numRuns: 2000 },
    );
  });

  // Weights 3^i mod 31 are all non-zero and values are distinct mod 31, so every single substitution is caught.
  it('rejects every single-character change of a valid code', () => {
    fc.assert(
      fc.property(usccBody, fc.nat(17), charsetChar, (body, position, replacement) => {
        const code = makeUscc(body);
        fc.pre(code.charAt(position) !== replacement);
        const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(validateUscc(mutated).ok).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  // Exhaustively for one code: all 17 × 30 substitutions of the worked example are rejected.
  it('rejects all substitutions of the worked example', () => {
    const code = '91110000600037341L';
    for (let position = 0; position < 18; position++) {
      for (const replacement of USCC_CHARSET) {
        if (replacement === code.charAt(position)) continue;
        const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(validateUscc(mutated).ok).toBe(false);
      }
    }
  });
});
