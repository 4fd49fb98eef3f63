import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { checkLedger } from './checker.js';

const TRADER_USCC = '91370281MA3DJ7K12H'; // jiaozhou-trading (trader@demo)
const FORWARDER_USCC = '91370281MA3EL2R82Q'; // silkroad-logistics (forwarder@demo)

let t: TestApp;
let trader: string;
let forwarder: string;
let officer: string;
let admin: string;
let zoneBook: string;
let centreBook: string;
let centreBookNumber: string;
let processingBook: string;

// Answers are checked field by field below; JSON.parse gives them their (untyped) shape.
type Json = ReturnType<typeof JSON.parse>;

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, locale = 'en') {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': locale },
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
  return { status: response.statusCode, body: response.body ? (response.json() as Json) : {} };
}

async function openBook(uscc: string, siteCode: string, siteType: string, batchReleaseApproved = false) {
  const response = await call(officer, 'POST', '/api/bonded/books', {
    enterpriseUscc: uscc,
    siteCode,
    siteType,
    batchReleaseApproved,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const item = (itemNo: number, hsCode: string) => ({
  itemNo,
  hsCode,
  name: `item ${itemNo}`,
  unitPrice: '12.50',
  currency: 'USD',
});

async function balances(cookie: string, bookId: string): Promise<Record<number, string>> {
  const response = await call(cookie, 'GET', `/api/bonded/books/${bookId}`);
  expect(response.status).toBe(200);
  return Object.fromEntries(response.body.items.map((i: Json) => [i.itemNo, i.balance]));
}

/** What a declaration needs beyond the book: second legal quantities (kg), and the car's import licence. */
const DECLARED_LINES: Record<number, object> = {
  1: { secondQuantity: '0.5' },
  2: { secondQuantity: '20' },
  3: { secondQuantity: '1800', licences: [{ code: '7', number: 'AIL-2026-000123' }] },
};
const declarationFor = (itemNos: readonly number[]) => ({
  foreignParty: { name: 'Almaty Trade LLP', country: 'KZ' },
  tradeCountry: 'KZ',
  originCountry: 'KZ',
  lines: [...new Set(itemNos)].map((itemNo) => ({ itemNo, ...DECLARED_LINES[itemNo] })),
});

/** A list as an enterprise files it; a direct second-line exit carries its import declaration's header. */
const list = (clientId: string, bookId: string, kind: string, lines: [number, string][]) => ({
  clientId,
  bookId,
  kind,
  lines: lines.map(([itemNo, quantity]) => ({ itemNo, quantity })),
  ...(kind === 'second_line_exit' ? { declaration: declarationFor(lines.map(([itemNo]) => itemNo)) } : {}),
});

beforeAll(async () => {
  t = await buildTestApp();
  const cookies = await Promise.all(
    ['trader@demo', 'forwarder@demo', 'officer@demo', 'admin@demo'].map((email) => t.login(email)),
  );
  [trader, forwarder, officer, admin] = cookies as [string, string, string, string];
  const zone = await openBook(TRADER_USCC, '4227', 'zone', true);
  zoneBook = zone.id;
  const centre = await openBook(FORWARDER_USCC, '4228', 'logistics_centre');
  centreBook = centre.id;
  centreBookNumber = centre.number;
  processingBook = (await openBook(TRADER_USCC, '4229', 'processing')).id;
  for (const [cookie, book] of [
    [trader, zoneBook],
    [forwarder, centreBook],
  ] as const) {
    const added = await call(cookie, 'POST', `/api/bonded/books/${book}/items`, {
      items: [item(1, '8507600090'), item(2, '8541430000'), item(3, '8703800000')],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  const processingItems = await call(trader, 'POST', `/api/bonded/books/${processingBook}/items`, {
    items: [item(1, '7601109000'), item(2, '3901100000'), item(10, '8507600090')],
  });
  expect(processingItems.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('opening books and items', () => {
  it('only customs or the zone opens a book; a trader gets 403', async () => {
    const response = await call(trader, 'POST', '/api/bonded/books', {
      enterpriseUscc: TRADER_USCC,
      siteCode: '9999',
      siteType: 'zone',
    });
    expect(response.status).toBe(403);
  });

  it('refuses an item number already in the book, naming it, and adds nothing', async () => {
    const response = await call(trader, 'POST', `/api/bonded/books/${zoneBook}/items`, {
      items: [item(4, '8507600090'), item(1, '8507600090')],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.field)).toEqual(['body.items.1.itemNo']);
    expect(Object.keys(await balances(trader, zoneBook))).toEqual(['1', '2', '3']);
  });

  it('takes each item\u2019s legal unit from its commodity line, and names a line or unit that does not fit', async () => {
    const response = await call(trader, 'POST', `/api/bonded/books/${zoneBook}/items`, {
      items: [
        { ...item(5, '8507600099'), unit: '个' },
        { ...item(6, '8541430000'), unit: 'kg' },
        { ...item(7, '8541430000'), unit: '017' },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['body.items.0.hsCode', 'unknown_commodity'],
      ['body.items.1.unit', 'unit_not_legal'],
    ]);
    const book = await call(trader, 'GET', `/api/bonded/books/${zoneBook}`);
    expect(book.body.items.map((i: Json) => [i.itemNo, i.unit])).toEqual([
      [1, '个'],
      [2, '块'],
      [3, '辆'],
    ]);
  });

  it('keeps enterprises out of each other\u2019s books', async () => {
    expect((await call(forwarder, 'GET', `/api/bonded/books/${zoneBook}`)).status).toBe(404);
    const books = await call(forwarder, 'GET', '/api/bonded/books');
    const ids = books.body.items.map((b: Json) => b.id);
    expect(ids).toContain(centreBook);
    expect(ids).not.toContain(zoneBook);
    expect(ids).not.toContain(processingBook);
    const officerView = await call(officer, 'GET', '/api/bonded/books');
    expect(officerView.body.items.map((b: Json) => b.id)).toEqual(
      expect.arrayContaining([zoneBook, centreBook, processingBook]),
    );
    const posted = await call(
      forwarder,
      'POST',
      '/api/bonded/lists',
      list('steal-1', zoneBook, 'first_line_exit', [[1, '1']]),
    );
    expect(posted.status).toBe(422);
    expect(posted.body.errors).toEqual([expect.objectContaining({ field: 'body.bookId', code: 'unknown_book' })]);
  });
});

describe('verification lists', () => {
  it('posts a first-line entry and a second-line exit, and emits an event per list', async () => {
    const entry = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('in-1', zoneBook, 'first_line_entry', [
        [1, '1000'],
        [2, '50'],
      ]),
    );
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    expect(entry.body).toMatchObject({
      status: 'posted',
      replayed: false,
      number: expect.stringMatching(/^HZ\d{4}\d{10}$/),
    });
    const exit = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('out-1', zoneBook, 'second_line_exit', [[1, '250.5']]),
    );
    expect(exit.status).toBe(201);
    expect(await balances(trader, zoneBook)).toEqual({ 1: '749.5', 2: '50', 3: '0' });
    const events = await queryRows<{ type: string; payload: Json }>(
      t.database.db,
      sql`SELECT type, payload FROM outbox_events WHERE type = 'bonded.list_posted' AND payload->>'bookId' = ${zoneBook} ORDER BY id`,
    );
    expect(events.map((e) => e.payload.clientId)).toEqual(['in-1', 'out-1']);
    expect(events[1]!.payload.lines).toEqual([{ itemNo: 1, quantityMilli: 250_500 }]);
  });

  it('rejects a list that would take any item below zero, whole, naming each short item', async () => {
    const before = await balances(trader, zoneBook);
    const response = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('out-2', zoneBook, 'first_line_exit', [
        [2, '10'],
        [1, '800'],
        [3, '1'],
      ]),
      'ru',
    );
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('list_rejected');
    expect(response.body.errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['body.lines.1.quantity', 'insufficient_balance'],
      ['body.lines.2.quantity', 'insufficient_balance'],
    ]);
    expect(response.body.errors[0].message).toContain('749.5');
    expect(await balances(trader, zoneBook)).toEqual(before);
    const [stored] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM bonded_lists WHERE client_id = 'out-2'`,
    );
    expect(stored!.n).toBe(0);
  });

  it('answers a repeated client id with the first list and refuses it for other content', async () => {
    const again = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('in-1', zoneBook, 'first_line_entry', [
        [1, '1000'],
        [2, '50'],
      ]),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'posted', replayed: true });
    const other = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('in-1', zoneBook, 'first_line_entry', [[1, '999']]),
    );
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'body.clientId', code: 'client_id_reused' })]);
    expect((await balances(trader, zoneBook))[1]).toBe('749.5');
  });

  it('names bad quantities and unknown items before anything is written', async () => {
    const response = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('bad-1', zoneBook, 'first_line_entry', [
        [1, '0'],
        [2, '1.2345'],
      ]),
    );
    expect(response.status).toBe(400);
    const unknown = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('bad-2', zoneBook, 'first_line_entry', [
        [1, '0'],
        [77, '1'],
      ]),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['body.lines.0.quantity', 'invalid_quantity'],
    ]);
    const missing = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('bad-3', zoneBook, 'first_line_entry', [[77, '1']]),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: Json) => [e.field, e.code])).toEqual([['body.lines.0.itemNo', 'unknown_item']]);
  });

  it('posts a batch list by list, in order, and a resubmitted batch posts nothing twice', async () => {
    const batch = {
      lists: [
        list('b-1', zoneBook, 'first_line_entry', [[3, '5']]),
        list('b-2', zoneBook, 'second_line_exit', [[3, '6']]),
        list('b-3', zoneBook, 'second_line_exit', [[3, '5']]),
        list('b-4', zoneBook, 'destruction', [[77, '1']]),
        list('b-1', zoneBook, 'first_line_entry', [[3, '5']]),
      ],
    };
    const first = await call(trader, 'POST', '/api/bonded/lists/batch', batch);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.results.map((r: Json) => [r.clientId, r.status, r.replayed ?? null])).toEqual([
      ['b-1', 'posted', false],
      ['b-2', 'rejected', null],
      ['b-3', 'posted', false],
      ['b-4', 'rejected', null],
      ['b-1', 'posted', true],
    ]);
    expect(first.body.results[1].errors[0]).toMatchObject({
      field: 'body.lists.1.lines.0.quantity',
      code: 'insufficient_balance',
    });
    expect(first.body.results[3].errors[0]).toMatchObject({
      field: 'body.lists.3.lines.0.itemNo',
      code: 'unknown_item',
    });
    expect(first.body.results[4].listId).toBe(first.body.results[0].listId);
    const again = await call(trader, 'POST', '/api/bonded/lists/batch', batch);
    expect(again.body.results.map((r: Json) => r.replayed ?? r.status)).toEqual([
      true,
      'rejected',
      true,
      'rejected',
      true,
    ]);
    expect((await balances(trader, zoneBook))[3]).toBe('0');
  });
});

describe('transfers, reversals, stocktakes, processing', () => {
  it('sends goods to another enterprise\u2019s book: out at once, in when the receiver accepts them onto its own item', async () => {
    const response = await call(trader, 'POST', '/api/bonded/transfers', {
      clientId: 'tr-1',
      fromBookId: zoneBook,
      toBookNumber: centreBookNumber,
      lines: [{ fromItemNo: 1, quantity: '100' }],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.out).toMatchObject({ status: 'posted', pairListId: response.body.in.listId });
    expect(response.body.in.status).toBe('pending_approval');
    // In transit: gone from the sender's book, not yet in the receiver's.
    expect((await balances(trader, zoneBook))[1]).toBe('649.5');
    expect((await balances(forwarder, centreBook))[1]).toBe('0');

    // Only the receiver sees and decides it; it sees what the goods are, not the sender's book.
    expect((await call(trader, 'GET', '/api/bonded/transfers/incoming')).body.items).toEqual([]);
    const incoming = await call(forwarder, 'GET', '/api/bonded/transfers/incoming');
    const waiting = incoming.body.items.find((l: Json) => l.id === response.body.in.listId);
    expect(waiting.pendingLines).toEqual([{ itemNo: 1, quantity: '100', hsCode: '8507600090', unit: '个' }]);
    expect(
      (await call(trader, 'POST', `/api/bonded/transfers/${waiting.id}/accept`, { lines: [{ toItemNo: 1 }] })).status,
    ).toBe(404);
    expect(
      (await call(officer, 'POST', `/api/bonded/lists/${waiting.id}/decision`, { decision: 'approve' })).status,
    ).toBe(404);

    const wrongItem = await call(forwarder, 'POST', `/api/bonded/transfers/${waiting.id}/accept`, {
      lines: [{ toItemNo: 2 }],
    });
    expect(wrongItem.status).toBe(422);
    expect(wrongItem.body.errors[0]).toMatchObject({ field: 'body.lines.0.toItemNo', code: 'unit_mismatch' });
    const accepted = await call(forwarder, 'POST', `/api/bonded/transfers/${waiting.id}/accept`, {
      lines: [{ toItemNo: 1 }],
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe('posted');
    expect((await balances(forwarder, centreBook))[1]).toBe('100');
    expect(
      (await call(forwarder, 'POST', `/api/bonded/transfers/${waiting.id}/accept`, { lines: [{ toItemNo: 1 }] }))
        .status,
    ).toBe(409);

    const tooMuch = await call(trader, 'POST', '/api/bonded/transfers', {
      clientId: 'tr-2',
      fromBookId: zoneBook,
      toBookNumber: centreBookNumber,
      lines: [{ fromItemNo: 2, quantity: '51' }],
    });
    expect(tooMuch.status).toBe(422);
    const nowhere = await call(trader, 'POST', '/api/bonded/transfers', {
      clientId: 'tr-4',
      fromBookId: zoneBook,
      toBookNumber: 'Z0000000000',
      lines: [{ fromItemNo: 1, quantity: '1' }],
    });
    expect(nowhere.body.errors[0]).toMatchObject({ field: 'body.toBookNumber', code: 'unknown_book' });
  });

  it('returns refused goods to the sender by reversing its transfer-out', async () => {
    const sent = await call(trader, 'POST', '/api/bonded/transfers', {
      clientId: 'tr-5',
      fromBookId: zoneBook,
      toBookNumber: centreBookNumber,
      lines: [{ fromItemNo: 2, quantity: '5' }],
    });
    expect((await balances(trader, zoneBook))[2]).toBe('45');
    const refused = await call(forwarder, 'POST', `/api/bonded/transfers/${sent.body.in.listId}/refuse`, {});
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe('refused');
    expect((await balances(trader, zoneBook))[2]).toBe('50');
    const lists = await call(trader, 'GET', `/api/bonded/books/${zoneBook}/lists`);
    expect(lists.body.items.find((l: Json) => l.id === sent.body.out.listId).reversedByListId).toEqual(
      expect.any(String),
    );
  });

  it('reverses an accepted transfer with its pair, once', async () => {
    const lists = await call(trader, 'GET', `/api/bonded/books/${zoneBook}/lists`);
    const transferOut = lists.body.items.find((l: Json) => l.kind === 'transfer_out' && l.clientId === 'tr-1');
    const reversed = await call(trader, 'POST', `/api/bonded/lists/${transferOut.id}/reverse`, { clientId: 'rev-1' });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    expect(reversed.body.results).toHaveLength(2);
    expect((await balances(trader, zoneBook))[1]).toBe('749.5');
    expect((await balances(forwarder, centreBook))[1]).toBe('0');
    const after = await call(trader, 'GET', `/api/bonded/books/${zoneBook}/lists`);
    const reversal = reversed.body.results.find((r: Json) => r.clientId === 'rev-1');
    expect(after.body.items.find((l: Json) => l.id === transferOut.id).reversedByListId).toBe(reversal.listId);
    const replay = await call(trader, 'POST', `/api/bonded/lists/${transferOut.id}/reverse`, { clientId: 'rev-1' });
    expect(replay.status).toBe(200);
    const twice = await call(trader, 'POST', `/api/bonded/lists/${transferOut.id}/reverse`, { clientId: 'rev-2' });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].code).toBe('already_reversed');
  });

  it('refuses to reverse an entry whose goods have already left', async () => {
    const entry = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('in-9', zoneBook, 'first_line_entry', [[2, '10']]),
    );
    await call(trader, 'POST', '/api/bonded/lists', list('out-9', zoneBook, 'second_line_exit', [[2, '55']]));
    const response = await call(trader, 'POST', `/api/bonded/lists/${entry.body.listId}/reverse`, {
      clientId: 'rev-9',
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].code).toBe('insufficient_balance');
  });

  it('posts a stocktake only when customs approves it', async () => {
    const filed = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('st-1', zoneBook, 'stocktake', [
        [1, '-0.5'],
        [3, '2'],
      ]),
    );
    expect(filed.status).toBe(202);
    expect(filed.body.status).toBe('pending_approval');
    expect(await balances(trader, zoneBook)).toMatchObject({ 1: '749.5', 3: '0' });
    expect(
      (await call(trader, 'POST', `/api/bonded/lists/${filed.body.listId}/decision`, { decision: 'approve' })).status,
    ).toBe(403);
    const pending = await call(officer, 'GET', '/api/bonded/approvals');
    const waiting = pending.body.items.find((l: Json) => l.id === filed.body.listId);
    expect(waiting.pendingLines).toEqual([
      { itemNo: 1, quantity: '-0.5' },
      { itemNo: 3, quantity: '2' },
    ]);
    const approved = await call(officer, 'POST', `/api/bonded/lists/${filed.body.listId}/decision`, {
      decision: 'approve',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await balances(trader, zoneBook)).toMatchObject({ 1: '749', 3: '2' });
    const again = await call(officer, 'POST', `/api/bonded/lists/${filed.body.listId}/decision`, {
      decision: 'approve',
    });
    expect(again.status).toBe(409);
  });

  it('consumes materials by the registered norms when a product is made', async () => {
    const norms = await call(trader, 'PUT', `/api/bonded/books/${processingBook}/items/10/norms`, {
      materials: [
        { materialItemNo: 1, netConsumption: '0.52', lossRate: '0.04' },
        { materialItemNo: 2, netConsumption: '0.1', lossRate: '0' },
      ],
    });
    expect(norms.status, JSON.stringify(norms.body)).toBe(204);
    const badNorm = await call(trader, 'PUT', `/api/bonded/books/${processingBook}/items/10/norms`, {
      materials: [{ materialItemNo: 1, netConsumption: '0.5', lossRate: '1.5' }],
    });
    expect(badNorm.body.errors[0]).toMatchObject({
      field: 'body.materials.0.lossRate',
      code: 'loss_rate_out_of_range',
    });
    // The refused replacement left the registered norms as they were; 单耗 = 0.52 / 0.96 = 0.5416… → 0.542.
    const registered = await call(trader, 'GET', `/api/bonded/books/${processingBook}/norms`);
    expect(registered.body.items).toEqual([
      {
        productItemNo: 10,
        materials: [
          expect.objectContaining({
            materialItemNo: 1,
            netConsumption: '0.52',
            lossRate: '0.04',
            unitConsumption: '0.542',
          }),
          expect.objectContaining({ materialItemNo: 2, netConsumption: '0.1', lossRate: '0', unitConsumption: '0.1' }),
        ],
      },
    ]);
    expect((await call(forwarder, 'GET', `/api/bonded/books/${processingBook}/norms`)).status).toBe(404);
    await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('p-in', processingBook, 'first_line_entry', [
        [1, '600'],
        [2, '100'],
      ]),
    );
    const made = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('p-1', processingBook, 'processing', [[10, '1000']]),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // 1,000 × 0.52 / 0.96 = 541.667 (rounded up); 1,000 × 0.1 = 100
    expect(await balances(trader, processingBook)).toEqual({ 1: '58.333', 2: '0', 10: '1000' });
    const tooMany = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('p-2', processingBook, 'processing', [[10, '1']]),
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0]).toMatchObject({ code: 'insufficient_balance', field: 'body.lines.0.quantity' });
    const notProcessing = await call(
      trader,
      'POST',
      '/api/bonded/lists',
      list('p-3', zoneBook, 'processing', [[1, '1']]),
    );
    expect(notProcessing.body.errors[0]).toMatchObject({ field: 'body.kind', code: 'not_processing_book' });
  });
});

describe('second-line exits to the domestic market are declared in the trade centre', () => {
  const exitOf = (clientId: string, quantity: string) => list(clientId, zoneBook, 'second_line_exit', [[2, quantity]]);
  const declarationCount = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM trade_declarations`))[0]!.n;

  it('files the import declaration with its taxes in the same commit, and a repeat files nothing twice', async () => {
    await call(trader, 'POST', '/api/bonded/lists', list('decl-in', zoneBook, 'first_line_entry', [[2, '40']]));
    const before = await balances(trader, zoneBook);
    const exit = await call(trader, 'POST', '/api/bonded/lists', exitOf('decl-out-1', '12.5'));
    expect(exit.status, JSON.stringify(exit.body)).toBe(201);
    expect(exit.body.declaration).toMatchObject({
      number: expect.stringMatching(/^\d{18}$/),
      status: expect.any(String),
    });
    expect(exit.body.declaration.taxFen).toBeGreaterThan(0);
    expect(Number((await balances(trader, zoneBook))[2])).toBe(Number(before[2]) - 12.5);

    // The declaration is the trader's own import, with the book's commodity line, legal units and price.
    const declaration = await call(trader, 'GET', `/api/trade/declarations/${exit.body.declaration.id}`);
    expect(declaration.status).toBe(200);
    expect(declaration.body).toMatchObject({ direction: 'import', tradeCountry: 'KZ', supervisionMode: '0110' });
    expect(declaration.body.items).toHaveLength(1);
    expect(declaration.body.items[0]).toMatchObject({ code: '8541430000', unit: '017', secondUnit: '035' });
    expect(Number(declaration.body.items[0].quantity)).toBe(12.5);
    expect(Number(declaration.body.items[0].secondQuantity)).toBe(20);
    // 12.5 panels at 12.50 USD each.
    expect(Number(declaration.body.items[0].priceAmount)).toBe(156.25);
    const lists = await call(trader, 'GET', `/api/bonded/books/${zoneBook}/lists`);
    expect(lists.body.items.find((l: Json) => l.clientId === 'decl-out-1').declarationId).toBe(
      exit.body.declaration.id,
    );

    const count = await declarationCount();
    const again = await call(trader, 'POST', '/api/bonded/lists', exitOf('decl-out-1', '12.5'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, declaration: { id: exit.body.declaration.id } });
    expect(await declarationCount()).toBe(count);
  });

  it('refuses an exit without its declaration, or with a bad one, naming the field, and posts and files nothing', async () => {
    const before = await balances(trader, zoneBook);
    const count = await declarationCount();
    const { declaration: _omitted, ...bare } = exitOf('decl-out-2', '1');
    const missing = await call(trader, 'POST', '/api/bonded/lists', bare);
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'body.declaration', code: 'declaration_required' }),
    ]);

    const bad = exitOf('decl-out-3', '1');
    const wrong = await call(trader, 'POST', '/api/bonded/lists', {
      ...bad,
      declaration: { ...bad.declaration, tradeCountry: 'ZZ', lines: [{ itemNo: 2 }] },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['body.declaration.lines.0.secondQuantity', 'second_quantity_required'],
    ]);
    const unknownCountry = await call(trader, 'POST', '/api/bonded/lists', {
      ...bad,
      declaration: { ...bad.declaration, tradeCountry: 'ZZ' },
    });
    expect(unknownCountry.status).toBe(422);
    expect(unknownCountry.body.errors).toEqual([
      expect.objectContaining({ field: 'body.declaration.tradeCountry', code: 'unknown_country' }),
    ]);
    const onEntry = await call(trader, 'POST', '/api/bonded/lists', {
      ...list('decl-in-2', zoneBook, 'first_line_entry', [[2, '1']]),
      declaration: bad.declaration,
    });
    expect(onEntry.body.errors).toEqual([
      expect.objectContaining({ field: 'body.declaration', code: 'declaration_not_allowed' }),
    ]);

    expect(await balances(trader, zoneBook)).toEqual(before);
    expect(await declarationCount()).toBe(count);
  });

  it('refuses, in a batch, only the list whose declaration fails; the others post and declare', async () => {
    const count = await declarationCount();
    const bad = exitOf('decl-b-2', '1');
    const response = await call(trader, 'POST', '/api/bonded/lists/batch', {
      lists: [
        exitOf('decl-b-1', '1'),
        { ...bad, declaration: { ...bad.declaration, originCountry: 'ZZ' } },
        exitOf('decl-b-3', '2'),
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: Json) => r.status)).toEqual(['posted', 'rejected', 'posted']);
    expect(response.body.results[1].errors[0]).toMatchObject({
      field: 'body.lists.1.declaration.items.0.originCountry',
    });
    expect(response.body.results[0].declaration.id).not.toBe(response.body.results[2].declaration.id);
    expect(await declarationCount()).toBe(count + 2);
  });

  it('does not reverse a declared exit: the declaration is amended instead', async () => {
    const [declared] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id::text FROM bonded_lists WHERE client_id = 'decl-out-1'`,
    );
    const response = await call(trader, 'POST', `/api/bonded/lists/${declared!.id}/reverse`, {
      clientId: 'decl-rev-1',
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ field: 'params.id', code: 'list_declared' });
  });

  it('reconciles the domestic counter-account with the declarations, and names each break', async () => {
    const clean = await checkLedger(t.database.db);
    expect(clean.checks.find((c) => c.name === 'declarations')).toMatchObject({ ok: true, count: 0 });
    const [declared] = await queryRows<{ id: string; declaration_id: string }>(
      t.database.db,
      sql`SELECT id::text, declaration_id::text FROM bonded_lists WHERE client_id = 'decl-out-1'`,
    );
    const [other] = await queryRows<{ declaration_id: string }>(
      t.database.db,
      sql`SELECT declaration_id::text FROM bonded_lists WHERE client_id = 'decl-b-3'`,
    );
    // Point two lists at each other's declarations (1 and 2 panels vs 12.5): both quantities differ;
    // then drop one link: an exit that left with no declaration.
    await t.database.db.execute(sql`UPDATE bonded_lists SET declaration_id = NULL WHERE client_id = 'decl-b-3'`);
    await t.database.db.execute(
      sql`UPDATE bonded_lists SET declaration_id = ${other!.declaration_id} WHERE id = ${declared!.id}`,
    );
    const broken = await checkLedger(t.database.db);
    const check = broken.checks.find((c) => c.name === 'declarations')!;
    expect(check.ok).toBe(false);
    expect(check.breaks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ problem: 'undeclared' }),
        expect.objectContaining({
          list_id: declared!.id,
          problem: 'quantity_differs',
          moved: '12.5',
          declared: expect.any(String),
        }),
      ]),
    );
    await t.database.db.execute(
      sql`UPDATE bonded_lists SET declaration_id = ${declared!.declaration_id} WHERE id = ${declared!.id}`,
    );
    await t.database.db.execute(
      sql`UPDATE bonded_lists SET declaration_id = ${other!.declaration_id} WHERE client_id = 'decl-b-3'`,
    );
    expect((await checkLedger(t.database.db)).checks.find((c) => c.name === 'declarations')!.ok).toBe(true);
  });
});

describe('the checker', () => {
  it('passes over everything posted above, for the admin endpoint too', async () => {
    const report = await checkLedger(t.database.db);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.postings).toBeGreaterThan(10);
    const response = await call(admin, 'GET', '/api/bonded/check');
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(true);
    expect((await call(trader, 'GET', '/api/bonded/check')).status).toBe(403);
  });

  it('refuses to edit or delete a posting', async () => {
    await expect(
      t.database.db.execute(sql`UPDATE bonded_postings SET quantity_milli = quantity_milli + 1`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM bonded_postings`)).rejects.toThrow();
  });

  it('names a balance that no longer matches its postings, and a list that lost its pair', async () => {
    const [account] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id::text FROM bonded_accounts WHERE kind = 'item' AND balance_milli > 0 AND book_id = ${zoneBook} ORDER BY id LIMIT 1`,
    );
    await t.database.db.execute(
      sql`UPDATE bonded_accounts SET balance_milli = balance_milli + 7 WHERE id = ${account!.id}`,
    );
    await t.database.db.execute(
      sql`UPDATE bonded_lists SET pair_list_id = NULL WHERE kind = 'transfer_in' AND client_id LIKE '%:tr-1'`,
    );
    const report = await checkLedger(t.database.db);
    expect(report.ok).toBe(false);
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    expect(byName.balances!.breaks).toEqual([expect.objectContaining({ account_id: account!.id })]);
    expect(byName.double_entry!.ok).toBe(false);
    // Both sides of the broken pair are named: the transfer-out whose pair no longer points back, and the orphan.
    expect(byName.pairs!.count).toBe(2);
    expect(byName.lines!.ok).toBe(true);
    await t.database.db.execute(
      sql`UPDATE bonded_accounts SET balance_milli = balance_milli - 7 WHERE id = ${account!.id}`,
    );
  });

  it('names a posting that points at no list or no account (what a stale item directory could write)', async () => {
    const [item] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM bonded_items WHERE book_id = ${zoneBook} LIMIT 1`,
    );
    const [orphan] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO bonded_postings (list_id, line_no, item_id, from_account, to_account, quantity_milli)
          VALUES (gen_random_uuid(), 1, ${item!.id}, 999999001, 999999002, 5) RETURNING id::text`,
    );
    const report = await checkLedger(t.database.db);
    const accounts = report.checks.find((c) => c.name === 'accounts')!;
    expect(accounts.breaks).toEqual(expect.arrayContaining([expect.objectContaining({ posting_id: orphan!.id })]));
  });
});
