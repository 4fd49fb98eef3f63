import { describe, expect, it } from 'vitest';
import { findTariffLine } from '../data/tariff.js';
import type { Rate, TariffLine } from '../data/types.js';
import { Dec } from './money.js';
import { entryInForce, selectDutyRate } from './rates.js';

const line = (code: string): TariffLine => {
  const found = findTariffLine(code);
  if (found === undefined) {
    throw new Error(`test setup: no line ${code}`);
  }
  return found;
};

const av = (fraction: string): Rate => ({ kind: 'adValorem', adValorem: fraction });

/** A line with an agreement column for a fictitious partner, to exercise the agreement branch. */
function withAgreement(base: TariffLine, agreementRate: Rate, provisional: Rate | null): TariffLine {
  return {
    ...base,
    rates: {
      ...base.rates,
      provisional: provisional === null ? [] : [{ effectiveFrom: '2024-01-01', rate: provisional }],
      agreement: [
        { partnerCountry: 'PK', agreement: 'Test FTA', rates: [{ effectiveFrom: '2024-01-01', rate: agreementRate }] },
      ],
    },
  };
}

const DATE = '2025-06-01';

describe('dated columns', () => {
  // The entry in force is the latest one starting on or before the date, whatever the order of the list.
  it('finds the entry in force', () => {
    const entries = [
      { effectiveFrom: '2024-12-01', fraction: '0.09' },
      { effectiveFrom: '2024-01-01', fraction: '0.13' },
    ];
    expect(entryInForce(entries, '2023-12-31')).toBeUndefined();
    expect(entryInForce(entries, '2024-11-30')?.fraction).toBe('0.13');
    expect(entryInForce(entries, '2024-12-01')?.fraction).toBe('0.09');
  });

  // Coal's 0 % provisional rate applies until 2023-12-31; from 2024-01-01 the column is withdrawn and MFN applies.
  it('follows a rate that ends', () => {
    const coal = line('2701129000');
    const context = { originCountry: 'RU', certificateOfOrigin: false };
    expect(selectDutyRate(coal, { ...context, date: '2023-12-31' })).toMatchObject({
      column: 'provisional',
      rate: av('0'),
    });
    expect(selectDutyRate(coal, { ...context, date: '2024-01-01' })).toMatchObject({ column: 'mfn', rate: av('0.06') });
  });

  // Before any column starts there is nothing to select.
  it('selects nothing before the catalogue starts', () => {
    expect(
      selectDutyRate(line('1512110000'), { date: '2023-06-01', originCountry: 'RU', certificateOfOrigin: false }),
    ).toBeUndefined();
  });
});

