import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISES } from '../../demo/enterprises.js';
import { makeUscc, USCC_CHARSET } from '../../lib/identifiers/index.js';
import { queryRows } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { countEnterprisesByStatus, listEnterpriseSummaries } from './index.js';

let t: TestApp;
let admin: string;
let officer: string;
let trader: string;
let forwarder: string;

beforeAll(async () => {
  t = await buildTestApp();
  [admin, officer, trader, forwarder] = await Promise.all([
    t.login('admin@demo'),
    t.login('officer@demo'),
    t.login('trader@demo'),
    t.login('forwarder@demo'),
  ]);
});
afterAll(async () => t?.close());

function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, language = 'en') {
  return t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': language },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, query);
  return row!.n;
}

let serial = 0;
/** A fresh valid USCC per call (Jiaozhou enterprise, made-up subject identifier). */
function freshUscc(): string {
  serial += 1;
  const body = `91370281MA${String(serial).padStart(4, '0')}TXT`.slice(0, 17);
  return makeUscc(body);
}

/** The same code with a wrong check character. */
function badCheck(uscc: string): string {
  const last = uscc.charAt(17);
  const other = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(last) + 1) % USCC_CHARSET.length);
  return uscc.slice(0, 17) + other;
}

function application(uscc: string, overrides: Record<string, unknown> = {}) {
  return {
    uscc,
    customsCode: '3702960Z99',
    names: { 'zh-CN': '胶州测试贸易有限公司', en: 'Jiaozhou Test Trading Co.', ru: 'ООО «Цзяочжоу тест»' },
    countryCode: 'CN',
    city: 'Jiaozhou',
    kinds: ['trader', 'warehouse'],
    bondedSites: ['QD-JZ-BLC'],
    profile: {
      products: ['8507600030', '8541430000'],
      markets: ['KZ', 'RU'],
      certifications: [{ kind: 'ISO 9001', number: 'CN-9001-1', validUntil: '2028-12-31' }],
    },
    customsCreditTier: 'certified',
    aeoMraCountries: ['KZ'],
    ...overrides,
  };
}

