import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import type { EventEnvelope } from '../events/index.js';
import { recomputeShipmentFigures } from '../logistics/index.js';
import {
  type DeclarationBody,
  fileDeclaration,
  findDeclaration,
  officerDecision,
  payDeclaration,
  recomputeTradeFigures,
} from '../trade/index.js';
import { COCKPIT_EVENT_TYPES, handleCockpitEvent } from './aggregates.js';
import { bucketMinutes, clearanceBucket, histogramMedian } from './clearance.js';
import { DEMO_DECLARATIONS } from './demo.js';
import { fenToHundredMillionYuan, progressPercent, resolvePeriod } from './service.js';

let t: TestApp;
let admin: string;
let trader: string;
let officerCookie: string;
let traderPrincipal: Principal;
let officerPrincipal: Principal;

type Json = ReturnType<typeof JSON.parse>;

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
  const json = String(response.headers['content-type'] ?? '').includes('json');
  return {
    status: response.statusCode,
    body: json ? (response.json() as Json) : {},
    raw: response.rawPayload,
    headers: response.headers,
  };
}

async function principalOf(email: string, role: Principal['role']): Promise<Principal> {
  const [row] = await queryRows<{ id: string; enterprise_id: string | null; authority_id: string | null }>(
    t.database.db,
    sql`SELECT id, enterprise_id, authority_id FROM users WHERE email = ${email}`,
  );
  return {
    kind: 'session',
    userId: row!.id,
    apiKeyId: null,
    sessionId: null,
    role,
    enterpriseId: row!.enterprise_id,
    authorityId: row!.authority_id,
    locale: 'en',
    displayName: email,
  };
}

function exportBody(country: string, port: string, priceYuan: string, date?: string): DeclarationBody {
  return {
    direction: 'export',
    supervisionMode: '0110',
    transportMode: '3',
    termsOfSale: 'FOB',
    loadingPort: 'CNJZH',
    dischargePort: port,
    foreignParty: { name: 'Buyer LLC', country },
    tradeCountry: country,
    currency: 'CNY',
    ...(date ? { declarationDate: date } : {}),
    items: [
      {
        code: '7207120000',
        description: 'Semi-finished steel',
        quantities: [{ amount: '1000', unit: '035' }],
        priceAmount: priceYuan,
        originCountry: 'CN',
      },
    ],
  };
}

function importBody(country: string, port: string, priceYuan: string): DeclarationBody {
  return {
    direction: 'import',
    supervisionMode: '0110',
    transportMode: '3',
    termsOfSale: 'CIF',
    loadingPort: port,
    dischargePort: 'CNJZH',
    foreignParty: { name: 'Seller LLC', country },
    tradeCountry: country,
    currency: 'CNY',
    items: [
      {
        code: '7403111100',
        description: 'Copper cathodes',
        quantities: [{ amount: '500', unit: '035' }],
        priceAmount: priceYuan,
        originCountry: country,
      },
    ],
  };
}

/** The cockpit's events in the outbox, as the dispatcher would hand them to the subscribers. */
async function cockpitEvents(): Promise<EventEnvelope[]> {
  const rows = await queryRows<{
    event_id: string;
    type: string;
    module: string;
    enterprise_id: string | null;
    occurred_at: Date | string;
    payload: Record<string, unknown>;
  }>(
    t.database.db,
    sql`SELECT event_id, type, module, enterprise_id, occurred_at, payload FROM outbox_events
        WHERE type = ANY(${sql.param([...COCKPIT_EVENT_TYPES])}::text[]) ORDER BY id`,
  );
  return rows.map((r) => ({
    id: r.event_id,
    type: r.type,
    module: r.module,
    enterpriseId: r.enterprise_id,
    occurredAt: new Date(r.occurred_at).toISOString(),
    payload: r.payload,
  }));
}

async function deliverAll(): Promise<void> {
  // The dispatcher in tests is stepped by hand: fan out and deliver until nothing is left.
  for (let i = 0; i < 50; i += 1) {
    const result = await t.app.dispatcher.runOnce();
    if (result.fannedOut === 0 && result.attempted === 0) return;
  }
}

