import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { residentIdCheckChar } from '../../lib/identifiers/index.js';
import { type Db, queryRows, type Tx } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { BATCH_LINES, UploadProcessor } from './bulk.js';
import { runUpload } from './uploads.js';

let t: TestApp;
let trader: string;
let forwarder: string;
let officer: string;

beforeAll(async () => {
  t = await buildTestApp();
  trader = await t.login('trader@demo');
  forwarder = await t.login('forwarder@demo');
  officer = await t.login('officer@demo');
  // No random sampling: every valid order is released, so the counts below are exact.
  const zero = { advanced_certified: '0', certified: '0', regular: '0', discredited: '0', seriously_discredited: '0' };
  await t.app.inject({
    method: 'PUT',
    url: '/api/trade/risk-settings',
    headers: { cookie: officer },
    payload: { policy: { ratesByClass: zero, aeoPartnerRate: '0' }, seed: 'ecommerce-test-seed' },
  });
});
afterAll(async () => t?.close());

/** A valid resident ID number for person n (Jiaozhou region, born 1990). */
function residentId(n: number): string {
  const first17 = `37028119900101${String(n % 1000).padStart(3, '0')}`;
  const varied = `${first17.slice(0, 6)}${1960 + (Math.floor(n / 1000) % 40)}${first17.slice(10)}`;
  return `${varied}${residentIdCheckChar(varied)}`;
}

