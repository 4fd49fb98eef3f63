import { describe, expect, it } from 'vitest';
import { findTariffLine } from '../data/tariff.js';
import {
  type CbecItemInput,
  type CbecOrderInput,
  type CbecTaxBill,
  cbecCompositeRate,
  checkCbecLimits,
  checkCbecQuantityCap,
  computeCbecOrderTax,
} from './cbec.js';
import { Dec } from './money.js';

const kg = (amount: string) => ({ amount, unit: '035' });
const SKIN_CARE: CbecItemInput = {
  code: '3304990010',
  retailPriceCny: '1000',
  quantities: [kg('0.5')],
  originCountry: 'KR',
};
const FORMULA: CbecItemInput = {
  code: '1901101000',
  retailPriceCny: '3000',
  quantities: [kg('6')],
  originCountry: 'NL',
};

function order(items: readonly CbecItemInput[], extra: Partial<CbecOrderInput> = {}): CbecTaxBill {
  const result = computeCbecOrderTax({ date: '2025-06-10', consumerYearToDateCny: '0', items, ...extra });
  if (!result.ok) {
    throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  }
  return result.value;
}

describe('CBEC composite tax (customs.md §4)', () => {
  // §4: CNY 3,000 of infant formula pays 3,000 × 13 % × 70 % = 273.
  it('reproduces the infant-formula example', () => {
    const bill = order([FORMULA]);
    expect(bill.treatment).toBe('preferential');
    expect(bill.lines[0]?.duty).toMatchObject({ column: 'cbecWithinLimits', amountCny: '0.00' });
    expect(bill.lines[0]?.vat).toMatchObject({ rate: '0.13', statutoryCny: '390.00', amountCny: '273.00' });
    expect(bill.totals.taxCny).toBe('273.00');
  });

  // §4: with 15 % CT and 13 % VAT the composite rate is (0.15 + 0.13) / 0.85 × 0.7 = 23.06 %.
  it('reproduces the composite rate', () => {
    const rate = cbecCompositeRate('0.15', '0.13');
    expect(rate.ok && new Dec(rate.value).toDecimalPlaces(4).toFixed()).toBe('0.2306');
    const plain = cbecCompositeRate('0', '0.13');
    expect(plain.ok && plain.value).toBe('0.091');
    expect(cbecCompositeRate('1', '0.13').ok).toBe(false);
  });

  // High-end skin care for CNY 1,000: CT 70 % × 176.4706 = 123.53, VAT 70 % × 152.9412 = 107.06; together
  // 230.59, which is 1,000 × 23.0588 % to the fen.
  it('levies 70 % of consumption tax and VAT within the limits', () => {
    const bill = order([SKIN_CARE]);
    const [line] = bill.lines;
    expect(line?.consumptionTax).toMatchObject({ statutoryCny: '176.47', amountCny: '123.53' });
    expect(line?.vat).toMatchObject({ statutoryCny: '152.94', amountCny: '107.06' });
    expect(line?.taxCny).toBe('230.59');
    const composite = cbecCompositeRate('0.15', '0.13');
    expect(composite.ok && new Dec(1000).times(composite.value).toDecimalPlaces(2).toFixed(2)).toBe('230.59');
    expect(bill.yearToDateAfterCny).toBe('1000.00');
  });

  // One indivisible item of CNY 6,000 is over the single limit but within the year: full general-trade taxes
  // (duty 1 %, CT 15 %, VAT 13 %) and the amount counts towards the annual limit.
  it('charges full tax on one indivisible item over the single limit', () => {
    const item = { ...SKIN_CARE, retailPriceCny: '6000' };
    const bill = order([item], { singleIndivisibleItem: true, consumerYearToDateCny: '10000' });
    expect(bill.treatment).toBe('fullTax');
    const [line] = bill.lines;
    // duty 60; CT base (6,000 + 60) / 0.85 = 7,129.41, CT 1,069.41; VAT 7,129.41 × 13 % = 926.82.
    expect(line?.duty).toMatchObject({ column: 'mfn', amountCny: '60.00' });
    expect(line?.consumptionTax).toMatchObject({ baseCny: '7129.41', amountCny: '1069.41' });
    expect(line?.vat.amountCny).toBe('926.82');
    expect(bill.totals.taxCny).toBe('2056.23');
    expect(bill.yearToDateAfterCny).toBe('16000.00');
  });

  // An order that would take the year past CNY 26,000 is general trade: full taxes, not counted for CBEC.
  it('treats an order over the annual limit as general trade', () => {
    const bill = order([FORMULA], { consumerYearToDateCny: '24000' });
    expect(bill.treatment).toBe('generalTrade');
    expect(bill.yearToDateAfterCny).toBe('24000.00');
    // duty 15 % = 450; VAT (3,000 + 450) × 13 % = 448.50.
    expect(bill.totals).toMatchObject({ dutyCny: '450.00', vatCny: '448.50', taxCny: '898.50' });
  });
});

