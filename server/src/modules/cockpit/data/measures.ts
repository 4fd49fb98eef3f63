/**
 * The 21 measures of the provincial opinions on the China–SCO demonstration area (seed 000), each with
 * its lead department (牵头) and co-responsible departments (按职责分工负责), as committed data: CI runs
 * without ../shared, so the app never reads the seed document. `npm run cockpit:seeds` (server/scripts/
 * cockpit-seeds.ts) re-reads the seed and checks that numbers, titles and departments still match.
 * Titles and department names in zh are the document's; en and ru are our translations.
 */
import type { LocalisedName } from './indicators.js';

export interface Department {
  code: string;
  names: LocalisedName;
}

/** Every department the measures name, keyed by a stable code (tasks and edits refer to these). */
export const DEPARTMENTS: readonly Department[] = [
  {
    code: 'prov-drc',
    names: {
      'zh-CN': '省发展改革委',
      en: 'Provincial Development and Reform Commission',
      ru: 'Комитет развития и реформ провинции',
    },
  },
  {
    code: 'prov-transport',
    names: {
      'zh-CN': '省交通运输厅',
      en: 'Provincial Department of Transport',
      ru: 'Департамент транспорта провинции',
    },
  },
  {
    code: 'prov-commerce',
    names: { 'zh-CN': '省商务厅', en: 'Provincial Department of Commerce', ru: 'Департамент коммерции провинции' },
  },
  {
    code: 'prov-finance',
    names: { 'zh-CN': '省财政厅', en: 'Provincial Department of Finance', ru: 'Департамент финансов провинции' },
  },
  {
    code: 'prov-sasac',
    names: {
      'zh-CN': '省国资委',
      en: 'Provincial State-owned Assets Commission',
      ru: 'Комитет по госимуществу провинции',
    },
  },
  {
    code: 'prov-finreg',
    names: {
      'zh-CN': '省地方金融监管局',
      en: 'Provincial Local Financial Regulatory Bureau',
      ru: 'Управление финансового надзора провинции',
    },
  },
  {
    code: 'prov-energy',
    names: { 'zh-CN': '省能源局', en: 'Provincial Energy Administration', ru: 'Энергетическое управление провинции' },
  },
  {
    code: 'prov-foreign',
    names: {
      'zh-CN': '省委外办',
      en: 'Foreign Affairs Office of the Provincial Committee',
      ru: 'Канцелярия по иностранным делам провинциального комитета',
    },
  },
  {
    code: 'prov-ccpit',
    names: {
      'zh-CN': '省贸促会',
      en: 'Provincial Council for the Promotion of International Trade',
      ru: 'Совет содействия международной торговле провинции',
    },
  },
  {
    code: 'prov-science',
    names: {
      'zh-CN': '省科技厅',
      en: 'Provincial Department of Science and Technology',
      ru: 'Департамент науки и технологий провинции',
    },
  },
  {
    code: 'prov-culture',
    names: {
      'zh-CN': '省文化和旅游厅',
      en: 'Provincial Department of Culture and Tourism',
      ru: 'Департамент культуры и туризма провинции',
    },
  },
  {
    code: 'prov-security',
    names: {
      'zh-CN': '省公安厅',
      en: 'Provincial Department of Public Security',
      ru: 'Департамент общественной безопасности провинции',
    },
  },
  {
    code: 'prov-justice',
    names: { 'zh-CN': '省司法厅', en: 'Provincial Department of Justice', ru: 'Департамент юстиции провинции' },
  },
  {
    code: 'prov-court',
    names: {
      'zh-CN': '省高级人民法院',
      en: 'Provincial High People\u2019s Court',
      ru: 'Высший народный суд провинции',
    },
  },
  {
    code: 'prov-organisation',
    names: {
      'zh-CN': '省委组织部',
      en: 'Organisation Department of the Provincial Committee',
      ru: 'Организационный отдел провинциального комитета',
    },
  },
  {
    code: 'prov-industry',
    names: {
      'zh-CN': '省工业和信息化厅',
      en: 'Provincial Department of Industry and Information Technology',
      ru: 'Департамент промышленности и информатизации провинции',
    },
  },
  {
    code: 'prov-agriculture',
    names: {
      'zh-CN': '省农业农村厅',
      en: 'Provincial Department of Agriculture and Rural Affairs',
      ru: 'Департамент сельского хозяйства провинции',
    },
  },
  {
    code: 'prov-education',
    names: { 'zh-CN': '省教育厅', en: 'Provincial Department of Education', ru: 'Департамент образования провинции' },
  },
  {
    code: 'prov-sco-group',
    names: {
      'zh-CN': '省推进上合示范区建设领导小组成员单位',
      en: 'Member units of the provincial leading group for the SCO demonstration area',
      ru: 'Члены провинциальной руководящей группы по демонстрационной зоне ШОС',
    },
  },
  {
    code: 'prov-reform',
    names: {
      'zh-CN': '省委改革办',
      en: 'Reform Office of the Provincial Committee',
      ru: 'Канцелярия по реформам провинциального комитета',
    },
  },
  {
    code: 'prov-hr',
    names: {
      'zh-CN': '省人力资源社会保障厅',
      en: 'Provincial Department of Human Resources and Social Security',
      ru: 'Департамент людских ресурсов и соцобеспечения провинции',
    },
  },
  {
    code: 'prov-cyberspace',
    names: {
      'zh-CN': '省委网信办',
      en: 'Cyberspace Affairs Office of the Provincial Committee',
      ru: 'Канцелярия по делам киберпространства провинциального комитета',
    },
  },
  {
    code: 'prov-natural-resources',
    names: {
      'zh-CN': '省自然资源厅',
      en: 'Provincial Department of Natural Resources',
      ru: 'Департамент природных ресурсов провинции',
    },
  },
  {
    code: 'prov-ocean',
    names: { 'zh-CN': '省海洋局', en: 'Provincial Ocean Administration', ru: 'Управление морских дел провинции' },
  },
  {
    code: 'qingdao-gov',
    names: { 'zh-CN': '青岛市政府', en: 'Qingdao Municipal Government', ru: 'Правительство города Циндао' },
  },
  { code: 'qingdao-customs', names: { 'zh-CN': '青岛海关', en: 'Qingdao Customs', ru: 'Таможня Циндао' } },
  {
    code: 'pboc-shandong',
    names: {
      'zh-CN': '中国人民银行山东省分行',
      en: 'People\u2019s Bank of China, Shandong Branch',
      ru: 'Народный банк Китая, отделение в Шаньдуне',
    },
  },
  {
    code: 'cr-jinan',
    names: {
      'zh-CN': '中国铁路济南局集团有限公司',
      en: 'China Railway Jinan Group',
      ru: 'Группа «Китайские железные дороги — Цзинань»',
    },
  },
  {
    code: 'sd-hi-speed',
    names: { 'zh-CN': '山东高速集团', en: 'Shandong Hi-Speed Group', ru: 'Группа «Шаньдун Хай-Спид»' },
  },
];

