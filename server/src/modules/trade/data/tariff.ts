// China import tariff lines for the goods that matter in China–SCO trade (demo catalogue, HS 2022 based).
//
// Where the figures come from. Only what /work/shared/reference/customs.md states is taken as given: its §3
// formulas and worked examples, §4 CBEC caps, §7 "new three" lines and §9 table. A line is `confirmed: true`
// only when every import-tax figure on it (duty columns, import VAT, consumption tax) is stated there with a
// source mark ([H] htshub, [G] china-gacc) or as a plain figure; everything else — the [~] figures of §9,
// general-column rates the reference does not give, export rebates, licence and inspection codes — is a
// plausible demo value, and `basis` says which. The 10-digit codes follow China's structure (8-digit tariff
// line + 2-digit extension); only 1001190001/…90 and 8507600030/…90 are reference examples, the other
// extensions are demo. No line carries an agreement (协定) column: customs.md names no FTA with an SCO
// partner, and inventing one would put a wrong rate in front of users.
//
// Every column starts on 2024-01-01 (the 2024 schedule the reference's htshub pages show) unless a change
// over time is known: coal's 0 % provisional rate (2022-05-01 … 2023-12-31, §9; the coal lines start in 2022
// so that their MFN column stands beside it, assuming MFN was unchanged) and the cut of export rebates on PV
// products and batteries from 13 % to 9 % on 2024-12-01 (§7, memory in the reference).
import type { DatedFraction, DatedRate, InspectionCode, LicenceCode, Quantity, Rate, TariffLine } from './types.js';
import type { UnitCode } from './units.js';

const FROM_2024 = '2024-01-01';

const adValorem = (fraction: string): Rate => ({ kind: 'adValorem', adValorem: fraction });
const specific = (cnyPerUnit: string, unit: UnitCode): Rate => ({ kind: 'specific', cnyPerUnit, unit });
const compound = (fraction: string, cnyPerUnit: string, unit: UnitCode): Rate => ({
  kind: 'compound',
  adValorem: fraction,
  cnyPerUnit,
  unit,
});

/** A column with one rate from `since`; a string is an ad valorem fraction. */
function column(rate: Rate | string, since: string): readonly DatedRate[] {
  return [{ effectiveFrom: since, rate: typeof rate === 'string' ? adValorem(rate) : rate }];
}

/** Coal: 0 % provisional from 2022-05-01, withdrawn from 2024-01-01 (customs.md §9: "0 % provisional ended 2023"). */
const COAL_PROVISIONAL: readonly DatedRate[] = [
  { effectiveFrom: '2022-05-01', rate: adValorem('0') },
  { effectiveFrom: FROM_2024, rate: null },
];

/** customs.md §7: 13 % on the htshub 2024 pages, reportedly 9 % from 2024-12-01 (memory, verify). */
const NEW_THREE_REBATE: readonly DatedFraction[] = [
  { effectiveFrom: FROM_2024, fraction: '0.13' },
  { effectiveFrom: '2024-12-01', fraction: '0.09' },
];

const LICENCE_CODES: readonly LicenceCode[] = ['4', '7', 'A', 'B', 't', 'x', 'y'];
const INSPECTION_CODES: readonly InspectionCode[] = ['M', 'N', 'P', 'Q', 'R', 'S', 'L'];

/** Splits a code string such as "7AB" into checked single-character codes; a typo fails at module load. */
function codes<T extends string>(written: string, allowed: readonly T[]): readonly T[] {
  return [...written].map((character) => {
    const code = allowed.find((candidate) => candidate === character);
    if (code === undefined) {
      throw new Error(`tariff data: unknown code '${character}' in '${written}'`);
    }
    return code;
  });
}

interface LineSpec {
  readonly code: string;
  /** [中文, English, русский] */
  readonly names: readonly [string, string, string];
  readonly units: UnitCode | readonly [UnitCode, UnitCode];
  readonly mfn: Rate | string;
  readonly general: Rate | string;
  readonly provisional?: readonly DatedRate[] | string;
  readonly quota?: { readonly status: 'in'; readonly rate: string } | { readonly status: 'out' };
  readonly vat: '0.13' | '0.09';
  readonly ct?: Rate;
  readonly rebate?: readonly DatedFraction[] | string;
  readonly licence?: string;
  readonly inspection?: string;
  readonly cbec?: true | Quantity;
  readonly usedVehicle?: true;
  readonly confirmed?: true;
  readonly basis: string;
  /** Start of every single-entry column of the line; 2024-01-01 unless the line has earlier history. */
  readonly since?: string;
}

function line(spec: LineSpec): TariffLine {
  const [zh, en, ru] = spec.names;
  const since = spec.since ?? FROM_2024;
  const [firstUnit, secondUnit] = typeof spec.units === 'string' ? [spec.units, null] : spec.units;
  const provisional =
    spec.provisional === undefined
      ? []
      : typeof spec.provisional === 'string'
        ? column(spec.provisional, since)
        : spec.provisional;
  const rebate: readonly DatedFraction[] =
    spec.rebate === undefined
      ? [{ effectiveFrom: since, fraction: '0' }]
      : typeof spec.rebate === 'string'
        ? [{ effectiveFrom: since, fraction: spec.rebate }]
        : spec.rebate;
  return {
    code: spec.code,
    names: { zh, en, ru },
    firstUnit,
    secondUnit: secondUnit ?? null,
    quota: spec.quota?.status ?? null,
    rates: {
      mfn: column(spec.mfn, since),
      general: column(spec.general, since),
      provisional,
      tariffQuota: spec.quota?.status === 'in' ? column(spec.quota.rate, since) : [],
      agreement: [],
      importVat: [{ effectiveFrom: since, fraction: spec.vat }],
      consumptionTax: spec.ct === undefined ? [] : column(spec.ct, since),
      exportRebate: rebate,
    },
    licenceCodes: codes(spec.licence ?? '', LICENCE_CODES),
    inspectionCodes: codes(spec.inspection ?? '', INSPECTION_CODES),
    cbec: {
      positiveList: spec.cbec !== undefined,
      capPerPersonPerYear: spec.cbec === undefined || spec.cbec === true ? null : spec.cbec,
    },
    usedVehicleExportLicence: spec.usedVehicle === true,
    confirmed: spec.confirmed === true,
    basis: spec.basis,
  };
}

const DEMO = 'demo values: the line is not in customs.md';
const REF_APPROX = 'customs.md §9 [~]: approximate MFN and VAT; other columns demo';

// Shared columns of product groups; each line spreads one and overrides what differs.
const MEAT = { units: '035', general: '0.70', vat: '0.09', licence: 'AB', inspection: 'PRQS', basis: DEMO } as const;
const FISH = { units: '035', general: '0.40', vat: '0.09', licence: 'AB', inspection: 'PRQS', basis: DEMO } as const;
const PRODUCE = { units: '035', general: '0.80', vat: '0.09', licence: 'AB', inspection: 'PQ', basis: DEMO } as const;
const GRAIN = { units: '035', general: '1.80', vat: '0.09', licence: 'AB', inspection: 'MPNQ', basis: DEMO } as const;
const OILSEED = { units: '035', general: '0.70', vat: '0.09', licence: 'AB', inspection: 'MPRQ', basis: DEMO } as const;
const EDIBLE_OIL = {
  units: '035',
  general: '1.70',
  vat: '0.09',
  licence: 'AB',
  inspection: 'MR',
  basis: DEMO,
} as const;
const FOOD = {
  units: '035',
  general: '0.50',
  vat: '0.13',
  licence: 'AB',
  inspection: 'RS',
  cbec: true,
  basis: DEMO,
} as const;
const ORE = { units: '035', general: '0', vat: '0.13', licence: 'A', inspection: 'M', basis: REF_APPROX } as const;
const COAL = {
  units: '035',
  general: '0.20',
  vat: '0.13',
  licence: '7A',
  inspection: 'M',
  provisional: COAL_PROVISIONAL,
} as const;
const OIL_PRODUCT = { units: ['035', '095'], general: '0.14', vat: '0.13', licence: '7A', inspection: 'M' } as const;
const GAS = { units: '035', general: '0.20', vat: '0.09', inspection: 'M', basis: REF_APPROX } as const;
const FERTILISER = { units: '035', general: '1.50', vat: '0.09', licence: 'A', inspection: 'M', basis: DEMO } as const;
const COSMETIC = { units: '035', general: '1.50', vat: '0.13', licence: 'A', inspection: 'M', cbec: true } as const;
const POLYMER = {
  units: '035',
  general: '0.45',
  vat: '0.13',
  rebate: '0.13',
  inspection: 'M',
  basis: REF_APPROX,
} as const;
const TYRE = {
  units: ['015', '035'],
  general: '0.50',
  vat: '0.13',
  rebate: '0.13',
  licence: 'A',
  inspection: 'LM',
} as const;
const TIMBER = { units: ['033', '035'], general: '0.35', vat: '0.13', licence: 'AB', inspection: 'PQ' } as const;
const PULP = { units: '035', general: '0.08', vat: '0.13', inspection: 'M', basis: REF_APPROX } as const;
const FIBRE_TRQ = { units: '035', vat: '0.09', licence: 'ABt', inspection: 'MPNQ' } as const;
const APPAREL = {
  units: ['011', '035'],
  general: '0.90',
  vat: '0.13',
  rebate: '0.13',
  inspection: 'MN',
  cbec: true,
  basis: DEMO,
} as const;
const FOOTWEAR = {
  units: ['025', '035'],
  general: '1.00',
  vat: '0.13',
  rebate: '0.13',
  inspection: 'MN',
  cbec: true,
  basis: REF_APPROX,
} as const;
const STEEL = { units: '035', general: '0.20', vat: '0.13', inspection: 'M', basis: DEMO } as const;
const NONFERROUS = { units: '035', general: '0.11', vat: '0.13', inspection: 'M', basis: REF_APPROX } as const;
const APPLIANCE = {
  units: ['001', '035'],
  general: '1.30',
  vat: '0.13',
  rebate: '0.13',
  licence: 'A',
  inspection: 'LM',
} as const;
const MACHINE = { units: ['001', '035'], general: '0.35', vat: '0.13', rebate: '0.13', inspection: 'M' } as const;
const CHIP = {
  units: ['007', '035'],
  general: '0.24',
  vat: '0.13',
  rebate: '0.13',
  inspection: 'M',
  basis: DEMO,
} as const;
const PV = { general: '0.20', vat: '0.13', rebate: NEW_THREE_REBATE, inspection: 'M' } as const;
const CAR = {
  units: ['003', '035'],
  mfn: '0.15',
  vat: '0.13',
  rebate: '0.13',
  licence: '7A',
  inspection: 'LM',
  usedVehicle: true,
} as const;
const VEHICLE = { units: ['003', '035'], vat: '0.13', rebate: '0.13', licence: 'A', inspection: 'LM' } as const;
const PART = {
  units: '035',
  general: '1.00',
  vat: '0.13',
  rebate: '0.13',
  inspection: 'M',
  basis: REF_APPROX,
} as const;
const FURNITURE = {
  units: ['007', '035'],
  general: '1.00',
  vat: '0.13',
  rebate: '0.13',
  inspection: 'PQ',
  cbec: true,
  basis: REF_APPROX,
} as const;

