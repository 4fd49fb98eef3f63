import { describe, expect, it } from 'vitest';
import { computeTaxBill, type DeclarationInput, type DeclarationItemInput, type TaxBill } from './bill.js';

const CNY_RATES = { month: '2025-06', cnyPerUnit: {} };

/** A CIF declaration in CNY on 2025-06-10, so that the customs value is the price itself. */
function cnyDeclaration(items: readonly DeclarationItemInput[]): DeclarationInput {
  return { date: '2025-06-10', termsOfSale: 'CIF', currency: 'CNY', exchangeRates: CNY_RATES, items };
}

function billOf(input: DeclarationInput, mfnCountries?: ReadonlySet<string>): TaxBill {
  const result = computeTaxBill(input, { mfnCountries });
  if (!result.ok) {
    throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  }
  return result.value;
}

const kg = (amount: string) => ({ amount, unit: '035' });

describe('tax bill: worked examples of customs.md §3', () => {
  // Example A: crude sunflower oil from Russia, value 1,000,000, MFN 9 %, VAT 9 % → taxes 188,100.
  it('reproduces example A', () => {
    const bill = billOf(
      cnyDeclaration([
        { code: '1512110000', priceAmount: '1000000', quantities: [kg('1000000')], originCountry: 'RU' },
      ]),
    );
    const [line] = bill.lines;
    expect(line?.customsValueCny).toBe('1000000.00');
    expect(line?.duty).toMatchObject({
      column: 'mfn',
      rate: { kind: 'adValorem', adValorem: '0.09' },
      amountCny: '90000.00',
    });
    expect(line?.consumptionTax).toBeNull();
    expect(line?.vat).toMatchObject({ rate: '0.09', baseCny: '1090000.00', amountCny: '98100.00' });
    expect(bill.totals).toEqual({
      customsValueCny: '1000000.00',
      dutyCny: '90000.00',
      consumptionTaxCny: '0.00',
      vatCny: '98100.00',
      taxCny: '188100.00',
    });
  });

  // Example B: petrol car 1.5–2.0 L, value 200,000, MFN 15 %, CT 5 %, VAT 13 % → taxes 73,578.94.
  it('reproduces example B', () => {
    const bill = billOf(
      cnyDeclaration([
        {
          code: '8703234110',
          priceAmount: '200000',
          quantities: [
            { amount: '1', unit: '003' },
            { amount: '1450', unit: '035' },
          ],
          originCountry: 'DE',
        },
      ]),
    );
    const [line] = bill.lines;
    expect(line?.duty.amountCny).toBe('30000.00');
    expect(line?.consumptionTax).toMatchObject({ baseCny: '242105.26', amountCny: '12105.26' });
    expect(line?.vat).toMatchObject({ baseCny: '242105.26', amountCny: '31473.68' });
    expect(line?.taxCny).toBe('73578.94');
    expect(bill.totals.taxCny).toBe('73578.94');
  });
});

