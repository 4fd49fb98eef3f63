import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { checkLedger } from './checker.js';
import { flagOverdue, periodIssues, zoneDate } from './consolidations.js';
import { type Actor, commitPlans, ItemDirectory, type ListInput, planLists } from './posting.js';

const TRADER_USCC = '91370281MA3DJ7K12H';

let t: TestApp;
let trader: string;
let officer: string;
let actor: Actor;
let book: string;
let unapprovedBook: string;
const directory = new ItemDirectory();

// Answers are checked field by field below; JSON.parse gives them their (untyped) shape.
type Json = ReturnType<typeof JSON.parse>;

async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
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

/** Posts lists as the routes do, at a chosen instant (the consolidation period follows the zone's date). */
async function postAt(now: Date, inputs: ListInput[]) {
  const { plans, rejected } = await planLists(t.database.db, directory, actor, inputs, (i) => `lists.${i}`);
  expect([...rejected.values()]).toEqual([]);
  return t.database.db.transaction(async (tx) => [...(await commitPlans(tx, plans, now)).values()].map((o) => o[0]!));
}

const exit = (clientId: string, quantity: number): ListInput => ({
  clientId,
  bookId: book,
  kind: 'second_line_exit',
  lines: [{ itemNo: 1, quantityMilli: quantity }],
  batchRelease: true,
});

