import { describe, expect, it } from 'vitest';
import { customsValue } from './customs-value.js';

describe('customs value', () => {
  // A CIF price is the customs value already; only the conversion to CNY applies.
  it('takes a CIF price as it is', () => {
    const result = customsValue({ termsOfSale: 'CIF', priceAmount: '1000', cnyPerUnit: '7.1' });
    expect(result).toEqual({
      ok: true,
      value: {
        termsOfSale: 'CIF',
        freightAddedAmount: '0',
        insuranceAddedAmount: '0',
        insuranceDefaulted: false,
        cifAmount: '1000',
        cnyPerUnit: '7.1',
        customsValueCny: '7100.00',
      },
    });
  });

  // FOB adds freight and, when the premium is unknown, insurance of 3‰ of (price + freight).
  it('adds freight and default insurance to FOB', () => {
    const result = customsValue({ termsOfSale: 'FOB', priceAmount: '10000', freightAmount: '500', cnyPerUnit: '7.2' });
    expect(result.ok && result.value).toMatchObject({
      insuranceAddedAmount: '31.5',
      insuranceDefaulted: true,
      cifAmount: '10531.5',
      customsValueCny: '75826.80',
    });
  });

  // A known premium replaces the default; EXW is treated like FOB with carriage from the seller's door.
  it('uses a given premium and handles EXW', () => {
    const fob = customsValue({
      termsOfSale: 'FOB',
      priceAmount: '10000',
      freightAmount: '500',
      insuranceAmount: '12.34',
      cnyPerUnit: '1',
    });
    expect(fob.ok && fob.value.customsValueCny).toBe('10512.34');
    const exw = customsValue({ termsOfSale: 'EXW', priceAmount: '8000', freightAmount: '2000', cnyPerUnit: '1' });
    expect(exw.ok && exw.value.customsValueCny).toBe('10030.00');
  });

  // CFR includes freight (insurance defaults on the CFR price); C&I includes insurance (freight must be given).
  it('adds only what CFR and C&I leave out', () => {
    const cfr = customsValue({ termsOfSale: 'CFR', priceAmount: '10000', cnyPerUnit: '1' });
    expect(cfr.ok && cfr.value).toMatchObject({ insuranceAddedAmount: '30', customsValueCny: '10030.00' });
    const ci = customsValue({ termsOfSale: 'CI', priceAmount: '10000', freightAmount: '700', cnyPerUnit: '1' });
    expect(ci.ok && ci.value).toMatchObject({ insuranceDefaulted: false, customsValueCny: '10700.00' });
  });

  // Conversion rounds half-up to the fen: 0.5 fen goes up, 0.4999 fen goes down.
  it('rounds the CNY value half-up to the fen', () => {
    const up = customsValue({ termsOfSale: 'CIF', priceAmount: '1.001', cnyPerUnit: '5' });
    expect(up.ok && up.value.customsValueCny).toBe('5.01');
    const down = customsValue({ termsOfSale: 'CIF', priceAmount: '1.0009', cnyPerUnit: '5' });
    expect(down.ok && down.value.customsValueCny).toBe('5.00');
  });

  // Contradictory or missing adjustments and bad numbers are typed errors naming the field.
  it('reports bad input by field', () => {
    expect(customsValue({ termsOfSale: 'FOB', priceAmount: '100', cnyPerUnit: '7' })).toEqual({
      ok: false,
      errors: [{ code: 'MISSING_FREIGHT', path: 'freightAmount', message: expect.any(String) }],
    });
    const cif = customsValue({
      termsOfSale: 'CIF',
      priceAmount: '0',
      freightAmount: '5',
      insuranceAmount: '1',
      cnyPerUnit: '-7',
    });
    expect(cif.ok ? [] : cif.errors.map((error) => [error.code, error.path])).toEqual([
      ['NOT_POSITIVE', 'priceAmount'],
      ['INVALID_DECIMAL', 'cnyPerUnit'],
      ['ALREADY_INCLUDED', 'freightAmount'],
      ['ALREADY_INCLUDED', 'insuranceAmount'],
    ]);
    const terms = customsValue({ termsOfSale: 'DAP' as 'CIF', priceAmount: '1', cnyPerUnit: '1' });
    expect(terms.ok ? [] : terms.errors.map((error) => error.code)).toEqual(['INVALID_TERMS']);
  });
});
