// Trade words that the official names do not contain: what traders, marketplaces and freight forwarders call
// the goods ("EV", 光伏板, "автозапчасти"), pointed at the catalogue lines they usually mean. Written against
// the demo catalogue in ../data/tariff.ts; a test checks that every prefix here selects at least one line.
//
// Matching: a Chinese phrase matches when the normalised query contains it; an English or Russian phrase
// matches when its stemmed words appear next to each other in the query ("solar panel" matches "solar
// panels", "солнечная панель" matches "солнечные панели"). Abbreviations are whole words ("EV", "PHEV").

export interface TariffKeyword {
  /** Code prefixes (4 to 10 digits) of the lines the phrases mean. */
  readonly codes: readonly string[];
  readonly zh: readonly string[];
  readonly en: readonly string[];
  readonly ru: readonly string[];
}

export const TARIFF_KEYWORDS: readonly TariffKeyword[] = [
  // Chapter 87 — vehicles. In trade descriptions 新能源汽车 mostly means a battery-electric car; plug-in
  // hybrids are usually named as such (插电混动), so the generic word points at 8703.80.
  {
    codes: ['870380'],
    zh: ['新能源汽车', '新能源车', '电动汽车', '纯电动汽车', '纯电动车', '电动轿车'],
    en: ['ev', 'bev', 'electric car', 'electric vehicle', 'battery electric'],
    ru: ['электромобиль', 'электрокар', 'электрический автомобиль'],
  },
  {
    codes: ['870360'],
    zh: ['插电混动', '插混', '插电式混合动力'],
    en: ['phev', 'plug-in hybrid'],
    ru: ['подключаемый гибрид', 'плагин-гибрид'],
  },
  {
    codes: ['870321', '870322', '870323', '870324'],
    zh: ['燃油车', '汽油车', '燃油轿车'],
    en: ['petrol car', 'gasoline car', 'sedan', 'saloon car'],
    ru: ['бензиновый автомобиль', 'седан'],
  },
  {
    codes: ['8704'],
    zh: ['卡车', '载货汽车'],
    en: ['truck', 'lorry', 'pickup truck'],
    ru: ['грузовик', 'самосвал'],
  },
  {
    codes: ['8708'],
    zh: ['汽车配件', '汽配', '汽车零部件'],
    en: ['auto parts', 'car parts', 'spare parts', 'gearbox'],
    ru: ['автозапчасти', 'запчасти', 'коробка передач'],
  },
  {
    codes: ['4011'],
    zh: ['汽车轮胎', '车胎'],
    en: ['tire', 'tyre'],
    ru: ['автошины', 'покрышки'],
  },

  // Chapter 85 — the "new three" and consumer electronics.
  {
    codes: ['850760'],
    zh: ['锂电池', '锂电', '动力电池', '储能电池', '电芯', '磷酸铁锂', '三元锂', '充电宝'],
    en: ['lithium battery', 'li-ion battery', 'battery', 'battery pack', 'lifepo4', 'lfp', 'nmc', 'power bank'],
    ru: ['литиевая батарея', 'литиевый аккумулятор', 'аккумуляторная батарея', 'батарея', 'пауэрбанк'],
  },
  {
    codes: ['854143'],
    zh: ['光伏板', '光伏组件', '太阳能板', '太阳能电池板', '太阳能组件', '太阳能光伏组件'],
    en: ['solar panel', 'solar module', 'pv module', 'pv panel', 'photovoltaic panel', 'photovoltaic module'],
    ru: ['солнечная панель', 'солнечная батарея', 'солнечный модуль', 'фотоэлектрический модуль'],
  },
  {
    codes: ['854142'],
    zh: ['电池片', '光伏电池片', '太阳能电池片'],
    en: ['solar cell', 'pv cell'],
    ru: ['солнечный элемент', 'солнечная ячейка'],
  },
  {
    codes: ['853952'],
    zh: ['led灯', '节能灯'],
    en: ['led bulb', 'led light', 'light bulb'],
    ru: ['светодиодная лампочка', 'лампочка'],
  },
  {
    codes: ['851713'],
    zh: ['手机', '移动电话'],
    en: ['mobile phone', 'cell phone', 'cellphone', 'iphone', 'android phone'],
    ru: ['мобильный телефон', 'сотовый телефон'],
  },
  {
    codes: ['851762'],
    zh: ['路由器', '交换机', '调制解调器'],
    en: ['router', 'network switch', 'modem'],
    ru: ['маршрутизатор', 'роутер', 'коммутатор', 'модем'],
  },
  {
    codes: ['8542'],
    zh: ['芯片', '半导体芯片'],
    en: ['microchip', 'computer chip', 'semiconductor', 'cpu', 'mcu', 'microcontroller'],
    ru: ['микросхема', 'чип', 'микроконтроллер'],
  },
  {
    codes: ['854232'],
    zh: ['内存条', '存储芯片', '闪存'],
    en: ['dram', 'nand', 'flash memory', 'memory chip'],
    ru: ['флеш-память', 'чип памяти'],
  },
  {
    codes: ['852872'],
    zh: ['电视机', '电视', '液晶电视'],
    en: ['tv', 'television', 'smart tv'],
    ru: ['телевизор'],
  },

  // Chapter 84 — appliances and machinery.
  {
    codes: ['847130'],
    zh: ['笔记本电脑', '笔记本', '手提电脑'],
    en: ['notebook computer', 'notebook', 'laptop computer'],
    ru: ['портативный компьютер', 'лэптоп'],
  },
  {
    codes: ['841510'],
    zh: ['空调', '空调器', '分体空调'],
    en: ['air conditioning', 'ac unit', 'aircon'],
    ru: ['кондиционер воздуха'],
  },
  {
    codes: ['841810'],
    zh: ['冰箱', '电冰箱'],
    en: ['fridge', 'fridge-freezer'],
    ru: ['морозильник'],
  },
  {
    codes: ['850940'],
    zh: ['料理机', '破壁机', '搅拌机', '榨汁机'],
    en: ['blender', 'food processor', 'juicer'],
    ru: ['блендер', 'соковыжималка', 'кухонный комбайн'],
  },
  {
    codes: ['842952'],
    zh: ['挖机', '挖土机'],
    en: ['digger', 'crawler excavator'],
    ru: ['гусеничный экскаватор'],
  },
  {
    codes: ['842951'],
    zh: ['铲车', '装载机'],
    en: ['wheel loader'],
    ru: ['фронтальный погрузчик'],
  },

  // Chapters 02, 17, 19, 22 — food and drink under their everyday names.
  { codes: ['0201', '0202'], zh: ['牛排'], en: ['beef', 'steak'], ru: ['говяжий'] },
  { codes: ['0203'], zh: ['冻猪肉'], en: ['pork'], ru: ['свиной'] },
  { codes: ['0204'], zh: ['羊肉', '羊排'], en: ['lamb', 'mutton'], ru: ['ягнятина'] },
  { codes: ['020714'], zh: ['凤爪'], en: ['chicken feet'], ru: ['куриные ножки'] },
  { codes: ['170490'], zh: ['糖果', '硬糖'], en: ['candy', 'lollipop'], ru: ['карамель', 'леденцы'] },
  {
    codes: ['190110'],
    zh: ['婴儿奶粉', '宝宝奶粉'],
    en: ['baby formula', 'baby milk powder'],
    ru: ['детское питание'],
  },
  { codes: ['220421'], zh: ['红酒', '干红'], en: ['red wine', 'white wine'], ru: ['красное вино'] },
  { codes: ['220820'], zh: ['干邑'], en: ['cognac'], ru: ['коньяк'] },
  { codes: ['1201'], zh: ['黄豆'], en: ['soybean', 'soy'], ru: ['соя'] },

  // Chapters 27, 31 — energy and fertilisers.
  { codes: ['2709'], zh: ['原油'], en: ['crude oil'], ru: ['сырая нефть'] },
  { codes: ['271012'], zh: ['汽油'], en: ['petrol'], ru: ['аи-95'] },
  { codes: ['2701129'], zh: ['动力煤'], en: ['thermal coal', 'steam coal'], ru: ['энергетический уголь'] },
  { codes: ['310420'], zh: ['钾肥'], en: ['potash'], ru: ['калийное удобрение'] },
  { codes: ['31'], zh: ['化肥'], en: ['fertilizer', 'fertiliser'], ru: ['удобрение'] },

  // Chapters 39, 44, 72–76 — materials under their trade names.
  { codes: ['3901'], zh: ['pe料'], en: ['hdpe', 'ldpe', 'lldpe'], ru: ['пнд', 'пвд'] },
  { codes: ['390410'], zh: ['pvc树脂'], en: ['pvc'], ru: ['пвх'] },
  { codes: ['390210'], zh: ['pp料'], en: ['pp resin', 'pp granules'], ru: ['пп гранулы'] },
  {
    codes: ['4407'],
    zh: ['木板', '木方'],
    en: ['lumber', 'sawn timber', 'timber boards'],
    ru: ['доски', 'пиломатериал'],
  },
  { codes: ['721420'], zh: ['螺纹钢'], en: ['rebar'], ru: ['арматурный пруток'] },
  { codes: ['720839'], zh: ['热卷', '热轧卷板'], en: ['hrc', 'hot rolled coil'], ru: ['горячекатаный рулон'] },
  { codes: ['720917'], zh: ['冷卷', '冷轧卷板'], en: ['crc', 'cold rolled coil'], ru: ['холоднокатаный рулон'] },
  { codes: ['721049'], zh: ['镀锌板', '镀锌卷'], en: ['galvanized', 'galvanised', 'gi coil'], ru: ['оцинковка'] },
  { codes: ['7601'], zh: ['铝锭'], en: ['aluminum', 'aluminium ingot'], ru: ['алюминиевые чушки'] },
  { codes: ['740311'], zh: ['电解铜'], en: ['copper cathode'], ru: ['медные катоды'] },

  // Chapters 61–64, 94 — consumer goods.
  { codes: ['620342', '620462'], zh: ['牛仔裤'], en: ['jeans'], ru: ['джинсы'] },
  { codes: ['6110'], zh: ['毛衣', '卫衣'], en: ['sweater', 'jumper', 'hoodie'], ru: ['кофта', 'толстовка'] },
  { codes: ['640411'], zh: ['跑鞋', '球鞋'], en: ['sneakers', 'trainers', 'running shoes'], ru: ['кроссовки'] },
  { codes: ['330410'], zh: ['口红', '唇膏'], en: ['lipstick', 'lip gloss'], ru: ['помада', 'блеск для губ'] },
  { codes: ['3304'], zh: ['面霜', '护肤'], en: ['face cream', 'skincare'], ru: ['крем для лица'] },
  { codes: ['300490'], zh: ['药片', '西药'], en: ['medicine', 'pharmaceuticals'], ru: ['лекарства', 'таблетки'] },
  { codes: ['940161'], zh: ['沙发'], en: ['sofa', 'couch', 'armchair'], ru: ['диван', 'кресло'] },
];