async function resetCockpit(): Promise<void> {
  await t.database.db.execute(
    sql`TRUNCATE cockpit_processed_events, cockpit_declaration_contributions, cockpit_declaration_stats,
          cockpit_clearance_histogram, cockpit_shipment_contributions, cockpit_shipment_stats, cockpit_bonded_stats`,
  );
}

/** The aggregates as stored, zero rows dropped (a row that went to zero is the same as no row). */
async function storedFigures() {
  const stats = await queryRows<{
    month: string;
    trade_country: string;
    direction: string;
    channel: string;
    declarations: number;
    value_fen: string;
    released: number;
  }>(
    t.database.db,
    sql`SELECT * FROM cockpit_declaration_stats WHERE declarations <> 0 OR value_fen <> 0 OR released <> 0
        ORDER BY month, trade_country, direction, channel`,
  );
  const histogram = await queryRows<{ month: string; channel: string; bucket: number; declarations: number }>(
    t.database.db,
    sql`SELECT * FROM cockpit_clearance_histogram WHERE declarations <> 0 ORDER BY month, channel, bucket`,
  );
  const shipments = await queryRows<{ month: string; mode: string; direction: string; shipments: number; teu: number }>(
    t.database.db,
    sql`SELECT * FROM cockpit_shipment_stats WHERE shipments <> 0 OR teu <> 0 ORDER BY month, mode, direction`,
  );
  return {
    stats: stats.map((r) => ({
      month: r.month,
      tradeCountry: r.trade_country,
      direction: r.direction,
      channel: r.channel,
      declarations: r.declarations,
      valueFen: Number(r.value_fen),
      released: r.released,
    })),
    histogram: histogram.map((r) => `${r.month}|${r.channel}|${r.bucket}|${r.declarations}`),
    shipments: shipments.map((r) => ({
      month: r.month,
      mode: r.mode,
      direction: r.direction,
      shipments: r.shipments,
      teu: r.teu,
    })),
  };
}

async function recomputedFigures() {
  const trade = await recomputeTradeFigures(t.database.db);
  const buckets = new Map<string, number>();
  for (const c of trade.clearance) {
    const key = `${c.month}|${c.channel}|${clearanceBucket(c.seconds)}`;
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  const byKey = (a: string, b: string) => {
    const [am, ac, ab] = a.split('|');
    const [bm, bc, bb] = b.split('|');
    return am!.localeCompare(bm!) || ac!.localeCompare(bc!) || Number(ab) - Number(bb);
  };
  return {
    stats: trade.stats,
    histogram: [...buckets.keys()].sort(byKey).map((k) => `${k}|${buckets.get(k)}`),
    shipments: await recomputeShipmentFigures(t.database.db),
  };
}

beforeAll(async () => {
  // Demo shipments (booked and tracked through logistics) and the cockpit's demo declarations.
  t = await buildTestApp({ demoShipments: true });
  admin = await t.login('admin@demo');
  trader = await t.login('trader@demo');
  officerCookie = await t.login('officer@demo');
  traderPrincipal = await principalOf('trader@demo', 'trader');
  officerPrincipal = await principalOf('officer@demo', 'customs_officer');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('clearance histogram', () => {
  it('reads every value back within 1 % and the median within 1 % of the exact median', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 60, max: 60 * 86_400 }), { minLength: 1, maxLength: 300 }), (seconds) => {
        for (const s of seconds) {
          const back = bucketMinutes(clearanceBucket(s));
          expect(Math.abs(back - s / 60) / (s / 60)).toBeLessThanOrEqual(0.0101);
        }
        const histogram = new Map<number, number>();
        for (const s of seconds) histogram.set(clearanceBucket(s), (histogram.get(clearanceBucket(s)) ?? 0) + 1);
        const sorted = [...seconds].sort((a, b) => a - b).map((s) => s / 60);
        const exact = (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
        const median = histogramMedian(histogram)!;
        // 1 % from the buckets, plus the 0.05 min of rounding to one decimal.
        expect(Math.abs(median - exact)).toBeLessThanOrEqual(exact * 0.0101 + 0.051);
      }),
      { numRuns: 200 },
    );
    expect(histogramMedian(new Map())).toBeNull();
    expect(clearanceBucket(0)).toBe(0);
    expect(clearanceBucket(59)).toBe(0);
  });
});