describe('tax bill: specific, compound and consumption-tax examples', () => {
  // Crude oil: MFN CNY 0/kg gives no duty; a general-rate origin pays CNY 0.085/kg (customs.md §3).
  it('computes specific duty', () => {
    const item = { code: '2709000000', priceAmount: '4000000', quantities: [kg('1000000')], originCountry: 'KZ' };
    const mfn = billOf(cnyDeclaration([item]));
    expect(mfn.lines[0]?.duty).toMatchObject({ column: 'mfn', amountCny: '0.00' });
    expect(mfn.totals.vatCny).toBe('520000.00');
    const general = billOf(cnyDeclaration([item]), new Set(['RU']));
    expect(general.lines[0]?.duty).toMatchObject({ column: 'general', amountCny: '85000.00' });
    // VAT = (4,000,000 + 85,000) × 13 %.
    expect(general.totals).toMatchObject({ dutyCny: '85000.00', vatCny: '531050.00', taxCny: '616050.00' });
  });

  // Fuel oil No. 5–7: provisional 1 % duty, specific consumption tax CNY 1.2/L, VAT 13 %.
  it('computes a specific consumption tax', () => {
    const bill = billOf(
      cnyDeclaration([
        {
          code: '2710192200',
          priceAmount: '500000',
          quantities: [kg('100000'), { amount: '105000', unit: '095' }],
          originCountry: 'RU',
        },
      ]),
    );
    const [line] = bill.lines;
    expect(line?.duty).toMatchObject({ column: 'provisional', amountCny: '5000.00' });
    expect(line?.consumptionTax).toMatchObject({ baseCny: null, amountCny: '126000.00' });
    // VAT = (500,000 + 5,000 + 126,000) × 13 % = 82,030.
    expect(line?.vat.amountCny).toBe('82030.00');
    expect(line?.taxCny).toBe('213030.00');
  });

  // Vodka: 10 % duty and compound CT 20 % + CNY 1/L: base (10,000 + 1,000 + 1,000) / 0.8 = 15,000, CT 4,000.
  it('computes a compound consumption tax on spirits', () => {
    const bill = billOf(
      cnyDeclaration([
        {
          code: '2208600000',
          priceAmount: '10000',
          quantities: [
            { amount: '1000', unit: '095' },
            { amount: '1300', unit: '035' },
          ],
          originCountry: 'RU',
        },
      ]),
    );
    const [line] = bill.lines;
    expect(line?.duty.amountCny).toBe('1000.00');
    expect(line?.consumptionTax).toMatchObject({ baseCny: '15000.00', amountCny: '4000.00' });
    expect(line?.vat).toMatchObject({ baseCny: '15000.00', amountCny: '1950.00' });
    expect(line?.taxCny).toBe('6950.00');
  });

  // Cigarettes: 25 % duty, CT 56 % + CNY 3 per thousand sticks:
  // base = (100,000 + 25,000 + 7,500) / 0.44 = 301,136.3636…; CT = base × 0.56 + 7,500 = 176,136.36;
  // VAT = (100,000 + 25,000 + 176,136.36) × 13 % = 39,147.7268 → 39,147.73.
  it('computes a compound consumption tax on cigarettes', () => {
    const bill = billOf(
      cnyDeclaration([
        {
          code: '2402200000',
          priceAmount: '100000',
          quantities: [kg('2600'), { amount: '2500', unit: '143' }],
          originCountry: 'RU',
        },
      ]),
    );
    const [line] = bill.lines;
    expect(line?.duty.amountCny).toBe('25000.00');
    expect(line?.consumptionTax).toMatchObject({ baseCny: '301136.36', amountCny: '176136.36' });
    expect(line?.vat.amountCny).toBe('39147.73');
    expect(line?.taxCny).toBe('240284.09');
  });

  // A car over 4.0 L: 15 % duty, CT 40 %: base 575,000 / 0.6 = 958,333.33, CT 383,333.33, VAT 124,583.33.
  it('computes consumption tax on a large car', () => {
    const bill = billOf(
      cnyDeclaration([
        {
          code: '8703242110',
          priceAmount: '500000',
          quantities: [
            { amount: '1', unit: '003' },
            { amount: '2500', unit: '035' },
          ],
          originCountry: 'JP',
        },
      ]),
    );
    const [line] = bill.lines;
    expect(line?.duty.amountCny).toBe('75000.00');
    expect(line?.consumptionTax).toMatchObject({ baseCny: '958333.33', amountCny: '383333.33' });
    expect(line?.vat.amountCny).toBe('124583.33');
    expect(line?.taxCny).toBe('582916.66');
  });

  // A pure EV bears duty and VAT only.
  it('leaves consumption tax off an electric car', () => {
    const bill = billOf(
      cnyDeclaration([
        {
          code: '8703800000',
          priceAmount: '300000',
          quantities: [
            { amount: '1', unit: '003' },
            { amount: '2100', unit: '035' },
          ],
          originCountry: 'DE',
        },
      ]),
    );
    expect(bill.totals).toMatchObject({ dutyCny: '45000.00', consumptionTaxCny: '0.00', vatCny: '44850.00' });
  });
});