beforeAll(async () => {
  t = await buildTestApp();
  trader = await t.login('trader@demo');
  officer = await t.login('officer@demo');
  const opened = await call(officer, 'POST', '/api/bonded/books', {
    enterpriseUscc: TRADER_USCC,
    siteCode: '4227',
    siteType: 'zone',
    batchReleaseApproved: true,
  });
  book = opened.body.id;
  unapprovedBook = (
    await call(officer, 'POST', '/api/bonded/books', {
      enterpriseUscc: TRADER_USCC,
      siteCode: '4228',
      siteType: 'logistics_centre',
    })
  ).body.id;
  for (const id of [book, unapprovedBook]) {
    const added = await call(trader, 'POST', `/api/bonded/books/${id}/items`, {
      items: [
        { itemNo: 1, hsCode: '8507600090', name: '锂离子电池', unitPrice: '80', currency: 'USD' },
        { itemNo: 2, hsCode: '8541430000', name: 'PV modules', unitPrice: '60', currency: 'USD' },
      ],
    });
    expect(added.status).toBe(201);
  }
  const [user] = await queryRows<{ id: string; enterprise_id: string }>(
    t.database.db,
    sql`SELECT id, enterprise_id FROM users WHERE email = 'trader@demo'`,
  );
  actor = { userId: user!.id, enterpriseId: user!.enterprise_id };
  const entry = await call(trader, 'POST', '/api/bonded/lists', {
    clientId: 'entry-1',
    bookId: book,
    kind: 'first_line_entry',
    lines: [
      { itemNo: 1, quantity: '1000' },
      { itemNo: 2, quantity: '40' },
    ],
  });
  expect(entry.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('consolidation periods', () => {
  it('follows the zone\u2019s calendar (UTC+8) across a month boundary and a year boundary', async () => {
    expect(zoneDate(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(zoneDate(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
    await postAt(new Date('2025-12-31T15:00:00Z'), [exit('dec-31', 1_000)]);
    await postAt(new Date('2025-12-31T16:30:00Z'), [exit('jan-1', 2_000)]);
    await postAt(new Date('2026-01-31T15:30:00Z'), [exit('jan-31', 3_000)]);
    await postAt(new Date('2026-01-31T16:30:00Z'), [exit('feb-1', 4_000), exit('feb-1b', 5_000)]);
    const rows = await queryRows<{ client_id: string; period_from: string; period_to: string; due_on: string }>(
      t.database.db,
      sql`SELECT l.client_id, c.period_from::text, c.period_to::text, c.due_on::text FROM bonded_lists l
          JOIN bonded_consolidations c ON c.id = l.consolidation_id WHERE l.book_id = ${book} ORDER BY l.client_id`,
    );
    expect(rows.map((r) => [r.client_id, r.period_from, r.period_to, r.due_on])).toEqual([
      ['dec-31', '2025-12-01', '2025-12-31', '2026-01-10'],
      ['feb-1', '2026-02-01', '2026-02-28', '2026-03-10'],
      ['feb-1b', '2026-02-01', '2026-02-28', '2026-03-10'],
      ['jan-1', '2026-01-01', '2026-01-31', '2026-02-10'],
      ['jan-31', '2026-01-01', '2026-01-31', '2026-02-10'],
    ]);
  });

  it('refuses periods that cross a year, run longer than a month, or overlap another', async () => {
    expect(periodIssues('2026-12-15', '2027-01-14')).toEqual([{ field: 'body.periodTo', code: 'crosses_year' }]);
    expect(periodIssues('2026-01-15', '2026-02-14')).toEqual([]);
    expect(periodIssues('2026-01-15', '2026-02-15')).toEqual([{ field: 'body.periodTo', code: 'period_too_long' }]);
    const crossing = await call(trader, 'POST', '/api/bonded/consolidations', {
      bookId: book,
      periodFrom: '2026-12-15',
      periodTo: '2027-01-14',
    });
    expect(crossing.status).toBe(422);
    expect(crossing.body.errors[0]).toMatchObject({ field: 'body.periodTo', code: 'crosses_year' });
    const overlapping = await call(trader, 'POST', '/api/bonded/consolidations', {
      bookId: book,
      periodFrom: '2026-02-10',
      periodTo: '2026-03-05',
    });
    expect(overlapping.body.errors[0]).toMatchObject({ field: 'body.periodFrom', code: 'period_overlaps' });
    const unapproved = await call(trader, 'POST', '/api/bonded/consolidations', {
      bookId: unapprovedBook,
      periodFrom: '2026-04-01',
      periodTo: '2026-04-30',
    });
    expect(unapproved.body.errors[0]).toMatchObject({ field: 'body.bookId', code: 'not_approved_for_batch_release' });
    const fine = await call(trader, 'POST', '/api/bonded/consolidations', {
      bookId: book,
      periodFrom: '2026-04-01',
      periodTo: '2026-04-15',
    });
    expect(fine.status).toBe(201);
    expect(fine.body).toMatchObject({ periodTo: '2026-04-15', dueOn: '2026-04-25', status: 'open', batches: 0 });
  });

  it('refuses a batch release from a book not approved for it, naming the field', async () => {
    const response = await call(trader, 'POST', '/api/bonded/lists', {
      clientId: 'batch-x',
      bookId: unapprovedBook,
      kind: 'second_line_exit',
      batchRelease: true,
      lines: [{ itemNo: 1, quantity: '1' }],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({
      field: 'body.batchRelease',
      code: 'not_approved_for_batch_release',
    });
  });

  it('alerts once per overdue period, and files a finished period with the quantities it declares', async () => {
    // 2026-03-01: December and January are past due (10 Jan, 10 Feb); February is not due yet.
    expect(await flagOverdue(t.database.db, new Date('2026-03-01T02:00:00Z'))).toBe(2);
    expect(await flagOverdue(t.database.db, new Date('2026-03-01T03:00:00Z'))).toBe(0);
    const alerts = await queryRows<{ payload: Json }>(
      t.database.db,
      sql`SELECT payload FROM outbox_events WHERE type = 'bonded.consolidation_overdue' AND payload->>'bookId' = ${book} ORDER BY id`,
    );
    expect(alerts.map((a) => a.payload.periodTo)).toEqual(['2025-12-31', '2026-01-31']);
    const overdue = await call(officer, 'GET', '/api/bonded/consolidations?overdue=true');
    // The endpoint judges by today's date, when every period above is long past due.
    expect(overdue.body.items.map((c: Json) => c.periodFrom)).toEqual(
      expect.arrayContaining(['2025-12-01', '2026-01-01']),
    );
    expect(overdue.body.items.every((c: Json) => c.overdue && c.status === 'open')).toBe(true);

    const list = await call(trader, 'GET', '/api/bonded/consolidations');
    const january = list.body.items.find((c: Json) => c.periodFrom === '2026-01-01');
    expect(january.batches).toBe(2);
    // Filing declares the period's batches: the header is needed, and a bad one files nothing.
    const url = `/api/bonded/consolidations/${january.id}/file`;
    const missing = await call(trader, 'POST', url, {});
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({ field: 'body.declaration', code: 'declaration_required' });
    const header = {
      foreignParty: { name: 'Tashkent Battery JV', country: 'UZ' },
      tradeCountry: 'UZ',
      originCountry: 'KR',
      lines: [{ itemNo: 1, secondQuantity: '240' }],
    };
    const noSecond = await call(trader, 'POST', url, { declaration: { ...header, lines: [] } });
    expect(noSecond.body.errors[0]).toMatchObject({
      field: 'body.declaration.lines',
      code: 'second_quantity_required',
    });
    expect((await call(trader, 'GET', `/api/bonded/consolidations/${january.id}`)).body.status).toBe('open');

    const filed = await call(trader, 'POST', url, { declaration: header });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.status).toBe('filed');
    expect(filed.body.declarationId).toBe(filed.body.declaration.id);
    // One import declaration for both batches: 5 cells at 80 USD.
    const declaration = await call(trader, 'GET', `/api/trade/declarations/${filed.body.declaration.id}`);
    expect(declaration.body).toMatchObject({ direction: 'import', tradeCountry: 'UZ' });
    expect(declaration.body.items.map((i: Json) => [i.code, Number(i.quantity), Number(i.priceAmount)])).toEqual([
      ['8507600090', 5, 400],
    ]);
    expect((await call(trader, 'POST', url, { declaration: header })).status).toBe(409);
    const [event] = await queryRows<{ payload: Json }>(
      t.database.db,
      sql`SELECT payload FROM outbox_events WHERE type = 'bonded.consolidation_filed' AND payload->>'bookId' = ${book}`,
    );
    expect(event!.payload.totals).toEqual([{ itemNo: 1, hsCode: '8507600090', unit: '个', quantityMilli: 5_000 }]);
    const detail = await call(trader, 'GET', `/api/bonded/consolidations/${january.id}`);
    expect(detail.body.totals).toEqual([{ itemNo: 1, hsCode: '8507600090', unit: '个', quantity: '5' }]);
    expect(detail.body.lists).toHaveLength(2);
  });
});

describe('gate passes', () => {
  it('carries lists whose goods cross the gate its way, and crosses once', async () => {
    const lists = await call(trader, 'GET', `/api/bonded/books/${book}/lists`);
    const entry = lists.body.items.find((l: Json) => l.clientId === 'entry-1');
    const exits = lists.body.items.filter((l: Json) => l.kind === 'second_line_exit').slice(0, 2);
    const wrongWay = await call(trader, 'POST', '/api/bonded/gate-passes', {
      direction: 'out',
      vehiclePlate: '鲁B12345',
      containers: ['CSQU3054383'],
      listIds: [exits[0].id, entry.id],
    });
    expect(wrongWay.status).toBe(422);
    expect(wrongWay.body.errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['body.listIds.1', 'direction_mismatch'],
    ]);
    const badBox = await call(trader, 'POST', '/api/bonded/gate-passes', {
      direction: 'out',
      vehiclePlate: '鲁B12345',
      containers: ['CSQU3054384'],
      listIds: [exits[0].id],
    });
    expect(badBox.body.errors[0]).toMatchObject({ field: 'body.containers.0', code: 'check_digit' });
    const issued = await call(trader, 'POST', '/api/bonded/gate-passes', {
      direction: 'out',
      vehiclePlate: '鲁B12345',
      containers: ['CSQU3054383'],
      listIds: exits.map((l: Json) => l.id),
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.lists).toHaveLength(2);
    expect((await call(trader, 'POST', `/api/bonded/gate-passes/${issued.body.id}/pass`)).status).toBe(403);
    const passed = await call(officer, 'POST', `/api/bonded/gate-passes/${issued.body.id}/pass`);
    expect(passed.status).toBe(200);
    expect(passed.body.status).toBe('passed');
    expect((await call(officer, 'POST', `/api/bonded/gate-passes/${issued.body.id}/pass`)).status).toBe(409);
  });
});

describe('reconciliation report', () => {
  it('reconciles opening + in − out = closing per item, and the XLSX sums to the same figures', async () => {
    const month = zoneDate(new Date()).slice(0, 7);
    const json = await call(trader, 'GET', `/api/bonded/books/${book}/report?month=${month}`);
    expect(json.status).toBe(200);
    const item1 = json.body.rows.find((r: Json) => r.itemNo === 1);
    // The entry was posted today (1,000 in from abroad); the batches were posted "in the past" by the
    // service but carry the database's posting time, so they fall in this month too: 15 out.
    expect(item1).toMatchObject({ opening: '0', closing: '985' });
    expect(item1.in.abroad).toBe('1000');
    expect(item1.out.domestic).toBe('15');

    const xlsx = await call(trader, 'GET', `/api/bonded/books/${book}/report.xlsx?month=${month}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('Item');
    const closingColumn = header.indexOf('Closing') + 1;
    const body = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 2));
    const closings = body.map((row) => Number(row.getCell(closingColumn).value));
    expect(closings).toEqual(json.body.rows.map((r: Json) => Number(r.closing)));
    const totals = sheet.getRow(sheet.rowCount).getCell(closingColumn).value as { formula: string; result: number };
    expect(totals.formula).toMatch(/^SUM\(/);
    expect(totals.result).toBeCloseTo(
      closings.reduce((a, b) => a + b, 0),
      3,
    );
    const {
      rows: [balance],
    } = {
      rows: await queryRows<{ n: string }>(
        t.database.db,
        sql`SELECT sum(balance_milli)::text AS n FROM bonded_accounts WHERE kind = 'item' AND book_id = ${book}`,
      ),
    };
    expect(Number(balance!.n) / 1000).toBeCloseTo(totals.result, 3);
  });

  it('leaves the ledger consistent', async () => {
    const report = await checkLedger(t.database.db);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
