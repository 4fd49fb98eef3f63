import { describe, expect, it } from 'vitest';
import { isUnLocode } from '../../../lib/identifiers/index.js';
import countries from './countries.json' with { type: 'json' };
import currencies from './currencies.json' with { type: 'json' };
import { DEMO_EXCHANGE_RATES } from './exchange-rates.js';
import { LOCATION_KINDS, LOCATIONS, type LocationKind, type LocationSeed } from './locations.js';

const countryCodes = new Set(countries.map((country) => country.alpha2));
const currencyByCode = new Map(currencies.map((currency) => [currency.code, currency]));
const locationByCode = new Map(LOCATIONS.map((location) => [location.locode, location]));

function location(locode: string): LocationSeed {
  const found = locationByCode.get(locode);
  if (found === undefined) {
    throw new Error(`missing location ${locode}`);
  }
  return found;
}

function distanceKm(a: LocationSeed, b: LocationSeed): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// Codes geography.md marks [L]; only these may be flagged locodeConfirmed.
const GEOGRAPHY_CONFIRMED = new Set(
  (
    'CNTAO CNQDP CNQAW CNJZH CNRZH CNLYG CNTSN CNTXG CNTNA CNSIA CNCGO CNCTU CNCKG CNWUH CNHRB CNURC CNKHG ' +
    'KZALS CNRLC CNMLX RUZBK CNSFE RUGRK CNTOJ CNHUC KGOSS RUMOW RULED RUOVB RUYEK RUEKA RUVVO RUVYP RUNJK RUKGD ' +
    'KZALA KZAST KZAAU UZTAS UZNMA UZSKD KGFRU TJDYU BYMSQ BYBQT PLWAW DEDUI DEHAM DEMHG HUBUD MNULN IRTHR IRBND ' +
    'AZBAK GEPTI INDEL INNSA INMUN PKKHI PKGWD KRPUS KRINC JPYOK JPFUK JPHKT'
  ).split(' '),
);

// The core hub set of identifiers.md §5.
const CORE_SET =
  'CNTAO CNJZH CNSIA CNCGO CNCTU CNHRB CNMLX CNRLC CNSFE CNTOJ RUMOW RULED RUZBK RUGRK KZALA KZAST UZTAS KGFRU TJDYU BYMSQ DEDUI DEHAM PLWAW KRPUS KRINC JPYOK JPFUK RUVVO INNSA PKKHI IRTHR'.split(
    ' ',
  );

// Gauge of each country's main network, from geography.md §3.
const NATIONAL_GAUGE: Readonly<Record<string, number>> = {
  CN: 1435,
  IR: 1435,
  TR: 1435,
  PL: 1435,
  DE: 1435,
  RU: 1520,
  KZ: 1520,
  UZ: 1520,
  KG: 1520,
  TJ: 1520,
  TM: 1520,
  BY: 1520,
  MN: 1520,
  IN: 1676,
  PK: 1676,
};

// Facing pairs of border crossings; the first group are the gauge breaks geography.md lists.
const GAUGE_BREAK_PAIRS: readonly (readonly [string, string])[] = [
  ['CNALK', 'KZDSK'],
  ['CNHGS', 'KZAKL'],
  ['CNRLC', 'MNZMU'],
  ['CNMLX', 'RUZBK'],
  ['CNSFE', 'RUGRK'],
  ['CNTOJ', 'RUNLN'],
  ['CNHUC', 'RUMKL'],
  ['BYBQT', 'PLMLW'],
  ['IRSKS', 'TMSKS'],
];
const SAME_GAUGE_OR_ROAD_PAIRS: readonly (readonly [string, string])[] = [
  ['CNIKS', 'KGIRK'],
  ['CNBKT', 'KZBKH'],
  ['CNKJB', 'PKSST'],
  ['UZTMJ', 'AFHRT'],
  ['RUNSK', 'MNSHB'],
];

const KINDS: readonly LocationKind[] = LOCATION_KINDS;

