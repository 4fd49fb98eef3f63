import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnLocode, normalizeUnLocode } from './locode.js';

// The core hub codes listed in identifiers.md §5.
const CORE_SET =
  'CNTAO CNJZH CNSIA CNCGO CNCTU CNHRB CNMLX CNRLC CNSFE CNTOJ RUMOW RULED RUZBK RUGRK KZALA KZAST UZTAS KGFRU TJDYU BYMSQ DEDUI DEHAM PLWAW KRPUS KRINC JPYOK JPFUK RUVVO INNSA PKKHI IRTHR'.split(
    ' ',
  );

// Slow reference: the rule spelled out character by character.
function slowIsUnLocode(code: string): boolean {
  const compact = code.length === 6 && code.charAt(2) === ' ' ? code.slice(0, 2) + code.slice(3) : code;
  if (compact.length !== 5) return false;
  const isLetter = (c: string) => c >= 'A' && c <= 'Z' && c.length === 1;
  const isLocationChar = (c: string) => isLetter(c) || (c >= '2' && c <= '9' && c.length === 1);
  return [...compact].every((c, i) => (i < 2 ? isLetter(c) : isLocationChar(c)));
}

describe('UN/LOCODE', () => {
  // Every code in the identifiers.md core set has the UN/LOCODE shape.
  it('accepts the core hub codes', () => {
    for (const code of CORE_SET) {
      expect(isUnLocode(code)).toBe(true);
    }
  });

  // The printed form with a space is accepted; digits 0 and 1, lower case and wrong lengths are not.
  it('applies the format rules', () => {
    expect(isUnLocode('CN TAO')).toBe(true);
    expect(isUnLocode('CNTA0')).toBe(false);
    expect(isUnLocode('CNTA1')).toBe(false);
    expect(isUnLocode('CN2TA')).toBe(true);
    expect(isUnLocode('C1TAO')).toBe(false);
    expect(isUnLocode('cntao')).toBe(false);
    expect(isUnLocode('CNTA')).toBe(false);
    expect(isUnLocode('CNTAOX')).toBe(false);
    expect(isUnLocode('CN  TAO')).toBe(false);
  });

  // normalizeUnLocode returns the compact upper-case form or null.
  it('normalizes printed forms', () => {
    expect(normalizeUnLocode(' cn tao ')).toBe('CNTAO');
    expect(normalizeUnLocode('CNJZH')).toBe('CNJZH');
    expect(normalizeUnLocode('CN-TAO')).toBeNull();
  });

  // On arbitrary short strings over a relevant alphabet the regex agrees with the slow reference.
  it('agrees with the slow reference', () => {
    const char = fc.constantFrom(...'ABCZ0129 a-'.split(''));
    fc.assert(
      fc.property(fc.array(char, { minLength: 0, maxLength: 7 }), (chars) => {
        const code = chars.join('');
        expect(isUnLocode(code)).toBe(slowIsUnLocode(code));
      }),
      { numRuns: 5000 },
    );
  });
});
