// Generates the country and currency reference tables the server ships with:
//   server/src/modules/reference/data/countries.json
//   server/src/modules/reference/data/currencies.json
// Run with `npx tsx server/scripts/generate-reference-data.ts`. The output is sorted and
// formatted the same way on every run, so a regenerated file only differs when the source
// packages (i18n-iso-countries, currency-codes) or Node's ICU data change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import currencyCodes from 'currency-codes';
import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ruLocale from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zhLocale from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };

type Names = { zh: string; en: string; ru: string };
type ScoStatus = 'member' | 'observer' | 'dialogue_partner';

interface CountryRecord {
  alpha2: string;
  alpha3: string;
  numeric: string;
  names: Names;
  sco: ScoStatus | null;
  scoSince: string | null;
}

interface CurrencyRecord {
  code: string;
  numeric: string;
  minorUnits: number;
  names: Names;
}

interface ScoEntry {
  status: ScoStatus;
  since: string | null;
  names?: Names;
}

// SCO status from shared/reference/geography.md §1 (state as of late 2025).
// Member names and dates are the ones written there. Belarus is recorded with its
// accession date as a member (2024-07-04); its earlier partner and observer years are history.
//
// Uncertain points, kept deliberately visible:
// - The dates for observers and dialogue partners are not in geography.md. They are the
//   summit decision dates from memory (Tashkent 2004, Yekaterinburg 2009, Beijing 2012,
//   Ufa 2015, Dushanbe 2021, Samarkand 2022), and for the 2022 group the memorandums were
//   signed later, so treat them as approximate.
// - The dialogue-partner list is from memory in geography.md too ("check it").
// - The 2025 Tianjin summit (31 Aug – 1 Sep 2025) admitted Laos and merged the observer and
//   dialogue-partner categories into one "SCO partner" category. This table keeps the older
//   observer / dialogue_partner distinction, which the data model still uses, and records Laos
//   as a dialogue partner from 2025-09-01 (the day of the Tianjin declaration; exact date unverified).
const FOUNDED = '2001-06-15';
const SCO: Readonly<Record<string, ScoEntry>> = {
  CN: { status: 'member', since: FOUNDED, names: { zh: '中国', en: 'China', ru: 'Китай' } },
  RU: { status: 'member', since: FOUNDED, names: { zh: '俄罗斯', en: 'Russia', ru: 'Россия' } },
  KZ: { status: 'member', since: FOUNDED, names: { zh: '哈萨克斯坦', en: 'Kazakhstan', ru: 'Казахстан' } },
  KG: { status: 'member', since: FOUNDED, names: { zh: '吉尔吉斯斯坦', en: 'Kyrgyzstan', ru: 'Кыргызстан' } },
  TJ: { status: 'member', since: FOUNDED, names: { zh: '塔吉克斯坦', en: 'Tajikistan', ru: 'Таджикистан' } },
  UZ: { status: 'member', since: FOUNDED, names: { zh: '乌兹别克斯坦', en: 'Uzbekistan', ru: 'Узбекистан' } },
  IN: { status: 'member', since: '2017-06-09', names: { zh: '印度', en: 'India', ru: 'Индия' } },
  PK: { status: 'member', since: '2017-06-09', names: { zh: '巴基斯坦', en: 'Pakistan', ru: 'Пакистан' } },
  IR: { status: 'member', since: '2023-07-04', names: { zh: '伊朗', en: 'Iran', ru: 'Иран' } },
  BY: { status: 'member', since: '2024-07-04', names: { zh: '白俄罗斯', en: 'Belarus', ru: 'Беларусь' } },
  MN: { status: 'observer', since: '2004-06-17', names: { zh: '蒙古国', en: 'Mongolia', ru: 'Монголия' } },
  AF: { status: 'observer', since: '2012-06-07', names: { zh: '阿富汗', en: 'Afghanistan', ru: 'Афганистан' } },
  LK: { status: 'dialogue_partner', since: '2009-06-16' },
  TR: { status: 'dialogue_partner', since: '2012-06-07' },
  AZ: { status: 'dialogue_partner', since: '2015-07-10' },
  AM: { status: 'dialogue_partner', since: '2015-07-10' },
  KH: { status: 'dialogue_partner', since: '2015-07-10' },
  NP: { status: 'dialogue_partner', since: '2015-07-10' },
  EG: { status: 'dialogue_partner', since: '2021-09-17' },
  QA: { status: 'dialogue_partner', since: '2021-09-17' },
  SA: { status: 'dialogue_partner', since: '2021-09-17' },
  KW: { status: 'dialogue_partner', since: '2022-09-16' },
  MV: { status: 'dialogue_partner', since: '2022-09-16' },
  MM: { status: 'dialogue_partner', since: '2022-09-16' },
  AE: { status: 'dialogue_partner', since: '2022-09-16' },
  BH: { status: 'dialogue_partner', since: '2022-09-16' },
  LA: { status: 'dialogue_partner', since: '2025-09-01' },
};

