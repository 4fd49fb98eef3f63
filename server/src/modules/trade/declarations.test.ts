import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { CAR_IMPORT as carImport } from '../../test/fixtures.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { computeTaxBill } from './tax/bill.js';

let t: TestApp;
let trader: string;
let forwarder: string;
let officer: string;
let admin: string;
let bank: string;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await buildTestApp({ demoShipments: true });
  trader = await t.login('trader@demo');
  forwarder = await t.login('forwarder@demo');
  officer = await t.login('officer@demo');
  admin = await t.login('admin@demo');
  bank = await t.login('bank@demo');
  // No random sampling in these tests: channels come from the rules alone, so each case is exact.
  const zero = { advanced_certified: '0', certified: '0', regular: '0', discredited: '0', seriously_discredited: '0' };
  const settings = await call(officer, 'PUT', '/api/trade/risk-settings', {
    policy: { ratesByClass: zero, aeoPartnerRate: '0' },
    seed: 'test-seed-0001',
  });
  expect(settings.statusCode, settings.body).toBe(200);
});
afterAll(async () => t?.close());

function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

async function rowCount(table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return row!.n;
}

async function traderShipmentBl(): Promise<string> {
  const response = await call(trader, 'GET', '/api/logistics/shipments?limit=50');
  const items = response.json().items as { blNumber: string; status: string }[];
  const open = items.find((s) => s.status !== 'cancelled');
  if (!open) throw new Error('the demo trader has no shipment');
  return open.blNumber;
}

const batteryExport = (blNumber: string, documents: { kind: string; reference: string }[]) => ({
  direction: 'export',
  supervisionMode: '0110',
  transportMode: '3',
  termsOfSale: 'FOB',
  loadingPort: 'CNJZH',
  dischargePort: 'RUSLT',
  foreignParty: { name: 'OOO Vostok Trade Import', country: 'RU' },
  tradeCountry: 'RU',
  currency: 'USD',
  blNumber,
  items: [
    {
      code: '8507600090',
      description: 'LiFePO4 battery packs 280 Ah',
      quantities: [
        { amount: '400', unit: '007' },
        { amount: '12000', unit: '035' },
      ],
      priceAmount: '180000',
      originCountry: 'CN',
    },
  ],
  documents,
});

