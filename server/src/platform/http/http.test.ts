import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { assertAccessDeclared } from './access.js';
import { IDEMPOTENCY_TTL_HOURS, purgeExpiredIdempotencyRecords } from './idempotency.js';
import { idempotencyRecords } from './schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
});
afterAll(async () => t?.close());

describe('kernel: health, docs, metrics', () => {
  it('health reports the database and the event bus', async () => {
    // Proves /api/health answers ok with the state of its dependencies, without a login.
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database).toEqual({ kind: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', status: 'up' });
    expect(body.eventBus.nats).toBe('disabled');
    expect(body.demo).toBe(true);
    expect(body.eventBus.outboxPending).toBeGreaterThanOrEqual(0);
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas, and a docs page', async () => {
    // Proves the document is generated (it lists real routes with their schemas) and rendered.
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/reference/locations', '/api/webhooks', '/api/health']),
    );
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    const docsPage = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docsPage.statusCode).toBe(200);
    expect(docsPage.headers['content-type']).toContain('text/html');
  });

  it('exposes Prometheus metrics labelled by route pattern', async () => {
    // Proves request durations are recorded per route pattern (never per raw URL).
    await t.app.inject({ method: 'GET', url: '/api/reference/locations/CNTAO' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('scohub_http_request_duration_seconds_bucket');
    expect(response.body).toContain('route="/api/reference/locations/:locode"');
    expect(response.body).not.toContain('route="/api/reference/locations/CNTAO"');
  });
});

describe('kernel: every route declares who may call it', () => {
  it('has an access rule on every /api route', async () => {
    // Proves the guard catalogue covers all API routes, and that public ones are a short known list.
    const api = t.app.routeCatalog.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(15);
    for (const route of api) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
    const publicRoutes = api
      .filter((r) => r.access === 'public' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/openapi.json',
        'GET /api/public/documents/:token',
        'POST /api/public/documents/verify',
        'GET /api/reference/countries',
        'GET /api/reference/countries/:code',
        'GET /api/reference/currencies',
        'GET /api/reference/exchange-rates',
        'GET /api/reference/locations',
        'GET /api/reference/locations/:locode',
        'GET /api/trade/tariff',
        'GET /api/trade/tariff/:code',
        'POST /api/auth/login',
      ].sort(),
    );
  });

  it('refuses to register an /api route without an access rule', async () => {
    // Proves the rule is enforced at start-up, not left to reviewers.
    const app = Fastify();
    app.addHook('onRoute', assertAccessDeclared);
    expect(() => app.get('/api/forgotten', async () => 'x')).toThrow(/does not declare config.access/);
    expect(() => app.get('/api/declared', { config: { access: ['zone_admin'] } }, async () => 'x')).not.toThrow();
    await app.close();
  });
});

describe('kernel: problem documents', () => {
  const bad = { email: 5 };
  it.each([
    ['zh-CN', '请求数据有误', '类型错误'],
    ['en', 'The request is not valid', 'must be of type'],
    ['ru', 'Запрос содержит ошибки', 'должно иметь тип'],
  ])('answers validation errors in %s, naming every field', async (language, title, fieldText) => {
    // Proves schema errors become RFC 9457 documents in the caller's language, all fields at once.
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': language },
      payload: bad,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({
      type: 'urn:scohub:problem:validation_failed',
      status: 400,
      code: 'validation_failed',
      title,
    });
    expect(problem.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const fields = problem.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['body.email', 'body.password']);
    expect(problem.errors.find((e: { field: string }) => e.field === 'body.email').message).toContain(fieldText);
    expect(problem.errors.find((e: { field: string }) => e.field === 'body.password').code).toBe('required');
  });

  it('defaults to Chinese and honours quality values in Accept-Language', async () => {
    // Proves language negotiation: no header → zh-CN; "de, ru;q=0.8, en;q=0.5" → ru.
    const none = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(none.json().title).toBe('接口不存在');
    const ranked = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'de, ru;q=0.8, en;q=0.5' },
    });
    expect(ranked.statusCode).toBe(404);
    expect(ranked.json()).toMatchObject({ code: 'route_not_found', title: 'Такого метода API нет' });
  });

  it('rejects unknown fields in closed schemas by name', async () => {
    // Proves closed request schemas name the stray field.
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { email: 'a@b', password: 'x', isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'body.isAdmin', code: 'unknown_field', message: 'is not an allowed field' },
    ]);
  });

  it('answers malformed JSON, oversize bodies and non-JSON bodies with problems', async () => {
    // Proves parser-level failures are problem documents too (400, 413, 415).
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'malformed_json', title: 'The request body is not valid JSON' });
    const oversize = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ email: 'x'.repeat(4000), password: 'y' }),
    });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json()).toMatchObject({
      code: 'payload_too_large',
      detail: 'The request body must not exceed 2048 bytes.',
    });
    const textPlain = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a&password=b',
    });
    expect(textPlain.statusCode).toBe(415);
    expect(textPlain.json().code).toBe('unsupported_media_type');
  });
});

describe('kernel: idempotency housekeeping', () => {
  it('forgets keys older than the window and keeps fresh ones', async () => {
    // Proves the purge removes only expired idempotency records.
    const db = t.database.db;
    const old = new Date(Date.now() - (IDEMPOTENCY_TTL_HOURS + 1) * 3_600_000);
    await db.insert(idempotencyRecords).values([
      { scope: 'user:x', key: 'old', requestHash: 'h', statusCode: 200, body: {}, createdAt: old },
      { scope: 'user:x', key: 'fresh', requestHash: 'h', statusCode: 200, body: {} },
    ]);
    await purgeExpiredIdempotencyRecords(db);
    const keys = (await db.select().from(idempotencyRecords)).filter((r) => r.scope === 'user:x').map((r) => r.key);
    expect(keys).toEqual(['fresh']);
  });
});

describe('configuration', () => {
  it('loads the demo dataset by default only on the embedded database', () => {
    // Proves the demo rule: PGlite → demo; DATABASE_URL → no demo unless --demo or DEMO=1.
    expect(loadConfig({}, []).loadDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }, []).loadDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }, ['node', 'main.js', '--demo']).loadDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', DEMO: '1' }, []).loadDemo).toBe(true);
    expect(() => loadConfig({ PORT: 'eighty' }, [])).toThrow(/PORT must be a positive integer/);
  });
});
