/**
 * Demo declarations for the cockpit: a year of exports and imports with SCO countries (Kazakhstan first),
 * filed, paid and released through the trade centre's own functions with back-dated clocks, so the risk
 * engine, the numbers and the events are all real and the cockpit's subscribers build its aggregates from
 * them at start-up. Deterministic (a fixed pseudo-random stream), no randomness between runs.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import {
  type DeclarationBody,
  fileDeclaration,
  findDeclaration,
  officerDecision,
  payDeclaration,
} from '../trade/index.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Declarations filed over the last year: enough for every month and chart, cheap to seed (~1 s). */
export const DEMO_DECLARATIONS = 60;

interface Partner {
  country: string;
  port: string;
  mode: '2' | '3' | '4';
  buyer: string;
  weight: number;
}

/** Trade partners with their usual port and transport mode; weight = share of the demo declarations. */
const PARTNERS: readonly Partner[] = [
  { country: 'KZ', port: 'KZALA', mode: '3', buyer: 'TOO Almaty Logistic Hub', weight: 5 },
  { country: 'RU', port: 'RUMOW', mode: '3', buyer: 'OOO Vostok Trade Import', weight: 4 },
  { country: 'UZ', port: 'UZTAS', mode: '3', buyer: 'Tashkent Agro Machinery LLC', weight: 3 },
  { country: 'KG', port: 'KGFRU', mode: '4', buyer: 'Bishkek Textile Market LLC', weight: 2 },
  { country: 'BY', port: 'BYMSQ', mode: '3', buyer: 'Minsk Auto Parts JSC', weight: 1 },
  { country: 'IN', port: 'INNSA', mode: '2', buyer: 'Nhava Sheva Traders Pvt Ltd', weight: 1 },
  { country: 'PK', port: 'PKKHI', mode: '2', buyer: 'Karachi Import House', weight: 1 },
  { country: 'MN', port: 'MNULN', mode: '3', buyer: 'Ulaanbaatar Trade LLC', weight: 1 },
  { country: 'DE', port: 'DEDUI', mode: '3', buyer: 'Rhein-Ruhr Handels GmbH', weight: 1 },
];

const EXPORT_GOODS = [
  { code: '6110200000', description: 'Cotton knitted sweaters', units: ['011', '035'], perUnit: 45, kgPerUnit: 0.4 },
  {
    code: '6404110000',
    description: 'Sports shoes with textile uppers',
    units: ['025', '035'],
    perUnit: 120,
    kgPerUnit: 0.9,
  },
  {
    code: '7207120000',
    description: 'Semi-finished steel, rectangular section',
    units: ['035'],
    perUnit: 4.2,
    kgPerUnit: 1,
  },
] as const;
/** Li-ion batteries: the demo risk rule sends them to document review, with the dangerous-goods papers. */
const BATTERY = {
  code: '8507600090',
  description: 'Lithium-ion battery packs',
  units: ['007', '035'],
  perUnit: 900,
  kgPerUnit: 30,
} as const;
/** Frozen beef: the demo quarantine rule sends it to inspection. */
const BEEF = {
  code: '0202300000',
  description: 'Frozen boneless bovine meat',
  units: ['035'],
  perUnit: 42,
  kgPerUnit: 1,
} as const;
const DG_DOCUMENTS = [
  'un38_3_summary',
  'sds',
  'dg_packaging_certificate',
  'transport_condition_report',
  'msa_dg_declaration',
] as const;

const IMPORT_GOODS = [
  { code: '7403111100', description: 'Refined copper cathodes', units: ['035'], perUnit: 68, kgPerUnit: 1 },
  {
    code: '4703210000',
    description: 'Bleached coniferous sulphate wood pulp',
    units: ['035'],
    perUnit: 5.6,
    kgPerUnit: 1,
  },
  { code: '3901100000', description: 'Polyethylene in primary forms', units: ['035'], perUnit: 8.9, kgPerUnit: 1 },
] as const;