describe('duty rate selection', () => {
  // An MFN origin pays MFN; a provisional rate overrides it; a non-MFN origin pays general and never provisional.
  it('selects by origin', () => {
    const base = { date: DATE, certificateOfOrigin: false };
    expect(selectDutyRate(line('1512110000'), { ...base, originCountry: 'RU' })).toMatchObject({
      column: 'mfn',
      rate: av('0.09'),
    });
    expect(selectDutyRate(line('3104209000'), { ...base, originCountry: 'BY' })).toMatchObject({
      column: 'provisional',
      rate: av('0'),
    });
    expect(selectDutyRate(line('8507600030'), { ...base, originCountry: 'KR' })).toMatchObject({
      column: 'provisional',
      rate: av('0.01'),
    });
    const onlyRussia = new Set(['RU']);
    expect(
      selectDutyRate(line('3104209000'), { ...base, originCountry: 'BY', mfnCountries: onlyRussia }),
    ).toMatchObject({
      column: 'general',
      rate: av('0.30'),
    });
    expect(
      selectDutyRate(line('2709000000'), { ...base, originCountry: 'KZ', mfnCountries: onlyRussia }),
    ).toMatchObject({
      column: 'general',
      rate: { kind: 'specific', cnyPerUnit: '0.085', unit: '035' },
    });
  });

  // Every SCO member is an MFN origin in the default set (WTO members plus bilateral MFN clauses).
  it('treats SCO members as MFN origins by default', () => {
    for (const origin of ['RU', 'KZ', 'KG', 'TJ', 'UZ', 'IN', 'PK', 'IR', 'BY']) {
      expect(
        selectDutyRate(line('1512110000'), { date: DATE, originCountry: origin, certificateOfOrigin: false })?.column,
      ).toBe('mfn');
    }
  });

  // The 10-digit extension chooses the quota: in quota pays the quota rate (or its provisional rate), out pays MFN.
  it('applies tariff-quota rates on in-quota lines', () => {
    const base = { date: DATE, originCountry: 'KZ', certificateOfOrigin: false };
    expect(selectDutyRate(line('1001190001'), base)).toMatchObject({ column: 'tariffQuota', rate: av('0.01') });
    expect(selectDutyRate(line('1001190090'), base)).toMatchObject({ column: 'mfn', rate: av('0.65') });
    expect(selectDutyRate(line('3102100001'), base)).toMatchObject({ column: 'provisional', rate: av('0.01') });
    // A general-rate origin keeps the quota rate but not the provisional one.
    expect(selectDutyRate(line('3102100001'), { ...base, mfnCountries: new Set() })).toMatchObject({
      column: 'tariffQuota',
      rate: av('0.04'),
    });
  });

  // The agreement column needs a certificate of origin for goods of the partner; without one MFN applies.
  it('applies an agreement rate only with a certificate', () => {
    const fta = withAgreement(line('0806200000'), av('0.02'), null);
    const base = { date: DATE, originCountry: 'PK' };
    expect(selectDutyRate(fta, { ...base, certificateOfOrigin: true })).toMatchObject({
      column: 'agreement',
      agreement: 'Test FTA',
      rate: av('0.02'),
    });
    const without = selectDutyRate(fta, { ...base, certificateOfOrigin: false });
    expect(without).toMatchObject({ column: 'mfn', rate: av('0.10') });
    expect(without?.reason).toMatch(/certificate/);
    expect(selectDutyRate(fta, { ...base, originCountry: 'UZ', certificateOfOrigin: true })?.column).toBe('mfn');
  });

  // Between an agreement and a provisional rate the lower applies; rates of different kinds are compared on the goods.
  it('takes the lower of agreement and provisional rates', () => {
    const base = { date: DATE, originCountry: 'PK', certificateOfOrigin: true };
    expect(selectDutyRate(withAgreement(line('0806200000'), av('0.05'), av('0.03')), base)?.column).toBe('provisional');
    expect(selectDutyRate(withAgreement(line('0806200000'), av('0.02'), av('0.03')), base)?.column).toBe('agreement');
    const specific: Rate = { kind: 'specific', cnyPerUnit: '0.5', unit: '035' };
    const mixed = withAgreement(line('0806200000'), specific, av('0.03'));
    const goods = (valueCny: string, kg: string) => ({
      customsValueCny: new Dec(valueCny),
      quantities: new Map([['035' as const, new Dec(kg)]]),
    });
    // 1,000 kg: agreement CNY 500 against provisional 3 % of 10,000 = 300 → provisional.
    expect(selectDutyRate(mixed, { ...base, goods: goods('10000', '1000') })?.column).toBe('provisional');
    // 100 kg: agreement CNY 50 against 300 → agreement.
    expect(selectDutyRate(mixed, { ...base, goods: goods('10000', '100') })?.column).toBe('agreement');
    // Without the goods the kinds cannot be compared and the agreement rate is kept.
    expect(selectDutyRate(mixed, base)?.column).toBe('agreement');
  });

  // A provisional rate higher than MFN does not apply (customs.md §2: provisional "overrides MFN when lower").
  it('ignores a provisional rate above MFN', () => {
    const odd = { ...line('0806200000') };
    const higher: TariffLine = {
      ...odd,
      rates: { ...odd.rates, provisional: [{ effectiveFrom: '2024-01-01', rate: av('0.20') }] },
    };
    expect(selectDutyRate(higher, { date: DATE, originCountry: 'UZ', certificateOfOrigin: false })?.column).toBe('mfn');
  });
});
