import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { book, cheapestRail, type ItineraryView, inDays, plan } from './shipments.fixtures.js';

let t: TestApp;
let forwarder: string;
let trader: string;
let officer: string;
beforeAll(async () => {
  t = await buildTestApp();
  forwarder = await t.login('forwarder@demo');
  trader = await t.login('trader@demo');
  officer = await t.login('officer@demo');
});
afterAll(async () => t?.close());

const DAY = 24 * 60;
const SERVICE = {
  code: 'TEST-JZ-ALA-EXPRESS',
  mode: 'road',
  emissionClass: 'road',
  names: { zh: '测试快线 胶州—阿拉木图', en: 'Test Express Jiaozhou – Almaty', ru: 'Тест-экспресс Цзяочжоу – Алматы' },
  timezone: 'Asia/Shanghai',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  departureLocalTime: '08:00',
  capacityUnits: 40,
  capacityUnit: 'TEU',
  reefer: false,
  dangerousGoodsClasses: [],
  calls: [
    {
      locode: 'CNJZH',
      arrivalOffsetMinutes: null,
      departureOffsetMinutes: 0,
      tariffToNext: '100.00',
      distanceKmToNext: 4300,
    },
    {
      locode: 'KZALA',
      arrivalOffsetMinutes: 2 * DAY,
      departureOffsetMinutes: null,
      tariffToNext: '0',
      distanceKmToNext: 0,
    },
  ],
};

const search = {
  from: 'CNJZH',
  to: 'KZALA',
  departAfter: inDays(2),
  cargo: { containers: [{ sizeType: '22G1', count: 1 }] },
};
const usesTestService = (i: ItineraryView) =>
  i.legs.some((l) => (l as unknown as { service: { code: string } | null }).service?.code === SERVICE.code);

describe('operators publish and amend services', () => {
  it('refuses a malformed service naming each field, and only operators may publish', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/logistics/services',
      headers: { cookie: forwarder },
      payload: {
        ...SERVICE,
        timezone: 'Mars/Olympus',
        calls: [SERVICE.calls[0], { ...SERVICE.calls[1], locode: 'ZZZZZ' }],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.calls.1.locode', 'body.timezone']);
    const byTrader = await t.app.inject({
      method: 'POST',
      url: '/api/logistics/services',
      headers: { cookie: trader },
      payload: SERVICE,
    });
    expect(byTrader.statusCode).toBe(403);
  });

  it('publishes a service the planner offers at once, and stops offering it when suspended', async () => {
    expect((await plan(t, forwarder, search)).some(usesTestService)).toBe(false);
    const published = await t.app.inject({
      method: 'POST',
      url: '/api/logistics/services',
      headers: { cookie: forwarder },
      payload: SERVICE,
    });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().departures).toBeGreaterThanOrEqual(110);
    const offered = await plan(t, forwarder, search);
    expect(offered.some(usesTestService)).toBe(true);

    // Utilisation: a booking on the new service shows as sold on its departure.
    const chosen = offered.find(usesTestService)!;
    expect((await book(t, forwarder, search, chosen)).statusCode).toBe(201);
    const departures = await t.app.inject({
      method: 'GET',
      url: `/api/logistics/departures?serviceId=${published.json().id}&limit=10`,
      headers: { cookie: forwarder },
    });
    const sold = departures.json().items.find((d: { id: string }) => d.id === chosen.legs[0]!.departureId);
    expect(sold).toMatchObject({ soldMaxUnits: 1, shipments: 1, capacityUnits: 40 });
    expect(sold.utilisation).toBeCloseTo(1 / 40, 3);

    // Cutting capacity below what is sold is refused; suspending withdraws the service from the planner.
    const tooSmall = await t.app.inject({
      method: 'PATCH',
      url: `/api/logistics/services/${published.json().id}`,
      headers: { cookie: forwarder },
      payload: { capacityUnits: 0 },
    });
    expect(tooSmall.statusCode).toBe(400);
    const suspended = await t.app.inject({
      method: 'PATCH',
      url: `/api/logistics/services/${published.json().id}`,
      headers: { cookie: forwarder },
      payload: { active: false },
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect((await plan(t, forwarder, search)).some(usesTestService)).toBe(false);
    // The officer sees every operator's departures; the trader none.
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/logistics/departures?limit=5',
      headers: { cookie: officer },
    });
    expect(all.json().items.length).toBe(5);
    const none = await t.app.inject({ method: 'GET', url: '/api/logistics/departures', headers: { cookie: trader } });
    expect(none.statusCode).toBe(403);
  });

  it('refuses to shrink a service below what a departure has sold', async () => {
    const twoTeu = { ...search, to: 'RUSLT', cargo: { containers: [{ sizeType: '45G1', count: 1 }] } };
    const chosen = cheapestRail(await plan(t, forwarder, twoTeu));
    expect((await book(t, forwarder, twoTeu, chosen)).statusCode).toBe(201);
    const services = (
      await t.app.inject({ method: 'GET', url: '/api/logistics/services', headers: { cookie: forwarder } })
    ).json().items;
    const firstLeg = chosen.legs.find((l) => l.departureId)!;
    const departure = (
      await t.app.inject({ method: 'GET', url: '/api/logistics/departures?limit=500', headers: { cookie: forwarder } })
    )
      .json()
      .items.find((d: { id: string }) => d.id === firstLeg.departureId);
    const service = services.find((s: { id: string }) => s.id === departure.serviceId);
    const shrink = await t.app.inject({
      method: 'PATCH',
      url: `/api/logistics/services/${service.id}`,
      headers: { cookie: forwarder },
      payload: { capacityUnits: 1 },
    });
    expect(shrink.statusCode).toBe(409);
    expect(shrink.json().code).toBe('capacity_below_sold');
  });
});