describe('periods, units and progress', () => {
  it('resolves presets in zone time and refuses reversed or over-long periods', () => {
    const now = new Date('2026-11-30T20:00:00Z'); // already 1 December in Beijing
    expect(resolvePeriod({ period: 'last_quarter' }, now)).toEqual({ from: '2026-07', to: '2026-09' });
    expect(resolvePeriod({ period: 'this_month' }, now)).toEqual({ from: '2026-12', to: '2026-12' });
    expect(resolvePeriod({ period: 'last_quarter' }, new Date('2026-02-10T00:00:00Z'))).toEqual({
      from: '2025-10',
      to: '2025-12',
    });
    expect(resolvePeriod({ period: 'this_year' }, now)).toEqual({ from: '2026-01', to: '2026-12' });
    expect(() => resolvePeriod({ from: '2026-05', to: '2026-04' }, now)).toThrow();
    expect(() => resolvePeriod({ from: '2020-01', to: '2026-04' }, now)).toThrow();
  });

  it('converts fen to 亿元 exactly and computes progress from the baseline', () => {
    expect(fenToHundredMillionYuan(110_800_000_000_00)).toBe('1108.00');
    expect(fenToHundredMillionYuan(1_234_567_890)).toBe('0.12');
    expect(progressPercent('1108', '2200', '1654')).toBe(50);
    expect(progressPercent(null, '10', '2.5')).toBe(25);
    expect(progressPercent('28', '33', '20')).toBe(0);
    expect(progressPercent('28', '33', null)).toBeNull();
  });
});

