import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { seedReferenceData } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ demo: false });
});
afterAll(async () => t?.close());

describe('reference world API', () => {
  it('lists the SCO members with names in the caller’s language', async () => {
    // Proves country names follow Accept-Language and SCO membership is flagged.
    const ru = await t.app.inject({
      method: 'GET',
      url: '/api/reference/countries?sco=member',
      headers: { 'accept-language': 'ru' },
    });
    const members = ru.json().items as { alpha2: string; name: string; scoStatus: string }[];
    expect(members.map((c) => c.alpha2).sort()).toEqual(['BY', 'CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ']);
    expect(members.find((c) => c.alpha2 === 'KZ')?.name).toBe('Казахстан');
    const zh = await t.app.inject({ method: 'GET', url: '/api/reference/countries/KZ' });
    expect(zh.json()).toMatchObject({ alpha3: 'KAZ', numeric: '398', name: '哈萨克斯坦', scoStatus: 'member' });
    const all = await t.app.inject({ method: 'GET', url: '/api/reference/countries' });
    expect(all.json().items.length).toBeGreaterThan(240);
  });

  it('finds locations by kind, country and name in any language', async () => {
    // Proves the location filters, including a Chinese-name search and border-crossing gauges.
    const borders = await t.app.inject({
      method: 'GET',
      url: '/api/reference/locations?kind=border_crossing&country=CN',
    });
    const items = borders.json().items as { locode: string; gaugeMm: number | null; gaugeFarSideMm: number | null }[];
    expect(items.length).toBeGreaterThanOrEqual(4);
    const rail = items.filter((l) => l.gaugeMm !== null);
    expect(rail.length).toBeGreaterThanOrEqual(4);
    expect(rail.every((l) => l.gaugeMm === 1435)).toBe(true);
    expect(rail.some((l) => l.gaugeFarSideMm === 1520)).toBe(true);
    const byChinese = await t.app.inject({
      method: 'GET',
      url: `/api/reference/locations?q=${encodeURIComponent('青岛')}`,
    });
    expect(byChinese.json().items.map((l: { locode: string }) => l.locode)).toContain('CNTAO');
    const all = await t.app.inject({ method: 'GET', url: '/api/reference/locations?limit=1000' });
    expect(all.json().items.length).toBeGreaterThanOrEqual(80);
  });

  it('answers unknown and malformed codes with a problem naming the field', async () => {
    // Proves 404 for a well-formed unknown code and 400 for a malformed one, both naming the parameter.
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/reference/locations/ZZZZZ',
      headers: { 'accept-language': 'en' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors).toEqual([
      { field: 'params.locode', code: 'unknown_reference', message: expect.any(String) },
    ]);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/reference/locations/cn-tao' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('params.locode');
    const currency = await t.app.inject({ method: 'GET', url: '/api/reference/exchange-rates?currency=QQQ' });
    expect(currency.statusCode).toBe(404);
    expect(currency.json().errors[0].field).toBe('querystring.currency');
  });

  it('returns exact decimal reference rates, latest on or before a date', async () => {
    // Proves rates are decimal strings (never floats) and the "as of" date selects the rate.
    const rates = await t.app.inject({
      method: 'GET',
      url: '/api/reference/exchange-rates?currency=USD&on=2026-12-31',
    });
    const [usd] = rates.json().items;
    expect(usd.currency).toBe('USD');
    expect(typeof usd.cnyPerUnit).toBe('string');
    expect(usd.cnyPerUnit).toMatch(/^\d+\.\d+$/);
    const before = await t.app.inject({ method: 'GET', url: '/api/reference/exchange-rates?on=1999-01-01' });
    expect(before.json().items).toEqual([]);
    const currencies = await t.app.inject({ method: 'GET', url: '/api/reference/currencies' });
    const rub = currencies.json().items.find((c: { code: string }) => c.code === 'RUB');
    expect(rub).toMatchObject({ numeric: '643', minorUnits: 2 });
  });

  it('writes nothing when the shipped data has not changed', async () => {
    // Proves a restart with the same data version is a no-op (second start applies nothing).
    expect(await seedReferenceData(t.database.db)).toBe(false);
    expect(await t.database.migrate()).toBe(0);
  });
});
