import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { book, cheapestRail, inDays, plan } from './shipments.fixtures.js';

let t: TestApp;
let forwarder: string;
let trader: string;
let apiKey: string;
let shipment: {
  id: string;
  blNumber: string;
  legs: {
    from: { locode: string };
    to: { locode: string };
    plannedDeparture: string;
    plannedArrival: string;
    status: string;
  }[];
};
const BOX_A = 'CSQU3054383';
const BOX_B = 'MSKU9070323';

beforeAll(async () => {
  t = await buildTestApp();
  forwarder = await t.login('forwarder@demo');
  trader = await t.login('trader@demo');
  const key = await t.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { cookie: forwarder },
    payload: { name: 'TOS feed' },
  });
  apiKey = key.json().key;
  const search = {
    from: 'CNJZH',
    to: 'RUSLT',
    departAfter: inDays(1),
    cargo: { containers: [{ sizeType: '45G1', count: 2 }] },
  };
  const booked = await book(t, forwarder, search, cheapestRail(await plan(t, forwarder, search)), {
    containers: [
      { number: BOX_A, sizeType: '45G1' },
      { number: BOX_B, sizeType: '45G1' },
    ],
  });
  expect(booked.statusCode, booked.body).toBe(201);
  shipment = booked.json();
});
afterAll(async () => t?.close());

function post(
  path: string,
  payload: Record<string, unknown>,
  headers: Record<string, string> = { authorization: `Bearer ${apiKey}` },
) {
  return t.app.inject({ method: 'POST', url: `/api/logistics/tracking/${path}`, headers, payload });
}

async function outbox(type: string): Promise<Record<string, unknown>[]> {
  const rows = await queryRows<{ payload: Record<string, unknown> }>(
    t.database.db,
    sql`select payload from outbox_events where type = ${type} order by id`,
  );
  return rows.map((r) => r.payload);
}

async function storedEvents(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from logistics_tracking_events`,
  );
  return row!.n;
}

const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

describe('tracking events from carriers and terminals', () => {
  it('rejects an event for an unknown container, naming the field, and stores nothing', async () => {
    const response = await post('events', {
      eventId: 'tos-unknown-1',
      eventType: 'EQUIPMENT',
      eventClassifierCode: 'ACT',
      code: 'GTIN',
      eventDateTime: new Date().toISOString(),
      locode: 'CNJZH',
      equipmentReference: 'TGHU4935581',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'body.equipmentReference', code: 'unknown_container' }),
    ]);
    const bad = await post('events', {
      eventId: 'tos-bad-1',
      eventType: 'EQUIPMENT',
      eventClassifierCode: 'ACT',
      code: 'DEPA',
      eventDateTime: new Date().toISOString(),
      locode: 'XXQQQ',
      equipmentReference: 'CSQU3054384',
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.code', 'body.equipmentReference', 'body.locode']);
    expect(await storedEvents()).toBe(0);
  });

  it('hides another tenant’s boxes: the trader cannot report on them', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/logistics/tracking/events',
      headers: { cookie: trader },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
  });

  it('stores a repeated event once and answers the repeat the same', async () => {
    const event = {
      eventId: 'tos-gtin-a',
      eventType: 'EQUIPMENT',
      eventClassifierCode: 'ACT',
      code: 'GTIN',
      eventDateTime: minutesAfter(new Date().toISOString(), -180),
      locode: shipment.legs[0]!.from.locode,
      equipmentReference: BOX_A,
    };
    const first = await post('events', event);
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json().shipmentIds).toEqual([shipment.id]);
    const again = await post('events', event);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    expect(await storedEvents()).toBe(1);
    const reused = await post('events', { ...event, code: 'LOAD' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().errors[0]).toMatchObject({ field: 'body.eventId', code: 'event_id_reused' });
    expect((await outbox('logistics.shipment_milestone')).filter((p) => p.eventId === 'tos-gtin-a')).toHaveLength(1);
  });

  it('derives the same progress when the arrival is reported before the departure', async () => {
    // Actual events cannot lie in the future, so the train "runs" in the last two hours of the test clock.
    const first = shipment.legs[0]!;
    const now = new Date().toISOString();
    const arrival = {
      eventId: 'rail-arri-1',
      eventType: 'TRANSPORT',
      eventClassifierCode: 'ACT',
      code: 'ARRI',
      eventDateTime: minutesAfter(now, -60),
      locode: first.to.locode,
      blNumber: shipment.blNumber,
    };
    const departure = {
      ...arrival,
      eventId: 'rail-depa-1',
      code: 'DEPA',
      eventDateTime: minutesAfter(now, -120),
      locode: first.from.locode,
    };
    const late = await post('events/batch', { events: [arrival] });
    expect(late.statusCode, late.body).toBe(202);
    const early = await post('events/batch', { events: [departure, arrival] });
    expect(early.statusCode, early.body).toBe(202);
    expect(early.json()).toMatchObject({ received: 2, stored: 1 });
    expect(early.json().events[1]).toEqual(late.json().events[0]);

    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/logistics/shipments/${shipment.id}`,
        headers: { cookie: forwarder },
      })
    ).json();
    expect(view.legs[0].actualDeparture).toBe(departure.eventDateTime);
    expect(view.legs[0].actualArrival).toBe(arrival.eventDateTime);
    expect(view.legs[0].status).toBe('arrived');
    expect(view.status).not.toBe('booked');
    expect(view.position.locode).toBe(first.to.locode);

    const timeline = (
      await t.app.inject({
        method: 'GET',
        url: `/api/logistics/shipments/${shipment.id}/events`,
        headers: { cookie: forwarder },
      })
    ).json().items;
    const ids = timeline.map((e: { eventId: string }) => e.eventId);
    expect(ids.indexOf('rail-depa-1')).toBeLessThan(ids.indexOf('rail-arri-1'));
    expect((await outbox('logistics.shipment_status_changed')).some((p) => p.shipmentId === shipment.id)).toBe(true);
    expect(
      (await outbox('logistics.shipment_milestone')).filter((p) => p.shipmentId === shipment.id).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('rejects a whole batch when one event is bad, naming it by index', async () => {
    const before = await storedEvents();
    const good = {
      eventId: 'batch-good-1',
      eventType: 'EQUIPMENT',
      eventClassifierCode: 'EST',
      code: 'DISC',
      eventDateTime: inDays(20),
      locode: 'RUSLT',
      equipmentReference: BOX_B,
    };
    const response = await post('events/batch', {
      events: [good, { ...good, eventId: 'batch-bad-2', equipmentReference: 'TGHU4935581' }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'body.events.1.equipmentReference', code: 'unknown_container' }),
    ]);
    expect(await storedEvents()).toBe(before);
  });

  it('attaches a train’s departure to every shipment on it by service code', async () => {
    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/logistics/shipments/${shipment.id}`,
        headers: { cookie: forwarder },
      })
    ).json();
    const leg = view.legs.find((l: { service: unknown }) => l.service);
    const response = await post('events', {
      eventId: 'train-est-arri',
      eventType: 'TRANSPORT',
      eventClassifierCode: 'EST',
      code: 'ARRI',
      eventDateTime: minutesAfter(leg.plannedArrival, 240),
      locode: leg.to.locode,
      serviceCode: leg.service.code,
    });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json().shipmentIds).toContain(shipment.id);
  });
});
