import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let trader: string;
let forwarder: string;
let admin: string;

beforeAll(async () => {
  t = await buildTestApp();
  trader = await t.login('trader@demo');
  forwarder = await t.login('forwarder@demo');
  admin = await t.login('admin@demo');
});
afterAll(async () => t?.close());

const en = { 'accept-language': 'en' };

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and tells who signed in', async () => {
    // Proves a successful login creates a usable session with the user's role and tenant.
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Trader@Demo', password: 'demo1234' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'scohub_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json().user).toMatchObject({ email: 'trader@demo', role: 'trader' });
    expect(response.json().enterprise.uscc).toHaveLength(18);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `scohub_session=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ via: 'session', user: { role: 'trader' } });
  });

  it('gives the same 401 for a wrong password and an unknown e-mail', async () => {
    // Proves the answer does not reveal which part of the credentials was wrong.
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: en,
      payload: { email: 'bank@demo', password: 'nope' },
    });
    const unknownUser = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: en,
      payload: { email: 'ghost@demo', password: 'nope' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrongPassword.json())).toEqual(strip(unknownUser.json()));
    expect(wrongPassword.json()).toMatchObject({ code: 'invalid_credentials', title: 'Wrong e-mail or password' });
  });

  it('slows down repeated failures per account, even when the right password finally comes', async () => {
    // Proves the per-account throttle: after 5 failures the 6th try gets 429 with Retry-After.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const failed = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'officer@demo', password: `bad${attempt}` },
      });
      expect(failed.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: en,
      payload: { email: 'officer@demo', password: 'demo1234' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().code).toBe('login_throttled');
  });

  it('ends the session on logout', async () => {
    // Proves a revoked session cookie no longer authenticates.
    const cookie = await t.login('bank@demo');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });
});

describe('roles', () => {
  it('401 without a login, 403 with the wrong role, 200 with the right one', async () => {
    // Proves the server enforces each route's declared roles.
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/users', headers: en });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
    // The bank officer is no enterprise admin (trader@demo is one: see enterprise-users.test.ts).
    const bank = await t.login('bank@demo');
    const wrongRole = await t.app.inject({ method: 'GET', url: '/api/users', headers: { ...en, cookie: bank } });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toMatchObject({
      code: 'forbidden',
      detail: 'This requires one of the roles: zone_admin, enterprise_admin.',
    });
    const allowed = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining(['admin@demo', 'bank@demo', 'forwarder@demo', 'officer@demo', 'trader@demo']),
    );
  });

  it('refuses a user whose role does not fit its owner, changing nothing', async () => {
    // Proves domain validation: a customs officer cannot belong to an enterprise.
    const enterprise = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: trader } })).json()
      .enterprise;
    const before = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json().items
      .length;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...en, cookie: admin },
      payload: {
        email: 'x@demo',
        password: 'longenough',
        displayName: 'X',
        role: 'customs_officer',
        enterpriseId: enterprise.id,
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ field: 'body.role', code: 'owner_mismatch' });
    const after = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json().items
      .length;
    expect(after).toBe(before);
  });
});

describe('authorities', () => {
  it('lists the zone authorities to signed-in users only', async () => {
    // Proves GET /api/authorities names customs and the zone administration in three languages.
    expect((await t.app.inject({ method: 'GET', url: '/api/authorities' })).statusCode).toBe(401);
    const response = await t.app.inject({ method: 'GET', url: '/api/authorities', headers: { cookie: trader } });
    const items = response.json().items as { code: string; names: Record<string, string> }[];
    expect(items.map((a) => a.code)).toEqual(['customs', 'zone']);
    expect(items[1]?.names).toEqual({
      'zh-CN': '上合示范区管委会',
      en: 'SCO Demonstration Area Administration',
      ru: 'Администрация демонстрационной зоны ШОС',
    });
  });
});

describe('API keys', () => {
  it('are shown once, authenticate as their owner, and stop working when revoked', async () => {
    // Proves the API-key life cycle for system-to-system calls.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie: trader },
      payload: { name: 'ERP' },
    });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json();
    expect(key).toMatch(/^sk_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    const listed = await t.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: trader } });
    // The secret is everything after `sk_<prefix>_`; it may itself contain '_' (base64url), so no split.
    const secret = key.slice('sk_'.length + 10 + 1);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(listed.json())).not.toContain(secret);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${key}` } });
    expect(me.json()).toMatchObject({ via: 'api_key', user: { email: 'trader@demo' } });
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${key.slice(0, -2)}xx` },
    });
    expect(forged.statusCode).toBe(401);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${apiKey.id}`,
      headers: { cookie: trader },
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('tenant isolation', () => {
  it('one enterprise cannot read or change another enterprise’s records by guessing ids', async () => {
    // Proves API keys, webhooks and the enterprise record of tenant A are invisible (404) to tenant B.
    const key = (
      await t.app.inject({ method: 'POST', url: '/api/api-keys', headers: { cookie: trader }, payload: { name: 'A' } })
    ).json().apiKey;
    const hook = (
      await t.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: { cookie: trader },
        payload: { url: 'http://127.0.0.1:9/hook', eventTypes: ['*'] },
      })
    ).json().webhook;
    const traderEnterprise = (
      await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: trader } })
    ).json().enterprise;

    const probes = [
      { method: 'GET' as const, url: `/api/api-keys/${key.id}` },
      { method: 'DELETE' as const, url: `/api/api-keys/${key.id}` },
      { method: 'GET' as const, url: `/api/webhooks/${hook.id}/deliveries` },
      { method: 'DELETE' as const, url: `/api/webhooks/${hook.id}` },
      { method: 'POST' as const, url: `/api/webhooks/${hook.id}/ping` },
      { method: 'GET' as const, url: `/api/enterprises/${traderEnterprise.id}` },
    ];
    for (const probe of probes) {
      const response = await t.app.inject({ ...probe, headers: { cookie: forwarder } });
      expect(response.statusCode, `${probe.method} ${probe.url}`).toBe(404);
    }
    const forwarderKeys = (
      await t.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: forwarder } })
    ).json().items;
    expect(forwarderKeys.map((k: { id: string }) => k.id)).not.toContain(key.id);
    const forwarderHooks = (
      await t.app.inject({ method: 'GET', url: '/api/webhooks', headers: { cookie: forwarder } })
    ).json().items;
    expect(forwarderHooks).toEqual([]);
    const forwarderEnterprises = (
      await t.app.inject({ method: 'GET', url: '/api/enterprises', headers: { cookie: forwarder } })
    ).json().items;
    expect(forwarderEnterprises).toHaveLength(1);
    // Nothing changed for the owner.
    const stillThere = await t.app.inject({
      method: 'GET',
      url: `/api/api-keys/${key.id}`,
      headers: { cookie: trader },
    });
    expect(stillThere.json().revokedAt).toBeNull();
    const hooks = (await t.app.inject({ method: 'GET', url: '/api/webhooks', headers: { cookie: trader } })).json()
      .items;
    expect(hooks.find((h: { id: string }) => h.id === hook.id).active).toBe(true);
  });

  it('shows a tenant only its own audit trail and events', async () => {
    // Proves audit and event listings are filtered by tenant, while an authority sees the zone.
    const traderMe = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: trader } })).json();
    const traderAudit = (
      await t.app.inject({ method: 'GET', url: '/api/audit?limit=200', headers: { cookie: trader } })
    ).json().items;
    expect(traderAudit.length).toBeGreaterThan(0);
    expect(new Set(traderAudit.map((e: { enterpriseId: string }) => e.enterpriseId))).toEqual(
      new Set([traderMe.enterprise.id]),
    );
    const adminAudit = (
      await t.app.inject({ method: 'GET', url: '/api/audit?limit=200', headers: { cookie: admin } })
    ).json().items;
    expect(new Set(adminAudit.map((e: { enterpriseId: string | null }) => e.enterpriseId)).size).toBeGreaterThan(1);
    const forwarderEvents = (
      await t.app.inject({ method: 'GET', url: '/api/events', headers: { cookie: forwarder } })
    ).json().items;
    for (const event of forwarderEvents) expect(event.enterpriseId).not.toBe(traderMe.enterprise.id);
  });
});