describe('CBEC limits', () => {
  const check = (orderValueCny: string, yearToDateCny: string, singleIndivisibleItem = false) => {
    const result = checkCbecLimits({ orderValueCny, yearToDateCny, singleIndivisibleItem });
    return result.ok ? result.value.treatment : result.errors.map((error) => error.code).join();
  };

  // Both limits are inclusive: CNY 5,000.00 per order and 26,000.00 per year are still within.
  it('includes the limits themselves', () => {
    expect(check('5000', '0')).toBe('preferential');
    expect(check('5000.01', '0')).toBe('generalTrade');
    expect(check('5000.01', '0', true)).toBe('fullTax');
    expect(check('1000', '25000')).toBe('preferential');
    expect(check('1000.01', '25000')).toBe('generalTrade');
    expect(check('6000', '20000', true)).toBe('fullTax');
    expect(check('6000', '20000.01', true)).toBe('generalTrade');
  });

  // Bad amounts are typed errors.
  it('rejects bad amounts', () => {
    expect(check('0', '0')).toBe('NOT_POSITIVE');
    expect(check('100', '-1')).toBe('INVALID_DECIMAL');
  });

  // Sugar is capped at 2 kg per person per year (customs.md §4); lines without a cap are always within.
  it('checks yearly quantity caps', () => {
    const sugar = findTariffLine('1701991001')!;
    const cap = (ordered: string, before: string) => {
      const result = checkCbecQuantityCap(sugar, ordered, before);
      return result.ok && result.value.withinCap;
    };
    expect(cap('1', '1')).toBe(true);
    expect(cap('1', '1.001')).toBe(false);
    const noCap = checkCbecQuantityCap(findTariffLine('3304990010')!, '100', '1000');
    expect(noCap.ok && noCap.value).toMatchObject({ withinCap: true, cap: null });
  });
});

describe('CBEC order errors', () => {
  const codes = (input: CbecOrderInput) => {
    const result = computeCbecOrderTax(input);
    return result.ok ? [] : result.errors.map((error) => [error.code, error.path]);
  };

  // Goods off the positive list and orders over a yearly cap cannot go through the CBEC channel.
  it('enforces the positive list and quantity caps', () => {
    expect(
      codes({
        date: '2025-06-10',
        consumerYearToDateCny: '0',
        items: [
          { code: '2709000000', retailPriceCny: '100', quantities: [kg('10')], originCountry: 'RU' },
          {
            code: '1701991001',
            retailPriceCny: '30',
            quantities: [kg('1.5')],
            originCountry: 'TH',
            yearToDateQuantity: '1',
          },
        ],
      }),
    ).toEqual([
      ['NOT_ON_POSITIVE_LIST', 'items.0.code'],
      ['QUANTITY_CAP_EXCEEDED', 'items.1.quantities'],
    ]);
  });

  // Field errors name their path; the indivisible flag needs a single item.
  it('names bad fields', () => {
    expect(
      codes({
        date: '2025-13-01',
        consumerYearToDateCny: 'lots',
        singleIndivisibleItem: true,
        items: [
          { ...SKIN_CARE, retailPriceCny: '0' },
          { ...FORMULA, quantities: [{ amount: '6', unit: '095' }] },
        ],
      }),
    ).toEqual([
      ['INVALID_DATE', 'date'],
      ['INVALID_DECIMAL', 'consumerYearToDateCny'],
      ['NOT_SINGLE_ITEM', 'singleIndivisibleItem'],
      ['NOT_POSITIVE', 'items.0.retailPriceCny'],
      ['UNIT_NOT_LEGAL', 'items.1.quantities.0.unit'],
      ['MISSING_QUANTITY', 'items.1.quantities'],
    ]);
  });
});