describe('tariff and classification', () => {
  it('serves a line with every rate column and finds it by words in three languages and by code prefix', async () => {
    const line = await call(trader, 'GET', '/api/trade/tariff/8507600030');
    expect(line.statusCode).toBe(200);
    const body = line.json();
    expect(body.rates.mfn[0].rate).toEqual({ kind: 'adValorem', adValorem: '0.10' });
    expect(body.rates.provisional[0].rate).toEqual({ kind: 'adValorem', adValorem: '0.01' });
    expect(body.rates.importVat[0].fraction).toBe('0.13');
    expect(body.firstUnit.code).toBe('007');
    expect((await call(trader, 'GET', '/api/trade/tariff/9999999999')).statusCode).toBe(404);

    for (const q of ['锂离子蓄电池', 'lithium-ion accumulators', 'литий-ионные аккумуляторы']) {
      const hits = (await call(trader, 'GET', `/api/trade/tariff?q=${encodeURIComponent(q)}`)).json().items;
      expect(hits[0].code.startsWith('850760'), q).toBe(true);
      expect(hits[0].matched.length).toBeGreaterThan(0);
    }
    const prefix = (await call(trader, 'GET', '/api/trade/tariff?q=8541')).json().items as { code: string }[];
    expect(prefix.length).toBeGreaterThan(0);
    expect(prefix.every((h) => h.code.startsWith('8541'))).toBe(true);
  });

  it('suggests candidate lines for a description, and an officer grants a binding ruling', async () => {
    const classified = await call(trader, 'POST', '/api/trade/classify', {
      description: '550W monocrystalline solar panels, 144 cells',
    });
    expect(classified.statusCode).toBe(200);
    expect(classified.json().candidates[0].code).toBe('8541430000');

    const asked = await call(trader, 'POST', '/api/trade/rulings', {
      description: 'Monocrystalline PV modules 550 W for utility plants',
      proposedCode: '8541430000',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id;
    expect(
      (await call(trader, 'POST', `/api/trade/rulings/${id}/decision`, { decision: 'refuse', reason: 'x' })).statusCode,
    ).toBe(403);
    const granted = await call(officer, 'POST', `/api/trade/rulings/${id}/decision`, {
      decision: 'grant',
      code: '8541430000',
      reason: 'Cells assembled into panels',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', decidedCode: '8541430000' });
    const again = await call(officer, 'POST', `/api/trade/rulings/${id}/decision`, {
      decision: 'refuse',
      reason: 'late',
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('tax preview', () => {
  it('computes the tax bill of an import without saving anything, as the tax engine does', async () => {
    const before = await rowCount('trade_declarations');
    const response = await call(trader, 'POST', '/api/trade/declarations/tax-preview', carImport);
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    const month = today.slice(0, 7);
    const rate = (await call(trader, 'GET', `/api/trade/exchange-rates?month=${month}`))
      .json()
      .rates.find((r: { currency: string }) => r.currency === 'EUR').cnyPerUnit;
    const expected = computeTaxBill({
      date: today,
      termsOfSale: 'CIF',
      currency: 'EUR',
      exchangeRates: { month, cnyPerUnit: { EUR: rate } },
      items: carImport.items,
    });
    if (!expected.ok) throw new Error('reference bill failed');
    expect(preview.taxCny).toBe(expected.value.totals.taxCny);
    expect(preview.customsValueCny).toBe(expected.value.totals.customsValueCny);
    expect(preview.bill.lines[0].duty.column).toBe('mfn');
    expect(preview.bill.lines[0].consumptionTax.amountCny).toBe(expected.value.lines[0]!.consumptionTax!.amountCny);
    expect(await rowCount('trade_declarations')).toBe(before);
  });

  const bad: [string, (body: typeof carImport) => unknown, string, string][] = [
    [
      'unknown line',
      (b) => ({ ...b, items: [{ ...b.items[0]!, code: '1234567890' }] }),
      'body.items.0.code',
      'unknown_commodity',
    ],
    [
      'unit not legal',
      (b) => ({ ...b, items: [{ ...b.items[0]!, quantities: [{ amount: '2', unit: '007' }] }] }),
      'body.items.0.quantities.0.unit',
      'unit_not_legal',
    ],
    [
      'zero value',
      (b) => ({ ...b, items: [{ ...b.items[0]!, priceAmount: '0' }] }),
      'body.items.0.priceAmount',
      'not_positive',
    ],
    [
      'negative value',
      (b) => ({ ...b, items: [{ ...b.items[0]!, priceAmount: '-5' }] }),
      'body.items.0.priceAmount',
      'invalid_decimal',
    ],
    ['unknown currency', (b) => ({ ...b, currency: 'XQQ' }), 'body.currency', 'unknown_currency'],
    ['unknown country', (b) => ({ ...b, tradeCountry: 'QQ' }), 'body.tradeCountry', 'unknown_country'],
    [
      'unknown origin',
      (b) => ({ ...b, items: [{ ...b.items[0]!, originCountry: 'XX' }] }),
      'body.items.0.originCountry',
      'unknown_country',
    ],
    [
      'import discharged abroad',
      (b) => ({ ...b, dischargePort: 'RUSLT' }),
      'body.dischargePort',
      'direction_mode_mismatch',
    ],
    [
      'bill of lading not ours',
      (b) => ({ ...b, blNumber: 'SCOB2600000001' }),
      'body.blNumber',
      'bill_of_lading_not_found',
    ],
  ];
  it.each(bad)('%s → a problem naming the field, nothing written', async (_name, mutate, field, code) => {
    const before = await rowCount('trade_declarations');
    for (const url of ['/api/trade/declarations/tax-preview', '/api/trade/declarations']) {
      const response = await call(trader, 'POST', url, mutate(carImport));
      expect([400, 422]).toContain(response.statusCode);
      const errors = response.json().errors as { field: string; code: string; message: string }[];
      expect(errors, JSON.stringify(errors)).toContainEqual(expect.objectContaining({ field, code }));
      expect(errors.every((e) => e.message.length > 0)).toBe(true);
    }
    expect(await rowCount('trade_declarations')).toBe(before);
  });

  it("names every problem at once, in the caller's language", async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/trade/declarations/tax-preview',
      headers: { cookie: trader, 'accept-language': 'ru' },
      payload: { ...carImport, currency: 'XQQ', items: [{ ...carImport.items[0]!, code: '1234567890' }] },
    });
    expect(response.statusCode).toBe(422);
    const errors = response.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['body.currency', 'body.items.0.code']);
    expect(errors.find((e) => e.field === 'body.currency')!.message).toBe('неизвестная валюта');
  });

  it('requires the licence of a licensed line, on imports only for import licences', async () => {
    const { licences: _omitted, ...unlicensed } = carImport.items[0]!;
    const response = await call(trader, 'POST', '/api/trade/declarations/tax-preview', {
      ...carImport,
      items: [unlicensed],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      expect.objectContaining({
        field: 'body.items.0.licences',
        code: 'licence_required',
        message: 'this commodity needs licence 7',
      }),
    ]);
    // The automatic import licence (7) is not asked of an export of the same line.
    const exported = await call(trader, 'POST', '/api/trade/declarations/tax-preview', {
      ...carImport,
      direction: 'export',
      loadingPort: 'CNJZH',
      dischargePort: 'RUSLT',
      tradeCountry: 'RU',
      foreignParty: { name: 'OOO Vostok', country: 'RU' },
      termsOfSale: 'FOB',
      items: [{ ...unlicensed, originCountry: 'CN' }],
    });
    expect(exported.statusCode, exported.body).toBe(200);
  });
});

describe('the "new three" fast lane, review and release', () => {
  it('refuses a battery export without its dangerous-goods documents, files it with them, and releases it', async () => {
    const bl = await traderShipmentBl();
    const before = await rowCount('trade_declarations');
    const missing = await call(
      trader,
      'POST',
      '/api/trade/declarations',
      batteryExport(bl, [{ kind: 'invoice', reference: 'INV-1' }]),
    );
    expect(missing.statusCode, missing.body).toBe(422);
    expect(missing.json().code).toBe('dg_documents_missing');
    const named = (missing.json().errors as { message: string }[]).map((e) => e.message).join(' | ');
    expect(named).toContain('UN38.3');
    expect(await rowCount('trade_declarations')).toBe(before);

    const preview = await call(trader, 'POST', '/api/trade/declarations/tax-preview', batteryExport(bl, []));
    const required = preview.json().fastLane.required.map((d: { kind: string }) => d.kind) as string[];
    expect(required).toContain('un38_3_summary');
    const filed = await call(
      trader,
      'POST',
      '/api/trade/declarations',
      batteryExport(
        bl,
        required.map((kind) => ({ kind, reference: `${kind}-001` })),
      ),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const declaration = filed.json();
    expect(declaration.number).toMatch(/^4200\d{4}0\d{9}$/);
    expect(declaration.fastLane).toBe('li_ion_battery');
    // The demo's rule sends lithium-battery exports to document review, with the rule as the reason.
    expect(declaration.channel).toBe('document_review');
    expect(declaration.risk.reasons[0].code).toBe('rule.hs_prefix');
    expect(declaration.status).toBe('submitted');

    const queue = (await call(officer, 'GET', '/api/trade/queue')).json().items as { id: string }[];
    expect(queue[0]!.id).toBe(declaration.id);

    // Neither the trader nor a non-customs authority may decide.
    for (const cookie of [trader, admin, bank, forwarder]) {
      const denied = await call(cookie, 'POST', `/api/trade/declarations/${declaration.id}/decision`, {
        action: 'release',
      });
      expect(denied.statusCode).toBe(403);
    }
    // Another tenant cannot even see it.
    expect((await call(forwarder, 'GET', `/api/trade/declarations/${declaration.id}`)).statusCode).toBe(404);

    const asked = await call(officer, 'POST', `/api/trade/declarations/${declaration.id}/decision`, {
      action: 'request_documents',
      note: 'Packaging certificate validity?',
    });
    expect(asked.json().status).toBe('documents_requested');
    const added = await call(trader, 'POST', `/api/trade/declarations/${declaration.id}/documents`, {
      documents: [{ kind: 'packing_list', reference: 'PL-1' }],
    });
    expect(added.json().status).toBe('submitted');
    const released = await call(officer, 'POST', `/api/trade/declarations/${declaration.id}/decision`, {
      action: 'release',
    });
    expect(released.statusCode, released.body).toBe(200);
    const body = released.json();
    expect(body.status).toBe('released');
    expect(body.timeline.map((s: { step: string }) => s.step)).toEqual([
      'declared',
      'risk_assessed',
      'documents_requested',
      'documents_added',
      'released',
    ]);
    expect(body.releaseNote.number).toBe(`RN${declaration.number}`);
    const twice = await call(officer, 'POST', `/api/trade/declarations/${declaration.id}/decision`, {
      action: 'release',
    });
    expect(twice.statusCode).toBe(409);

    // The release note verifies publicly; the logistics centre shows the milestone once the event is delivered.
    const pdf = await call(trader, 'GET', body.releaseNote.pdfUrl);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const token = body.releaseNote.verifyUrl.split('/').pop();
    const verified = await t.app.inject({ method: 'GET', url: `/api/public/documents/${token}` });
    expect(verified.json()).toMatchObject({
      kind: 'customs_release_note',
      declarationNumber: declaration.number,
      status: 'issued',
    });
    const shipments = (await call(trader, 'GET', '/api/logistics/shipments?limit=50')).json().items as {
      id: string;
      blNumber: string;
    }[];
    const shipment = shipments.find((s) => s.blNumber === bl)!;
    // Delivery is asynchronous (the outbox dispatcher): step it until the milestone is there, at most 20 passes.
    let codes = '';
    for (let pass = 0; pass < 20 && !codes.includes('RELS'); pass += 1) {
      await t.app.dispatcher.runOnce();
      codes = JSON.stringify((await call(trader, 'GET', `/api/logistics/shipments/${shipment.id}/events`)).json());
    }
    expect(codes).toContain('RELS');
  });
});

describe('taxes, guarantees and payment', () => {
  it('auto-releases an import against the guarantee, and payment gives the guarantee back', async () => {
    const guarantees = (await call(trader, 'GET', '/api/trade/guarantees')).json().items as { balanceCny: string }[];
    const balanceBefore = Number(guarantees[0]!.balanceCny);
    const filed = await call(trader, 'POST', '/api/trade/declarations', carImport);
    expect(filed.statusCode, filed.body).toBe(201);
    const d = filed.json();
    expect(d.channel).toBe('auto_release');
    expect(d.status).toBe('released');
    expect(d.payment).toBe('guaranteed');
    const held = Number((await call(trader, 'GET', '/api/trade/guarantees')).json().items[0].balanceCny);
    expect(Math.round((balanceBefore - held) * 100)).toBe(Math.round(Number(d.taxCny) * 100));

    const paid = await call(trader, 'POST', `/api/trade/declarations/${d.id}/payment`, {});
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().payment).toBe('paid');
    const restored = Number((await call(trader, 'GET', '/api/trade/guarantees')).json().items[0].balanceCny);
    expect(restored).toBe(balanceBefore);
    expect((await call(trader, 'POST', `/api/trade/declarations/${d.id}/payment`, {})).statusCode).toBe(409);
  });

  it('waits for payment when no guarantee covers the taxes, and an officer cannot release it unpaid', async () => {
    // An expensive enough import exhausts the CNY 500,000 demo line.
    const big = { ...carImport, items: [{ ...carImport.items[0]!, priceAmount: '900000' }] };
    const filed = await call(trader, 'POST', '/api/trade/declarations', big);
    expect(filed.statusCode, filed.body).toBe(201);
    const d = filed.json();
    expect(d).toMatchObject({ channel: 'auto_release', status: 'submitted', payment: 'unpaid' });
    const denied = await call(officer, 'POST', `/api/trade/declarations/${d.id}/decision`, { action: 'release' });
    expect(denied.statusCode).toBe(409);
    expect(denied.json().code).toBe('payment_required');
    const paid = await call(trader, 'POST', `/api/trade/declarations/${d.id}/payment`, {});
    expect(paid.json()).toMatchObject({ status: 'released', payment: 'paid' });
  });

  it('never lets two releases racing for the last of a guarantee both pass', async () => {
    // The forwarder (also a declarant) gets a line that covers exactly one car import's taxes.
    const tax = (await call(forwarder, 'POST', '/api/trade/declarations/tax-preview', carImport)).json()
      .taxCny as string;
    const uscc = (await call(forwarder, 'GET', '/api/enterprises')).json().items[0].uscc as string;
    const granted = await call(bank, 'POST', '/api/trade/guarantees', {
      enterpriseUscc: uscc,
      amountCny: tax,
      validUntil: '2099-12-31',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const results = await Promise.all([0, 1].map(() => call(forwarder, 'POST', '/api/trade/declarations', carImport)));
    const payments = results.map((r) => r.json().payment as string).sort();
    expect(payments).toEqual(['guaranteed', 'unpaid']);
    const line = (await call(forwarder, 'GET', '/api/trade/guarantees'))
      .json()
      .items.find((g: { id: string }) => g.id === granted.json().id);
    expect(line).toMatchObject({ balanceCny: '0.00', heldCny: tax });
  });

  it('statistics count declarations by channel with the median time to release', async () => {
    const stats = await call(officer, 'GET', '/api/trade/statistics');
    expect(stats.statusCode, stats.body).toBe(200);
    const auto = stats.json().byChannel.find((c: { channel: string }) => c.channel === 'auto_release');
    expect(auto.declarations).toBeGreaterThanOrEqual(2);
    expect(auto.released).toBeGreaterThanOrEqual(2);
    expect((await call(trader, 'GET', '/api/trade/statistics')).statusCode).toBe(403);
  });
});

describe('rules and rates', () => {
  it('an officer adds a rule without code changes and the next declaration follows it', async () => {
    const rule = await call(officer, 'POST', '/api/trade/risk-rules', {
      kind: 'origin',
      name: 'German cars this week',
      direction: 'import',
      channel: 'inspection',
      active: true,
      countries: ['DE'],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const filed = (await call(trader, 'POST', '/api/trade/declarations', carImport)).json();
    expect(filed.channel).toBe('inspection');
    expect(filed.risk.reasons.map((r: { code: string }) => r.code)).toContain('rule.origin');
    const off = await call(officer, 'PUT', `/api/trade/risk-rules/${rule.json().id}?version=1`, {
      kind: 'origin',
      name: 'German cars this week',
      direction: 'import',
      channel: 'inspection',
      active: false,
      countries: ['DE'],
    });
    expect(off.statusCode, off.body).toBe(200);
    const stale = await call(officer, 'PUT', `/api/trade/risk-rules/${rule.json().id}?version=1`, {
      kind: 'origin',
      name: 'x',
      direction: 'import',
      channel: 'inspection',
      active: false,
      countries: ['DE'],
    });
    expect(stale.statusCode).toBe(409);
    expect((await call(trader, 'POST', '/api/trade/risk-rules', rule.json())).statusCode).toBe(403);
  });

  it("a zone admin publishes a month's rates; a month without a rate is named on the currency", async () => {
    const put = await call(admin, 'PUT', '/api/trade/exchange-rates/2031-01', {
      rates: [{ currency: 'USD', cnyPerUnit: '7.0123' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      (
        await call(trader, 'PUT', '/api/trade/exchange-rates/2031-01', {
          rates: [{ currency: 'USD', cnyPerUnit: '7' }],
        })
      ).statusCode,
    ).toBe(403);
    const preview = await call(trader, 'POST', '/api/trade/declarations/tax-preview', {
      ...carImport,
      declarationDate: '2031-02-03',
    });
    expect(preview.json().errors).toContainEqual(
      expect.objectContaining({ field: 'body.currency', code: 'exchange_rate_missing' }),
    );
  });
});