function upload(cookie: string, kind: string, body: string, format: 'csv' | 'ndjson' = 'csv', id?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/ecommerce/uploads?kind=${kind}${id ? `&id=${id}` : ''}`,
    headers: {
      cookie,
      'accept-language': 'en',
      'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson',
    },
    payload: body,
  });
}

interface Order {
  orderNo: string;
  consumer: string;
  code: string;
  quantity: string;
  unitPriceCny: string;
  freightCny?: string;
}

function ordersCsv(orders: readonly Order[], date = '2026-11-20'): string {
  const header =
    'orderNo,mode,consumerId,orderDate,code,quantity,unit,unitPriceCny,freightCny,insuranceCny,originCountry';
  return [
    header,
    ...orders.map((o) =>
      [
        o.orderNo,
        '9610',
        o.consumer,
        date,
        o.code,
        o.quantity,
        '035',
        o.unitPriceCny,
        o.freightCny ?? '0',
        '0',
        'NZ',
      ].join(','),
    ),
  ].join('\n');
}

function total(o: Order): string {
  const fen =
    Math.round(Number(o.quantity) * Number(o.unitPriceCny) * 100) + Math.round(Number(o.freightCny ?? '0') * 100);
  return (fen / 100).toFixed(2);
}

const paymentsCsv = (orders: readonly Order[], amount = total) =>
  [
    'paymentNo,orderNo,payerId,amountCny',
    ...orders.map((o) => [`P${o.orderNo}`, o.orderNo, o.consumer, amount(o)].join(',')),
  ].join('\n');
const waybillsCsv = (orders: readonly Order[]) =>
  ['waybillNo,orderNo,consigneeId', ...orders.map((o) => [`W${o.orderNo}`, o.orderNo, o.consumer].join(','))].join(
    '\n',
  );

async function count(query: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql.raw(`select (${query}) as n`));
  return Number(row!.n);
}

describe('bulk upload with three-document matching', () => {
  const N = 1_200;
  const orders: Order[] = Array.from({ length: N }, (_, i) => ({
    orderNo: `BULK${String(i).padStart(6, '0')}`,
    consumer: residentId(i + 10_000),
    code: i % 2 === 0 ? '1901101000' : '3304990090',
    quantity: '0.9',
    unitPriceCny: String(200 + (i % 7) * 10),
    freightCny: '12.50',
  }));
  // 1 % bad lines: unknown commodity, a broken ID check digit, a zero price, a line off the positive list.
  const badLines = new Map<number, { field: string; code: string }>();
  for (let i = 7; i < N; i += 100) badLines.set(i, { field: 'code', code: 'unknown_commodity' });
  for (let i = 51; i < N; i += 400) badLines.set(i, { field: 'consumerId', code: 'check_digit' });
  const csvLines = ordersCsv(orders).split('\n');
  for (const [i, problem] of badLines) {
    const cells = csvLines[i + 1]!.split(',');
    if (problem.field === 'code') cells[4] = '9999999999';
    else cells[2] = `${cells[2]!.slice(0, 17)}${cells[2]![17] === '0' ? '1' : '0'}`;
    csvLines[i + 1] = cells.join(',');
  }
  const badOrdersCsv = csvLines.join('\n');

  it('accepts valid lines, reports the invalid ones by line and field, and lists matched orders', async () => {
    const payments = await upload(trader, 'payments', paymentsCsv(orders));
    expect(payments.statusCode, payments.body).toBe(200);
    expect(payments.json()).toMatchObject({ linesAccepted: N, linesRejected: 0, listsReleased: 0 });
    const waybills = await upload(forwarder, 'waybills', waybillsCsv(orders));
    expect(waybills.json()).toMatchObject({ linesAccepted: N, listsReleased: 0 });

    const id = '0b6a4d1c-3c1e-4b7e-9d55-0c3a2f9e1a01';
    const response = await upload(trader, 'orders', badOrdersCsv, 'csv', id);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      id,
      status: 'completed',
      linesRead: N,
      linesAccepted: N - badLines.size,
      linesRejected: badLines.size,
      linesDuplicate: 0,
      listsReleased: N - badLines.size,
      listsRejected: 0,
    });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);

    const report = await t.app.inject({
      method: 'GET',
      url: result.errorReportUrl,
      headers: { cookie: trader, 'accept-language': 'en' },
    });
    const rows = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1);
    expect(rows).toHaveLength(badLines.size);
    for (const [i, problem] of badLines) {
      // File line = data index + 2 (the header is line 1).
      expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^${i + 2},${problem.field},${problem.code},`)));
    }
    // The other tenant cannot read the report; customs can.
    expect(
      (await t.app.inject({ method: 'GET', url: result.errorReportUrl, headers: { cookie: forwarder } })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/ecommerce/uploads/${id}`, headers: { cookie: officer } }))
        .statusCode,
    ).toBe(200);
  });

  it('stores consumers only as keyed hashes and masked numbers', async () => {
    const clear = orders[0]!.consumer;
    const hits = await count(
      `select count(*) from ecommerce_orders o where o.consumer_hash = '${clear}' or o.consumer_masked = '${clear}' or o.items::text like '%${clear}%'`,
    );
    expect(hits).toBe(0);
    const lists = await t.app.inject({
      method: 'GET',
      url: '/api/ecommerce/lists?limit=5',
      headers: { cookie: trader },
    });
    for (const list of lists.json().items as { consumer: string }[])
      expect(list.consumer).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const before = await count('select count(*) from ecommerce_lists');
    const totals = await count('select coalesce(sum(total_fen), 0) from ecommerce_consumer_years');
    const again = await upload(trader, 'orders', badOrdersCsv);
    expect(again.json()).toMatchObject({
      linesAccepted: 0,
      linesDuplicate: N - badLines.size,
      linesRejected: badLines.size,
      listsReleased: 0,
    });
    expect(await count('select count(*) from ecommerce_lists')).toBe(before);
    expect(await count('select coalesce(sum(total_fen), 0) from ecommerce_consumer_years')).toBe(totals);
  });
});

describe('limits and mismatches', () => {
  it('rejects a payment that does not equal the order, naming the payment line', async () => {
    const order: Order = {
      orderNo: 'MISMATCH1',
      consumer: residentId(501),
      code: '0409000000',
      quantity: '1',
      unitPriceCny: '100',
    };
    await upload(trader, 'orders', ordersCsv([order]));
    await upload(trader, 'waybills', waybillsCsv([order]));
    const paid = await upload(
      trader,
      'payments',
      paymentsCsv([order], () => '99.00'),
    );
    expect(paid.json()).toMatchObject({ linesAccepted: 1, listsRejected: 1 });
    const report = await t.app.inject({ method: 'GET', url: paid.json().errorReportUrl, headers: { cookie: trader } });
    expect(report.body).toContain('2,amountCny,amount_mismatch');
  });

  it('applies the CNY 5,000 order limit and the CNY 26,000 annual limit', async () => {
    const consumer = residentId(777);
    const big: Order[] = [
      // Five orders of 4,900: the sixth (and the 5th's 24,500 + 4,900) would pass 26,000.
      ...Array.from({ length: 6 }, (_, i) => ({
        orderNo: `LIMIT${i}`,
        consumer,
        code: '3304990090',
        quantity: '1',
        unitPriceCny: '4900',
      })),
    ];
    const over: Order = {
      orderNo: 'OVER5000',
      consumer: residentId(778),
      code: '3304990090',
      quantity: '2',
      unitPriceCny: '3000',
    };
    const single: Order = {
      orderNo: 'SINGLE6000',
      consumer: residentId(779),
      code: '3303000000',
      quantity: '1',
      unitPriceCny: '6000',
    };
    const all = [...big, over, single];
    await upload(trader, 'payments', paymentsCsv(all));
    await upload(trader, 'waybills', waybillsCsv(all));
    const result = (await upload(trader, 'orders', ordersCsv(all))).json();
    expect(result).toMatchObject({ linesAccepted: 8, listsReleased: 6, listsRejected: 2 });
    const lists = (
      await t.app.inject({ method: 'GET', url: '/api/ecommerce/lists?limit=200', headers: { cookie: trader } })
    ).json().items as { orderNo: string; status: string; reason: string | null; treatment: string | null }[];
    const by = new Map(lists.map((l) => [l.orderNo, l]));
    expect(by.get('LIMIT5')).toMatchObject({ status: 'rejected', reason: 'annual_limit_exceeded' });
    expect(by.get('LIMIT4')).toMatchObject({ status: 'released', treatment: 'preferential' });
    expect(by.get('OVER5000')).toMatchObject({ status: 'rejected', reason: 'order_limit_exceeded' });
    // One indivisible item over CNY 5,000 stays in the CBEC channel but pays full general-trade tax.
    expect(by.get('SINGLE6000')).toMatchObject({ status: 'released', treatment: 'fullTax' });
  });

  it("applies a positive-list line's yearly quantity cap (sugar: 2 kg a person a year)", async () => {
    const consumer = residentId(880);
    const sugar: Order[] = ['1.5', '0.5', '0.2'].map((quantity, i) => ({
      orderNo: `SUGAR${i}`,
      consumer,
      code: '1701991090',
      quantity,
      unitPriceCny: '30',
    }));
    await upload(trader, 'payments', paymentsCsv(sugar));
    await upload(trader, 'waybills', waybillsCsv(sugar));
    const result = (await upload(trader, 'orders', ordersCsv(sugar))).json();
    // 1.5 + 0.5 = 2 kg is within the cap; the third order would make 2.2 kg.
    expect(result).toMatchObject({ listsReleased: 2, listsRejected: 1 });
    const report = await t.app.inject({ method: 'GET', url: result.errorReportUrl, headers: { cookie: trader } });
    expect(report.body).toContain('4,orderNo,quantity_cap_exceeded');
  });

  it('never lets two orders of one consumer racing at the annual limit both pass', async () => {
    for (let round = 0; round < 4; round += 1) {
      const consumer = residentId(900 + round);
      const base: Order[] = Array.from({ length: 5 }, (_, i) => ({
        orderNo: `RACEBASE${round}-${i}`,
        consumer,
        code: '3304990090',
        quantity: '1',
        unitPriceCny: '4400',
      }));
      const racers: Order[] = [0, 1].map((i) => ({
        orderNo: `RACE${round}-${i}`,
        consumer,
        code: '3304990090',
        quantity: '1',
        unitPriceCny: '3000',
      }));
      await upload(trader, 'payments', paymentsCsv([...base, ...racers]));
      await upload(trader, 'waybills', waybillsCsv([...base, ...racers]));
      expect((await upload(trader, 'orders', ordersCsv(base))).json().listsReleased).toBe(5);
      // 22,000 so far: either racer fits (25,000), both do not (28,000).
      const [a, b] = await Promise.all(racers.map((r) => upload(trader, 'orders', ordersCsv([r]))));
      const released = [a!, b!].map((r) => r.json().listsReleased as number);
      expect(released.sort()).toEqual([0, 1]);
      const [row] = await queryRows<{ total_fen: string }>(
        t.database.db,
        sql`select c.total_fen from ecommerce_consumer_years c
            join ecommerce_orders o on o.consumer_hash = c.consumer_hash where o.order_no = ${`RACE${round}-0`}`,
      );
      expect(Number(row!.total_fen)).toBe(2_500_000);
    }
  });
});

describe('formats, export lists and access', () => {
  it('reads JSON Lines, with an unreadable line in the report', async () => {
    const lines = [
      JSON.stringify({ waybillNo: 'WJ1', orderNo: 'JSON1', consigneeId: residentId(42) }),
      '{not json',
      JSON.stringify({ waybillNo: 'WJ2', orderNo: 'JSON2', consigneeId: '123' }),
    ].join('\n');
    const response = await upload(trader, 'waybills', lines, 'ndjson');
    expect(response.json()).toMatchObject({ linesRead: 3, linesAccepted: 1, linesRejected: 2 });
    const report = await t.app.inject({
      method: 'GET',
      url: response.json().errorReportUrl,
      headers: { cookie: trader },
    });
    expect(report.body).toContain('2,,invalid_json');
    expect(report.body).toContain('3,consigneeId,invalid_format');
  });

  it('releases export lists one by one and consolidates them by month', async () => {
    const csv = [
      'listNo,mode,code,quantity,unit,secondQuantity,valueCny,destinationCountry,warehouse,exportDate',
      'EX1,9610,6109100000,10,011,2.5,500.00,KZ,,2026-11-03',
      'EX2,9610,6109100000,5,011,1.2,250.00,KZ,,2026-11-09',
      'EX3,9810,8516500000,2,001,30,1200.00,RU,Moscow-WH-1,2026-11-09',
      'EX4,9810,8516500000,2,001,30,1200.00,RU,,2026-11-09',
    ].join('\n');
    const response = await upload(trader, 'export_lists', csv);
    expect(response.statusCode, response.body).toBe(200);
    // EX4 goes to an overseas warehouse (9810) without naming it.
    const body = response.json();
    expect(body).toMatchObject({ linesAccepted: 3, linesRejected: 1, listsReleased: 3 });
    const report = await t.app.inject({ method: 'GET', url: body.errorReportUrl, headers: { cookie: trader } });
    expect(report.body).toContain('5,warehouse,required');
    const consolidated = await t.app.inject({
      method: 'GET',
      url: '/api/ecommerce/export-consolidation?month=2026-11',
      headers: { cookie: trader },
    });
    expect(consolidated.statusCode).toBe(200);
    expect(consolidated.json().lines).toContainEqual(
      expect.objectContaining({
        mode: '9810',
        code: '8516500000',
        destinationCountry: 'RU',
        lists: 1,
        valueCny: '1200.00',
      }),
    );
    expect(consolidated.json().lines).toContainEqual(
      expect.objectContaining({
        mode: '9610',
        code: '6109100000',
        destinationCountry: 'KZ',
        lists: 2,
        valueCny: '750.00',
      }),
    );
  });

  it('refuses other media types, and uploads from roles without an enterprise', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/ecommerce/uploads?kind=orders',
      headers: { cookie: trader, 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(wrong.statusCode).toBe(415);
    expect((await upload(officer, 'orders', 'orderNo\n')).statusCode).toBe(403);
  });
});

describe('pipelined batches: batch N + 1 is read while batch N is written', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Waits (polling) until `ready` holds, at most `ms`; tells whether it did. */
  async function until(ready: () => boolean, ms = 5_000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!ready()) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return true;
  }

  /**
   * The test database with its transactions numbered and logged (`begin k`, `end k`), `hold` run at the start of
   * each (inside it, before the batch's statements), and the upload row's updates outside them logged too.
   */
  function instrumented(db: Db, hold: (k: number, tx: Tx) => Promise<void>) {
    const events: string[] = [];
    let n = 0;
    const transaction = async (fn: (tx: Tx) => Promise<unknown>) => {
      const k = ++n;
      events.push(`begin ${k}`);
      try {
        return await db.transaction(async (tx) => {
          await hold(k, tx);
          return fn(tx);
        });
      } finally {
        events.push(`end ${k}`);
      }
    };
    const wrapped = new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') return transaction;
        if (prop === 'update') events.push('update');
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { db: wrapped, events };
  }

  /** Counts the lines handed to the processor (its `add` calls) while the real method runs. */
  function countAdds(): { readonly n: number } {
    const counter = { n: 0 };
    const add = UploadProcessor.prototype.add;
    vi.spyOn(UploadProcessor.prototype, 'add').mockImplementation(function (this: UploadProcessor, ...args) {
      counter.n += 1;
      return add.apply(this, args);
    });
    return counter;
  }

  // Waybills: file line = index + 2 (header first); every 1,000th line lacks its consignee ID (rejected).
  const bad = (i: number) => i % 1_000 === 999;
  function* waybillLines(prefix: string, lines: number) {
    yield 'waybillNo,orderNo,consigneeId\n';
    for (let i = 0; i < lines; i += 1) yield `W${prefix}${i},O${prefix}${i},${bad(i) ? '' : residentId(i)}\n`;
  }
  const B = BATCH_LINES;
  const badIn = (from: number, to: number) => Array.from({ length: to - from }, (_, j) => from + j).filter(bad).length;
  const key = randomBytes(32);

  async function uploadRow(id: string) {
    const [row] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select status, failure, lines_read, lines_accepted, lines_duplicate, lines_rejected
          from ecommerce_uploads where id = ${id}`,
    );
    return row;
  }

  it('a CSV stream that breaks, or runs past the size limit, fails the upload instead of hanging', async () => {
    const upload = (id: string, body: Readable, limitBytes: number) =>
      runUpload(t.database.db, key, {
        id,
        enterpriseId: randomUUID(),
        userId: randomUUID(),
        kind: 'waybills',
        format: 'csv',
        body,
        limitBytes,
      });
    const broken = randomUUID();
    const breaking = Readable.from(
      (function* () {
        yield* waybillLines('CSVB-', 100);
        throw new Error('connection reset');
      })(),
    );
    // Without the error reaching the CSV parser, the upload would wait for more input forever.
    await expect(upload(broken, breaking, 100 * 1024 * 1024)).rejects.toThrow(/connection reset/);
    expect(await uploadRow(broken)).toMatchObject({ status: 'failed', failure: 'stream_failed' });
    const large = randomUUID();
    await expect(upload(large, Readable.from(waybillLines('CSVL-', 2_000)), 10_000)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    expect(await uploadRow(large)).toMatchObject({ status: 'failed' });
  }, 20_000);

  it('a batch the database rejects stops the upload: earlier batches committed, nothing later written', async () => {
    const id = randomUUID();
    const prefix = 'PIPE1-';
    const adds = countAdds();
    const overlapped: boolean[] = [];
    let seenByBatch2: Record<string, unknown> | undefined;
    const { db, events } = instrumented(t.database.db, async (k, tx) => {
      // Hold batch k's transaction open until the reader has handed in all of batch k + 1 (it must be free to read
      // on meanwhile), then run the batch: anything of batch k + 1 that leaked into the writer would be written now.
      overlapped[k - 1] = await until(() => adds.n >= (k + 1) * B);
      if (k === 2) {
        [seenByBatch2] = await queryRows<Record<string, unknown>>(
          tx,
          sql`select lines_read, lines_accepted, lines_rejected from ecommerce_uploads where id = ${id}`,
        );
        await tx.execute(sql`select 1 / 0`);
      }
    });
    const enterpriseId = randomUUID();
    await expect(
      runUpload(db, key, {
        id,
        enterpriseId,
        userId: randomUUID(),
        kind: 'waybills',
        format: 'csv',
        body: Readable.from(waybillLines(prefix, 4 * B + 1_000)),
        limitBytes: 100 * 1024 * 1024,
      }),
    ).rejects.toThrow(/select 1 \/ 0/);

    // Reading overlapped writing, one batch ahead and no more: batch 3 was read while batch 2's transaction was
    // open, and the reader stopped there (batch 4 never read) — but batch 3 was never written.
    expect(overlapped).toEqual([true, true]);
    expect(adds.n).toBe(3 * B);
    expect(events).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'update']);
    // Batch 1 committed its own counts, not the reader's (which was at the end of batch 2 by then).
    expect(seenByBatch2).toEqual({ lines_read: B, lines_accepted: B - badIn(0, B), lines_rejected: badIn(0, B) });

    const stored = await queryRows<{ n: number; last: number }>(
      t.database.db,
      sql`select count(*)::int as n, max(line_no)::int as last from ecommerce_waybills where upload_id = ${id}`,
    );
    // The last good line of batch 1 (index B - 2: B - 1 lacks its consignee), file line B.
    expect(stored[0]).toEqual({ n: B - badIn(0, B), last: B });
    const errors = await queryRows<{ line_no: number }>(
      t.database.db,
      sql`select line_no from ecommerce_upload_errors where upload_id = ${id} order by line_no`,
    );
    expect(errors.map((e) => e.line_no)).toEqual(
      Array.from({ length: B }, (_, i) => i)
        .filter(bad)
        .map((i) => i + 2),
    );
    // The counts a serial upload reports when batch 2 fails: read up to batch 2's end, accepted up to batch 1's.
    expect(await uploadRow(id)).toEqual({
      status: 'failed',
      failure: 'stream_failed',
      lines_read: 2 * B,
      lines_accepted: B - badIn(0, B),
      lines_duplicate: 0,
      lines_rejected: badIn(0, 2 * B),
    });
  });

  it('a reader failing while a batch is written lets that batch commit before the upload is marked failed', async () => {
    const id = randomUUID();
    const prefix = 'PIPE2-';
    const adds = countAdds();
    let readerFailed = false;
    const overlapped: boolean[] = [];
    const { db, events } = instrumented(t.database.db, async (k) => {
      // Batch 2 stays open until the reader has failed on its way through batch 3.
      overlapped[k - 1] = await until(() => (k === 2 ? readerFailed : adds.n >= (k + 1) * B));
    });
    function* broken() {
      yield* waybillLines(prefix, 2 * B + 500);
      readerFailed = true;
      throw new Error('connection reset');
    }
    await expect(
      runUpload(db, key, {
        id,
        enterpriseId: randomUUID(),
        userId: randomUUID(),
        kind: 'waybills',
        format: 'ndjson',
        body: Readable.from(
          (function* () {
            // JSON Lines of the same waybills (the CSV header dropped).
            let first = true;
            for (const line of broken()) {
              if (first) {
                first = false;
                continue;
              }
              const [waybillNo, orderNo, consigneeId] = line.trim().split(',');
              yield `${JSON.stringify({ waybillNo, orderNo, consigneeId })}\n`;
            }
          })(),
        ),
        limitBytes: 100 * 1024 * 1024,
      }),
    ).rejects.toThrow(/connection reset/);
    expect(overlapped).toEqual([true, true]);
    // Batch 2 ended (committed) before the upload row was marked failed; batch 3 (500 lines read) never written.
    expect(events).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'update']);
    const [stored] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ecommerce_waybills where upload_id = ${id}`,
    );
    expect(stored!.n).toBe(2 * B - badIn(0, 2 * B));
    expect(await uploadRow(id)).toEqual({
      status: 'failed',
      failure: 'stream_failed',
      lines_read: 2 * B,
      lines_accepted: 2 * B - badIn(0, 2 * B),
      lines_duplicate: 0,
      lines_rejected: badIn(0, 2 * B),
    });
  });
});