describe('incremental aggregates', () => {
  it('after the demo start-up, equal a full recomputation over the raw tables', async () => {
    await deliverAll();
    const stored = await storedFigures();
    const recomputed = await recomputedFigures();
    // The demo may file a few more (bonded exits are declared too).
    expect(recomputed.stats.reduce((s, r) => s + r.declarations, 0)).toBeGreaterThanOrEqual(DEMO_DECLARATIONS);
    expect(recomputed.shipments.length).toBeGreaterThan(0);
    expect(stored).toEqual(recomputed);
  });

  it('equal a full recomputation after random event orders, duplicates and state changes in between', async () => {
    const kz = ['KZ', 'KZALA'] as const;
    const partners = [kz, ['RU', 'RUMOW'], ['UZ', 'UZTAS']] as const;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        let state = seed;
        const random = () => {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          return (state >>> 0) / 4_294_967_296;
        };
        /** A random selection of the events so far, shuffled, some twice: what a crashy dispatcher could do. */
        const replay = async (share: number) => {
          const events = (await cockpitEvents()).filter(() => random() < share);
          const sequence = [...events, ...events.filter(() => random() < 0.3)];
          for (let i = sequence.length - 1; i > 0; i -= 1) {
            const j = Math.floor(random() * (i + 1));
            [sequence[i], sequence[j]] = [sequence[j]!, sequence[i]!];
          }
          for (const event of sequence) await handleCockpitEvent(t.database.db, event);
        };
        await resetCockpit();
        await replay(0.5);
        // New declarations, then decisions on them, with partial replays in between.
        const ids = await t.database.db.transaction(async (tx) => {
          const filed: string[] = [];
          for (let n = 0; n < 4; n += 1) {
            const [country, port] = partners[Math.floor(random() * partners.length)]!;
            const price = String(1_000 + Math.floor(random() * 100_000));
            const body = random() < 0.5 ? exportBody(country, port, price) : importBody(country, port, price);
            filed.push((await fileDeclaration(tx, traderPrincipal, body, { now: new Date(), dbKey: tx })).id);
          }
          return filed;
        });
        await replay(0.5);
        await t.database.db.transaction(async (tx) => {
          for (const id of ids) {
            let declaration = (await findDeclaration(tx, id))!;
            if (declaration.status === 'released') continue;
            const later = new Date(Date.now() + Math.floor(random() * 20) * 3_600_000);
            if (declaration.payment === 'unpaid')
              declaration = await payDeclaration(tx, traderPrincipal, declaration, later);
            if (declaration.status === 'released') continue;
            const action = random() < 0.7 ? 'release' : 'reject';
            await officerDecision(tx, officerPrincipal, declaration, { action }, later);
          }
        });
        await replay(0.6);
        await replay(1);
        expect(await storedFigures()).toEqual(await recomputedFigures());
      }),
      { numRuns: 4, verbose: true },
    );
  }, 120_000);

  it('a redelivered event changes nothing', async () => {
    const [event] = (await cockpitEvents()).filter((e) => e.type === 'trade.declaration_submitted');
    const before = await storedFigures();
    await handleCockpitEvent(t.database.db, event!);
    await handleCockpitEvent(t.database.db, event!);
    expect(await storedFigures()).toEqual(before);
  });

  it('keeps the newest credit grade whatever order grade events arrive in', async () => {
    // An enterprise of its own: the credit module grades the demo enterprises at start-up.
    const enterpriseId = '00000000-0000-4000-8000-0000000000e1';
    const grade = (id: string, value: string, computedAt: string): EventEnvelope => ({
      id,
      type: 'credit.grade_changed',
      module: 'credit',
      enterpriseId,
      occurredAt: computedAt,
      payload: { enterpriseId, score: 80, grade: value, previousGrade: null, computedAt },
    });
    await handleCockpitEvent(t.database.db, grade('00000000-0000-4000-8000-000000000002', 'B', '2026-03-02T00:00:00Z'));
    await handleCockpitEvent(t.database.db, grade('00000000-0000-4000-8000-000000000001', 'C', '2026-03-01T00:00:00Z'));
    await handleCockpitEvent(t.database.db, {
      id: '00000000-0000-4000-8000-000000000003',
      type: 'registry.enterprise_activated',
      module: 'registry',
      enterpriseId,
      occurredAt: '2026-01-15T02:00:00Z',
      payload: { enterpriseId, uscc: 'x', kinds: ['trader'], countryCode: 'CN', activatedAt: '2026-01-15T02:00:00Z' },
    });
    const [row] = await queryRows<{ grade: string; activated_month: string }>(
      t.database.db,
      sql`SELECT grade, activated_month FROM cockpit_enterprises WHERE enterprise_id = ${enterpriseId}`,
    );
    expect(row).toEqual({ grade: 'B', activated_month: '2026-01' });
  });
});

