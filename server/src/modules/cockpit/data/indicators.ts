/**
 * The plan's indicator table (附表一 of seed 001, the Qingdao free-trade-area plan for 2021–2025): each
 * indicator with its unit, 2020 baseline, 2025 target and nature (预期性 expected / 约束性 binding).
 * Committed data; zh as in the document, en and ru our translations. `source: 'platform'` marks the
 * indicators the platform computes from its own records; the others are entered by zone admins with a
 * source. Baselines and targets are decimal strings (null where the table has "-" or no number).
 */
export interface LocalisedName {
  'zh-CN': string;
  en: string;
  ru: string;
}

export const INDICATOR_CATEGORIES = ['economy', 'openness', 'society'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export interface PlanIndicator {
  code: string;
  no: number;
  category: IndicatorCategory;
  name: LocalisedName;
  unit: LocalisedName;
  baseline2020: string | null;
  target2025: string | null;
  nature: 'expected' | 'binding';
  /** What the platform computes for it, if anything. */
  computed: 'trade_total_100m_cny' | null;
  note?: LocalisedName;
}

const PCT: LocalisedName = { 'zh-CN': '%', en: '%', ru: '%' };
const CNY_100M: LocalisedName = { 'zh-CN': '亿元', en: 'CNY 100 million', ru: '100 млн юаней' };

const row = (
  no: number,
  category: IndicatorCategory,
  name: [string, string, string],
  unit: LocalisedName,
  baseline2020: string | null,
  target2025: string | null,
  nature: 'expected' | 'binding' = 'expected',
  computed: PlanIndicator['computed'] = null,
): PlanIndicator => ({
  code: `FTA-${String(no).padStart(2, '0')}`,
  no,
  category,
  name: { 'zh-CN': name[0], en: name[1], ru: name[2] },
  unit,
  baseline2020,
  target2025,
  nature,
  computed,
});

const count = (zh: string, en: string, ru: string): LocalisedName => ({ 'zh-CN': zh, en, ru });

export const PLAN_INDICATORS: readonly PlanIndicator[] = [
  row(1, 'economy', ['地区生产总值年均增长率', 'Average annual GDP growth', 'Среднегодовой рост ВРП'], PCT, null, '15'),
  row(
    2,
    'economy',
    ['一般公共预算收入', 'General public budget revenue', 'Доходы общего бюджета'],
    CNY_100M,
    '28.6',
    '50',
  ),
  row(
    3,
    'economy',
    ['固定资产投资（5年累计）', 'Fixed-asset investment (5-year total)', 'Инвестиции в основной капитал (за 5 лет)'],
    CNY_100M,
    null,
    '1000',
  ),
  row(
    4,
    'economy',
    ['海洋经济增加值占生产总值比重', 'Marine economy share of GDP', 'Доля морской экономики в ВРП'],
    PCT,
    '28',
    '33',
  ),
  row(
    5,
    'economy',
    ['新增上市公司企业数量（5年累计）', 'Newly listed companies (5-year total)', 'Новые публичные компании (за 5 лет)'],
    count('家', 'companies', 'компаний'),
    null,
    '10',
  ),
  row(
    6,
    'economy',
    ['“四新”经济增加值占生产总值比重', '“Four new” economy share of GDP', 'Доля экономики «четырёх новых» в ВРП'],
    PCT,
    '32',
    '37',
  ),
  row(
    7,
    'economy',
    ['新引进研发中心（企业）数量', 'New R&D centres attracted', 'Привлечённые центры НИОКР'],
    count('个', 'centres', 'центров'),
    '2',
    '20',
  ),
  row(
    8,
    'economy',
    ['数字经济核心产业增加值占生产总值比重', 'Core digital economy share of GDP', 'Доля цифровой экономики в ВРП'],
    PCT,
    null,
    '10',
  ),
  row(
    9,
    'economy',
    [
      '高新技术产业产值占规模工业总产值比重',
      'High-tech share of industrial output',
      'Доля высоких технологий в промышленном выпуске',
    ],
    PCT,
    '54',
    '60',
  ),
  row(
    10,
    'economy',
    ['高新技术企业数量', 'High-tech enterprises', 'Высокотехнологичные предприятия'],
    count('家', 'enterprises', 'предприятий'),
    '110',
    '200',
  ),
  row(
    11,
    'economy',
    ['R&D经费支出占营业收入比重', 'R&D spending as share of revenue', 'Расходы на НИОКР в доле выручки'],
    PCT,
    '0.6',
    '1.5',
  ),
  row(
    12,
    'economy',
    ['有效发明专利拥有量', 'Valid invention patents', 'Действующие патенты на изобретения'],
    count('件', 'patents', 'патентов'),
    '980',
    '2000',
  ),
  row(
    13,
    'openness',
    ['进出口总额', 'Total imports and exports', 'Общий объём импорта и экспорта'],
    CNY_100M,
    '1108',
    '2200',
    'expected',
    'trade_total_100m_cny',
  ),
  row(
    14,
    'openness',
    ['实际使用外资', 'Foreign investment actually used', 'Фактически использованные иностранные инвестиции'],
    count('亿美元', 'USD 100 million', '100 млн долл. США'),
    '5',
    '30',
  ),
  row(
    15,
    'openness',
    ['引进世界500强企业项目', 'Fortune Global 500 projects attracted', 'Проекты компаний из Fortune Global 500'],
    count('个', 'projects', 'проектов'),
    '13',
    '50',
  ),
  {
    ...row(
      16,
      'society',
      ['单位生产总值能耗下降', 'Fall in energy use per unit of GDP', 'Снижение энергоёмкости ВРП'],
      PCT,
      null,
      '3',
      'binding',
    ),
    note: count(
      '若上级下达任务更高则从上级任务',
      'or the higher target set from above',
      'или более высокая цель, установленная сверху',
    ),
  },
  row(
    17,
    'society',
    ['单位GDP用水量降幅', 'Fall in water use per unit of GDP', 'Снижение водоёмкости ВРП'],
    PCT,
    null,
    '3',
    'binding',
  ),
  row(
    18,
    'society',
    ['新增就业人数（5年累计）', 'New jobs (5-year total)', 'Новые рабочие места (за 5 лет)'],
    count('个', 'jobs', 'мест'),
    '8000',
    '25000',
  ),
  row(
    19,
    'society',
    [
      '规模以上企业职工年工资收入',
      'Annual wage in enterprises above designated size',
      'Годовая зарплата на крупных предприятиях',
    ],
    count('万元', 'CNY 10,000', '10 тыс. юаней'),
    '8',
    '18',
  ),
  {
    ...row(
      20,
      'society',
      [
        '科教文卫等公共服务',
        'Public services (science, education, culture, health)',
        'Общественные услуги (наука, образование, культура, здравоохранение)',
      ],
      count('—', '—', '—'),
      null,
      null,
    ),
    note: count(
      '纳入西海岸新区统一核算',
      'accounted within the West Coast New Area',
      'учитывается в Новом районе Западного побережья',
    ),
  },
];

export const PLAN_INDICATOR_CODES: ReadonlySet<string> = new Set(PLAN_INDICATORS.map((i) => i.code));