const SPIRIT_CT = compound('0.20', '1', '095');
const CAR_BASIS_CT_REF = 'customs.md §3 [H] consumption tax and §9 [G] MFN 15 %; general column demo';
const CAR_BASIS_CT_DEMO = 'customs.md §9 [G] MFN 15 %; consumption tax for this size is memory ("…" in §3)';

// One line per tariff line reads as a table; the formatter would spread each over a dozen lines.
// biome-ignore format: tabular data
const SPECS: readonly LineSpec[] = [
  // Chapter 02 — meat (imported from Russia, Belarus, Kazakhstan).
  { ...MEAT, code: '0201300000', names: ['鲜或冷藏的去骨牛肉', 'Bovine meat, boneless, fresh or chilled', 'Говядина бескостная, свежая или охлаждённая'], mfn: '0.12' },
  { ...MEAT, code: '0202200000', names: ['冻带骨牛肉', 'Bovine cuts with bone in, frozen', 'Говядина на кости, мороженая'], mfn: '0.12' },
  { ...MEAT, code: '0202300000', names: ['冻去骨牛肉', 'Bovine meat, boneless, frozen', 'Говядина бескостная, мороженая'], mfn: '0.12', basis: REF_APPROX },
  { ...MEAT, code: '0203290000', names: ['其他冻猪肉', 'Swine meat, frozen, other', 'Свинина мороженая, прочая'], mfn: '0.12' },
  { ...MEAT, code: '0204210000', names: ['鲜或冷藏的整头及半头绵羊肉', 'Sheep carcasses and half-carcasses, fresh or chilled', 'Туши и полутуши баранины, свежие или охлаждённые'], mfn: '0.23', basis: 'customs.md §9 [H] MFN 23 %; other columns demo' },
  { ...MEAT, code: '0204420000', names: ['冻带骨绵羊肉', 'Sheep cuts with bone in, frozen', 'Баранина на кости, мороженая'], mfn: '0.12', basis: REF_APPROX },
  { ...MEAT, code: '0204430000', names: ['冻去骨绵羊肉', 'Sheep meat, boneless, frozen', 'Баранина бескостная, мороженая'], mfn: '0.15', basis: REF_APPROX },
  { ...MEAT, code: '0204500000', names: ['山羊肉', 'Meat of goats', 'Козлятина'], mfn: '0.20' },
  { ...MEAT, code: '0206210000', names: ['冻牛舌', 'Bovine tongues, frozen', 'Языки говяжьи, мороженые'], mfn: '0.12' },
  { ...MEAT, code: '0207142200', names: ['冻鸡爪', 'Chicken paws, frozen', 'Куриные лапы, мороженые'], mfn: '0.10' },

  // Chapter 03 — fish (Russia's Far East fleet).
  { ...FISH, code: '0303630000', names: ['冻鳕鱼', 'Cod, frozen', 'Треска мороженая'], mfn: '0.07' },
  { ...FISH, code: '0303670000', names: ['冻狭鳕鱼', 'Alaska pollock, frozen', 'Минтай мороженый'], mfn: '0.07' },
  { ...FISH, code: '0303890000', names: ['其他冻鱼', 'Frozen fish, not elsewhere specified', 'Рыба мороженая, прочая'], mfn: '0.10', basis: REF_APPROX },
  { ...FISH, code: '0304750000', names: ['冻狭鳕鱼片', 'Alaska pollock fillets, frozen', 'Филе минтая мороженое'], mfn: '0.10' },
  { ...FISH, code: '0306149000', names: ['其他冻蟹', 'Crabs, frozen, other', 'Крабы мороженые, прочие'], mfn: '0.10', general: '0.70' },

  // Chapter 04 — dairy and honey (Belarus, Russia).
  { ...FOOD, code: '0401200000', names: ['脂肪含量1%–6%的未浓缩乳', 'Milk, fat 1–6 %, not concentrated', 'Молоко жирностью 1–6 %, несгущённое'], mfn: '0.15', general: '0.40', vat: '0.09' },
  { ...FOOD, code: '0402210000', names: ['全脂奶粉(脂肪含量>1.5%,未加糖)', 'Milk powder, fat > 1.5 %, unsweetened', 'Сухое молоко жирностью более 1,5 %, без сахара'], mfn: '0.10', general: '0.40', vat: '0.09', basis: 'customs.md §9: general 40 % [H], MFN 10 % [~], VAT 9 %' },
  { ...FOOD, code: '0405100000', names: ['黄油', 'Butter', 'Сливочное масло'], mfn: '0.10', general: '0.90' },
  { ...FOOD, code: '0406900000', names: ['其他奶酪', 'Cheese, other', 'Сыры прочие'], mfn: '0.08', general: '0.90' },
  { ...FOOD, code: '0409000000', names: ['天然蜂蜜', 'Natural honey', 'Мёд натуральный'], mfn: '0.15', general: '0.70', vat: '0.09' },

  // Chapter 07 — vegetables and pulses.
  { ...PRODUCE, code: '0703101000', names: ['鲜或冷藏的洋葱', 'Onions, fresh or chilled', 'Лук репчатый, свежий или охлаждённый'], mfn: '0.13', rebate: '0.09', basis: REF_APPROX },
  { ...PRODUCE, code: '0703201000', names: ['鲜或冷藏的蒜头', 'Garlic bulbs, fresh or chilled', 'Чеснок (головки), свежий или охлаждённый'], mfn: '0.13', rebate: '0.09' },
  { ...PRODUCE, code: '0713109000', names: ['其他干豌豆', 'Dried peas, shelled, not for sowing', 'Горох сушёный лущёный, не для посева'], mfn: '0.05', general: '0.30' },
  { ...PRODUCE, code: '0713209000', names: ['其他干鹰嘴豆', 'Dried chickpeas, not for sowing', 'Нут сушёный, не для посева'], mfn: '0.07', general: '0.30' },
  { ...PRODUCE, code: '0713409000', names: ['其他干小扁豆', 'Dried lentils, not for sowing', 'Чечевица сушёная, не для посева'], mfn: '0.07', general: '0.30' },

  // Chapter 08 — fruit and nuts (Uzbekistan, Tajikistan, Iran).
  { ...PRODUCE, code: '0802120000', names: ['去壳杏仁', 'Almonds, shelled', 'Миндаль очищенный'], mfn: '0.10', general: '0.70', basis: REF_APPROX },
  { ...PRODUCE, code: '0802320000', names: ['去壳核桃', 'Walnuts, shelled', 'Грецкие орехи очищенные'], mfn: '0.20', general: '0.70' },
  { ...PRODUCE, code: '0802510000', names: ['未去壳开心果', 'Pistachios, in shell', 'Фисташки в скорлупе'], mfn: '0.05', general: '0.70', basis: REF_APPROX },
  { ...PRODUCE, code: '0806100000', names: ['鲜葡萄', 'Grapes, fresh', 'Виноград свежий'], mfn: '0.13' },
  { ...PRODUCE, code: '0806200000', names: ['葡萄干', 'Grapes, dried (raisins)', 'Изюм (виноград сушёный)'], mfn: '0.10', basis: REF_APPROX },
  { ...PRODUCE, code: '0807110000', names: ['鲜西瓜', 'Watermelons, fresh', 'Арбузы свежие'], mfn: '0.25', general: '0.70' },
  { ...PRODUCE, code: '0808100000', names: ['鲜苹果', 'Apples, fresh', 'Яблоки свежие'], mfn: '0.10', rebate: '0.09', basis: REF_APPROX },
  { ...PRODUCE, code: '0809290000', names: ['鲜甜樱桃', 'Sweet cherries, fresh', 'Черешня свежая'], mfn: '0.10' },
  { ...PRODUCE, code: '0813100000', names: ['杏干', 'Apricots, dried', 'Курага (абрикосы сушёные)'], mfn: '0.25', basis: REF_APPROX },
  { ...PRODUCE, code: '0813200000', names: ['李子干', 'Prunes', 'Чернослив'], mfn: '0.25' },

  // Chapter 09 — tea and spices.
  { ...PRODUCE, code: '0902109000', names: ['其他绿茶(每件净重≤3千克)', 'Green tea in packings ≤ 3 kg, other', 'Чай зелёный в упаковках не более 3 кг, прочий'], mfn: '0.15', general: '1.00', rebate: '0.09', cbec: true },
  { ...PRODUCE, code: '0902300000', names: ['红茶(每件净重≤3千克)', 'Black tea in packings ≤ 3 kg', 'Чай чёрный в упаковках не более 3 кг'], mfn: '0.15', general: '1.00', rebate: '0.09', cbec: true },
  { ...PRODUCE, code: '0904110000', names: ['未磨的胡椒', 'Pepper, neither crushed nor ground', 'Перец, не дроблённый и не молотый'], mfn: '0.20', general: '0.70', basis: REF_APPROX },
  { ...PRODUCE, code: '0909310000', names: ['未磨的孜然', 'Cumin seeds, neither crushed nor ground', 'Семена кумина (зиры), не дроблённые и не молотые'], mfn: '0.15', general: '0.70', basis: REF_APPROX },
  { ...PRODUCE, code: '0910110000', names: ['未磨的姜', 'Ginger, neither crushed nor ground', 'Имбирь, не дроблённый и не молотый'], mfn: '0.15', general: '0.70' },

  // Chapter 10 — cereals; wheat, maize and rice are under tariff quota, the extension selects in/out of quota.
  { ...GRAIN, code: '1001190001', names: ['配额内硬粒小麦(种用除外)', 'Durum wheat, not seed, in quota', 'Пшеница твёрдых сортов, не семенная, в пределах квоты'], mfn: '0.65', quota: { status: 'in', rate: '0.01' }, licence: 'ABt', confirmed: true, basis: 'customs.md §2 (general 180 %) and §9 [H] (TRQ 1/65)' },
  { ...GRAIN, code: '1001190090', names: ['配额外硬粒小麦(种用除外)', 'Durum wheat, not seed, out of quota', 'Пшеница твёрдых сортов, не семенная, вне квоты'], mfn: '0.65', quota: { status: 'out' }, confirmed: true, basis: 'customs.md §2 (general 180 %) and §9 [H] (TRQ 1/65)' },
  { ...GRAIN, code: '1001990001', names: ['配额内其他小麦及混合麦(种用除外)', 'Wheat and meslin other than durum, not seed, in quota', 'Пшеница (кроме твёрдых сортов) и меслин, не семенные, в пределах квоты'], mfn: '0.65', quota: { status: 'in', rate: '0.01' }, licence: 'ABt', basis: 'customs.md §9 [~] TRQ 1/65; general 180 % (§2)' },
  { ...GRAIN, code: '1001990090', names: ['配额外其他小麦及混合麦(种用除外)', 'Wheat and meslin other than durum, not seed, out of quota', 'Пшеница (кроме твёрдых сортов) и меслин, не семенные, вне квоты'], mfn: '0.65', quota: { status: 'out' }, basis: 'customs.md §9 [~] TRQ 1/65; general 180 % (§2)' },
  { ...GRAIN, code: '1003900000', names: ['其他大麦', 'Barley, not seed', 'Ячмень, не семенной'], mfn: '0.03', general: '1.60' },
  { ...GRAIN, code: '1004900000', names: ['其他燕麦', 'Oats, not seed', 'Овёс, не семенной'], mfn: '0.02', general: '0.30' },
  { ...GRAIN, code: '1005900001', names: ['配额内玉米(种用除外)', 'Maize (corn), not seed, in quota', 'Кукуруза, не семенная, в пределах квоты'], mfn: '0.65', quota: { status: 'in', rate: '0.01' }, licence: 'ABt', basis: REF_APPROX },
  { ...GRAIN, code: '1005900090', names: ['配额外玉米(种用除外)', 'Maize (corn), not seed, out of quota', 'Кукуруза, не семенная, вне квоты'], mfn: '0.65', quota: { status: 'out' }, basis: REF_APPROX },
  { ...GRAIN, code: '1006309001', names: ['配额内其他精米', 'Rice, semi-milled or wholly milled, other, in quota', 'Рис полуобрушенный или полностью обрушенный, прочий, в пределах квоты'], mfn: '0.65', quota: { status: 'in', rate: '0.01' }, licence: 'ABt', cbec: { amount: '20', unit: '035' }, basis: 'customs.md §9 [H for rice lines] TRQ 1/65, §4 CBEC cap 20 kg; general demo' },
  { ...GRAIN, code: '1006309090', names: ['配额外其他精米', 'Rice, semi-milled or wholly milled, other, out of quota', 'Рис полуобрушенный или полностью обрушенный, прочий, вне квоты'], mfn: '0.65', quota: { status: 'out' }, cbec: { amount: '20', unit: '035' }, basis: 'customs.md §9 [H for rice lines] TRQ 1/65, §4 CBEC cap 20 kg; general demo' },
  { ...GRAIN, code: '1008100000', names: ['荞麦', 'Buckwheat', 'Гречиха'], mfn: '0.02', general: '0.30' },

  // Chapter 12 — oilseeds (Russia, Kazakhstan).
  { ...OILSEED, code: '1201901000', names: ['黄大豆(种用除外)', 'Soya beans, yellow, not seed', 'Соевые бобы жёлтые, не семенные'], mfn: '0.03', general: '1.80', licence: 'AB', basis: REF_APPROX },
  { ...OILSEED, code: '1204009000', names: ['其他亚麻子', 'Linseed, not for sowing', 'Льняное семя, не для посева'], mfn: '0.15' },
  { ...OILSEED, code: '1205109000', names: ['其他低芥子酸油菜籽', 'Low-erucic-acid rape or colza seeds, not for sowing', 'Семена рапса с низким содержанием эруковой кислоты, не для посева'], mfn: '0.09', basis: REF_APPROX },
  { ...OILSEED, code: '1206009000', names: ['其他葵花籽', 'Sunflower seeds, not for sowing', 'Семена подсолнечника, не для посева'], mfn: '0.15' },
  { ...OILSEED, code: '1207409000', names: ['其他芝麻', 'Sesame seeds, not for sowing', 'Семена кунжута, не для посева'], mfn: '0.10' },

  // Chapter 15 — vegetable oils.
  { ...EDIBLE_OIL, code: '1507100000', names: ['初榨豆油', 'Soya-bean oil, crude', 'Соевое масло сырое'], mfn: '0.09', general: '1.90', basis: REF_APPROX },
  { ...EDIBLE_OIL, code: '1512110000', names: ['初榨葵花籽油', 'Sunflower-seed oil, crude', 'Подсолнечное масло сырое (нерафинированное)'], mfn: '0.09', basis: 'customs.md §3 example A and §9 [~]: MFN 9 %, VAT 9 %; general demo' },
  { ...EDIBLE_OIL, code: '1512190000', names: ['精制葵花籽油', 'Sunflower-seed oil, refined', 'Подсолнечное масло рафинированное'], mfn: '0.09' },
  { ...EDIBLE_OIL, code: '1514110000', names: ['初榨低芥子酸菜籽油', 'Low-erucic-acid rapeseed oil, crude', 'Рапсовое масло с низким содержанием эруковой кислоты, сырое'], mfn: '0.09' },
  { ...EDIBLE_OIL, code: '1514190000', names: ['精制低芥子酸菜籽油', 'Low-erucic-acid rapeseed oil, refined', 'Рапсовое масло с низким содержанием эруковой кислоты, рафинированное'], mfn: '0.09' },
  { ...EDIBLE_OIL, code: '1515110000', names: ['初榨亚麻子油', 'Linseed oil, crude', 'Льняное масло сырое'], mfn: '0.15', general: '0.70' },

  // Chapters 17–19 — sugar and confectionery (Russian confectionery is a large CBEC category).
  { ...FOOD, code: '1701991001', names: ['配额内白砂糖', 'Refined cane or beet sugar, in quota', 'Сахар рафинированный (тростниковый или свекловичный), в пределах квоты'], mfn: '0.50', general: '1.25', quota: { status: 'in', rate: '0.15' }, licence: 'ABt', inspection: 'MR', cbec: { amount: '2', unit: '035' }, basis: 'customs.md §9 [~] TRQ 15/50, VAT 13 %; §4 CBEC cap 2 kg; general demo' },
  { ...FOOD, code: '1701991090', names: ['配额外白砂糖', 'Refined cane or beet sugar, out of quota', 'Сахар рафинированный (тростниковый или свекловичный), вне квоты'], mfn: '0.50', general: '1.25', quota: { status: 'out' }, inspection: 'MR', cbec: { amount: '2', unit: '035' }, basis: 'customs.md §9 [~] TRQ 15/50, VAT 13 %; §4 CBEC cap 2 kg; general demo' },
  { ...FOOD, code: '1704900000', names: ['其他不含可可的糖食', 'Sugar confectionery without cocoa, other', 'Кондитерские изделия из сахара без какао, прочие'], mfn: '0.10' },
  { ...FOOD, code: '1806320000', names: ['未夹心的块状或条状巧克力', 'Chocolate in blocks or bars, not filled', 'Шоколад в плитках или брусках, без начинки'], mfn: '0.08' },
  { ...FOOD, code: '1806900000', names: ['其他巧克力及含可可的食品', 'Chocolate and food preparations with cocoa, other', 'Шоколад и пищевые продукты с какао, прочие'], mfn: '0.08' },
  { ...FOOD, code: '1901101000', names: ['零售包装的婴幼儿配方奶粉', 'Infant formula, put up for retail sale', 'Детские молочные смеси в упаковках для розничной продажи'], mfn: '0.15', general: '0.90', basis: 'customs.md §4 example (CNY 3,000 × 13 % × 70 %): VAT 13 %; MFN and general demo' },
  { ...FOOD, code: '1905310000', names: ['甜饼干', 'Sweet biscuits', 'Печенье сладкое'], mfn: '0.05', general: '0.80' },

  // Chapter 22 — beverages; wine bears 10 % consumption tax, spirits 20 % + CNY 1/L (memory: 0.5 yuan per 500 ml).
  { ...FOOD, code: '2201101000', names: ['矿泉水', 'Mineral waters, not sweetened', 'Воды минеральные без сахара'], mfn: '0.05', general: '0.40' },
  { ...FOOD, units: ['095', '035'], code: '2204210000', names: ['小包装葡萄酒(容器≤2升)', 'Wine of fresh grapes, in containers ≤ 2 L', 'Вино из свежего винограда в ёмкостях не более 2 л'], mfn: '0.14', general: '1.80', ct: adValorem('0.10'), basis: 'customs.md §9 [~] MFN 14 %, VAT 13 %; consumption tax and general demo' },
  { ...FOOD, units: ['095', '035'], code: '2208200000', names: ['蒸馏葡萄酒制得的烈性酒(白兰地)', 'Spirits obtained by distilling grape wine (brandy)', 'Спиртные напитки из виноградного вина (бренди)'], mfn: '0.10', general: '1.80', ct: SPIRIT_CT },
  { ...FOOD, units: ['095', '035'], code: '2208300000', names: ['威士忌酒', 'Whiskies', 'Виски'], mfn: '0.10', general: '1.80', ct: SPIRIT_CT },
  { ...FOOD, units: ['095', '035'], code: '2208600000', names: ['伏特加酒', 'Vodka', 'Водка'], mfn: '0.10', general: '1.80', ct: SPIRIT_CT },

  // Chapter 23 — feed by-products (SCODA return trains carry Kazakh wheat bran).
  { ...OILSEED, code: '2302300000', names: ['小麦麸', 'Bran of wheat', 'Отруби пшеничные'], mfn: '0.05', general: '0.30', basis: REF_APPROX },
  { ...OILSEED, code: '2306300000', names: ['葵花籽油渣饼', 'Sunflower-seed oilcake and meal', 'Жмых и шрот подсолнечные'], mfn: '0.05', general: '0.30' },
  { ...OILSEED, code: '2306410000', names: ['低芥子酸油菜籽油渣饼', 'Low-erucic-acid rapeseed oilcake and meal', 'Жмых и шрот рапсовые с низким содержанием эруковой кислоты'], mfn: '0.05', general: '0.30' },

  // Chapter 24 — cigarettes: compound consumption tax 56 % + CNY 0.003 per stick (= CNY 3 per thousand sticks).
  { code: '2402200000', names: ['含烟草的卷烟', 'Cigarettes containing tobacco', 'Сигареты, содержащие табак'], units: ['035', '143'], mfn: '0.25', general: '1.80', vat: '0.13', ct: compound('0.56', '3', '143'), licence: '7AB', inspection: 'M', basis: DEMO },

  // Chapters 25–26 — sulphur, ores and concentrates (Kazakhstan, Russia, Mongolia).
  { ...ORE, code: '2503000000', names: ['各种硫磺', 'Sulphur of all kinds', 'Сера всех видов'], mfn: '0.01', general: '0.30', basis: DEMO },
  { ...ORE, code: '2601110000', names: ['未烧结铁矿砂及其精矿', 'Iron ores and concentrates, non-agglomerated', 'Руды и концентраты железные неагломерированные'], mfn: '0' },
  { ...ORE, code: '2601120000', names: ['已烧结铁矿砂及其精矿', 'Iron ores and concentrates, agglomerated', 'Руды и концентраты железные агломерированные'], mfn: '0', basis: DEMO },
  { ...ORE, code: '2602000000', names: ['锰矿砂及其精矿', 'Manganese ores and concentrates', 'Руды и концентраты марганцевые'], mfn: '0', basis: DEMO },
  { ...ORE, code: '2603000090', names: ['铜矿砂及其精矿(黄金价值部分除外)', 'Copper ores and concentrates (other than the gold value)', 'Руды и концентраты медные (без стоимости золота)'], mfn: '0' },
  { ...ORE, code: '2607000000', names: ['铅矿砂及其精矿', 'Lead ores and concentrates', 'Руды и концентраты свинцовые'], mfn: '0', basis: DEMO },
  { ...ORE, code: '2608000000', names: ['锌矿砂及其精矿', 'Zinc ores and concentrates', 'Руды и концентраты цинковые'], mfn: '0' },
  { ...ORE, code: '2610000000', names: ['铬矿砂及其精矿', 'Chromium ores and concentrates', 'Руды и концентраты хромовые'], mfn: '0', basis: DEMO },
  { ...ORE, code: '2614000000', names: ['钛矿砂及其精矿', 'Titanium ores and concentrates', 'Руды и концентраты титановые'], mfn: '0', basis: DEMO },

  // Chapter 27 — coal, crude, oil products, gas, electricity.
  { ...COAL, code: '2701110000', names: ['无烟煤', 'Anthracite', 'Антрацит'], mfn: '0.03', basis: REF_APPROX },
  { ...COAL, code: '2701121000', names: ['炼焦煤', 'Coking coal (bituminous)', 'Уголь коксующийся (битуминозный)'], mfn: '0.03', basis: REF_APPROX },
  { ...COAL, code: '2701129000', names: ['其他烟煤', 'Bituminous coal, other', 'Уголь битуминозный прочий'], mfn: '0.06', basis: REF_APPROX },
  { ...COAL, code: '2702100000', names: ['褐煤(未制成型)', 'Lignite, not agglomerated', 'Лигнит (бурый уголь) неагломерированный'], mfn: '0.03', basis: DEMO },
  { code: '2709000000', names: ['石油原油', 'Crude petroleum oils', 'Нефть сырая'], units: '035', mfn: specific('0', '035'), general: specific('0.085', '035'), vat: '0.13', licence: '7A', inspection: 'M', confirmed: true, basis: 'customs.md §3 and §9 [H]: MFN CNY 0/kg, general CNY 0.085/kg, VAT 13 %' },
  { ...OIL_PRODUCT, code: '2710121000', names: ['车用汽油及航空汽油', 'Motor spirit and aviation spirit (gasoline)', 'Бензин автомобильный и авиационный'], mfn: '0.01', ct: specific('1.52', '095'), basis: 'customs.md §9 [~] MFN 1–6 %; consumption tax CNY 1.52/L memory' },
  { ...OIL_PRODUCT, code: '2710122000', names: ['石脑油', 'Naphtha', 'Нафта (лигроин)'], mfn: '0.01', ct: specific('1.52', '095'), basis: 'customs.md §9 [~] MFN 1–6 %; consumption tax CNY 1.52/L memory' },
  { ...OIL_PRODUCT, code: '2710192200', names: ['5–7号燃料油', 'Fuel oil No. 5–7', 'Мазут топочный № 5–7'], mfn: '0.06', provisional: '0.01', ct: specific('1.2', '095'), basis: 'customs.md §3 and §9 [H]: MFN 6 %, provisional 1 %, CT CNY 1.2/L, VAT 13 %; general demo' },
  { ...OIL_PRODUCT, code: '2710192300', names: ['柴油', 'Diesel fuel', 'Дизельное топливо'], mfn: '0.06', ct: specific('1.2', '095'), basis: 'demo values; consumption tax as for fuel oil (customs.md §3)' },
  { ...OIL_PRODUCT, code: '2710199100', names: ['润滑油', 'Lubricating oils', 'Масла смазочные'], mfn: '0.06', general: '0.30', ct: specific('1.52', '095'), basis: DEMO },
  { ...GAS, code: '2711110000', names: ['液化天然气', 'Natural gas, liquefied (LNG)', 'Природный газ сжиженный (СПГ)'], mfn: '0' },
  { ...GAS, code: '2711120000', names: ['液化丙烷', 'Propane, liquefied', 'Пропан сжиженный'], mfn: '0.05', basis: DEMO },
  { ...GAS, code: '2711130000', names: ['液化丁烷', 'Butanes, liquefied', 'Бутаны сжиженные'], mfn: '0.05', basis: DEMO },
  { ...GAS, units: ['035', '033'], code: '2711210000', names: ['气态天然气(管道)', 'Natural gas in gaseous state (pipeline)', 'Природный газ в газообразном состоянии (трубопроводный)'], mfn: '0' },
  { code: '2716000000', names: ['电力', 'Electrical energy', 'Электроэнергия'], units: '062', mfn: '0', general: '0', vat: '0.13', basis: REF_APPROX },

  // Chapters 28–30 — chemicals and medicaments.
  { ...POLYMER, code: '2814100000', names: ['无水氨', 'Anhydrous ammonia', 'Аммиак безводный'], mfn: '0.05', general: '0.30', rebate: '0', basis: DEMO },
  { ...POLYMER, code: '2902200000', names: ['苯', 'Benzene', 'Бензол'], mfn: '0.02', general: '0.30', basis: DEMO },
  { ...POLYMER, code: '2905110000', names: ['甲醇', 'Methanol (methyl alcohol)', 'Метанол (метиловый спирт)'], mfn: '0.055', general: '0.30' },
  { code: '3004909000', names: ['其他已配定剂量或零售包装的药品', 'Medicaments in measured doses or retail packings, other', 'Лекарственные средства в дозированном виде или в упаковках для розничной продажи, прочие'], units: '035', mfn: '0.03', general: '0.30', vat: '0.13', rebate: '0.13', licence: 'A', inspection: 'M', basis: REF_APPROX },

  // Chapter 31 — fertilisers (Russian and Belarusian potash; urea and DAP under tariff quota).
  { ...FERTILISER, code: '3102100001', names: ['配额内尿素', 'Urea, in quota', 'Карбамид (мочевина), в пределах квоты'], mfn: '0.50', quota: { status: 'in', rate: '0.04' }, provisional: '0.01', licence: 'At', basis: 'customs.md §9 [H in-quota]: TRQ 4 % (provisional 1 %) / 50 %, VAT 9 %; general demo' },
  { ...FERTILISER, code: '3102100090', names: ['配额外尿素', 'Urea, out of quota', 'Карбамид (мочевина), вне квоты'], mfn: '0.50', quota: { status: 'out' }, basis: 'customs.md §9: out-of-quota 50 %, VAT 9 %; general demo' },
  { ...FERTILISER, code: '3102210000', names: ['硫酸铵', 'Ammonium sulphate', 'Сульфат аммония'], mfn: '0.04', general: '0.30' },
  { ...FERTILISER, code: '3104209000', names: ['其他氯化钾', 'Potassium chloride, other', 'Хлорид калия прочий'], mfn: '0.03', provisional: '0', general: '0.30', basis: 'customs.md §9 [H]: MFN 3 %, provisional 0, VAT 9 %; general demo' },
  { ...FERTILISER, code: '3104300000', names: ['硫酸钾', 'Potassium sulphate', 'Сульфат калия'], mfn: '0.03', general: '0.30' },
  { ...FERTILISER, code: '3105300001', names: ['配额内磷酸氢二铵', 'Diammonium hydrogenorthophosphate (DAP), in quota', 'Диаммонийфосфат, в пределах квоты'], mfn: '0.50', quota: { status: 'in', rate: '0.04' }, licence: 'At', basis: REF_APPROX },
  { ...FERTILISER, code: '3105300090', names: ['配额外磷酸氢二铵', 'Diammonium hydrogenorthophosphate (DAP), out of quota', 'Диаммонийфосфат, вне квоты'], mfn: '0.50', quota: { status: 'out' }, basis: REF_APPROX },

  // Chapter 33 — cosmetics; consumption tax 15 % on high-end goods only, which China separates by extension.
  { ...COSMETIC, code: '3303000000', names: ['香水及花露水', 'Perfumes and toilet waters', 'Духи и туалетная вода'], mfn: '0.03', ct: adValorem('0.15'), basis: 'demo values; treated as high-end (consumption tax 15 %, customs.md §9)' },
  { ...COSMETIC, code: '3304100000', names: ['唇用化妆品', 'Lip make-up preparations', 'Средства для макияжа губ'], mfn: '0.01', basis: DEMO },
  { ...COSMETIC, code: '3304990010', names: ['高档护肤品', 'Skin-care preparations, high-end', 'Средства для ухода за кожей, премиальные'], mfn: '0.01', ct: adValorem('0.15'), basis: 'customs.md §9 [~]: MFN 1–2 %, VAT 13 %, CT 15 % for high-end; general demo' },
  { ...COSMETIC, code: '3304990090', names: ['其他护肤品', 'Skin-care preparations, other', 'Средства для ухода за кожей, прочие'], mfn: '0.01', basis: REF_APPROX },
  { ...COSMETIC, code: '3305100000', names: ['洗发剂', 'Shampoos', 'Шампуни'], mfn: '0.03', general: '0.90', basis: DEMO },

  // Chapter 39 — polymers (Russia, Iran).
  { ...POLYMER, code: '3901100000', names: ['初级形状比重<0.94的聚乙烯', 'Polyethylene, specific gravity < 0.94, primary forms', 'Полиэтилен с удельным весом менее 0,94 в первичных формах'], mfn: '0.065' },
  { ...POLYMER, code: '3901200000', names: ['初级形状比重≥0.94的聚乙烯', 'Polyethylene, specific gravity ≥ 0.94, primary forms', 'Полиэтилен с удельным весом 0,94 или более в первичных формах'], mfn: '0.065', basis: DEMO },
  { ...POLYMER, code: '3902100000', names: ['初级形状的聚丙烯', 'Polypropylene, primary forms', 'Полипропилен в первичных формах'], mfn: '0.065' },
  { ...POLYMER, code: '3904109000', names: ['其他未混合的聚氯乙烯', 'Poly(vinyl chloride), not mixed, other', 'Поливинилхлорид, не смешанный с другими веществами, прочий'], mfn: '0.065', basis: DEMO },
  { ...POLYMER, code: '3907610000', names: ['粘数≥78毫升/克的聚对苯二甲酸乙二酯', 'Poly(ethylene terephthalate), viscosity number ≥ 78 ml/g', 'Полиэтилентерефталат с числом вязкости 78 мл/г или более'], mfn: '0.065', basis: DEMO },

  // Chapter 40 — tyres (Shandong is a tyre hub).
  { ...TYRE, code: '4011100000', names: ['机动小客车用新的充气橡胶轮胎', 'New pneumatic rubber tyres for motor cars', 'Шины пневматические резиновые новые для легковых автомобилей'], mfn: '0.10', basis: 'customs.md §9 [G/H] MFN 10 %, VAT 13 %; general demo' },
  { ...TYRE, code: '4011200000', names: ['客车或货运机动车辆用新的充气橡胶轮胎', 'New pneumatic rubber tyres for buses or lorries', 'Шины пневматические резиновые новые для автобусов или грузовых автомобилей'], mfn: '0.10', basis: 'customs.md §9 [G] MFN 10 %, VAT 13 %; general demo' },
  { ...TYRE, code: '4011700000', names: ['农业或林业车辆及机器用新的充气橡胶轮胎', 'New pneumatic rubber tyres for agricultural or forestry vehicles', 'Шины пневматические резиновые новые для сельскохозяйственных или лесохозяйственных машин'], mfn: '0.10', basis: DEMO },

  // Chapter 44 — timber (Russian logs and sawn wood; legal units m³ and kg).
  { ...TIMBER, code: '4401210000', names: ['针叶木木片', 'Coniferous wood in chips', 'Щепа древесная хвойных пород'], units: '035', mfn: '0', general: '0.08', basis: DEMO },
  { ...TIMBER, code: '4403211000', names: ['截面尺寸≥15厘米的红松和樟子松原木', 'Korean pine and Scots pine logs, ≥ 15 cm', 'Брёвна сосны корейской и сосны обыкновенной сечением 15 см и более'], mfn: '0', basis: REF_APPROX },
  { ...TIMBER, code: '4403219000', names: ['截面尺寸≥15厘米的其他松木原木', 'Other pine logs, ≥ 15 cm', 'Брёвна сосновые прочие сечением 15 см и более'], mfn: '0', basis: REF_APPROX },
  { ...TIMBER, code: '4403230000', names: ['截面尺寸≥15厘米的云杉和冷杉原木', 'Fir and spruce logs, ≥ 15 cm', 'Брёвна пихты и ели сечением 15 см и более'], mfn: '0', basis: REF_APPROX },
  { ...TIMBER, code: '4403950000', names: ['截面尺寸≥15厘米的桦木原木', 'Birch logs, ≥ 15 cm', 'Брёвна берёзовые сечением 15 см и более'], mfn: '0', basis: DEMO },
  { ...TIMBER, code: '4407110000', names: ['厚度>6毫米的松木锯材', 'Pine wood sawn lengthwise, thickness > 6 mm', 'Пиломатериалы сосновые толщиной более 6 мм'], mfn: '0', basis: REF_APPROX },
  { ...TIMBER, code: '4407120000', names: ['厚度>6毫米的云杉和冷杉锯材', 'Fir and spruce wood sawn lengthwise, thickness > 6 mm', 'Пиломатериалы пихтовые и еловые толщиной более 6 мм'], mfn: '0', basis: DEMO },
  { ...TIMBER, code: '4412330000', names: ['外层为桦木等的胶合板', 'Plywood with an outer ply of birch or similar non-coniferous wood', 'Фанера с наружным слоем из берёзы или аналогичной лиственной древесины'], mfn: '0.04', general: '0.30', basis: DEMO },

  // Chapters 47–49 — pulp (Qingdao is a pulp hub), paper, books (books bear 9 % VAT).
  { ...PULP, code: '4702000000', names: ['溶解级化学木浆', 'Chemical wood pulp, dissolving grades', 'Целлюлоза древесная химическая растворимых сортов'], mfn: '0', basis: DEMO },
  { ...PULP, code: '4703210000', names: ['漂白针叶木硫酸盐木浆', 'Chemical wood pulp, sulphate, bleached, coniferous', 'Целлюлоза сульфатная беленая из хвойной древесины'], mfn: '0' },
  { ...PULP, code: '4703290000', names: ['漂白非针叶木硫酸盐木浆', 'Chemical wood pulp, sulphate, bleached, non-coniferous', 'Целлюлоза сульфатная беленая из лиственной древесины'], mfn: '0', basis: DEMO },
  { ...PULP, code: '4801000000', names: ['成卷或成张的新闻纸', 'Newsprint, in rolls or sheets', 'Бумага газетная в рулонах или листах'], mfn: '0.05', general: '0.30', basis: DEMO },
  { code: '4901990000', names: ['其他书籍、小册子及类似印刷品', 'Printed books, brochures and similar printed matter, other', 'Книги, брошюры и аналогичные печатные материалы, прочие'], units: '035', mfn: '0', general: '0', vat: '0.09', cbec: true, basis: 'demo values; VAT 9 % for books (customs.md §3)' },

  // Chapters 51–52 — wool, cashmere, cotton (Uzbek cotton); wool and cotton are under tariff quota.
  { ...FIBRE_TRQ, code: '5101110001', names: ['配额内未梳的含脂剪羊毛', 'Greasy shorn wool, not carded or combed, in quota', 'Шерсть стриженая немытая, не подвергнутая кардо- или гребнечесанию, в пределах квоты'], mfn: '0.38', general: '0.50', quota: { status: 'in', rate: '0.01' }, basis: DEMO },
  { ...FIBRE_TRQ, code: '5101110090', names: ['配额外未梳的含脂剪羊毛', 'Greasy shorn wool, not carded or combed, out of quota', 'Шерсть стриженая немытая, не подвергнутая кардо- или гребнечесанию, вне квоты'], mfn: '0.38', general: '0.50', quota: { status: 'out' }, licence: 'AB', basis: DEMO },
  { ...FIBRE_TRQ, code: '5102191000', names: ['未梳的山羊绒', 'Fine hair of Kashmir goats (cashmere), not carded or combed', 'Пух кашемировой козы, не подвергнутый кардо- или гребнечесанию'], mfn: '0.09', general: '0.50', licence: 'AB', basis: DEMO },
  { ...FIBRE_TRQ, code: '5201000001', names: ['配额内未梳的棉花', 'Cotton, not carded or combed, in quota', 'Хлопок-волокно, не подвергнутое кардо- или гребнечесанию, в пределах квоты'], mfn: '0.40', general: '1.25', quota: { status: 'in', rate: '0.01' }, basis: 'customs.md §9 [H] TRQ 1/40, VAT 9 %; general demo; the sliding-scale duty on the extra quota is not modelled' },
  { ...FIBRE_TRQ, code: '5201000090', names: ['配额外未梳的棉花', 'Cotton, not carded or combed, out of quota', 'Хлопок-волокно, не подвергнутое кардо- или гребнечесанию, вне квоты'], mfn: '0.40', general: '1.25', quota: { status: 'out' }, licence: 'AB', basis: 'customs.md §9 [H] TRQ 1/40, VAT 9 %; general demo' },
  { code: '5205120000', names: ['非零售用未精梳单股纯棉纱(232.56–714.29分特)', 'Single cotton yarn of uncombed fibres, 232.56–714.29 dtex, not for retail sale', 'Пряжа хлопчатобумажная однониточная из нечёсаных волокон, 232,56–714,29 дтекс, не для розничной продажи'], units: '035', mfn: '0.05', general: '0.40', vat: '0.13', rebate: '0.13', inspection: 'M', basis: DEMO },
  { code: '5209420000', names: ['全棉粗斜纹布(牛仔布,≥200克/平方米)', 'Denim, ≥ 85 % cotton, ≥ 200 g/m²', 'Ткань деним, не менее 85 % хлопка, 200 г/м² и более'], units: ['032', '035'], mfn: '0.10', general: '0.90', vat: '0.13', rebate: '0.13', inspection: 'M', basis: DEMO },

  // Chapters 61–62 — apparel.
  { ...APPAREL, code: '6104430000', names: ['合成纤维制针织或钩编女式连衣裙', "Women's dresses of synthetic fibres, knitted or crocheted", 'Платья женские из синтетических волокон, трикотажные'], mfn: '0.06' },
  { ...APPAREL, code: '6109100000', names: ['棉制针织或钩编T恤衫、汗衫及背心', 'T-shirts, singlets and vests of cotton, knitted or crocheted', 'Футболки, майки и фуфайки из хлопка, трикотажные'], mfn: '0.08', basis: REF_APPROX },
  { ...APPAREL, code: '6109909000', names: ['其他纺织材料制针织T恤衫', 'T-shirts and singlets of other textile materials, knitted', 'Футболки и майки из прочих текстильных материалов, трикотажные'], mfn: '0.08' },
  { ...APPAREL, code: '6110110000', names: ['羊毛制针织套头衫、开襟衫', 'Jerseys, pullovers and cardigans of wool, knitted', 'Свитеры, пуловеры и кардиганы из шерсти, трикотажные'], mfn: '0.06' },
  { ...APPAREL, code: '6110200000', names: ['棉制针织套头衫、开襟衫', 'Jerseys, pullovers and cardigans of cotton, knitted', 'Свитеры, пуловеры и кардиганы из хлопка, трикотажные'], mfn: '0.06' },
  { ...APPAREL, code: '6110300000', names: ['化学纤维制针织套头衫、开襟衫', 'Jerseys, pullovers and cardigans of man-made fibres, knitted', 'Свитеры, пуловеры и кардиганы из химических волокон, трикотажные'], mfn: '0.06' },
  { ...APPAREL, units: ['025', '035'], code: '6115950000', names: ['棉制针织或钩编袜类', 'Hosiery of cotton, knitted or crocheted', 'Чулочно-носочные изделия из хлопка, трикотажные'], mfn: '0.06' },
  { ...APPAREL, code: '6201400000', names: ['化学纤维制男式大衣、防风短上衣', "Men's overcoats and anoraks of man-made fibres", 'Пальто и куртки мужские из химических волокон'], mfn: '0.06' },
  { ...APPAREL, code: '6203420000', names: ['棉制男式长裤', "Men's trousers of cotton", 'Брюки мужские из хлопка'], mfn: '0.06' },
  { ...APPAREL, code: '6204620000', names: ['棉制女式长裤', "Women's trousers of cotton", 'Брюки женские из хлопка'], mfn: '0.06' },

  // Chapter 64 — footwear.
  { ...FOOTWEAR, code: '6402990000', names: ['其他橡胶或塑料制外底及鞋面的鞋靴', 'Footwear with outer soles and uppers of rubber or plastics, other', 'Обувь с подошвой и верхом из резины или пластмассы, прочая'], mfn: '0.10' },
  { ...FOOTWEAR, code: '6403990000', names: ['其他皮革制鞋面的鞋靴', 'Footwear with uppers of leather, other', 'Обувь с верхом из натуральной кожи, прочая'], mfn: '0.10', basis: DEMO },
  { ...FOOTWEAR, code: '6404110000', names: ['纺织材料制鞋面的运动鞋靴', 'Sports footwear with uppers of textile materials', 'Обувь спортивная с верхом из текстильных материалов'], mfn: '0.10', basis: DEMO },
  { ...FOOTWEAR, code: '6404190000', names: ['其他纺织材料制鞋面的鞋靴', 'Footwear with uppers of textile materials, other', 'Обувь с верхом из текстильных материалов, прочая'], mfn: '0.10', basis: DEMO },

  // Chapter 72 — iron and steel (export rebates on most steel products were withdrawn in 2021, memory).
  { ...STEEL, code: '7201100000', names: ['含磷量≤0.5%的非合金生铁', 'Non-alloy pig iron, ≤ 0.5 % phosphorus', 'Чугун нелегированный с содержанием фосфора не более 0,5 %'], mfn: '0', general: '0.08' },
  { ...STEEL, code: '7202110000', names: ['含碳量>2%的锰铁', 'Ferro-manganese, > 2 % carbon', 'Ферромарганец с содержанием углерода более 2 %'], mfn: '0.02' },
  { ...STEEL, code: '7202410000', names: ['含碳量>4%的铬铁', 'Ferro-chromium, > 4 % carbon', 'Феррохром с содержанием углерода более 4 %'], mfn: '0.02' },
  { ...STEEL, code: '7204490000', names: ['其他钢铁废碎料', 'Ferrous waste and scrap, other', 'Отходы и лом чёрных металлов, прочие'], mfn: '0', general: '0.08' },
  { ...STEEL, code: '7207120000', names: ['含碳量<0.25%的矩形截面铁或非合金钢半制成品', 'Semi-finished products of iron or non-alloy steel, < 0.25 % carbon, rectangular section', 'Полуфабрикаты из железа или нелегированной стали с содержанием углерода менее 0,25 %, прямоугольного сечения'], mfn: '0', general: '0.08' },
  { ...STEEL, code: '7208390000', names: ['厚度<3毫米的热轧卷材(宽≥600毫米)', 'Hot-rolled flat steel in coils, width ≥ 600 mm, thickness < 3 mm', 'Прокат плоский горячекатаный в рулонах шириной 600 мм и более, толщиной менее 3 мм'], mfn: '0.03', basis: REF_APPROX },
  { ...STEEL, code: '7209170000', names: ['厚度0.5–1毫米的冷轧卷材(宽≥600毫米)', 'Cold-rolled flat steel in coils, width ≥ 600 mm, thickness 0.5–1 mm', 'Прокат плоский холоднокатаный в рулонах шириной 600 мм и более, толщиной 0,5–1 мм'], mfn: '0.03' },
  { ...STEEL, code: '7210490000', names: ['其他镀锌平板轧材(非电镀)', 'Flat-rolled steel, zinc-coated otherwise than electrolytically, other', 'Прокат плоский, оцинкованный неэлектролитическим способом, прочий'], mfn: '0.04' },
  { ...STEEL, code: '7213910000', names: ['直径<14毫米的圆截面热轧盘条', 'Hot-rolled wire rod of circular section, diameter < 14 mm', 'Катанка горячекатаная круглого сечения диаметром менее 14 мм'], mfn: '0.03' },
  { ...STEEL, code: '7214200000', names: ['带有轧制变形的钢筋', 'Concrete reinforcing bars with rolling deformations', 'Арматура с рифлением, образованным в процессе прокатки'], mfn: '0.03' },

  // Chapters 74–79 — non-ferrous metals (Kazakh copper, Russian aluminium and nickel).
  { ...NONFERROUS, code: '7402000000', names: ['未精炼铜(粗铜)', 'Unrefined copper (blister)', 'Медь нерафинированная (черновая)'], mfn: '0.02', basis: DEMO },
  { ...NONFERROUS, code: '7403111100', names: ['铜含量≥99.9935%的阴极铜', 'Refined copper cathodes, ≥ 99.9935 % copper', 'Катоды из рафинированной меди с содержанием меди не менее 99,9935 %'], mfn: '0.01' },
  { ...NONFERROUS, code: '7403111900', names: ['其他阴极铜', 'Refined copper cathodes, other', 'Катоды из рафинированной меди, прочие'], mfn: '0.02' },
  { ...NONFERROUS, code: '7408110000', names: ['最大截面尺寸>6毫米的精炼铜丝', 'Refined copper wire, maximum cross-section > 6 mm', 'Проволока из рафинированной меди с максимальным размером сечения более 6 мм'], mfn: '0.04', general: '0.30', basis: DEMO },
  { ...NONFERROUS, code: '7502100000', names: ['未锻轧非合金镍', 'Unwrought nickel, not alloyed', 'Никель необработанный нелегированный'], mfn: '0.03', basis: DEMO },
  { ...NONFERROUS, code: '7601109000', names: ['其他未锻轧非合金铝', 'Unwrought aluminium, not alloyed, other', 'Алюминий необработанный нелегированный, прочий'], mfn: '0.05', general: '0.30' },
  { ...NONFERROUS, code: '7601200000', names: ['未锻轧铝合金', 'Unwrought aluminium alloys', 'Сплавы алюминиевые необработанные'], mfn: '0.07', general: '0.30', basis: DEMO },
  { ...NONFERROUS, code: '7901110000', names: ['锌含量≥99.99%的未锻轧非合金锌', 'Unwrought zinc, not alloyed, ≥ 99.99 % zinc', 'Цинк необработанный нелегированный с содержанием цинка 99,99 % или более'], mfn: '0.03', general: '0.20', basis: DEMO },

  // Chapter 84 — machinery and household appliances (Haier, Hisense).
  { ...APPLIANCE, code: '8415101000', names: ['独立式窗式或壁式空气调节器', 'Window or wall air conditioners, self-contained', 'Кондиционеры оконные или настенные, моноблочные'], mfn: '0.08', basis: 'customs.md §9 [H] MFN 8 %, VAT 13 %; general demo' },
  { ...APPLIANCE, code: '8415102100', names: ['制冷量≤4000大卡/时的分体式空气调节器', 'Split-system air conditioners, cooling ≤ 4,000 kcal/h', 'Кондиционеры сплит-системы холодопроизводительностью не более 4000 ккал/ч'], mfn: '0.08', basis: 'customs.md §9 [H] MFN 8 %, VAT 13 %; general demo' },
  { ...APPLIANCE, code: '8415102200', names: ['4000<制冷量≤12046大卡/时的分体式空气调节器', 'Split-system air conditioners, cooling 4,000–12,046 kcal/h', 'Кондиционеры сплит-системы холодопроизводительностью более 4000, но не более 12 046 ккал/ч'], mfn: '0.08', basis: 'customs.md §9 [H] MFN 8 %, VAT 13 %; general demo' },
  { ...APPLIANCE, code: '8418101000', names: ['容积>500升的冷藏—冷冻组合机', 'Combined refrigerator-freezers, > 500 L', 'Холодильники-морозильники комбинированные объёмом более 500 л'], mfn: '0.09', basis: 'customs.md §9 [G] MFN 9 % (> 500 L), VAT 13 %; general demo' },
  { ...APPLIANCE, code: '8418102000', names: ['200<容积≤500升的冷藏—冷冻组合机', 'Combined refrigerator-freezers, 200–500 L', 'Холодильники-морозильники комбинированные объёмом более 200 л, но не более 500 л'], mfn: '0.08', basis: 'customs.md §9 [G] MFN 8 %, VAT 13 %; general demo' },
  { ...APPLIANCE, code: '8418103000', names: ['容积≤200升的冷藏—冷冻组合机', 'Combined refrigerator-freezers, ≤ 200 L', 'Холодильники-морозильники комбинированные объёмом не более 200 л'], mfn: '0.08', basis: 'customs.md §9 [G] MFN 8 %, VAT 13 %; general demo' },
  { ...MACHINE, code: '8427109000', names: ['其他电动机推进的叉车', 'Self-propelled fork-lift trucks powered by an electric motor, other', 'Погрузчики вилочные самоходные с электродвигателем, прочие'], mfn: '0.05', general: '0.30', basis: DEMO },
  { ...MACHINE, code: '8429510000', names: ['前铲装载机', 'Front-end shovel loaders', 'Погрузчики фронтальные одноковшовые'], mfn: '0.05', basis: DEMO },
  { ...MACHINE, code: '8429521900', names: ['其他360度旋转的自推进挖掘机', 'Self-propelled excavators with a 360° revolving superstructure, other', 'Экскаваторы самоходные с поворотом верхней части на 360°, прочие'], mfn: '0.05', basis: REF_APPROX },
  { ...MACHINE, code: '8433510000', names: ['联合收割机', 'Combine harvester-threshers', 'Комбайны зерноуборочные'], mfn: '0.08', general: '0.30', basis: DEMO },
  { ...APPLIANCE, code: '8450111000', names: ['干衣量≤10千克的全自动波轮式洗衣机', 'Fully-automatic washing machines, impeller type, ≤ 10 kg', 'Машины стиральные полностью автоматические активаторного типа, загрузка не более 10 кг'], mfn: '0.08', basis: REF_APPROX },
  { ...APPLIANCE, code: '8450112000', names: ['干衣量≤10千克的全自动滚筒式洗衣机', 'Fully-automatic washing machines, drum type, ≤ 10 kg', 'Машины стиральные полностью автоматические барабанного типа, загрузка не более 10 кг'], mfn: '0.08', basis: REF_APPROX },
  { ...APPLIANCE, code: '8471300000', names: ['重量≤10千克的便携式自动数据处理设备', 'Portable automatic data-processing machines (laptops), ≤ 10 kg', 'Портативные вычислительные машины (ноутбуки) массой не более 10 кг'], mfn: '0', general: '0.70', cbec: true, basis: 'customs.md §9 [~]: MFN 0 % (ITA), VAT 13 %; general demo' },

  // Chapter 85 — electronics, batteries and PV (the "new three", customs.md §7).
  { ...APPLIANCE, code: '8509401000', names: ['家用食品研磨机及搅拌器', 'Domestic food grinders and mixers', 'Измельчители и миксеры пищевых продуктов бытовые'], mfn: '0.08', cbec: true, basis: DEMO },
  { code: '8507600030', names: ['纯电动或插电式混合动力汽车用锂离子蓄电池单体(≥10Ah,≥110Wh/kg)', 'Li-ion cells for BEV/PHEV, ≥ 10 Ah, ≥ 110 Wh/kg', 'Литий-ионные элементы для электромобилей и подключаемых гибридов, не менее 10 А·ч и 110 Вт·ч/кг'], units: ['007', '035'], mfn: '0.10', provisional: '0.01', general: '0.50', vat: '0.13', rebate: NEW_THREE_REBATE, inspection: 'MN', basis: 'customs.md §2, §7, §9 [H]: MFN 10 %, provisional 1 %, VAT 13 %, rebate 13 % then 9 % (memory); general demo' },
  { code: '8507600090', names: ['其他锂离子蓄电池', 'Lithium-ion accumulators, other', 'Аккумуляторы литий-ионные прочие'], units: ['007', '035'], mfn: '0.10', general: '0.50', vat: '0.13', rebate: NEW_THREE_REBATE, inspection: 'MN', cbec: true, basis: 'customs.md §2, §7 [H]: MFN 10 %, VAT 13 %; general demo' },
  { ...APPLIANCE, code: '8516500000', names: ['微波炉', 'Microwave ovens', 'Печи микроволновые'], mfn: '0.08', cbec: true, basis: REF_APPROX },
  { ...APPLIANCE, code: '8517130000', names: ['智能手机', 'Smartphones', 'Смартфоны'], mfn: '0', cbec: true, basis: 'customs.md §9 [~]: MFN 0 % (ITA), VAT 13 %; general demo' },
  { ...APPLIANCE, code: '8517629900', names: ['其他接收、转换并发送或再生数据的设备', 'Other machines for the reception, conversion and transmission of data', 'Прочая аппаратура для приёма, преобразования и передачи данных'], mfn: '0', basis: DEMO },
  { ...APPLIANCE, code: '8528729000', names: ['其他彩色电视接收机', 'Colour television receivers, other', 'Приёмники телевизионные цветного изображения, прочие'], mfn: '0.15', cbec: true, basis: REF_APPROX },
  { ...CHIP, code: '8539520000', names: ['发光二极管(LED)灯泡', 'Light-emitting diode (LED) lamps', 'Лампы светодиодные'], mfn: '0.08', general: '0.50', inspection: 'LM' },
  { ...PV, units: ['007', '035'], code: '8541420000', names: ['未装在组件内或组装成块的光伏电池', 'Photovoltaic cells not assembled in modules or made up into panels', 'Фотоэлектрические элементы, не собранные в модули или панели'], mfn: '0', basis: 'customs.md §7 and §9 [~]: MFN 0 % (ITA), VAT 13 %, rebate 13 % then 9 % (memory); general demo' },
  { ...PV, units: ['017', '035'], code: '8541430000', names: ['已装在组件内或组装成块的光伏电池', 'Photovoltaic cells assembled in modules or made up into panels', 'Фотоэлектрические элементы, собранные в модули или панели'], mfn: '0', basis: 'customs.md §7 and §9 [~]: MFN 0 % (ITA), VAT 13 %, rebate 13 % then 9 % (memory); general demo' },
  { ...CHIP, code: '8542310000', names: ['用作处理器及控制器的集成电路', 'Electronic integrated circuits: processors and controllers', 'Схемы интегральные электронные: процессоры и контроллеры'], mfn: '0' },
  { ...CHIP, code: '8542320000', names: ['用作存储器的集成电路', 'Electronic integrated circuits: memories', 'Схемы интегральные электронные: запоминающие устройства'], mfn: '0' },

  // Chapter 87 — vehicles. Passenger cars bear consumption tax by engine size (customs.md §3); pure EVs do not.
  { ...VEHICLE, code: '8701210000', names: ['仅装有压燃式活塞内燃发动机的半挂车用公路牵引车', 'Road tractors for semi-trailers, compression-ignition engine only', 'Тягачи седельные только с дизельным двигателем'], mfn: '0.06', general: '0.30', basis: REF_APPROX },
  { ...CAR, code: '8703213000', names: ['排气量≤1升的点燃式小轿车', 'Motor cars, spark-ignition engine ≤ 1.0 L', 'Легковые автомобили с двигателем с искровым зажиганием рабочим объёмом не более 1,0 л'], general: '2.30', ct: adValorem('0.01'), basis: CAR_BASIS_CT_REF },
  { ...CAR, code: '8703223000', names: ['1升<排气量≤1.5升的点燃式小轿车', 'Motor cars, spark-ignition engine 1.0–1.5 L', 'Легковые автомобили с двигателем с искровым зажиганием рабочим объёмом более 1,0 л, но не более 1,5 л'], general: '2.30', ct: adValorem('0.03'), basis: CAR_BASIS_CT_REF },
  { ...CAR, code: '8703234110', names: ['1.5升<排气量≤2升的点燃式小轿车', 'Motor cars, spark-ignition engine 1.5–2.0 L', 'Легковые автомобили с двигателем с искровым зажиганием рабочим объёмом более 1,5 л, но не более 2,0 л'], general: '2.30', ct: adValorem('0.05'), basis: 'customs.md §3 example B and §9 [G]: MFN 15 %, CT 5 %, VAT 13 %; general demo (§2 gives 230–270 %)' },
  { ...CAR, code: '8703235110', names: ['2升<排气量≤2.5升的点燃式小轿车', 'Motor cars, spark-ignition engine 2.0–2.5 L', 'Легковые автомобили с двигателем с искровым зажиганием рабочим объёмом более 2,0 л, но не более 2,5 л'], general: '2.30', ct: adValorem('0.09'), basis: CAR_BASIS_CT_DEMO },
  { ...CAR, code: '8703236110', names: ['2.5升<排气量≤3升的点燃式小轿车', 'Motor cars, spark-ignition engine 2.5–3.0 L', 'Легковые автомобили с двигателем с искровым зажиганием рабочим объёмом более 2,5 л, но не более 3,0 л'], general: '2.30', ct: adValorem('0.12'), basis: CAR_BASIS_CT_DEMO },
  { ...CAR, code: '8703241110', names: ['3升<排气量≤4升的点燃式小轿车', 'Motor cars, spark-ignition engine 3.0–4.0 L', 'Легковые автомобили с двигателем с искровым зажиганием рабочим объёмом более 3,0 л, но не более 4,0 л'], general: '2.70', ct: adValorem('0.25'), basis: CAR_BASIS_CT_DEMO },
  { ...CAR, code: '8703242110', names: ['排气量>4升的点燃式小轿车', 'Motor cars, spark-ignition engine > 4.0 L', 'Легковые автомобили с двигателем с искровым зажиганием рабочим объёмом более 4,0 л'], general: '2.70', ct: adValorem('0.40'), basis: CAR_BASIS_CT_REF },
  { ...CAR, code: '8703600000', names: ['插电式点燃式混合动力乘用车', 'Plug-in hybrid passenger vehicles, spark-ignition engine and electric motor', 'Легковые автомобили — подключаемые гибриды с двигателем с искровым зажиганием и электродвигателем'], general: '2.30', basis: 'customs.md §7 and §9 [H]: MFN 15 %, VAT 13 %; no consumption tax recorded here (its treatment for PHEVs is not in the reference); general demo' },
  { ...CAR, code: '8703800000', names: ['仅装有驱动电动机的乘用车(纯电动)', 'Passenger vehicles with only an electric motor for propulsion', 'Легковые автомобили только с электродвигателем'], general: '2.30', basis: 'customs.md §7 and §9 [H family]: MFN 15 %, VAT 13 %, rebate 13 % [H]; no consumption tax (memory); general demo' },
  { ...VEHICLE, code: '8704210000', names: ['总重≤5吨的柴油型货车', 'Goods vehicles, compression-ignition, gross vehicle weight ≤ 5 t', 'Грузовые автомобили с дизельным двигателем полной массой не более 5 т'], mfn: '0.15', general: '0.70', basis: REF_APPROX },
  { ...VEHICLE, code: '8704230000', names: ['总重>20吨的柴油型货车', 'Goods vehicles, compression-ignition, gross vehicle weight > 20 t', 'Грузовые автомобили с дизельным двигателем полной массой более 20 т'], mfn: '0.06', general: '0.30', basis: DEMO },
  { ...PART, code: '8708299000', names: ['其他车身零件、附件', 'Parts and accessories of bodies, other', 'Части и принадлежности кузовов, прочие'], mfn: '0.06', basis: DEMO },
  { ...PART, code: '8708409100', names: ['其他车辆用变速箱', 'Gear boxes for other vehicles', 'Коробки передач для прочих транспортных средств'], mfn: '0.06', basis: DEMO },
  { ...PART, code: '8708999900', names: ['其他机动车辆零件', 'Motor-vehicle parts, not elsewhere specified', 'Части моторных транспортных средств, прочие'], mfn: '0.06' },

  // Chapter 94 — furniture.
  { ...FURNITURE, code: '9401610000', names: ['装软垫的木框架坐具', 'Upholstered seats with wooden frames', 'Мебель для сидения с деревянным каркасом, обитая'], mfn: '0', basis: DEMO },
  { ...FURNITURE, code: '9403300000', names: ['办公室用木家具', 'Wooden furniture of a kind used in offices', 'Мебель деревянная для офисов'], mfn: '0', basis: DEMO },
  { ...FURNITURE, code: '9403609900', names: ['其他木家具', 'Wooden furniture, other', 'Мебель деревянная прочая'], mfn: '0' },
];

/** The catalogue, in code order. */
export const TARIFF_LINES: readonly TariffLine[] = SPECS.map(line).sort((a, b) => a.code.localeCompare(b.code));

const BY_CODE: ReadonlyMap<string, TariffLine> = new Map(
  TARIFF_LINES.map((tariffLine) => [tariffLine.code, tariffLine]),
);

/** The line with this 10-digit code, or undefined. */
export function findTariffLine(code: string): TariffLine | undefined {
  return BY_CODE.get(code);
}