export interface CockpitDemoContext {
  now: Date;
  enterprises: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
  customsAuthorityId: string | null;
}

/**
 * Demo values of plan indicators entered by hand — NOT official statistics: invented figures near the plan's
 * trajectory, labelled as demo values in their source, so the table shows progress bars on a fresh start.
 */
const DEMO_INDICATOR_VALUES: readonly { code: string; value: string; asOf: string }[] = [
  { code: 'FTA-02', value: '41.2', asOf: '2025-12-31' },
  { code: 'FTA-07', value: '14', asOf: '2025-12-31' },
  { code: 'FTA-10', value: '168', asOf: '2025-12-31' },
  { code: 'FTA-12', value: '1650', asOf: '2025-12-31' },
  { code: 'FTA-14', value: '18.5', asOf: '2025-12-31' },
  { code: 'FTA-18', value: '19800', asOf: '2025-12-31' },
];
const DEMO_SOURCE = 'Demo value (not an official figure) · 演示数据 · демонстрационное значение';

/** A few measures under way, one done, one overdue, with tasks: what the tracker looks like in use (demo). */
async function seedTracker(tx: Tx, now: Date, adminId: string): Promise<void> {
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
  for (const v of DEMO_INDICATOR_VALUES) {
    await tx.execute(
      sql`INSERT INTO cockpit_indicator_values (id, indicator_code, value, as_of, source, entered_by)
          VALUES (${randomUUID()}, ${v.code}, ${v.value}, ${v.asOf}, ${DEMO_SOURCE}, ${adminId})`,
    );
  }
  const measures: { no: number; status: string; due: string | null; evidence: string | null }[] = [
    { no: 1, status: 'in_progress', due: day(120), evidence: null },
    { no: 4, status: 'in_progress', due: day(60), evidence: null },
    { no: 5, status: 'done', due: day(-30), evidence: 'Export service package for the "new three" published (demo)' },
    { no: 8, status: 'in_progress', due: day(-10), evidence: null },
  ];
  for (const m of measures) {
    await tx.execute(
      sql`INSERT INTO cockpit_measures (no, status, due_date, evidence, updated_by)
          VALUES (${m.no}, ${m.status}, ${m.due}, ${m.evidence}, ${adminId})`,
    );
  }
  const tasks: { no: number; title: string; department: string; due: string; status: string }[] = [
    {
      no: 1,
      title: 'Add two weekly SCO Express paths to Almaty (demo)',
      department: 'cr-jinan',
      due: day(45),
      status: 'in_progress',
    },
    {
      no: 4,
      title: 'Used-car export service platform goes live (demo)',
      department: 'prov-commerce',
      due: day(-5),
      status: 'in_progress',
    },
    {
      no: 8,
      title: 'Customs-bank guarantee (上合·银关通) on the platform (demo)',
      department: 'qingdao-customs',
      due: day(20),
      status: 'not_started',
    },
  ];
  for (const task of tasks) {
    await tx.execute(
      sql`INSERT INTO cockpit_measure_tasks (id, measure_no, title, department, due_date, status, created_by)
          VALUES (${randomUUID()}, ${task.no}, ${task.title}, ${task.department}, ${task.due}, ${task.status}, ${adminId})`,
    );
  }
}

