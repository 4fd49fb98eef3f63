// Fictional enterprises of the demo world, all registered in the SCO demonstration zone
// (Jiaozhou, Qingdao). None of them is a real company; names were chosen not to match one.
//
// USCCs: authority 9 (market regulation) + type 1 (enterprise) + GB/T 2260 division code
// (370281 Jiaozhou, 370202 Qingdao Shinan) + an "MA…" subject identifier whose inner GB 11714
// check is valid + the GB 32100 check character. They were computed once with makeUscc and
// orgCodeCheckChar from server/src/lib/identifiers and are pasted as literals so the demo data
// does not depend on running code; enterprises.test.ts proves they still validate.
//
// Customs codes (海关编码) are 10 characters: the first four are the region (3702 Qingdao) and
// the fifth the economic-zone type ('W' for a logistics-centre operator, per identifiers.md).
// The remaining characters are made up; customs treats the code as opaque and it has no check digit.

export type DemoEnterpriseKind = 'trader' | 'forwarder' | 'carrier' | 'bank' | 'cbec_platform' | 'warehouse';

export type DemoCustomsTier = 'advanced_certified' | 'certified' | 'regular' | 'discredited' | 'seriously_discredited';

export interface DemoEnterprise {
  key: string;
  uscc: string;
  customsCode: string;
  names: { zh: string; en: string; ru: string };
  countryCode: string;
  kinds: DemoEnterpriseKind[];
  city: string;
}

/**
 * The registry profile of a demo enterprise (issue 6): customs credit tier (GACC Order 282), AEO mutual
 * recognition, bonded sites, products by 10-digit commodity line, markets and certifications. Made up for the
 * demo world; the tiers agree with the trade centre's demo declarant profiles (the trader is certified).
 */
export interface DemoRegistryProfile {
  customsCreditTier: DemoCustomsTier;
  aeoMraCountries: string[];
  bondedSites: string[];
  profile: {
    products: string[];
    markets: string[];
    certifications: { kind: string; number: string | null; validUntil: string | null }[];
  };
}

const NO_PROFILE: DemoRegistryProfile = {
  customsCreditTier: 'regular',
  aeoMraCountries: [],
  bondedSites: [],
  profile: { products: [], markets: [], certifications: [] },
};

export const DEMO_REGISTRY_PROFILES: Readonly<Record<string, DemoRegistryProfile>> = {
  'jiaozhou-trading': {
    customsCreditTier: 'certified',
    aeoMraCountries: ['KZ', 'RU', 'SG'],
    bondedSites: ['QD-JZ-BLC'],
    profile: {
      products: ['8703234110', '8507600030', '1512119100'],
      markets: ['KZ', 'RU', 'UZ', 'DE'],
      certifications: [{ kind: 'ISO 9001', number: 'CN-QD-9001-0417', validUntil: '2027-06-30' }],
    },
  },
  'silkroad-logistics': {
    customsCreditTier: 'regular',
    aeoMraCountries: [],
    bondedSites: ['QD-JZ-BLC'],
    profile: {
      products: [],
      markets: ['KZ', 'UZ', 'RU', 'BY'],
      certifications: [{ kind: 'FIATA', number: null, validUntil: null }],
    },
  },
  'jiaozhou-bonded-warehouse': {
    customsCreditTier: 'certified',
    aeoMraCountries: ['KZ'],
    bondedSites: ['QD-JZ-BLC', 'QD-JZ-BW01'],
    profile: { products: [], markets: ['KZ'], certifications: [{ kind: 'ISO 28000', number: null, validUntil: null }] },
  },
  'shandong-ev-exports': {
    customsCreditTier: 'advanced_certified',
    aeoMraCountries: ['KZ', 'RU', 'UZ', 'KG'],
    bondedSites: [],
    profile: {
      products: ['8703800090', '8507600030'],
      markets: ['KZ', 'RU', 'UZ', 'KG'],
      certifications: [{ kind: 'CCC', number: null, validUntil: null }],
    },
  },
  'qilu-solar': {
    customsCreditTier: 'regular',
    aeoMraCountries: [],
    bondedSites: [],
    profile: {
      products: ['8541430000', '8541420000'],
      markets: ['UZ', 'PK', 'IN'],
      certifications: [{ kind: 'IEC 61215', number: null, validUntil: null }],
    },
  },
  'sco-cbec-platform': {
    customsCreditTier: 'regular',
    aeoMraCountries: [],
    bondedSites: ['QD-JZ-BLC'],
    profile: { products: [], markets: ['RU', 'KZ'], certifications: [] },
  },
};