describe('audit', () => {
  it('records who created what, with secrets redacted', async () => {
    // Proves a mutation leaves an audit record naming the actor and the entity.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        email: 'new.officer@demo',
        password: 'longenough',
        displayName: 'New',
        role: 'zone_admin',
        authorityId: (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })).json()
          .authority.id,
      },
    });
    expect(created.statusCode).toBe(201);
    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/audit?entityType=user', headers: { cookie: admin } })
    ).json().items;
    const entry = audit.find((e: { entityId: string }) => e.entityId === created.json().id);
    const adminId = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })).json().user
      .id;
    expect(entry).toMatchObject({ action: 'user.create', actorUserId: adminId, actorRole: 'zone_admin' });
    expect(JSON.stringify(entry)).not.toContain('longenough');
  });
});

describe('idempotency', () => {
  it('replays the first answer for a retried request and changes nothing', async () => {
    // Proves a retried POST with the same Idempotency-Key returns the same body and writes once.
    const hook = (
      await t.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: { cookie: forwarder },
        payload: { url: 'http://127.0.0.1:9/x', eventTypes: ['events.*'] },
      })
    ).json().webhook;
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}/ping`,
        headers: { cookie: forwarder, 'idempotency-key': 'ping-1' },
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const events = (
      await t.app.inject({ method: 'GET', url: '/api/events?limit=200', headers: { cookie: forwarder } })
    ).json().items;
    expect(
      events.filter(
        (e: { type: string; payload: { webhookId: string } }) =>
          e.type === 'events.ping' && e.payload.webhookId === hook.id,
      ),
    ).toHaveLength(1);
  });

  it('refuses the same key for a different request', async () => {
    // Proves a key bound to one request cannot be reused for another.
    const admin2 = admin;
    const authorityId = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin2 } })).json()
      .authority.id;
    const body = (email: string) => ({
      email,
      password: 'longenough',
      displayName: 'I',
      role: 'zone_admin',
      authorityId,
    });
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin2, 'idempotency-key': 'u-1' },
      payload: body('idem1@demo'),
    });
    expect(first.statusCode).toBe(201);
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...en, cookie: admin2, 'idempotency-key': 'u-1' },
      payload: body('idem2@demo'),
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    const users = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin2 } }))
      .json()
      .items.map((u: { email: string }) => u.email);
    expect(users).toContain('idem1@demo');
    expect(users).not.toContain('idem2@demo');
  });

  it('applies concurrent retries with one key exactly once', async () => {
    // Proves racing duplicates (a partner retrying on timeout) create one user and get one answer.
    const authorityId = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })).json()
      .authority.id;
    const payload = { email: 'race@demo', password: 'longenough', displayName: 'R', role: 'zone_admin', authorityId };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/users',
          headers: { cookie: admin, 'idempotency-key': 'race-1' },
          payload,
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    const users = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json().items;
    expect(users.filter((u: { email: string }) => u.email === 'race@demo')).toHaveLength(1);
  });
});

describe('language preference', () => {
  it('uses the saved language when the request names none', async () => {
    // Proves a user's language setting drives problem documents when Accept-Language is absent.
    const bank = await t.login('bank@demo');
    const saved = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie: bank },
      payload: { locale: 'ru' },
    });
    expect(saved.json().locale).toBe('ru');
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: bank } });
    expect(forbidden.json().title).toBe('Недостаточно прав для этого действия');
  });
});
