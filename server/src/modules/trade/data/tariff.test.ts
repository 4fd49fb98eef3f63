import { describe, expect, it } from 'vitest';
import { validateHsCode } from '../../../lib/identifiers/index.js';
import { isIsoDate, parseDecimal } from '../tax/money.js';
import { findTariffLine, TARIFF_LINES } from './tariff.js';
import type { DatedFraction, DatedRate, Rate, TariffLine } from './types.js';
import { UNITS } from './units.js';

/** Every HS 2022 subheading of customs.md §9 (and the §7 "new three"), written as 6 digits. */
const REFERENCE_SUBHEADINGS = [
  '100199',
  '100119',
  '100590',
  '100630',
  '120190',
  '120510',
  '151211',
  '150710',
  '230230',
  '020230',
  '020443',
  '020442',
  '040221',
  '080620',
  '081310',
  '080212',
  '080251',
  '090411',
  '090931',
  '070310',
  '080810',
  '030389',
  '220421',
  '170199',
  '520100',
  '270112',
  '270900',
  '271012',
  '271019',
  '271111',
  '271121',
  '271600',
  '260300',
  '260111',
  '260800',
  '310210',
  '310420',
  '310530',
  '440321',
  '440323',
  '440711',
  '470321',
  '740311',
  '760110',
  '720839',
  '390110',
  '390210',
  '290511',
  '870380',
  '870360',
  '870323',
  '870421',
  '870121',
  '870899',
  '401110',
  '401120',
  '842952',
  '841810',
  '845011',
  '841510',
  '851650',
  '852872',
  '851713',
  '847130',
  '854143',
  '854142',
  '850760',
  '610910',
  '640299',
  '940360',
  '300490',
  '330499',
];

const columnsOf = (line: TariffLine): readonly (readonly DatedRate[])[] => [
  line.rates.mfn,
  line.rates.general,
  line.rates.provisional,
  line.rates.tariffQuota,
  line.rates.consumptionTax,
  ...line.rates.agreement.map((column) => column.rates),
];

const unitsOfRate = (rate: Rate): readonly string[] => (rate.kind === 'adValorem' ? [] : [rate.unit]);