/**
 * The registry fields of a demo enterprise, to spread into createEnterprise (unlisted ones get the default:
 * a regular tier and an empty profile).
 */
export function demoRegistryFields(enterprise: Pick<DemoEnterprise, 'key'>): DemoRegistryProfile {
  return DEMO_REGISTRY_PROFILES[enterprise.key] ?? NO_PROFILE;
}

export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  {
    // The tenant of trader@demo.
    key: 'jiaozhou-trading',
    uscc: '91370281MA3DJ7K12H',
    customsCode: '3702960A01',
    names: {
      zh: '胶州上合国际贸易有限公司',
      en: 'Jiaozhou SCO International Trading Co., Ltd.',
      ru: 'ООО «Цзяочжоу ШОС Интернэшнл Трейдинг»',
    },
    countryCode: 'CN',
    kinds: ['trader'],
    city: 'Jiaozhou',
  },
  {
    // The tenant of forwarder@demo: a multimodal operator that both arranges and performs carriage.
    key: 'silkroad-logistics',
    uscc: '91370281MA3EL2R82Q',
    customsCode: '3702968C03',
    names: {
      zh: '青岛丝路多式联运物流有限公司',
      en: 'Qingdao Silk Road Multimodal Logistics Co., Ltd.',
      ru: 'ООО «Циндао Шёлковый путь мультимодальная логистика»',
    },
    countryCode: 'CN',
    kinds: ['forwarder', 'carrier'],
    city: 'Jiaozhou',
  },
  {
    // The tenant of bank@demo; registered in Qingdao's Shinan district, with a branch in the zone.
    key: 'qingdao-rural-bank',
    uscc: '91370202MA3B4N6T2Y',
    customsCode: '3702990B02',
    names: {
      zh: '青岛上合农村商业银行股份有限公司',
      en: 'Qingdao SCO Rural Commercial Bank Co., Ltd.',
      ru: 'АО «Циндаоский сельский коммерческий банк ШОС»',
    },
    countryCode: 'CN',
    kinds: ['bank'],
    city: 'Qingdao',
  },
  {
    key: 'haier-like-appliances',
    uscc: '91370281MA3F9H2W61',
    customsCode: '3702963D04',
    names: {
      zh: '胶州海悦家用电器有限公司',
      en: 'Jiaozhou Haiyue Home Appliances Co., Ltd.',
      ru: 'ООО «Цзяочжоу Хайюэ бытовая техника»',
    },
    countryCode: 'CN',
    kinds: ['trader'],
    city: 'Jiaozhou',
  },
  {
    key: 'sco-cbec-platform',
    uscc: '91370281MA3G5C8P21',
    customsCode: '3702966E05',
    names: {
      zh: '上合跨境电商服务有限公司',
      en: 'SCO Cross-border E-commerce Services Co., Ltd.',
      ru: 'ООО «ШОС сервис трансграничной электронной торговли»',
    },
    countryCode: 'CN',
    kinds: ['cbec_platform'],
    city: 'Jiaozhou',
  },
  {
    key: 'jiaozhou-bonded-warehouse',
    uscc: '91370281MA3H1Y4D88',
    customsCode: '3702W60F06',
    names: {
      zh: '青岛胶州湾保税仓储有限公司',
      en: 'Qingdao Jiaozhou Bay Bonded Warehousing Co., Ltd.',
      ru: 'ООО «Циндао Цзяочжоуский залив бондовые склады»',
    },
    countryCode: 'CN',
    kinds: ['warehouse'],
    city: 'Jiaozhou',
  },
  {
    key: 'shandong-ev-exports',
    uscc: '91370281MA3K7E3U1B',
    customsCode: '3702960G07',
    names: {
      zh: '山东新能源汽车出口有限公司',
      en: 'Shandong New Energy Vehicle Exports Co., Ltd.',
      ru: 'ООО «Шаньдун экспорт автомобилей на новых источниках энергии»',
    },
    countryCode: 'CN',
    kinds: ['trader'],
    city: 'Jiaozhou',
  },
  {
    key: 'qilu-solar',
    uscc: '91370281MA3M2Q9G2U',
    customsCode: '3702963H08',
    names: {
      zh: '齐鲁光伏科技有限公司',
      en: 'Qilu Solar Technology Co., Ltd.',
      ru: 'ООО «Цилу солнечные технологии»',
    },
    countryCode: 'CN',
    kinds: ['trader'],
    city: 'Jiaozhou',
  },
];
