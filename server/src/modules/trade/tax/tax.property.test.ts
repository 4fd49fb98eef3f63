import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARIFF_LINES } from '../data/tariff.js';
import type { TariffLine } from '../data/types.js';
import { computeTaxBill, type DeclarationInput, type DeclarationItemInput, type TaxBill } from './bill.js';
import { cbecCompositeRate, computeCbecOrderTax } from './cbec.js';
import { Dec } from './money.js';
import { rateInForce } from './rates.js';

// Replay a failure with TRADE_SEED=<seed> (fast-check also prints the seed and the shrunk counterexample).
const SEED = Number(process.env.TRADE_SEED ?? Date.now() % 2_147_483_647);
const RUNS = Number(process.env.TRADE_RUNS ?? 300);

/** Origins: MFN ones, and "XX", which is in no MFN set and so pays the general column. */
const ORIGINS = ['RU', 'KZ', 'UZ', 'PK', 'DE', 'XX'];

/** A decimal string with `decimals` places from an integer of minor units. */
const decimalOf = (minor: number, decimals: number): string => {
  const scale = 10 ** decimals;
  const whole = Math.floor(minor / scale);
  return decimals === 0 ? String(whole) : `${whole}.${String(minor % scale).padStart(decimals, '0')}`;
};

const amount = (maxMinor: number, decimals: number) =>
  fc.integer({ min: 1, max: maxMinor }).map((minor) => decimalOf(minor, decimals));

const date = fc
  .integer({ min: 0, max: 3 * 365 - 1 })
  .map((days) => new Date(Date.UTC(2024, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));

function itemFor(line: TariffLine): fc.Arbitrary<DeclarationItemInput> {
  const units = line.secondUnit === null ? [line.firstUnit] : [line.firstUnit, line.secondUnit];
  return fc.record({
    code: fc.constant(line.code),
    priceAmount: amount(500_000_000, 2),
    quantities: fc.tuple(...units.map((unit) => amount(10_000_000, 3).map((text) => ({ amount: text, unit })))),
    originCountry: fc.constantFrom(...ORIGINS),
    certificateOfOrigin: fc.boolean(),
  });
}

const item = fc.constantFrom(...TARIFF_LINES).chain(itemFor);

const declaration: fc.Arbitrary<DeclarationInput> = fc
  .record({
    date,
    fob: fc.boolean(),
    freight: amount(5_000_000, 2),
    rate: amount(100_000, 4),
    items: fc.array(item, { minLength: 1, maxLength: 8 }),
  })
  .map(({ date: day, fob, freight, rate, items }) => ({
    date: day,
    termsOfSale: fob ? 'FOB' : 'CIF',
    currency: 'USD',
    ...(fob ? { freightAmount: freight } : {}),
    exchangeRates: { month: day.slice(0, 7), cnyPerUnit: { USD: rate } },
    items,
  }));

function billOf(input: DeclarationInput): TaxBill {
  const result = computeTaxBill(input);
  if (!result.ok) {
    throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  }
  return result.value;
}

const sum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Dec(0)).toFixed(2);

/** A line's amounts without its position, to compare bills whose items were reordered. */
const amountsOf = (line: TaxBill['lines'][number]) => {
  const { item: _position, ...rest } = line;
  return JSON.stringify(rest);
};