describe('tax bill: rounding', () => {
  // Half a fen rounds up (not to even): wheat bran 5 % of 100.10 = 5.005 → 5.01; VAT 9 % of 105.11 = 9.4599 → 9.46.
  it('rounds each tax half-up to the fen', () => {
    const bill = billOf(
      cnyDeclaration([{ code: '2302300000', priceAmount: '100.10', quantities: [kg('500')], originCountry: 'KZ' }]),
    );
    expect(bill.lines[0]?.duty.amountCny).toBe('5.01');
    expect(bill.lines[0]?.vat.amountCny).toBe('9.46');
  });

  // VAT exactly on half a fen: sunflower oil of 50.00 → duty 4.50, VAT 9 % of 54.50 = 4.905 → 4.91.
  it('rounds a VAT of half a fen up', () => {
    const bill = billOf(
      cnyDeclaration([{ code: '1512110000', priceAmount: '50', quantities: [kg('40')], originCountry: 'RU' }]),
    );
    expect(bill.lines[0]?.vat.amountCny).toBe('4.91');
  });

  // Rounding is per line: two lines of 5.005 duty total 10.02, where rounding the declaration would give 10.01.
  it('rounds per line, not per declaration', () => {
    const item = { code: '2302300000', priceAmount: '100.10', quantities: [kg('500')], originCountry: 'KZ' };
    const bill = billOf(cnyDeclaration([item, item]));
    expect(bill.totals.dutyCny).toBe('10.02');
  });
});

describe('tax bill: currency and freight', () => {
  // FOB in USD: header freight of 1,000 is spread 600/400 by price, insurance defaults to 3‰ per item, and
  // each item's CIF is converted at the month's rate and rounded to the fen.
  it('spreads header freight and converts at the month rate', () => {
    const bill = billOf({
      date: '2025-06-10',
      termsOfSale: 'FOB',
      currency: 'USD',
      freightAmount: '1000',
      exchangeRates: { month: '2025-06', cnyPerUnit: { USD: '7.1', EUR: '7.8' } },
      items: [
        {
          code: '8429521900',
          priceAmount: '6000',
          quantities: [{ amount: '1', unit: '001' }, kg('20000')],
          originCountry: 'JP',
        },
        {
          code: '8429510000',
          priceAmount: '4000',
          quantities: [{ amount: '1', unit: '001' }, kg('9000')],
          originCountry: 'KR',
        },
      ],
    });
    expect(bill.cnyPerUnit).toBe('7.1');
    expect(
      bill.lines.map((line) => [line.freightAmount, line.insuranceAmount, line.cifAmount, line.customsValueCny]),
    ).toEqual([
      ['600', '19.8', '6619.8', '47000.58'],
      ['400', '13.2', '4413.2', '31333.72'],
    ]);
    expect(bill.totals.customsValueCny).toBe('78334.30');
    expect(bill.lines.every((line) => line.insuranceDefaulted)).toBe(true);
    expect(bill.input.freightAmount).toBe('1000');
  });
});