export const CENTRES = ['logistics', 'trade', 'investment', 'exchange', 'support'] as const;
export type Centre = (typeof CENTRES)[number];

export interface Measure {
  no: number;
  centre: Centre;
  title: LocalisedName;
  /** Null where the document names only departments responsible by their duties (no 牵头). */
  lead: string | null;
  coResponsible: readonly string[];
}

const m = (
  no: number,
  centre: Centre,
  zh: string,
  en: string,
  ru: string,
  lead: string | null,
  coResponsible: string[],
): Measure => ({ no, centre, title: { 'zh-CN': zh, en, ru }, lead, coResponsible });

export const MEASURES: readonly Measure[] = [
  m(
    1,
    'logistics',
    '畅通多式联运通道',
    'Open up multimodal corridors',
    'Развивать мультимодальные коридоры',
    'prov-drc',
    ['prov-transport', 'cr-jinan', 'sd-hi-speed', 'qingdao-gov'],
  ),
  m(
    2,
    'logistics',
    '建设上合国际枢纽港',
    'Build the SCO international hub port',
    'Построить международный узловой порт ШОС',
    'prov-transport',
    ['prov-drc', 'qingdao-gov'],
  ),
  m(
    3,
    'logistics',
    '推动综保区赋能提质',
    'Strengthen the comprehensive bonded zone',
    'Повысить роль комплексной бондовой зоны',
    'prov-commerce',
    ['qingdao-customs', 'qingdao-gov'],
  ),
  m(4, 'trade', '做大对外贸易规模', 'Grow foreign trade', 'Наращивать объём внешней торговли', 'prov-commerce', [
    'prov-drc',
    'qingdao-customs',
    'qingdao-gov',
  ]),
  m(
    5,
    'trade',
    '打造“新三样”集散中心',
    'Build the hub for the “new three” exports',
    'Создать распределительный центр «новой тройки»',
    'prov-commerce',
    ['qingdao-customs', 'qingdao-gov'],
  ),
  m(
    6,
    'trade',
    '拓展贸易新业态新模式',
    'Expand new forms of trade',
    'Развивать новые формы и модели торговли',
    'prov-commerce',
    ['prov-finance', 'qingdao-customs', 'pboc-shandong', 'qingdao-gov'],
  ),
  m(
    7,
    'trade',
    '建强国际能源交易中心',
    'Strengthen the international energy exchange',
    'Укрепить международную энергетическую биржу',
    'prov-drc',
    ['prov-commerce', 'prov-sasac', 'prov-finreg', 'prov-energy', 'pboc-shandong', 'qingdao-gov'],
  ),
  m(
    8,
    'trade',
    '提升上合经贸综服平台能级',
    'Upgrade the SCO trade service platform',
    'Повысить уровень сервисной платформы ШОС',
    'prov-commerce',
    ['prov-finreg', 'qingdao-customs', 'qingdao-gov'],
  ),
  m(
    9,
    'trade',
    '布局建设海外运营中心',
    'Set up overseas operation centres',
    'Создавать зарубежные операционные центры',
    null,
    ['prov-commerce', 'qingdao-gov'],
  ),
  m(
    10,
    'investment',
    '深化产业链供应链合作',
    'Deepen industrial and supply-chain cooperation',
    'Углублять сотрудничество в цепочках поставок',
    null,
    ['prov-science', 'prov-industry', 'prov-agriculture', 'prov-commerce', 'qingdao-gov'],
  ),
  m(
    11,
    'investment',
    '强化区域协同发展',
    'Strengthen regional coordination',
    'Усилить региональное взаимодействие',
    'prov-commerce',
    ['prov-finance', 'qingdao-gov'],
  ),
  m(
    12,
    'investment',
    '打造高层次会展论坛平台',
    'Host high-level expos and forums',
    'Проводить выставки и форумы высокого уровня',
    'prov-commerce',
    ['prov-foreign', 'prov-ccpit', 'prov-science', 'prov-transport', 'prov-culture', 'qingdao-gov'],
  ),
  m(
    13,
    'exchange',
    '拓展对外交往渠道',
    'Widen channels of external exchange',
    'Расширять каналы внешних связей',
    'prov-foreign',
    ['prov-security', 'qingdao-gov'],
  ),
  m(
    14,
    'exchange',
    '加强经贸人才培养和培训',
    'Train trade and economic talent',
    'Готовить кадры для торгово-экономической сферы',
    null,
    ['prov-education', 'prov-commerce', 'qingdao-gov'],
  ),
  m(
    15,
    'exchange',
    '打造人文交流特色品牌',
    'Build people-to-people exchange brands',
    'Создавать бренды гуманитарного обмена',
    null,
    ['prov-culture', 'qingdao-gov'],
  ),
  m(
    16,
    'exchange',
    '务实推进法律合作',
    'Advance legal cooperation',
    'Развивать правовое сотрудничество',
    'prov-justice',
    ['prov-security', 'prov-court', 'qingdao-gov'],
  ),
  m(
    17,
    'support',
    '强化领导推进体系',
    'Strengthen leadership and coordination',
    'Укрепить систему руководства и продвижения',
    null,
    ['prov-sco-group', 'prov-reform'],
  ),
  m(
    18,
    'support',
    '强化高层次人才集聚',
    'Attract high-level talent',
    'Привлекать высококвалифицированные кадры',
    null,
    ['prov-security', 'prov-science', 'prov-hr', 'qingdao-gov'],
  ),
  m(
    19,
    'support',
    '强化制度模式创新',
    'Innovate institutions and models',
    'Внедрять институциональные инновации',
    null,
    ['prov-cyberspace', 'prov-industry', 'prov-finance', 'prov-commerce', 'qingdao-customs', 'qingdao-gov'],
  ),
  m(
    20,
    'support',
    '强化要素供给保障',
    'Secure land, funds and other resources',
    'Обеспечить ресурсы и факторы производства',
    null,
    ['prov-drc', 'prov-finance', 'prov-natural-resources', 'prov-ocean', 'qingdao-gov'],
  ),
  m(21, 'support', '强化干部队伍建设', 'Build the cadre team', 'Укреплять кадровый состав', 'prov-organisation', [
    'qingdao-gov',
  ]),
];

export const DEPARTMENT_CODES: ReadonlySet<string> = new Set(DEPARTMENTS.map((d) => d.code));