describe('tax bill properties', () => {
  // Taxes are never negative, each line adds up, VAT is taken on value + duty + CT, and totals are the sums.
  it('adds up and never goes negative', () => {
    fc.assert(
      fc.property(declaration, (input) => {
        const bill = billOf(input);
        expect(bill.lines.length).toBe(input.items.length);
        for (const line of bill.lines) {
          const ct = line.consumptionTax?.amountCny ?? '0';
          for (const value of [line.customsValueCny, line.duty.amountCny, ct, line.vat.amountCny]) {
            expect(new Dec(value).isNegative()).toBe(false);
          }
          expect(line.taxCny).toBe(sum([line.duty.amountCny, ct, line.vat.amountCny]));
          expect(line.vat.baseCny).toBe(sum([line.customsValueCny, line.duty.amountCny, ct]));
          // The composite price of an ad valorem or compound CT is value + duty + CT, to the fen.
          if (line.consumptionTax?.baseCny != null) {
            expect(line.consumptionTax.baseCny).toBe(line.vat.baseCny);
          }
        }
        expect(bill.totals).toEqual({
          customsValueCny: sum(bill.lines.map((line) => line.customsValueCny)),
          dutyCny: sum(bill.lines.map((line) => line.duty.amountCny)),
          consumptionTaxCny: sum(bill.lines.map((line) => line.consumptionTax?.amountCny ?? '0')),
          vatCny: sum(bill.lines.map((line) => line.vat.amountCny)),
          taxCny: sum(bill.lines.map((line) => line.taxCny)),
        });
      }),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
  });

  // Reordering the items (header freight included) changes nothing but the order of the lines.
  it('is invariant to the order of the items', () => {
    fc.assert(
      fc.property(
        declaration.chain((input) =>
          fc
            .shuffledSubarray([...input.items.keys()], { minLength: input.items.length })
            .map((order) => ({ input, order })),
        ),
        ({ input, order }) => {
          const original = billOf(input);
          const shuffled = billOf({ ...input, items: order.map((index) => input.items[index]!) });
          expect(shuffled.totals).toEqual(original.totals);
          order.forEach((from, to) => {
            expect(amountsOf(shuffled.lines[to]!)).toBe(amountsOf(original.lines[from]!));
          });
        },
      ),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
  });

  // Doubling the value of a line whose selected duty is purely ad valorem doubles its duty, within a fen.
  it('doubles an ad valorem duty with the value', () => {
    const adValoremItem = item.filter((candidate) => {
      const bill = billOf({
        date: '2025-06-10',
        termsOfSale: 'CIF',
        currency: 'CNY',
        exchangeRates: { month: '2025-06', cnyPerUnit: {} },
        items: [candidate],
      });
      return bill.lines[0]?.duty.rate.kind === 'adValorem';
    });
    fc.assert(
      fc.property(adValoremItem, (candidate) => {
        const bill = (priceAmount: string) =>
          billOf({
            date: '2025-06-10',
            termsOfSale: 'CIF',
            currency: 'CNY',
            exchangeRates: { month: '2025-06', cnyPerUnit: {} },
            items: [{ ...candidate, priceAmount }],
          }).lines[0]!;
        const single = bill(candidate.priceAmount);
        const double = bill(new Dec(candidate.priceAmount).times(2).toFixed());
        const drift = new Dec(double.duty.amountCny).minus(new Dec(single.duty.amountCny).times(2)).abs();
        expect(drift.lessThanOrEqualTo('0.01')).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
  });
});

describe('CBEC properties', () => {
  const positiveAdValorem = TARIFF_LINES.filter(
    (line) =>
      line.cbec.positiveList &&
      line.cbec.capPerPersonPerYear === null &&
      line.rates.consumptionTax.every((entry) => entry.rate?.kind === 'adValorem'),
  );

  // Within the limits the tax of a line is its price × the §4 composite rate, within a fen (two roundings).
  it('matches the composite-rate formula within the limits', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...positiveAdValorem)
          .chain((line) => fc.record({ line: fc.constant(line), item: itemFor(line), price: amount(500_000, 2) })),
        ({ line, item: candidate, price }) => {
          const result = computeCbecOrderTax({
            date: '2025-06-10',
            consumerYearToDateCny: '0',
            items: [{ ...candidate, retailPriceCny: price }],
          });
          expect(result.ok).toBe(true);
          if (!result.ok) {
            return;
          }
          const ct = rateInForce(line.rates.consumptionTax, '2025-06-10')?.rate;
          const ctRate = ct?.kind === 'adValorem' ? ct.adValorem : '0';
          const composite = cbecCompositeRate(ctRate, line.rates.importVat[0]!.fraction);
          expect(composite.ok).toBe(true);
          if (!composite.ok) {
            return;
          }
          const expected = new Dec(price).times(composite.value);
          expect(new Dec(result.value.totals.taxCny).minus(expected).abs().lessThanOrEqualTo('0.01')).toBe(true);
          expect(result.value.totals.dutyCny).toBe('0.00');
        },
      ),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
  });
});