describe('tax bill: errors', () => {
  // Every bad field is reported with its path, and nothing is computed.
  it('names each bad field', () => {
    const result = computeTaxBill({
      date: '2025-06-10',
      termsOfSale: 'CIF',
      currency: 'USD',
      exchangeRates: { month: '2025-06', cnyPerUnit: { EUR: '7.8' } },
      items: [
        { code: '9999999999', priceAmount: '10', quantities: [kg('1')], originCountry: 'RU' },
        {
          code: '8703234110',
          priceAmount: '20000',
          quantities: [kg('1500'), { amount: '1', unit: '001' }],
          originCountry: 'DE',
        },
        { code: '1512110000', priceAmount: '0', quantities: [kg('0')], originCountry: 'Russia' },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => [error.code, error.path])).toEqual([
      ['UNKNOWN_CURRENCY_RATE', 'currency'],
      ['UNKNOWN_LINE', 'items.0.code'],
      ['UNIT_NOT_LEGAL', 'items.1.quantities.1.unit'],
      ['MISSING_QUANTITY', 'items.1.quantities'],
      ['NOT_POSITIVE', 'items.2.priceAmount'],
      ['INVALID_COUNTRY', 'items.2.originCountry'],
      ['NOT_POSITIVE', 'items.2.quantities.0.amount'],
    ]);
  });

  // Header problems: a date that does not exist, a rate table of another month, missing freight under FOB.
  it('checks the header', () => {
    const base: DeclarationInput = {
      date: '2025-06-10',
      termsOfSale: 'FOB',
      currency: 'USD',
      exchangeRates: { month: '2025-05', cnyPerUnit: { USD: '7.1' } },
      items: [{ code: '1512110000', priceAmount: '10', quantities: [kg('1')], originCountry: 'RU' }],
    };
    const codes = (input: DeclarationInput) => {
      const result = computeTaxBill(input);
      return result.ok ? [] : result.errors.map((error) => [error.code, error.path]);
    };
    expect(codes(base)).toEqual([
      ['RATE_MONTH_MISMATCH', 'exchangeRates.month'],
      ['MISSING_FREIGHT', 'freightAmount'],
    ]);
    expect(
      codes({
        ...base,
        date: '2025-02-30',
        termsOfSale: 'CIF',
        exchangeRates: { month: '2025-02', cnyPerUnit: { USD: '7' } },
      }),
    ).toEqual([['INVALID_DATE', 'date']]);
    expect(codes({ ...base, currency: 'CNY', termsOfSale: 'CIF', items: [] })).toEqual([['NO_ITEMS', 'items']]);
    const many = Array.from({ length: 51 }, () => base.items[0]!);
    expect(codes({ ...base, currency: 'CNY', termsOfSale: 'CIF', items: many })).toEqual([['TOO_MANY_ITEMS', 'items']]);
  });

  // A declaration dated before the catalogue's rates start has no rate to apply.
  it('reports a line without a rate in force', () => {
    const result = computeTaxBill({
      ...cnyDeclaration([{ code: '1512110000', priceAmount: '10', quantities: [kg('1')], originCountry: 'RU' }]),
      date: '2023-06-01',
      exchangeRates: { month: '2023-06', cnyPerUnit: {} },
    });
    expect(result.ok ? [] : result.errors.map((error) => [error.code, error.path])).toEqual([
      ['NO_RATE_IN_FORCE', 'items.0.code'],
    ]);
  });

  // Input that breaks the types (as JSON can) still answers with errors instead of throwing.
  it('does not throw on malformed input', () => {
    const malformed = {
      date: 5,
      termsOfSale: 'XYZ',
      currency: null,
      exchangeRates: null,
      items: 'x',
    } as unknown as DeclarationInput;
    const result = computeTaxBill(malformed);
    expect(result.ok).toBe(false);
    expect(computeTaxBill(null as unknown as DeclarationInput).ok).toBe(false);
    const nulls = {
      ...cnyDeclaration([]),
      items: [null, { code: '1512110000', priceAmount: '1', quantities: [null], originCountry: 'RU' }],
    };
    expect(computeTaxBill(nulls as unknown as DeclarationInput).ok).toBe(false);
    const items = [{ code: 42, priceAmount: 1, quantities: [{ amount: 1, unit: 7 }], originCountry: 'RU' }];
    const badItems = { ...cnyDeclaration([]), items } as unknown as DeclarationInput;
    expect(computeTaxBill(badItems).ok).toBe(false);
    const badQuantities = {
      ...cnyDeclaration([]),
      items: [{ code: '1512110000', priceAmount: '1', quantities: 'many', originCountry: 'RU' }],
    } as unknown as DeclarationInput;
    expect(computeTaxBill(badQuantities).ok).toBe(false);
  });
});
