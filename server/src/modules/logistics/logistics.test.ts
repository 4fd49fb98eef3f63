import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let forwarder: string;
beforeAll(async () => {
  t = await buildTestApp();
  forwarder = await t.login('forwarder@demo');
});
afterAll(async () => t?.close());

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

async function search(body: Record<string, unknown>, language = 'en') {
  return t.app.inject({
    method: 'POST',
    url: '/api/logistics/routes/search',
    headers: { cookie: forwarder, 'accept-language': language },
    payload: body,
  });
}

interface Leg {
  kind: string;
  mode: string;
  from: string;
  to: string;
  departure: string;
  arrival: string;
  service: { code: string } | null;
}
interface Itinerary {
  legs: Leg[];
  cost: { amount: string; currency: string };
  co2Kg: number;
  arrival: string;
  transfers: number;
}

describe('route search on the demo network', () => {
  it('finds rail options Jiaozhou → Moscow for 2×40′ with a gauge change at the border', async () => {
    // Proves the planner sees the database network: rail legs, a 1435→1520 transshipment, Pareto-sorted results.
    const response = await search({
      from: 'CNJZH',
      to: 'RUSLT',
      departAfter: tomorrow(),
      cargo: { containers: [{ sizeType: '45G1', count: 2 }] },
    });
    expect(response.statusCode).toBe(200);
    const { itineraries, reason } = response.json() as { itineraries: Itinerary[]; reason: unknown };
    expect(reason).toBeNull();
    expect(itineraries.length).toBeGreaterThan(0);
    for (const itinerary of itineraries) {
      expect(itinerary.legs[0]?.from).toBe('CNJZH');
      expect(itinerary.legs.at(-1)?.to).toBe('RUSLT');
      expect(itinerary.cost.amount).toMatch(/^\d+\.\d{2}$/);
      expect(itinerary.cost.currency).toBe('CNY');
      // Legs chain in space and time.
      itinerary.legs.forEach((leg, index) => {
        const next = itinerary.legs[index + 1];
        if (next) {
          expect(next.from).toBe(leg.to);
          expect(Date.parse(next.departure)).toBeGreaterThanOrEqual(Date.parse(leg.arrival));
        }
      });
    }
    const gaugeChange = itineraries
      .flatMap((i) => i.legs)
      .find((l) => l.kind === 'transfer' && ['CNALK', 'CNMLX', 'CNRLC'].includes(l.from));
    expect(gaugeChange).toBeDefined();
    // Pareto: no itinerary is at least as good on arrival, cost and CO2 and better on one.
    const key = (i: Itinerary) => [Date.parse(i.arrival), Number(i.cost.amount), i.co2Kg, i.transfers];
    for (const a of itineraries) {
      for (const b of itineraries) {
        if (a === b) continue;
        const [ka, kb] = [key(a), key(b)];
        const dominates = kb.every((v, i) => v <= (ka[i] as number)) && kb.some((v, i) => v < (ka[i] as number));
        expect(dominates).toBe(false);
      }
    }
  });

  it('refuses lithium batteries where no service takes class 9, with a localised reason', async () => {
    // Proves UN3480 (class 9) is not routed Jiaozhou → Moscow, where every rail service refuses it.
    const response = await search(
      {
        from: 'CNJZH',
        to: 'RUSLT',
        departAfter: tomorrow(),
        cargo: { containers: [{ sizeType: '42G1', count: 1 }], dangerousGoods: { unNumber: '3480', class: '9' } },
      },
      'ru',
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().itineraries).toEqual([]);
    expect(response.json().reason).toEqual({
      code: 'no_service_accepts_dangerous_goods',
      message: 'Ни один рейс на этом направлении не принимает этот класс опасных грузов',
    });
    const viaKhorgos = await search({
      from: 'CNJZH',
      to: 'KGFRU',
      departAfter: tomorrow(),
      cargo: { containers: [{ sizeType: '42G1', count: 1 }], dangerousGoods: { unNumber: '3480', class: '9' } },
    });
    const legs = (viaKhorgos.json().itineraries as Itinerary[]).flatMap((i) => i.legs);
    expect(legs.some((l) => l.service?.code === 'QL-JZ-HGS')).toBe(true);
    expect(legs.some((l) => l.service?.code === 'QL-JZ-ALK')).toBe(false);
  });

  it('plans air cargo by chargeable weight', async () => {
    // Proves a weight query uses the air network (kg) and never rail or sea services.
    const response = await search({
      from: 'CNQJD',
      to: 'KZALA',
      departAfter: tomorrow(),
      cargo: { weightKg: 800, volumeM3: 6 },
    });
    const itineraries = response.json().itineraries as Itinerary[];
    expect(itineraries.length).toBeGreaterThan(0);
    expect(itineraries.flatMap((i) => i.legs).every((l) => l.mode === 'air')).toBe(true);
  });

  it('names every bad field at once and writes nothing', async () => {
    // Proves input validation: unknown LOCODE, same origin and destination, past date, both cargo kinds.
    const response = await search({
      from: 'ZZZZZ',
      to: 'ZZZZZ',
      departAfter: '2020-01-01T00:00:00Z',
      cargo: { containers: [{ sizeType: '45G1', count: 1 }], weightKg: 10 },
    });
    expect(response.statusCode).toBe(422);
    const fields = (response.json().errors as { field: string; code: string }[])
      .map((e) => `${e.field}:${e.code}`)
      .sort();
    expect(fields).toEqual([
      'body.cargo:one_of_containers_or_weight',
      'body.departAfter:in_the_past',
      'body.from:unknown_location',
      'body.to:same_as_origin',
      'body.to:unknown_location',
    ]);
    const badSize = await search({
      from: 'CNJZH',
      to: 'RUSLT',
      departAfter: tomorrow(),
      cargo: { containers: [{ sizeType: '99X9', count: 1 }] },
    });
    expect(badSize.statusCode).toBe(400);
    expect(badSize.json().errors[0].field).toBe('body.cargo.containers.0.sizeType');
  });

  it('lists the published services with their weekly timetables', async () => {
    // Proves services are readable with localised names and calls.
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/logistics/services',
      headers: { cookie: forwarder, 'accept-language': 'zh-CN' },
    });
    const items = list.json().items as { id: string; code: string; name: string; mode: string }[];
    expect(new Set(items.map((s) => s.mode))).toEqual(new Set(['rail', 'sea', 'road', 'air']));
    const qilu = items.find((s) => s.code === 'QL-JZ-ALK');
    expect(qilu?.name).toBe('齐鲁号 胶州—阿拉山口');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/logistics/services/${qilu?.id}`,
      headers: { cookie: forwarder },
    });
    expect(detail.json().calls.map((c: { locode: string }) => c.locode)).toEqual(['CNJZH', 'CNSIA', 'CNURC', 'CNALK']);
    expect(detail.json().calls[0].tariffToNext).toEqual({ amount: '4200.00', currency: 'CNY' });
  });
});
