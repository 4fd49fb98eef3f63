/**
 * The demo transport network around the SCO demonstration zone: weekly services of four modes
 * and the transfers between them (drayage, and gauge-change transshipment at the borders).
 *
 * Figures are illustrative, built from ../shared/reference/transport.md: line-haul times from its
 * "typical transit" table, border dwell as a fixed mean (the reference says it is long-tailed),
 * tariffs from its "indicative rates" table converted at ¥7.1/USD and rounded, distances
 * approximate rail/road/sea kilometres (memory). CO2 is derived from distance with the
 * reference's demo factors (see CO2_GRAMS_PER_TONNE_KM) and TONNES_PER_TEU.
 */

export type TransportMode = 'rail' | 'sea' | 'road' | 'air';

/** Illustrative, GLEC-aligned well-to-wheel factors from transport.md §2 (g CO2e per tonne-km). */
export const CO2_GRAMS_PER_TONNE_KM: Readonly<Record<string, number>> = {
  rail_electric: 15,
  rail_diesel: 30,
  sea_deep: 12,
  sea_feeder: 25,
  road: 90,
  air: 600,
};

/** Average cargo mass of a loaded TEU for emissions (demo assumption, stated in docs). */
export const TONNES_PER_TEU = 10;

export interface CallSeed {
  locode: string;
  /** Minutes after the service leaves its first call; null at the first call. */
  arrivalOffsetMinutes: number | null;
  /** Minutes after the first departure; null at the last call. */
  departureOffsetMinutes: number | null;
  /** Price per unit (TEU, or kg for air) from this call to the next, in fen; 0 at the last call. */
  tariffFenPerUnitToNext: number;
  distanceKmToNext: number;
}

export interface ServiceSeed {
  code: string;
  operatorKey: string;
  mode: TransportMode;
  /** Which CO2 factor applies (rail electric/diesel, sea deep/feeder …). */
  emissionClass: keyof typeof CO2_GRAMS_PER_TONNE_KM;
  names: { zh: string; en: string; ru: string };
  timezone: string;
  /** ISO weekdays of departure from the first call, 1 = Monday. */
  weekdays: number[];
  departureLocalTime: string;
  capacityUnits: number;
  capacityUnit: 'TEU' | 'KG';
  reefer: boolean;
  dangerousGoodsClasses: string[];
  calls: CallSeed[];
}

export interface TransferSeed {
  fromLocode: string;
  toLocode: string;
  kind: 'drayage' | 'gauge_change';
  durationMinutes: number;
  costFenPerTeu: number;
  distanceKm: number;
}

const DAY = 24 * 60;
const HOUR = 60;

/**
 * Builds calls from legs: [locode, hours to next call, dwell hours at next call, fen/unit, km].
 * Keeps the seed readable as "a train goes A → B in N hours" instead of raw offsets.
 */
function route(
  first: string,
  legs: readonly (readonly [to: string, travelHours: number, dwellHours: number, fenPerUnit: number, km: number])[],
): CallSeed[] {
  const calls: CallSeed[] = [];
  let clock = 0;
  let previous: CallSeed = {
    locode: first,
    arrivalOffsetMinutes: null,
    departureOffsetMinutes: 0,
    tariffFenPerUnitToNext: 0,
    distanceKmToNext: 0,
  };
  calls.push(previous);
  legs.forEach(([to, travelHours, dwellHours, fenPerUnit, km], index) => {
    previous.tariffFenPerUnitToNext = fenPerUnit;
    previous.distanceKmToNext = km;
    clock += Math.round(travelHours * HOUR);
    const last = index === legs.length - 1;
    const call: CallSeed = {
      locode: to,
      arrivalOffsetMinutes: clock,
      departureOffsetMinutes: last ? null : clock + Math.round(dwellHours * HOUR),
      tariffFenPerUnitToNext: 0,
      distanceKmToNext: 0,
    };
    clock = call.departureOffsetMinutes ?? clock;
    calls.push(call);
    previous = call;
  });
  return calls;
}

const RAIL_DG = ['2.2', '3', '4.1', '6.1', '8']; // rail typically refuses class 1, 7 and Li-ion (9) on block trains without approval
const ALL_DG = ['2.1', '2.2', '3', '4.1', '4.2', '4.3', '5.1', '6.1', '8', '9'];