describe('tariff catalogue', () => {
  // The brief asks for at least 150 lines; the catalogue is in code order with unique, valid 10-digit codes.
  it('has at least 150 lines with unique valid 10-digit codes in order', () => {
    expect(TARIFF_LINES.length).toBeGreaterThanOrEqual(150);
    const codes = TARIFF_LINES.map((line) => line.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code, code).toMatch(/^\d{10}$/);
      expect(validateHsCode(code), code).toEqual({ ok: true });
    }
    expect([...codes].sort()).toEqual(codes);
  });

  // Every chapter and every subheading that customs.md §9 lists for China–SCO trade is in the catalogue.
  it('covers every chapter and subheading of customs.md §9', () => {
    const subheadings = new Set(TARIFF_LINES.map((line) => line.code.slice(0, 6)));
    const chapters = new Set(TARIFF_LINES.map((line) => line.code.slice(0, 2)));
    for (const subheading of REFERENCE_SUBHEADINGS) {
      expect(subheadings.has(subheading), subheading).toBe(true);
      expect(chapters.has(subheading.slice(0, 2)), subheading).toBe(true);
    }
  });

  // Names are real text in each script: Chinese characters, Latin English, Cyrillic Russian.
  it('names every line in Chinese, English and Russian', () => {
    for (const line of TARIFF_LINES) {
      expect(line.names.zh, line.code).toMatch(/\p{Script=Han}/u);
      expect(line.names.en, line.code).toMatch(/^[A-Za-z]/);
      expect(line.names.en, line.code).not.toMatch(/[\p{Script=Han}\p{Script=Cyrillic}]/u);
      expect(line.names.ru, line.code).toMatch(/^[\p{Script=Cyrillic}]/u);
      expect(line.names.ru, line.code).not.toMatch(/\p{Script=Han}/u);
    }
  });

  // Every dated entry starts on a real date, each column is in date order without two entries on one day,
  // and every rate is a decimal string; consumption-tax fractions stay below 1 (the formula divides by 1 − rate).
  it('has parseable effective dates and decimal rates', () => {
    for (const line of TARIFF_LINES) {
      const dated: (readonly (DatedRate | DatedFraction)[])[] = [
        ...columnsOf(line),
        line.rates.importVat,
        line.rates.exportRebate,
      ];
      for (const column of dated) {
        const dates = column.map((entry) => entry.effectiveFrom);
        expect(dates.every(isIsoDate), line.code).toBe(true);
        expect(new Set(dates).size, line.code).toBe(dates.length);
        expect([...dates].sort(), line.code).toEqual(dates);
      }
      for (const column of columnsOf(line)) {
        for (const entry of column) {
          if (entry.rate === null) {
            continue;
          }
          const rate = entry.rate;
          if (rate.kind !== 'specific') {
            expect(parseDecimal(rate.adValorem), line.code).not.toBeNull();
          }
          if (rate.kind !== 'adValorem') {
            expect(parseDecimal(rate.cnyPerUnit), line.code).not.toBeNull();
          }
        }
      }
      for (const entry of line.rates.consumptionTax) {
        if (entry.rate !== null && entry.rate.kind !== 'specific') {
          expect(Number(entry.rate.adValorem), line.code).toBeLessThan(1);
        }
      }
      for (const entry of line.rates.exportRebate) {
        expect(parseDecimal(entry.fraction), line.code).not.toBeNull();
      }
    }
  });

  // Import VAT is 13 % or 9 % (customs.md §3), and the goods §3 confirms land in the right band.
  it('has VAT of 0.13 or 0.09 matching customs.md §3', () => {
    for (const line of TARIFF_LINES) {
      expect(line.rates.importVat.length, line.code).toBeGreaterThan(0);
      for (const entry of line.rates.importVat) {
        expect(['0.13', '0.09'], line.code).toContain(entry.fraction);
      }
    }
    const vatOf = (code: string) => findTariffLine(code)?.rates.importVat[0]?.fraction;
    for (const nine of ['1001190001', '1006309001', '3102100001', '3104209000', '5201000001', '1512110000']) {
      expect(vatOf(nine), nine).toBe('0.09');
    }
    for (const thirteen of ['2709000000', '2710192200', '8703234110', '8507600030', '8703800000']) {
      expect(vatOf(thirteen), thirteen).toBe('0.13');
    }
  });

  // Every unit is in the unit table, and every specific rate and CBEC cap is in one of the line's legal units.
  it('uses only legal units of each line', () => {
    for (const line of TARIFF_LINES) {
      const legal = [line.firstUnit, line.secondUnit].filter((unit) => unit !== null);
      for (const unit of legal) {
        expect(Object.hasOwn(UNITS, unit), line.code).toBe(true);
      }
      expect(line.secondUnit, line.code).not.toBe(line.firstUnit);
      for (const column of columnsOf(line)) {
        for (const entry of column) {
          for (const unit of entry.rate === null ? [] : unitsOfRate(entry.rate)) {
            expect(legal, line.code).toContain(unit);
          }
        }
      }
      if (line.cbec.capPerPersonPerYear !== null) {
        expect(line.cbec.positiveList, line.code).toBe(true);
        expect(legal, line.code).toContain(line.cbec.capPerPersonPerYear.unit);
      }
    }
  });

  // Quota lines come in pairs (…01 in quota with a quota rate and licence t, …90 out of quota), and every line
  // has MFN, general and VAT columns in force on 2025-06-01.
  it('pairs quota lines and has the core columns in force', () => {
    for (const line of TARIFF_LINES) {
      expect(line.rates.mfn.length, line.code).toBeGreaterThan(0);
      expect(line.rates.general.length, line.code).toBeGreaterThan(0);
      if (line.quota === 'in') {
        expect(line.code.endsWith('01'), line.code).toBe(true);
        expect(line.rates.tariffQuota.length, line.code).toBeGreaterThan(0);
        expect(line.licenceCodes, line.code).toContain('t');
        expect(findTariffLine(`${line.code.slice(0, 8)}90`)?.quota, line.code).toBe('out');
      } else {
        expect(line.rates.tariffQuota, line.code).toEqual([]);
      }
    }
  });

  // The figures customs.md states are the ones stored (worked examples A and B, §7, §9 [H]/[G]).
  it('stores the reference figures', () => {
    const first = (code: string) => findTariffLine(code);
    expect(first('1512110000')?.rates.mfn[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.09' });
    expect(first('8703234110')?.rates.mfn[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.15' });
    expect(first('8703234110')?.rates.consumptionTax[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.05' });
    expect(first('8703213000')?.rates.consumptionTax[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.01' });
    expect(first('8703242110')?.rates.consumptionTax[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.40' });
    expect(first('8703800000')?.rates.consumptionTax).toEqual([]);
    expect(first('2709000000')?.rates.mfn[0]?.rate).toEqual({ kind: 'specific', cnyPerUnit: '0', unit: '035' });
    expect(first('2709000000')?.rates.general[0]?.rate).toEqual({ kind: 'specific', cnyPerUnit: '0.085', unit: '035' });
    expect(first('2710192200')?.rates.provisional[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.01' });
    expect(first('2710192200')?.rates.consumptionTax[0]?.rate).toEqual({
      kind: 'specific',
      cnyPerUnit: '1.2',
      unit: '095',
    });
    expect(first('8507600030')?.rates.provisional[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.01' });
    expect(first('8507600090')?.rates.provisional).toEqual([]);
    expect(first('1001190001')?.rates.tariffQuota[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.01' });
    expect(first('1001190090')?.rates.mfn[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '0.65' });
    expect(first('1001190090')?.rates.general[0]?.rate).toEqual({ kind: 'adValorem', adValorem: '1.80' });
    expect(first('1701991001')?.cbec.capPerPersonPerYear).toEqual({ amount: '2', unit: '035' });
    expect(first('1006309001')?.cbec.capPerPersonPerYear).toEqual({ amount: '20', unit: '035' });
  });

  // Confirmed lines name their source in customs.md; agreement columns stay empty because the reference names none.
  it('marks confirmed lines with their source and invents no agreement', () => {
    const confirmed = TARIFF_LINES.filter((line) => line.confirmed);
    expect(confirmed.map((line) => line.code)).toEqual(['1001190001', '1001190090', '2709000000']);
    for (const line of TARIFF_LINES) {
      expect(line.basis.length, line.code).toBeGreaterThan(0);
      expect(line.rates.agreement, line.code).toEqual([]);
      if (line.confirmed) {
        expect(line.basis, line.code).toMatch(/customs\.md/);
      }
    }
  });

  // Used passenger cars need an export licence (customs.md §8); the flag is on every 8703 line and only there.
  it('flags used-car export licensing on passenger cars', () => {
    for (const line of TARIFF_LINES) {
      expect(line.usedVehicleExportLicence, line.code).toBe(line.code.startsWith('8703'));
    }
  });
});
