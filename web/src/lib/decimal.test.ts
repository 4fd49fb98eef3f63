import { describe, expect, it } from 'vitest';
import { compareDecimalStrings, formatDecimalString, indexOfMinDecimal } from './decimal';

describe('compareDecimalStrings', () => {
  it('orders rates exactly where floats would blur them', () => {
    expect(compareDecimalStrings('0.0000060000', '0.0000060001')).toBeLessThan(0);
    expect(compareDecimalStrings('7.0500000000', '7.05')).toBe(0);
    expect(compareDecimalStrings('10.1', '9.99')).toBeGreaterThan(0);
    expect(compareDecimalStrings('007.5', '7.50')).toBe(0);
  });

  it('sorts a list of server rates into numeric order', () => {
    const rates = ['9.4200000000', '0.0049000000', '7.0500000000', '0.0000060000', '19.1'];
    expect([...rates].sort(compareDecimalStrings)).toEqual([
      '0.0000060000',
      '0.0049000000',
      '7.0500000000',
      '9.4200000000',
      '19.1',
    ]);
  });
});

describe('formatDecimalString', () => {
  it('groups the integer digits per language without float rounding', () => {
    expect(formatDecimalString('203600.00', 'en')).toBe('203,600.00');
    expect(formatDecimalString('1234567890123456789.01', 'en')).toBe('1,234,567,890,123,456,789.01');
    expect(formatDecimalString('999.5', 'zh-CN')).toBe('999.5');
    expect(formatDecimalString('0.10', 'en')).toBe('0.10');
    expect(formatDecimalString('-1000', 'en')).toBe('-1,000');
    // Russian groups with a (narrow) no-break space and uses a decimal comma.
    expect(formatDecimalString('203600.00', 'ru').replace(/\s/g, ' ')).toBe('203 600,00');
  });
});

describe('indexOfMinDecimal', () => {
  it('finds the cheapest amount exactly', () => {
    expect(indexOfMinDecimal(['203600.00', '176400.00', '1999999.99', '176400.0'])).toBe(1);
    expect(indexOfMinDecimal(['9007199254740993.01', '9007199254740993.00'])).toBe(1);
    expect(indexOfMinDecimal([])).toBe(-1);
  });
});
