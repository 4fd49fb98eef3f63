import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBlNumber } from '../../lib/identifiers/index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { book, cheapestRail, count, inDays, PARTIES, plan, remaining } from './shipments.fixtures.js';
import { reconcileCapacity } from './shipments.js';

let t: TestApp;
let forwarder: string;
let trader: string;
beforeAll(async () => {
  t = await buildTestApp();
  forwarder = await t.login('forwarder@demo');
  trader = await t.login('trader@demo');
});
afterAll(async () => t?.close());

describe('booking under one through bill of lading', () => {
  const search = {
    from: 'CNJZH',
    to: 'RUSLT',
    departAfter: inDays(1),
    cargo: { containers: [{ sizeType: '45G1', count: 2 }] },
  };

  it('books the cheapest rail option, reserves 4 TEU on every leg and issues a bill with a valid number', async () => {
    const chosen = cheapestRail(await plan(t, forwarder, search));
    const trip = chosen.legs.find((l) => l.departureId)!;
    const before = await remaining(t, trip.departureId!);
    const response = await book(t, forwarder, search, chosen, {
      containers: [
        { number: 'CSQU3054383', sizeType: '45G1' },
        { number: 'MSKU9070323', sizeType: '45G1' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const shipment = response.json();
    expect(validateBlNumber(shipment.blNumber)).toEqual({ ok: true });
    expect(shipment.status).toBe('booked');
    expect(shipment.units).toBe(4);
    expect(shipment.cost.amount).toBe(chosen.cost.amount);
    expect(shipment.legs.map((l: { from: { locode: string } }) => l.from.locode)).toEqual(
      chosen.legs.map((l) => l.from),
    );
    expect(shipment.documents).toHaveLength(1);
    expect(shipment.documents[0].status).toBe('issued');
    const after = await remaining(t, trip.departureId!);
    expect(after.reduce((a, b) => a + b, 0)).toBeLessThan(before.reduce((a, b) => a + b, 0));
    expect(Math.min(...before) - Math.min(...after)).toBe(4);

    // The same box cannot go on a second open shipment.
    const again = await book(t, forwarder, search, chosen, {
      containers: [
        { number: 'CSQU3054383', sizeType: '45G1' },
        { number: 'TGHU4935581', sizeType: '45G1' },
      ],
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors.map((e: { field: string }) => e.field)).toContain('body.containers.0.number');
  });

  it('rejects bad input naming every field, and writes nothing', async () => {
    const chosen = cheapestRail(await plan(t, forwarder, search));
    const shipmentsBefore = await count(t, 'logistics_shipments');
    const response = await book(t, forwarder, search, chosen, {
      containers: [
        { number: 'CSQU3054384', sizeType: '45G1' },
        { number: 'MSKU9070323', sizeType: '22G1' },
      ],
      cargoLines: [{ hsCode: '12345', description: 'x', packages: 1, grossWeightKg: 1 }],
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('body.cargoLines.0.hsCode');

    const cyrillic = await book(t, forwarder, search, chosen, {
      parties: { ...PARTIES, consignee: { ...PARTIES.consignee, name: 'ООО Восток' } },
    });
    expect(cyrillic.statusCode).toBe(400);
    expect(cyrillic.json().errors).toEqual([
      expect.objectContaining({ field: 'body.parties.consignee.name', code: 'latin_script_required' }),
    ]);

    const second = await book(t, forwarder, search, chosen, {
      containers: [
        { number: 'CSQU3054384', sizeType: '45G1' },
        { number: 'MSKU9070323', sizeType: '22G1' },
      ],
    });
    expect(second.statusCode).toBe(422);
    const problems = second.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(problems).toContain('body.containers.0.number:check_digit');
    expect(problems).toContain('body.containers:containers_do_not_match_cargo');
    expect(await count(t, 'logistics_shipments')).toBe(shipmentsBefore);
  });

  it('lets exactly as many bookings win as there are slots when 100 race for 10', async () => {
    // One 20' box each (1 TEU); the first rail leg's departure is cut down to 10 TEU on every segment.
    const raceSearch = { ...search, departAfter: inDays(20), cargo: { containers: [{ sizeType: '22G1', count: 1 }] } };
    const chosen = cheapestRail(await plan(t, forwarder, raceSearch));
    const trip = chosen.legs.find((l) => l.departureId)!;
    await t.database.db.execute(
      sql`update logistics_departures set capacity_remaining = array_fill(10, array[array_length(capacity_remaining, 1)]) where id = ${trip.departureId}`,
    );
    const before = await count(t, 'logistics_shipments');
    const results = await Promise.all(Array.from({ length: 100 }, () => book(t, forwarder, raceSearch, chosen)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(90);
    const lost = results.find((r) => r.statusCode === 409)!.json();
    expect(lost.code).toBe('capacity_exhausted');
    expect(lost.errors[0].code).toBe('leg_full');
    expect(await count(t, 'logistics_shipments')).toBe(before + 10);
    const left = await remaining(t, trip.departureId!);
    expect(Math.min(...left)).toBe(0);
    expect(left.every((units) => units >= 0)).toBe(true);
  });

  it('gives capacity back on cancel and voids the bill', async () => {
    const chosen = cheapestRail(await plan(t, forwarder, { ...search, departAfter: inDays(30) }));
    const trip = chosen.legs.find((l) => l.departureId)!;
    const before = await remaining(t, trip.departureId!);
    const booked = await book(t, forwarder, { ...search, departAfter: inDays(30) }, chosen);
    expect(booked.statusCode).toBe(201);
    const id = booked.json().id;
    expect(await remaining(t, trip.departureId!)).not.toEqual(before);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/logistics/shipments/${id}/cancel`,
      headers: { cookie: forwarder },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(cancelled.json().documents[0].status).toBe('cancelled');
    expect(await remaining(t, trip.departureId!)).toEqual(before);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/logistics/shipments/${id}/cancel`,
      headers: { cookie: forwarder },
    });
    expect(twice.statusCode).toBe(409);
    expect(await remaining(t, trip.departureId!)).toEqual(before);
    expect(await reconcileCapacity(t.database.db, [trip.departureId!])).toEqual([]);
  });

  it('hides one tenant’s shipments from another', async () => {
    const [mine] = (
      await t.app.inject({ method: 'GET', url: '/api/logistics/shipments', headers: { cookie: forwarder } })
    ).json().items;
    expect(mine).toBeTruthy();
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/logistics/shipments/${mine.id}`,
      headers: { cookie: trader },
    });
    expect(other.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/logistics/shipments', headers: { cookie: trader } });
    expect(list.json().items.map((s: { id: string }) => s.id)).not.toContain(mine.id);
  });
});

describe('bill of lading PDF and public verification', () => {
  it('verifies the downloaded PDF byte for byte and rejects an altered copy', async () => {
    const search = {
      from: 'CNJZH',
      to: 'RUSLT',
      departAfter: inDays(40),
      cargo: { containers: [{ sizeType: '45G1', count: 1 }] },
    };
    const booked = await book(t, forwarder, search, cheapestRail(await plan(t, forwarder, search)));
    expect(booked.statusCode).toBe(201);
    const shipment = booked.json();
    const pdf = await t.app.inject({
      method: 'GET',
      url: shipment.documents[0].pdfUrl,
      headers: { cookie: forwarder },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const token = shipment.documents[0].verifyUrl.split('/').pop();
    const page = await t.app.inject({ method: 'GET', url: `/api/public/documents/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      number: shipment.blNumber,
      status: 'issued',
      sha256: pdf.headers['x-content-sha256'],
    });

    const verify = (body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/documents/verify',
        headers: { 'content-type': 'application/pdf' },
        payload: body,
      });
    const genuine = await verify(bytes);
    expect(genuine.json()).toMatchObject({ match: true, document: { number: shipment.blNumber, version: 1 } });

    const altered = Buffer.from(bytes);
    const at = altered.indexOf('Household');
    altered[at >= 0 ? at : 200] = 'h'.charCodeAt(0);
    const forged = await verify(altered);
    expect(forged.json()).toMatchObject({ match: false, document: null });

    // Amending the parties reissues the bill as version 2; version 1 is then reported as superseded.
    const amended = await t.app.inject({
      method: 'PATCH',
      url: `/api/logistics/shipments/${shipment.id}`,
      headers: { cookie: forwarder },
      payload: {
        version: shipment.version,
        parties: { ...PARTIES, notify: { name: 'Bank of Qingdao', address: 'Qingdao', country: 'CN' } },
      },
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(
      amended.json().documents.map((d: { version: number; status: string }) => `${d.version}:${d.status}`),
    ).toEqual(['2:issued', '1:superseded']);
    expect((await verify(bytes)).json()).toMatchObject({ match: true, document: { version: 1, status: 'superseded' } });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/logistics/shipments/${shipment.id}`,
      headers: { cookie: forwarder },
      payload: { version: shipment.version, reference: 'PO-1' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
  });
});