export const DEMO_SERVICES: readonly ServiceSeed[] = [
  // ── China–Central Asia / China–Europe rail, Chinese (1435 mm) side ──
  {
    code: 'QL-JZ-ALK',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: {
      zh: '齐鲁号 胶州—阿拉山口',
      en: 'Qilu Express Jiaozhou – Alashankou',
      ru: 'Цилу-экспресс Цзяочжоу – Алашанькоу',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [1, 3, 5],
    departureLocalTime: '18:00',
    capacityUnits: 100,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: RAIL_DG,
    calls: route('CNJZH', [
      ['CNSIA', 30, 4, 420_000, 1_450],
      ['CNURC', 48, 6, 980_000, 2_450],
      ['CNALK', 10, 0, 240_000, 480],
    ]),
  },
  {
    code: 'QL-JZ-HGS',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: { zh: '上合快线 胶州—霍尔果斯', en: 'SCO Express Jiaozhou – Khorgos', ru: 'Экспресс ШОС Цзяочжоу – Хоргос' },
    timezone: 'Asia/Shanghai',
    weekdays: [2, 6],
    departureLocalTime: '10:00',
    capacityUnits: 100,
    capacityUnit: 'TEU',
    reefer: false,
    dangerousGoodsClasses: [...RAIL_DG, '9'],
    calls: route('CNJZH', [
      ['CNCGO', 16, 3, 300_000, 900],
      ['CNURC', 60, 6, 1_150_000, 3_100],
      ['CNHGS', 14, 0, 300_000, 670],
    ]),
  },
  {
    code: 'QL-JZ-RLC',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: { zh: '齐鲁号 胶州—二连浩特', en: 'Qilu Express Jiaozhou – Erenhot', ru: 'Цилу-экспресс Цзяочжоу – Эрлянь' },
    timezone: 'Asia/Shanghai',
    weekdays: [4],
    departureLocalTime: '20:00',
    capacityUnits: 90,
    capacityUnit: 'TEU',
    reefer: false,
    dangerousGoodsClasses: RAIL_DG,
    calls: route('CNJZH', [
      ['CNTSN', 14, 2, 260_000, 700],
      ['CNRLC', 20, 0, 380_000, 950],
    ]),
  },
  {
    code: 'QL-JZ-MLX',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: {
      zh: '齐鲁号 胶州—满洲里',
      en: 'Qilu Express Jiaozhou – Manzhouli',
      ru: 'Цилу-экспресс Цзяочжоу – Маньчжурия',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [2, 5],
    departureLocalTime: '16:00',
    capacityUnits: 100,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: RAIL_DG,
    calls: route('CNJZH', [
      ['CNSHE', 22, 3, 400_000, 1_250],
      ['CNHRB', 10, 3, 200_000, 550],
      ['CNMLX', 20, 0, 380_000, 950],
    ]),
  },
  // ── Broad-gauge (1520 mm) side ──
  {
    code: 'KTZ-DSK-TAS',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_diesel',
    names: { zh: '多斯特克—阿拉木图—塔什干', en: 'Dostyk – Almaty – Tashkent', ru: 'Достык – Алматы – Ташкент' },
    timezone: 'Asia/Almaty',
    weekdays: [1, 3, 5, 7],
    departureLocalTime: '08:00',
    capacityUnits: 100,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: RAIL_DG,
    calls: route('KZDSK', [
      ['KZALA', 22, 8, 560_000, 850],
      ['KZSMK', 18, 4, 420_000, 700],
      ['UZTAS', 8, 0, 180_000, 170],
    ]),
  },
  {
    code: 'KTZ-AKL-FRU',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_diesel',
    names: { zh: '阿腾科里—阿拉木图—比什凯克', en: 'Altynkol – Almaty – Bishkek', ru: 'Алтынколь – Алматы – Бишкек' },
    timezone: 'Asia/Almaty',
    weekdays: [2, 4, 7],
    departureLocalTime: '12:00',
    capacityUnits: 80,
    capacityUnit: 'TEU',
    reefer: false,
    dangerousGoodsClasses: [...RAIL_DG, '9'],
    calls: route('KZAKL', [
      ['KZALA', 10, 6, 260_000, 380],
      ['KGFRU', 10, 0, 240_000, 300],
    ]),
  },
  {
    code: 'KTZ-DSK-MOW',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: {
      zh: '多斯特克—叶卡捷琳堡—莫斯科',
      en: 'Dostyk – Yekaterinburg – Moscow',
      ru: 'Достык – Екатеринбург – Москва',
    },
    timezone: 'Asia/Almaty',
    weekdays: [2, 5],
    departureLocalTime: '14:00',
    capacityUnits: 100,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: RAIL_DG,
    calls: route('KZDSK', [
      ['KZAST', 30, 6, 900_000, 1_300],
      ['RUYEK', 40, 8, 1_100_000, 1_600],
      ['RUSLT', 48, 0, 1_300_000, 1_800],
    ]),
  },
  {
    code: 'RZD-ZBK-MOW',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: {
      zh: '后贝加尔斯克—莫斯科（跨西伯利亚）',
      en: 'Zabaikalsk – Moscow (Trans-Siberian)',
      ru: 'Забайкальск – Москва (Транссиб)',
    },
    timezone: 'Asia/Chita',
    weekdays: [1, 4],
    departureLocalTime: '06:00',
    capacityUnits: 100,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: RAIL_DG,
    calls: route('RUZBK', [
      ['RUIKT', 40, 6, 900_000, 1_600],
      ['RUOVB', 44, 6, 1_000_000, 1_850],
      ['RUYEK', 36, 6, 900_000, 1_500],
      ['RUVRS', 46, 0, 1_100_000, 1_800],
    ]),
  },
  {
    code: 'UBTZ-ZMU-MOW',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_diesel',
    names: {
      zh: '扎门乌德—乌兰巴托—莫斯科',
      en: 'Zamyn-Uud – Ulaanbaatar – Moscow',
      ru: 'Замын-Ууд – Улан-Батор – Москва',
    },
    timezone: 'Asia/Ulaanbaatar',
    weekdays: [6],
    departureLocalTime: '09:00',
    capacityUnits: 80,
    capacityUnit: 'TEU',
    reefer: false,
    dangerousGoodsClasses: RAIL_DG,
    calls: route('MNZMU', [
      ['MNULN', 18, 6, 450_000, 700],
      ['RUNSK', 14, 10, 300_000, 420],
      ['RUOVB', 40, 6, 1_000_000, 1_900],
      ['RUSLT', 80, 0, 1_900_000, 3_300],
    ]),
  },
  {
    code: 'BCH-MOW-BQT',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: { zh: '莫斯科—明斯克—布列斯特', en: 'Moscow – Minsk – Brest', ru: 'Москва – Минск – Брест' },
    timezone: 'Europe/Moscow',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    departureLocalTime: '22:00',
    capacityUnits: 90,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: RAIL_DG,
    calls: route('RUSLT', [
      ['BYMSQ', 16, 6, 380_000, 720],
      ['BYBQT', 8, 0, 180_000, 350],
    ]),
  },
  {
    code: 'PKP-MLW-DUI',
    operatorKey: 'silkroad-logistics',
    mode: 'rail',
    emissionClass: 'rail_electric',
    names: { zh: '马拉舍维奇—杜伊斯堡', en: 'Małaszewicze – Duisburg', ru: 'Малашевиче – Дуйсбург' },
    timezone: 'Europe/Warsaw',
    weekdays: [1, 3, 5],
    departureLocalTime: '07:00',
    capacityUnits: 80,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: [...RAIL_DG, '9'],
    calls: route('PLMLW', [
      ['PLLOD', 6, 4, 160_000, 280],
      ['DEDUI', 20, 0, 600_000, 1_000],
    ]),
  },
  // ── Ocean services from Qingdao ──
  {
    code: 'SDP-TAO-PUS',
    operatorKey: 'silkroad-logistics',
    mode: 'sea',
    emissionClass: 'sea_feeder',
    names: { zh: '青岛—釜山穿梭航线', en: 'Qingdao – Busan shuttle', ru: 'Челночная линия Циндао – Пусан' },
    timezone: 'Asia/Shanghai',
    weekdays: [1, 3, 5],
    departureLocalTime: '20:00',
    capacityUnits: 600,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: ALL_DG,
    calls: route('CNQAW', [
      ['KRINC', 20, 10, 90_000, 600],
      ['KRPUS', 22, 0, 90_000, 750],
    ]),
  },
  {
    code: 'SDP-TAO-JPN',
    operatorKey: 'silkroad-logistics',
    mode: 'sea',
    emissionClass: 'sea_feeder',
    names: {
      zh: '青岛—福冈—大阪—横滨航线',
      en: 'Qingdao – Fukuoka – Osaka – Yokohama loop',
      ru: 'Линия Циндао – Фукуока – Осака – Иокогама',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [2],
    departureLocalTime: '16:00',
    capacityUnits: 1_200,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: ALL_DG,
    calls: route('CNQAW', [
      ['JPFUK', 44, 12, 180_000, 1_000],
      ['JPOSA', 26, 12, 110_000, 600],
      ['JPYOK', 22, 0, 110_000, 550],
    ]),
  },
  {
    code: 'FESCO-TAO-VVO',
    operatorKey: 'silkroad-logistics',
    mode: 'sea',
    emissionClass: 'sea_feeder',
    names: {
      zh: '青岛—符拉迪沃斯托克航线',
      en: 'Qingdao – Vladivostok direct',
      ru: 'Прямая линия Циндао – Владивосток',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [4],
    departureLocalTime: '12:00',
    capacityUnits: 1_000,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: ALL_DG,
    calls: route('CNQAW', [['RUVVO', 110, 0, 320_000, 1_900]]),
  },
  {
    code: 'CSL-TAO-IME',
    operatorKey: 'silkroad-logistics',
    mode: 'sea',
    emissionClass: 'sea_deep',
    names: {
      zh: '青岛—那瓦舍瓦—卡拉奇—阿巴斯港航线',
      en: 'Qingdao – Nhava Sheva – Karachi – Bandar Abbas',
      ru: 'Циндао – Нава-Шева – Карачи – Бендер-Аббас',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [6],
    departureLocalTime: '08:00',
    capacityUnits: 6_000,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: ALL_DG,
    calls: route('CNQAW', [
      ['CNSHA', 30, 14, 60_000, 700],
      ['INNSA', 380, 30, 900_000, 10_400],
      ['PKKHI', 36, 24, 150_000, 900],
      ['IRBND', 40, 0, 180_000, 1_100],
    ]),
  },
  {
    code: 'CSL-TAO-EUR',
    operatorKey: 'silkroad-logistics',
    mode: 'sea',
    emissionClass: 'sea_deep',
    names: { zh: '青岛—鹿特丹—汉堡航线', en: 'Qingdao – Rotterdam – Hamburg', ru: 'Циндао – Роттердам – Гамбург' },
    timezone: 'Asia/Shanghai',
    weekdays: [3],
    departureLocalTime: '06:00',
    capacityUnits: 14_000,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: ALL_DG,
    calls: route('CNQAW', [
      ['CNNGB', 30, 18, 60_000, 800],
      ['NLRTM', 720, 30, 1_050_000, 19_500],
      ['DEHAM', 26, 0, 90_000, 650],
    ]),
  },
  // ── TIR road haulage ──
  {
    code: 'TIR-JZ-ALA',
    operatorKey: 'silkroad-logistics',
    mode: 'road',
    emissionClass: 'road',
    names: {
      zh: 'TIR 公路 胶州—霍尔果斯—阿拉木图',
      en: 'TIR road Jiaozhou – Khorgos – Almaty',
      ru: 'МДП Цзяочжоу – Хоргос – Алматы',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [1, 2, 3, 4, 5],
    departureLocalTime: '06:00',
    capacityUnits: 2,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: ['3', '8', '9'],
    calls: route('CNJZH', [
      ['CNHGS', 110, 18, 2_600_000, 4_600],
      ['KZALA', 8, 0, 300_000, 380],
    ]),
  },
  {
    code: 'TIR-JZ-TAS',
    operatorKey: 'silkroad-logistics',
    mode: 'road',
    emissionClass: 'road',
    names: {
      zh: 'TIR 公路 胶州—伊尔克什坦—塔什干',
      en: 'TIR road Jiaozhou – Irkeshtam – Tashkent',
      ru: 'МДП Цзяочжоу – Иркештам – Ташкент',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [2, 4],
    departureLocalTime: '06:00',
    capacityUnits: 2,
    capacityUnit: 'TEU',
    reefer: true,
    dangerousGoodsClasses: ['3', '8'],
    calls: route('CNJZH', [
      ['CNKHG', 120, 10, 2_900_000, 5_000],
      ['KGOSS', 14, 12, 420_000, 420],
      ['UZTAS', 10, 0, 280_000, 370],
    ]),
  },
  // ── Air cargo from Qingdao Jiaodong (capacity and tariff per kg) ──
  {
    code: 'AIR-TAO-ICN',
    operatorKey: 'silkroad-logistics',
    mode: 'air',
    emissionClass: 'air',
    names: {
      zh: '青岛胶东—仁川 全货机',
      en: 'Qingdao Jiaodong – Incheon freighter',
      ru: 'Грузовой рейс Циндао (Цзяодун) – Инчхон',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    departureLocalTime: '23:30',
    capacityUnits: 40_000,
    capacityUnit: 'KG',
    reefer: true,
    dangerousGoodsClasses: ['3', '6.1', '8'],
    calls: route('CNQJD', [['KRICN', 1.5, 0, 900, 600]]),
  },
  {
    code: 'AIR-TAO-ALA',
    operatorKey: 'silkroad-logistics',
    mode: 'air',
    emissionClass: 'air',
    names: {
      zh: '青岛胶东—阿拉木图 全货机',
      en: 'Qingdao Jiaodong – Almaty freighter',
      ru: 'Грузовой рейс Циндао (Цзяодун) – Алматы',
    },
    timezone: 'Asia/Shanghai',
    weekdays: [2, 5],
    departureLocalTime: '02:00',
    capacityUnits: 60_000,
    capacityUnit: 'KG',
    reefer: false,
    dangerousGoodsClasses: ['3', '8'],
    calls: route('CNQJD', [
      ['KZALA', 6.5, 3, 2_600, 4_300],
      ['RUMOW', 5.5, 0, 2_400, 3_100],
    ]),
  },
];

/**
 * Transfers between services. Gauge changes (1435 ↔ 1520 mm) are transshipments between the
 * two stations of a border pair, with the reference's typical dwell and a handling fee;
 * drayage links the port, the rail terminal and the bonded zone around Qingdao.
 */
export const DEMO_TRANSFERS: readonly TransferSeed[] = [
  ...pair('CNALK', 'KZDSK', 'gauge_change', 2 * DAY, 150_000, 12),
  ...pair('CNHGS', 'KZAKL', 'gauge_change', 3 * DAY, 140_000, 10),
  ...pair('CNRLC', 'MNZMU', 'gauge_change', 2 * DAY, 120_000, 9),
  ...pair('CNMLX', 'RUZBK', 'gauge_change', 2 * DAY, 150_000, 10),
  ...pair('BYBQT', 'PLMLW', 'gauge_change', 1 * DAY, 180_000, 8),
  ...pair('CNQAW', 'CNJZH', 'drayage', 3 * HOUR, 80_000, 55),
  ...pair('CNTAO', 'CNJZH', 'drayage', 3 * HOUR, 90_000, 60),
  ...pair('CNJZB', 'CNJZH', 'drayage', 1 * HOUR, 30_000, 8),
  ...pair('CNTAO', 'CNQAW', 'drayage', 2 * HOUR, 50_000, 25),
  ...pair('RUSLT', 'RUVRS', 'drayage', 4 * HOUR, 60_000, 90),
  ...pair('RUSLT', 'RUMOW', 'drayage', 2 * HOUR, 40_000, 50),
  ...pair('RUVRS', 'RUMOW', 'drayage', 2 * HOUR, 40_000, 70),
];

function pair(
  a: string,
  b: string,
  kind: TransferSeed['kind'],
  durationMinutes: number,
  costFenPerTeu: number,
  distanceKm: number,
): TransferSeed[] {
  return [
    { fromLocode: a, toLocode: b, kind, durationMinutes, costFenPerTeu, distanceKm },
    { fromLocode: b, toLocode: a, kind, durationMinutes, costFenPerTeu, distanceKm },
  ];
}