describe('cockpit API', () => {
  it('answers hand-computed figures for a small dataset in one month', async () => {
    // Three exports and one import in a month no other test uses; FOB CNY exports are valued at their price.
    await t.database.db.transaction(async (tx) => {
      const at = new Date('2025-03-10T02:00:00Z');
      for (const [country, port, price] of [
        ['KZ', 'KZALA', '1000.00'],
        ['KZ', 'KZALA', '2500.50'],
        ['UZ', 'UZTAS', '700.00'],
      ] as const) {
        await fileDeclaration(tx, traderPrincipal, exportBody(country, port, price, '2025-03-10'), {
          now: at,
          dbKey: tx,
        });
      }
    });
    await deliverAll();
    const answer = await call(admin, 'GET', '/api/cockpit/indicators?from=2025-03&to=2025-03');
    expect(answer.status).toBe(200);
    const { trade, clearance } = answer.body;
    expect(trade.totalFen).toBe(100_000 + 250_050 + 70_000);
    expect(trade.declarations).toBe(3);
    expect(trade.byCountry).toEqual([
      { country: 'KZ', importFen: 0, exportFen: 350_050, declarations: 2 },
      { country: 'UZ', importFen: 0, exportFen: 70_000, declarations: 1 },
    ]);
    expect(trade.byMonth).toEqual([{ month: '2025-03', importFen: 0, exportFen: 420_050 }]);
    expect(clearance.byChannel.reduce((s: number, c: { declarations: number }) => s + c.declarations, 0)).toBe(3);

    // Drill-down: the two Kazakh declarations behind the KZ figure, and nobody else's.
    const drill = await call(admin, 'GET', '/api/cockpit/drill/declarations?from=2025-03&to=2025-03&country=KZ');
    expect(drill.status).toBe(200);
    expect(drill.body.items.map((d: { customsValueFen: number }) => d.customsValueFen).sort()).toEqual([
      100_000, 250_050,
    ]);
    expect(drill.body.items.every((d: { tradeCountry: string }) => d.tradeCountry === 'KZ')).toBe(true);
    expect(drill.body.items[0].enterpriseNames.en).toBeTruthy();
  });

  it('counts the Chinese side of the demo block trains once, by border corridor and direction', async () => {
    const { trains } = (await call(admin, 'GET', '/api/cockpit/indicators?period=last_12_months')).body;
    expect(trains.length).toBeGreaterThan(0);
    for (const row of trains) {
      expect(['outbound', 'inbound']).toContain(row.direction);
      expect(row.corridor).toMatch(/^[A-Z]{2}[A-Z2-9]{3}$/);
      expect(row.trains).toBeGreaterThan(0);
    }
    // The Jiaozhou – Alashankou path leaves China at Alashankou.
    expect(
      trains.some((r: { corridor: string; direction: string }) => r.corridor === 'CNALK' && r.direction === 'outbound'),
    ).toBe(true);
  });

  it('is for zone admins and customs officers only, and names a bad period', async () => {
    expect((await call(trader, 'GET', '/api/cockpit/indicators')).status).toBe(403);
    expect((await call(officerCookie, 'GET', '/api/cockpit/indicators?period=last_quarter')).status).toBe(200);
    expect(
      (await call(officerCookie, 'PUT', '/api/cockpit/plan/FTA-13', { value: '1', asOf: '2026-01-01', source: 'x' }))
        .status,
    ).toBe(403);
    const reversed = await call(admin, 'GET', '/api/cockpit/indicators?from=2026-05&to=2026-04');
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors[0].field).toBe('querystring.from');
    const badMonth = await call(admin, 'GET', '/api/cockpit/indicators?from=2026-13');
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.errors[0].field).toBe('querystring.from');
  });

  it('keeps the plan table: computed trade total, values by hand only with a source', async () => {
    const plan = await call(admin, 'GET', '/api/cockpit/plan');
    expect(plan.body.items).toHaveLength(20);
    const trade = plan.body.items.find((i: { code: string }) => i.code === 'FTA-13');
    expect(trade.current.computed).toBe(true);
    expect(trade.current.source).toBe('platform');
    expect(trade.baseline2020).toBe('1108');

    const before = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM cockpit_indicator_values`,
    );
    const missing = await call(admin, 'PUT', '/api/cockpit/plan/FTA-10', { value: '150', asOf: '2026-06-30' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'body.source' })]);
    const blank = await call(admin, 'PUT', '/api/cockpit/plan/FTA-10', {
      value: '150',
      asOf: '2026-06-30',
      source: '  ',
    });
    expect(blank.status).toBe(422);
    const after = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM cockpit_indicator_values`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(
      (await call(admin, 'PUT', '/api/cockpit/plan/FTA-99', { value: '1', asOf: '2026-06-30', source: 'x' })).status,
    ).toBe(404);

    const entered = await call(admin, 'PUT', '/api/cockpit/plan/FTA-10', {
      value: '155',
      asOf: '2026-06-30',
      source: 'Qingdao Science and Technology Bureau, H1 2026 list',
    });
    expect(entered.status).toBe(200);
    const row = (await call(admin, 'GET', '/api/cockpit/plan')).body.items.find(
      (i: { code: string }) => i.code === 'FTA-10',
    );
    expect(row.current).toMatchObject({
      value: '155',
      computed: false,
      source: 'Qingdao Science and Technology Bureau, H1 2026 list',
    });
    expect(row.progressPercent).toBe(50); // 110 → 200, now 155
  });

  it('tracks the 21 measures: departments, tasks, evidence and overdue flags', async () => {
    // Measure 20 carries no demo state; the demo's own tracker entries are on 1, 4, 5 and 8.
    const list = await call(admin, 'GET', '/api/cockpit/measures');
    expect(list.body.items).toHaveLength(21);
    const first = list.body.items[0];
    expect(first.lead).toEqual({ code: 'prov-drc', name: 'Provincial Development and Reform Commission' });
    expect(first.coResponsible.map((d: { code: string }) => d.code)).toEqual([
      'prov-transport',
      'cr-jinan',
      'sd-hi-speed',
      'qingdao-gov',
    ]);
    const zh = await t.app.inject({
      method: 'GET',
      url: '/api/cockpit/measures',
      headers: { cookie: admin, 'accept-language': 'zh-CN' },
    });
    expect(zh.json().items[4].title).toBe('打造“新三样”集散中心');

    const unknown = await call(admin, 'POST', '/api/cockpit/measures/20/tasks', {
      title: 'Quota pilot',
      department: 'nasa',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'body.department' });
    const task = await call(admin, 'POST', '/api/cockpit/measures/20/tasks', {
      title: 'Land quota for the multimodal logistics park',
      department: 'prov-natural-resources',
      dueDate: '2020-01-31',
    });
    expect(task.status).toBe(201);
    const done = await call(admin, 'PATCH', '/api/cockpit/measures/20', { status: 'done' });
    expect(done.status).toBe(422);
    expect(done.body.errors[0].field).toBe('body.evidence');
    expect(
      (await call(admin, 'PATCH', '/api/cockpit/measures/20', { status: 'in_progress', dueDate: '2030-12-31' })).status,
    ).toBe(200);

    let measure = (await call(admin, 'GET', '/api/cockpit/measures')).body.items[19];
    expect(measure.status).toBe('in_progress');
    expect(measure.tasks).toHaveLength(1);
    expect(measure.tasks[0].overdue).toBe(true);
    expect(measure.overdue).toBe(true); // a task past its due date makes the measure overdue
    expect(
      (
        await call(admin, 'PATCH', `/api/cockpit/tasks/${task.body.id}`, {
          status: 'done',
          evidence: 'Filed 2020-01-20',
        })
      ).status,
    ).toBe(200);
    measure = (await call(admin, 'GET', '/api/cockpit/measures')).body.items[19];
    expect(measure.overdue).toBe(false);
    expect((await call(trader, 'GET', '/api/cockpit/measures')).status).toBe(403);
  });

  it('exports an XLSX that matches the API, and a PDF', async () => {
    const api = (await call(admin, 'GET', '/api/cockpit/indicators?period=last_12_months')).body;
    const file = await call(admin, 'GET', '/api/cockpit/export.xlsx?period=last_12_months&lang=ru');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Торговля по странам')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Страна');
    const rows: { country: string; importFen: number; exportFen: number; declarations: number }[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      rows.push({
        country: String(row.getCell(1).value),
        importFen: Math.round(Number(row.getCell(2).value) * 100),
        exportFen: Math.round(Number(row.getCell(3).value) * 100),
        declarations: Number(row.getCell(4).value),
      });
    });
    expect(rows).toEqual(api.trade.byCountry);
    expect(rows.some((r) => r.country === 'KZ')).toBe(true);
    const measures = workbook.getWorksheet('Меры')!;
    expect(measures.rowCount).toBe(22);

    // The report is in the caller's language, in an embedded font that has Chinese and Cyrillic.
    const pdfs = [];
    for (const lang of ['zh-CN', 'ru'] as const) {
      const pdf = await call(admin, 'GET', `/api/cockpit/report.pdf?period=last_12_months&lang=${lang}`);
      expect(pdf.status, pdf.raw.toString()).toBe(200);
      expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.raw.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
      pdfs.push(pdf.raw);
    }
    expect(pdfs[0]!.equals(pdfs[1]!)).toBe(false);
  });
});