// Kosovo's XK is a user-assigned code that the package carries but ISO 3166-1 does not.
const NOT_ISO_3166_1 = new Set(['XK']);

// Funds, precious metals, bond-market units, the SDR and the testing / no-currency codes are
// units of account rather than money a trader pays with, so the currency table leaves them out.
const NOT_A_TRADING_CURRENCY = new Set([
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
]);

const LANGS = ['zh', 'en', 'ru'] as const;

// Plain code-unit order keeps the output independent of the machine's locale.
function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function countryName(alpha2: string, lang: (typeof LANGS)[number]): string {
  const name = countries.getName(alpha2, lang);
  if (name === undefined || name === '') {
    throw new Error(`i18n-iso-countries has no ${lang} name for ${alpha2}`);
  }
  return name;
}

function buildCountries(): CountryRecord[] {
  for (const locale of [zhLocale, enLocale, ruLocale]) {
    countries.registerLocale(locale);
  }
  const records: CountryRecord[] = [];
  for (const [alpha2, alpha3] of Object.entries(countries.getAlpha2Codes())) {
    if (NOT_ISO_3166_1.has(alpha2)) {
      continue;
    }
    const numeric = countries.alpha2ToNumeric(alpha2);
    if (numeric === undefined) {
      throw new Error(`No numeric code for ${alpha2}`);
    }
    const sco = SCO[alpha2];
    records.push({
      alpha2,
      alpha3,
      numeric: numeric.padStart(3, '0'),
      names: sco?.names ?? {
        zh: countryName(alpha2, 'zh'),
        en: countryName(alpha2, 'en'),
        ru: countryName(alpha2, 'ru'),
      },
      sco: sco?.status ?? null,
      scoSince: sco?.since ?? null,
    });
  }
  for (const alpha2 of Object.keys(SCO)) {
    if (!records.some((record) => record.alpha2 === alpha2)) {
      throw new Error(`SCO table names ${alpha2}, which is not an ISO 3166-1 country`);
    }
  }
  return records.sort((a, b) => byCode(a.alpha2, b.alpha2));
}

function buildCurrencies(): CurrencyRecord[] {
  const displayNames = Object.fromEntries(
    LANGS.map((lang) => [lang, new Intl.DisplayNames([lang], { type: 'currency' })]),
  ) as Record<(typeof LANGS)[number], Intl.DisplayNames>;
  // Intl.DisplayNames echoes the code back when ICU has no name, so that counts as missing.
  const nameIn = (lang: (typeof LANGS)[number], code: string, fallback: string): string => {
    const name = displayNames[lang].of(code);
    return name === undefined || name === code ? fallback : name;
  };
  return currencyCodes.data
    .filter((currency) => !NOT_A_TRADING_CURRENCY.has(currency.code))
    .map((currency) => ({
      code: currency.code,
      numeric: currency.number.padStart(3, '0'),
      minorUnits: currency.digits,
      names: {
        zh: nameIn('zh', currency.code, currency.currency),
        en: nameIn('en', currency.code, currency.currency),
        ru: nameIn('ru', currency.code, currency.currency),
      },
    }))
    .sort((a, b) => byCode(a.code, b.code));
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'modules', 'reference', 'data');
mkdirSync(outDir, { recursive: true });
const countryRecords = buildCountries();
const currencyRecords = buildCurrencies();
writeJson(join(outDir, 'countries.json'), countryRecords);
writeJson(join(outDir, 'currencies.json'), currencyRecords);
console.log(`Wrote ${countryRecords.length} countries and ${currencyRecords.length} currencies to ${outDir}`);
