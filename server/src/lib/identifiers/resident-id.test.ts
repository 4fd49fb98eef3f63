import { describe, expect, it } from 'vitest';
import { maskResidentId, residentIdCheckChar, validateResidentId } from './resident-id.js';

describe('PRC resident identity numbers (GB 11643-1999)', () => {
  it("reproduces the reference's worked examples", () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('37028119900101123')).toBe('2');
    expect(validateResidentId('11010519491231002X')).toEqual({ ok: true });
    expect(validateResidentId('370281199001011232')).toEqual({ ok: true });
  });

  it('catches every single-digit change of a valid number', () => {
    const valid = '370281199001011232';
    for (let i = 0; i < 17; i += 1) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === valid[i]) continue;
        const changed = `${valid.slice(0, i)}${d}${valid.slice(i + 1)}`;
        expect(validateResidentId(changed).ok, changed).toBe(false);
      }
    }
  });

  it('refuses malformed numbers and masks for display', () => {
    for (const bad of ['', '37028119900101123', '3702811990010112321', '37028119901301123X', 'x70281199001011232']) {
      expect(validateResidentId(bad)).toEqual({ ok: false, problem: 'format' });
    }
    expect(maskResidentId('370281199001011232')).toBe('370***********1232');
  });
});