describe('registry onboarding', () => {
  // The happy path: an application is filed, the zone admin approves it, the enterprise is active and announced.
  it('approves an application into an active enterprise and emits registry.enterprise_activated', async () => {
    const uscc = freshUscc();
    const filed = await call(admin, 'POST', '/api/registry/applications', application(uscc));
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ uscc, status: 'pending', warnings: [], usccCheckOk: true });

    const decided = await call(admin, 'POST', `/api/registry/applications/${filed.json().id}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const enterprise = decided.json().enterprise;
    expect(enterprise).toMatchObject({
      uscc,
      status: 'active',
      kinds: ['trader', 'warehouse'],
      customsCreditTier: 'certified',
      aeoMraCountries: ['KZ'],
      bondedSites: ['QD-JZ-BLC'],
      profile: { products: ['8507600030', '8541430000'], markets: ['KZ', 'RU'] },
    });
    expect(decided.json().application).toMatchObject({ status: 'approved', enterpriseId: enterprise.id });

    const [event] = await queryRows<{ payload: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT payload FROM outbox_events WHERE type = 'registry.enterprise_activated' AND enterprise_id = ${enterprise.id}`,
    );
    expect(Object.keys(event!.payload).sort()).toEqual(['activatedAt', 'countryCode', 'enterpriseId', 'kinds', 'uscc']);
    expect(event!.payload).toMatchObject({
      enterpriseId: enterprise.id,
      uscc,
      kinds: ['trader', 'warehouse'],
      countryCode: 'CN',
    });
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'registry.application_approved'`),
    ).toBeGreaterThanOrEqual(1);

    // The officer sees the new enterprise in the registry like any other.
    const seen = await call(officer, 'GET', `/api/enterprises/${enterprise.id}`);
    expect(seen.statusCode).toBe(200);
  });

  // A USCC already registered, or already waiting, is a 409 naming `uscc`; nothing is written.
  it('refuses a duplicate USCC with 409 naming the field', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM registry_applications`);
    const taken = await call(admin, 'POST', '/api/registry/applications', application(DEMO_ENTERPRISES[0]!.uscc));
    expect(taken.statusCode, taken.body).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'uscc_taken', errors: [{ field: 'body.uscc', code: 'uscc_taken' }] });
    expect(await count(sql`SELECT count(*)::int AS n FROM registry_applications`)).toBe(before);

    const uscc = freshUscc();
    expect((await call(trader, 'POST', '/api/registry/applications', application(uscc))).statusCode).toBe(201);
    const again = await call(admin, 'POST', '/api/registry/applications', application(uscc), 'ru');
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toMatch(/код/);
  });

  // A failed check character is a warning, not a refusal, but approval needs the admin's explicit confirmation.
  it('accepts a USCC with a wrong check character only with an admin confirmation', async () => {
    const uscc = badCheck(freshUscc());
    const filed = await call(trader, 'POST', '/api/registry/applications', application(uscc));
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ usccCheckOk: false, warnings: [{ field: 'body.uscc', code: 'check_digit' }] });
    const id = filed.json().id;

    const unconfirmed = await call(admin, 'POST', `/api/registry/applications/${id}/decision`, { decision: 'approve' });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.json()).toMatchObject({
      code: 'uscc_warning_unconfirmed',
      errors: [{ field: 'body.confirmUsccWarning', code: 'uscc_warning_unconfirmed' }],
    });
    expect(await count(sql`SELECT count(*)::int AS n FROM enterprises WHERE uscc = ${uscc}`)).toBe(0);
    expect((await call(admin, 'GET', `/api/registry/applications/${id}`)).json().status).toBe('pending');

    const confirmed = await call(admin, 'POST', `/api/registry/applications/${id}/decision`, {
      decision: 'approve',
      confirmUsccWarning: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().enterprise).toMatchObject({ uscc, usccCheckOk: false });
    expect(confirmed.json().application.usccWarningConfirmed).toBe(true);
  });

  // Malformed fields are refused with every bad field named, in the caller's language; nothing is written.
  it('names every bad field', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM registry_applications`);
    const charset = await call(admin, 'POST', '/api/registry/applications', application('91370281MA3DJ7K1IO'));
    expect(charset.statusCode).toBe(422);
    expect(charset.json().errors).toEqual([expect.objectContaining({ field: 'body.uscc', code: 'invalid_uscc' })]);

    const unknown = await call(
      admin,
      'POST',
      '/api/registry/applications',
      application(freshUscc(), { profile: { markets: ['QQ'] }, customsCreditTier: 'regular', aeoMraCountries: ['RU'] }),
      'zh-CN',
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.profile.markets.0',
      'body.aeoMraCountries',
    ]);
    expect(unknown.json().title).toBe('请求数据有误');

    const shape = await call(
      admin,
      'POST',
      '/api/registry/applications',
      application(freshUscc(), { customsCode: 'abc' }),
    );
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { field: string }) => e.field)).toContain('body.customsCode');

    const kinds = await call(
      admin,
      'POST',
      '/api/registry/applications',
      application(freshUscc(), { kinds: ['pirate'] }),
    );
    expect(kinds.statusCode).toBe(400);
    expect(await count(sql`SELECT count(*)::int AS n FROM registry_applications`)).toBe(before);
  });

  // Applicants see their own applications only; only zone admins decide; a rejection needs a reason and is final.
  it('keeps applications to their filers and decisions to zone admins', async () => {
    const filed = await call(trader, 'POST', '/api/registry/applications', application(freshUscc()));
    const id = filed.json().id;
    expect((await call(forwarder, 'GET', `/api/registry/applications/${id}`)).statusCode).toBe(404);
    const forwarderList = await call(forwarder, 'GET', '/api/registry/applications');
    expect(forwarderList.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await call(trader, 'GET', `/api/registry/applications/${id}`)).statusCode).toBe(200);
    expect(
      (await call(trader, 'POST', `/api/registry/applications/${id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    expect(
      (await call(officer, 'POST', `/api/registry/applications/${id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(403);

    const noReason = await call(admin, 'POST', `/api/registry/applications/${id}/decision`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('body.reason');
    const rejected = await call(admin, 'POST', `/api/registry/applications/${id}/decision`, {
      decision: 'reject',
      reason: 'Customs registration code does not match the business licence',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ application: { status: 'rejected' }, enterprise: null });
    const again = await call(admin, 'POST', `/api/registry/applications/${id}/decision`, { decision: 'approve' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('application_state');
    expect((await call(trader, 'GET', `/api/registry/applications/${id}`)).json().decisionReason).toMatch(/licence/);
  });

  // Demo enterprises count as activated: they were announced at seed, and the public counts include them.
  it('counts demo enterprises as activated', async () => {
    const activations = await count(
      sql`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'registry.enterprise_activated'`,
    );
    const counts = await countEnterprisesByStatus(t.database.db);
    expect(counts.active).toBe(activations);
    expect(counts.active).toBeGreaterThanOrEqual(DEMO_ENTERPRISES.length);
    const summaries = await listEnterpriseSummaries(t.database.db);
    expect(summaries.length).toBe(counts.active + counts.suspended);
    expect(summaries.every((s) => s.activatedAt !== null)).toBe(true);
  });

  // An enterprise updates its own profile; another tenant's id is 404; customs alone records the tier and AEO status.
  it('lets an enterprise edit its profile and customs record its tier', async () => {
    const me = (await call(trader, 'GET', '/api/auth/me')).json();
    const own = me.user.enterpriseId as string;
    const forwarderId = (await call(forwarder, 'GET', '/api/auth/me')).json().user.enterpriseId as string;
    const body = {
      bondedSites: ['QD-JZ-BLC'],
      profile: { products: ['8507600030'], markets: ['KZ', 'UZ'], certifications: [{ kind: 'ISO 14001' }] },
    };
    const updated = await call(trader, 'PUT', `/api/enterprises/${own}/profile`, body);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().profile).toEqual({
      products: ['8507600030'],
      markets: ['KZ', 'UZ'],
      certifications: [{ kind: 'ISO 14001', number: null, validUntil: null }],
    });
    expect((await call(trader, 'PUT', `/api/enterprises/${forwarderId}/profile`, body)).statusCode).toBe(404);
    const badMarket = await call(trader, 'PUT', `/api/enterprises/${own}/profile`, {
      ...body,
      profile: { markets: ['ZZ'] },
    });
    expect(badMarket.statusCode).toBe(422);
    expect(badMarket.json().errors[0].field).toBe('body.profile.markets.0');

    const tier = { customsCreditTier: 'advanced_certified', aeoMraCountries: ['KZ', 'RU'] };
    expect((await call(trader, 'PUT', `/api/enterprises/${own}/customs-status`, tier)).statusCode).toBe(403);
    const recorded = await call(officer, 'PUT', `/api/enterprises/${own}/customs-status`, tier);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject(tier);
    const wrong = await call(officer, 'PUT', `/api/enterprises/${own}/customs-status`, {
      customsCreditTier: 'discredited',
      aeoMraCountries: ['KZ'],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('body.aeoMraCountries');
    const [event] = await queryRows<{ payload: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT payload FROM outbox_events WHERE type = 'registry.customs_status_changed' AND enterprise_id = ${own}`,
    );
    expect(event!.payload).toMatchObject({ customsCreditTier: 'advanced_certified' });
  });
});