describe('countries.json', () => {
  // Every ISO 3166-1 entry has well-formed, unique codes and names in all three languages.
  it('holds well-formed ISO 3166-1 countries', () => {
    expect(countries.length).toBe(249);
    expect(countryCodes.size).toBe(countries.length);
    expect(new Set(countries.map((country) => country.alpha3)).size).toBe(countries.length);
    for (const country of countries) {
      expect(country.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(country.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(country.numeric).toMatch(/^\d{3}$/);
      expect(country.names.zh.trim(), country.alpha2).not.toBe('');
      expect(country.names.en.trim(), country.alpha2).not.toBe('');
      expect(country.names.ru.trim(), country.alpha2).not.toBe('');
      expect([null, 'member', 'observer', 'dialogue_partner']).toContain(country.sco);
      if (country.sco === null) {
        expect(country.scoSince).toBeNull();
      } else {
        expect(country.scoSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    const sorted = [...countries.map((country) => country.alpha2)].sort();
    expect(countries.map((country) => country.alpha2)).toEqual(sorted);
    expect(countryCodes.has('XK')).toBe(false);
  });

  // The SCO has exactly ten members (Belarus since 2024-07-04) and two observers, per geography.md §1.
  it('records SCO membership', () => {
    const byStatus = (status: string) =>
      countries
        .filter((country) => country.sco === status)
        .map((country) => country.alpha2)
        .sort();
    expect(byStatus('member')).toEqual(['BY', 'CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ']);
    expect(byStatus('observer')).toEqual(['AF', 'MN']);
    expect(byStatus('dialogue_partner')).toHaveLength(15);
    expect(byStatus('dialogue_partner')).toEqual(expect.arrayContaining(['TR', 'AZ', 'AE', 'LA']));
    const find = (alpha2: string) => countries.find((country) => country.alpha2 === alpha2)!;
    expect(find('BY').scoSince).toBe('2024-07-04');
    expect(find('IR').scoSince).toBe('2023-07-04');
    expect(find('IN').scoSince).toBe('2017-06-09');
    expect(find('CN').scoSince).toBe('2001-06-15');
    expect(find('CN').names).toEqual({ zh: '中国', en: 'China', ru: 'Китай' });
    expect(find('KG').names.ru).toBe('Кыргызстан');
    expect(find('MN').names.zh).toBe('蒙古国');
    expect(find('CN').numeric).toBe('156');
    expect(find('AF').numeric).toBe('004');
  });
});

describe('currencies.json', () => {
  // Codes are unique ISO 4217 alphas with 3-digit numerics, and funds/metals/testing codes are absent.
  it('holds well-formed active currencies', () => {
    expect(currencyByCode.size).toBe(currencies.length);
    for (const currency of currencies) {
      expect(currency.code).toMatch(/^[A-Z]{3}$/);
      expect(currency.numeric).toMatch(/^\d{3}$/);
      expect(Number.isInteger(currency.minorUnits)).toBe(true);
      expect(currency.minorUnits).toBeGreaterThanOrEqual(0);
      expect(currency.minorUnits).toBeLessThanOrEqual(4);
      expect(currency.names.zh.trim(), currency.code).not.toBe('');
      expect(currency.names.en.trim(), currency.code).not.toBe('');
      expect(currency.names.ru.trim(), currency.code).not.toBe('');
    }
    for (const excluded of ['XAU', 'XAG', 'XTS', 'XXX', 'XDR', 'BOV', 'USN', 'CNH']) {
      expect(currencyByCode.has(excluded), excluded).toBe(false);
    }
  });

  // The SCO-region table in identifiers.md §6: numeric codes and minor units.
  it('matches the identifiers.md currency table', () => {
    const table: readonly [string, string, number][] = [
      ['CNY', '156', 2],
      ['RUB', '643', 2],
      ['KZT', '398', 2],
      ['UZS', '860', 2],
      ['KGS', '417', 2],
      ['TJS', '972', 2],
      ['INR', '356', 2],
      ['PKR', '586', 2],
      ['IRR', '364', 2],
      ['BYN', '933', 2],
      ['MNT', '496', 2],
      ['AFN', '971', 2],
      ['AZN', '944', 2],
      ['TRY', '949', 2],
      ['AED', '784', 2],
      ['KRW', '410', 0],
      ['JPY', '392', 0],
      ['EUR', '978', 2],
      ['USD', '840', 2],
      ['HKD', '344', 2],
    ];
    for (const [code, numeric, minorUnits] of table) {
      expect(currencyByCode.get(code), code).toMatchObject({ code, numeric, minorUnits });
    }
    expect(currencyByCode.get('CNY')?.names.zh).toBe('人民币');
  });
});

describe('LOCATIONS', () => {
  // The demo world needs at least 90 places, each with a unique, well-formed UN/LOCODE.
  it('has at least 90 places with unique valid locodes', () => {
    expect(LOCATIONS.length).toBeGreaterThanOrEqual(90);
    expect(locationByCode.size).toBe(LOCATIONS.length);
    for (const place of LOCATIONS) {
      expect(place.locode).toHaveLength(5);
      expect(isUnLocode(place.locode), place.locode).toBe(true);
      expect(place.locode.slice(0, 2), place.locode).toBe(place.countryCode);
    }
  });

  // Every referenced country exists in countries.json, coordinates are on the globe and names exist in three languages.
  it('references existing countries and has complete names', () => {
    for (const place of LOCATIONS) {
      expect(countryCodes.has(place.countryCode), place.locode).toBe(true);
      expect(Math.abs(place.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(place.lon)).toBeLessThanOrEqual(180);
      expect(place.names.zh.trim(), place.locode).not.toBe('');
      expect(place.names.en.trim(), place.locode).not.toBe('');
      expect(place.names.ru.trim(), place.locode).not.toBe('');
      expect(place.kinds.length, place.locode).toBeGreaterThan(0);
      expect(new Set(place.kinds).size, place.locode).toBe(place.kinds.length);
      for (const kind of place.kinds) {
        expect(KINDS).toContain(kind);
      }
      if (place.note !== null) {
        expect(place.note.trim()).not.toBe('');
      }
    }
  });

  // Only codes geography.md marks [L] are confirmed, and unconfirmed codes explain themselves in a note.
  it('flags confirmation honestly', () => {
    for (const place of LOCATIONS) {
      if (place.locodeConfirmed) {
        expect(GEOGRAPHY_CONFIRMED.has(place.locode), place.locode).toBe(true);
      } else {
        expect(place.note, place.locode).not.toBeNull();
      }
    }
    for (const code of CORE_SET) {
      expect(location(code).locodeConfirmed, code).toBe(true);
    }
  });

  // Border crossings name an existing neighbour and, when they have rail, both gauges; other places carry neither.
  it('describes border crossings completely', () => {
    for (const place of LOCATIONS) {
      if (place.kinds.includes('border_crossing')) {
        expect(place.borderWith, place.locode).not.toBeNull();
        expect(countryCodes.has(place.borderWith!), place.locode).toBe(true);
        expect(place.borderWith).not.toBe(place.countryCode);
        expect(place.gaugeFarSideMm === null, place.locode).toBe(place.gaugeMm === null);
        expect(place.kinds.includes('rail_terminal'), place.locode).toBe(place.gaugeMm !== null);
      } else {
        expect(place.borderWith, place.locode).toBeNull();
        expect(place.gaugeFarSideMm, place.locode).toBeNull();
      }
      if (place.kinds.includes('rail_terminal')) {
        expect(place.gaugeMm, place.locode).not.toBeNull();
      }
    }
  });

  // Where geography.md lists a gauge change, the two facing crossings have different gauges that mirror each other.
  it('has two different gauges at each gauge break', () => {
    for (const [a, b] of GAUGE_BREAK_PAIRS) {
      const here = location(a);
      const there = location(b);
      expect(here.gaugeMm, a).not.toBeNull();
      expect(here.gaugeMm, a).not.toBe(here.gaugeFarSideMm);
      expect(there.gaugeMm, b).not.toBe(there.gaugeFarSideMm);
      expect(here.gaugeMm).toBe(there.gaugeFarSideMm);
      expect(here.gaugeFarSideMm).toBe(there.gaugeMm);
    }
    expect(location('CNMLX')).toMatchObject({ gaugeMm: 1435, gaugeFarSideMm: 1520, borderWith: 'RU' });
    expect(location('BYBQT')).toMatchObject({ gaugeMm: 1520, gaugeFarSideMm: 1435, borderWith: 'PL' });
  });

  // Facing crossings point at each other's country and lie within 80 km of each other.
  it('pairs facing border crossings', () => {
    for (const [a, b] of [...GAUGE_BREAK_PAIRS, ...SAME_GAUGE_OR_ROAD_PAIRS]) {
      const here = location(a);
      const there = location(b);
      expect(here.borderWith, a).toBe(there.countryCode);
      expect(there.borderWith, b).toBe(here.countryCode);
      expect(here.gaugeMm, a).toBe(there.gaugeFarSideMm);
      expect(distanceKm(here, there), `${a}–${b}`).toBeLessThan(80);
    }
  });

  // Rail places use their country's national gauge from geography.md §3.
  it('uses the national gauge of each country', () => {
    for (const place of LOCATIONS) {
      const national = NATIONAL_GAUGE[place.countryCode];
      if (place.gaugeMm !== null && national !== undefined) {
        expect(place.gaugeMm, place.locode).toBe(national);
      }
    }
  });

  // The places the brief and the zone's own routes name are all present.
  it('includes the key hubs', () => {
    const english = new Set(LOCATIONS.map((place) => place.names.en));
    for (const name of [
      'Yiwu',
      'Urumqi',
      'Alashankou',
      'Khorgos',
      'Erenhot',
      'Manzhouli',
      'Suifenhe',
      'Almaty',
      'Astana',
      'Dostyk',
      'Altynkol',
      'Bishkek',
      'Dushanbe',
      'Ashgabat',
      'Moscow',
      'Vorsino',
      'Yekaterinburg',
      'Novosibirsk',
      'Zabaikalsk',
      'Vladivostok',
      'St Petersburg',
      'Minsk',
      'Brest',
      'Mundra',
      'Karachi',
      'Gwadar',
      'Bandar Abbas',
      'Duisburg',
      'Hamburg',
      'Małaszewicze',
      'Łódź',
      'Rotterdam',
      'Busan',
      'Incheon',
      'Yokohama',
      'Tokyo',
      'Osaka',
      'Zamyn-Uud',
      'Ulaanbaatar',
    ]) {
      expect(english.has(name), name).toBe(true);
    }
    expect(location('CNJZH').kinds).toContain('rail_terminal');
    expect(location('CNJZB').kinds).toContain('bonded_zone');
    expect(location('CNQJD').kinds).toEqual(['airport']);
    expect(location('CNTAO').kinds).toContain('sea_port');
  });
});

describe('DEMO_EXCHANGE_RATES', () => {
  // Every rate is for a listed currency, is a positive decimal string with at most 6 decimals, and currencies do not repeat.
  it('holds positive decimal rates for known currencies', () => {
    const codes = DEMO_EXCHANGE_RATES.map((rate) => rate.currency);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rate of DEMO_EXCHANGE_RATES) {
      expect(currencyByCode.has(rate.currency), rate.currency).toBe(true);
      expect(rate.currency).not.toBe('CNY');
      expect(rate.cnyPerUnit, rate.currency).toMatch(/^\d+(\.\d{1,6})?$/);
      expect(/[1-9]/.test(rate.cnyPerUnit), rate.currency).toBe(true);
      expect(rate.validOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rate.source.trim()).not.toBe('');
    }
  });

  // The currencies the demo trades in all have a rate.
  it('covers the demo currencies', () => {
    const codes = new Set(DEMO_EXCHANGE_RATES.map((rate) => rate.currency));
    for (const code of 'USD EUR RUB KZT UZS KGS TJS BYN INR PKR IRR MNT KRW JPY GBP HKD AED TRY'.split(' ')) {
      expect(codes.has(code), code).toBe(true);
    }
  });
});