export async function seedCockpitDemo(tx: Tx, context: CockpitDemoContext): Promise<number> {
  const adminId = context.users.get('admin@demo');
  if (adminId) await seedTracker(tx, context.now, adminId);
  const traderId = context.enterprises.get('jiaozhou-trading');
  const traderUser = context.users.get('trader@demo');
  const officerUser = context.users.get('officer@demo');
  if (!traderId || !traderUser || !officerUser) return 0;
  const trader: Principal = {
    kind: 'session',
    userId: traderUser,
    apiKeyId: null,
    sessionId: null,
    role: 'trader',
    enterpriseId: traderId,
    authorityId: null,
    locale: 'en',
    displayName: 'demo trader',
  };
  const officer: Principal = {
    ...trader,
    userId: officerUser,
    role: 'customs_officer',
    enterpriseId: null,
    authorityId: context.customsAuthorityId,
    displayName: 'demo officer',
  };
  let state = 20_260_601;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const weighted = PARTNERS.flatMap((p) => Array.from({ length: p.weight }, () => p));
  let filed = 0;
  for (let n = 0; n < DEMO_DECLARATIONS; n += 1) {
    // Spread over the last 360 days, in working hours (Beijing), never in the future.
    const daysAgo = Math.floor((n / DEMO_DECLARATIONS) * 360 + random() * 5) + 1;
    const filedAt = new Date(context.now.getTime() - daysAgo * DAY_MS - Math.floor(random() * 8) * HOUR_MS);
    // Every fourth declaration is with Kazakhstan, so every quarter has trade with it to drill into.
    const drawn = weighted[Math.floor(random() * weighted.length)]!;
    const partner = n % 4 === 0 ? PARTNERS[0]! : drawn;
    const direction = random() < 0.65 ? 'export' : 'import';
    // One in six goes through each rule-driven channel, so the channels and their clearance times differ.
    const special = n % 6 === 1 ? (direction === 'export' ? BATTERY : BEEF) : null;
    const goods =
      special ??
      (direction === 'export'
        ? EXPORT_GOODS[Math.floor(random() * EXPORT_GOODS.length)]!
        : IMPORT_GOODS[Math.floor(random() * IMPORT_GOODS.length)]!);
    const quantity =
      direction === 'export' && goods.units[0] !== '035'
        ? 500 + Math.floor(random() * 4_000)
        : 5_000 + Math.floor(random() * 60_000);
    const quantities = goods.units.map((unit, i) => ({
      amount: String(i === 0 ? quantity : Math.ceil(quantity * goods.kgPerUnit)),
      unit,
    }));
    const body: DeclarationBody = {
      direction,
      supervisionMode: '0110',
      transportMode: partner.mode,
      termsOfSale: direction === 'export' ? 'FOB' : 'CIF',
      loadingPort: direction === 'export' ? 'CNJZH' : partner.port,
      dischargePort: direction === 'export' ? partner.port : 'CNJZH',
      foreignParty: { name: partner.buyer, country: partner.country },
      tradeCountry: partner.country,
      currency: 'CNY',
      items: [
        {
          code: goods.code,
          description: goods.description,
          quantities,
          priceAmount: (quantity * goods.perUnit).toFixed(2),
          originCountry: direction === 'export' ? 'CN' : partner.country,
        },
      ],
      ...(goods === BATTERY
        ? { documents: DG_DOCUMENTS.map((kind) => ({ kind, reference: `DEMO-${kind.toUpperCase()}-${n}` })) }
        : {}),
    };
    const filedDeclaration = await fileDeclaration(tx, trader, body, { now: filedAt, dbKey: tx });
    filed += 1;
    let declaration = (await findDeclaration(tx, filedDeclaration.id))!;
    // Paid within the day, which also gives back what an auto-release held on the trader's guarantee (the
    // trade centre's own demo and tests count on that line); officers decide within hours (inspection takes
    // longer), so medians differ by channel.
    if (declaration.payment === 'unpaid' || declaration.payment === 'guaranteed') {
      declaration = await payDeclaration(tx, trader, declaration, new Date(filedAt.getTime() + 2 * HOUR_MS));
    }
    if (declaration.status === 'released') continue;
    // Every demo declaration is decided: the officer's queue stays the trade centre's own (its demo and tests).
    const hours = declaration.channel === 'inspection' ? 6 + Math.floor(random() * 30) : 1 + Math.floor(random() * 8);
    const current = await findDeclaration(tx, declaration.id);
    if (current && current.status !== 'released') {
      // Never in the future: the newest declarations are released just before "now".
      const releasedAt = Math.min(filedAt.getTime() + hours * HOUR_MS, context.now.getTime() - 60_000);
      await officerDecision(tx, officer, current, { action: 'release' }, new Date(releasedAt));
    }
  }
  return filed;
}
